/* test_actors.c — the actors pass: name detection with particles and
 * initials, typing, alias merging (surnames, initials, acronyms, titles),
 * sentence-initial capitals, the actors_* queries of the other passes, the
 * lexicon tables, and linear time on long texts. Texts are written here. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "extract.h"
#include "lexicon_names.h"
#include "test.h"
#include "utf8.h"

/* ---------------------------------------------------------------------- */
/* Helpers */

static struct extraction run(const char *lang, const char *text)
{
    struct extraction x;
    struct article_input in = {.text = text, .len = strlen(text), .lang = lang};
    enum extract_status st = extract_article(&in, &x);
    CHECK_INT(st, EXTRACT_OK);
    return x;
}

static bool same_folded(const char *a, const char *b)
{
    char fa[256], fb[256];
    size_t na = utf8_fold_into(a, strlen(a), fa, sizeof fa);
    size_t nb = utf8_fold_into(b, strlen(b), fb, sizeof fb);
    return na == nb && memcmp(fa, fb, na) == 0;
}

/* The actor whose name or an alias is `name` (folded), or NULL. */
static const struct actor *find(const struct extraction *x, const char *name)
{
    for (size_t i = 0; i < x->n_actors; i++) {
        const struct actor *a = &x->actors[i];
        if (same_folded(a->name, name))
            return a;
        for (size_t k = 0; k < a->n_aliases; k++)
            if (same_folded(a->aliases[k], name))
                return a;
    }
    return NULL;
}

/* How many actors answer to `name`: 1 when merged, 0 when missed. */
static int count(const struct extraction *x, const char *name)
{
    int n = 0;
    for (size_t i = 0; i < x->n_actors; i++) {
        const struct actor *a = &x->actors[i];
        bool hit = same_folded(a->name, name);
        for (size_t k = 0; k < a->n_aliases && !hit; k++)
            hit = same_folded(a->aliases[k], name);
        n += hit;
    }
    return n;
}

static bool has_alias(const struct actor *a, const char *alias)
{
    if (!a)
        return false;
    if (same_folded(a->name, alias))
        return true;
    for (size_t k = 0; k < a->n_aliases; k++)
        if (same_folded(a->aliases[k], alias))
            return true;
    return false;
}

static bool mentions_sorted(const struct extraction *x)
{
    for (size_t i = 0; i < x->n_actors; i++)
        for (size_t k = 1; k < x->actors[i].n_mentions; k++)
            if (x->actors[i].mentions[k - 1].start > x->actors[i].mentions[k].start)
                return false;
    return true;
}

#define CHECK_ACTOR(x, nm, ty)                                        \
    do {                                                              \
        const struct actor *a_ = find(&(x), nm);                      \
        CHECK(a_ != NULL);                                            \
        if (a_)                                                       \
            CHECK_STR(actor_type_name(a_->type), actor_type_name(ty)); \
    } while (0)

/* ---------------------------------------------------------------------- */
/* The seed article's merges (French). */

static const char SEED_FR[] =
    "Après l’intensification des combats dans la région d’Idlib opposant les forces turques à une "
    "armée syrienne appuyée par l’aviation russe, le Président turc est allé chercher à Moscou "
    "l’espoir d’une trêve. Recep Tayyip Erdogan et Vladimir Poutine ont eu un tête-à-tête de trois "
    "heures, a indiqué le Kremlin.\n\n"
    "\"Nous devons discuter de toute la situation\", a dit Vladimir Poutine en ouverture de "
    "l'entretien. Le Président russe a présenté ses condoléances à son homologue.\n\n"
    "La tentative de reprise de la région d'Idlib par le régime de Damas a déclenché une crise "
    "humanitaire qui pourrait être selon les Nations unies la pire dans la région.\n\n"
    "L'Otan appelle à l'unité\n\n"
    "\"La Turquie est un allié important\", a indiqué à l’Agence France Presse le secrétaire "
    "général de l’Otan, Jens Stoltenberg. Le chef de la diplomatie française, Jean-Yves Le Drian, "
    "a estimé de son côté qu'une explication s'impose.\n\n"
    "Après avoir rencontré Recep T. Erdogan à Ankara mercredi, le président du Conseil européen "
    "Charles Michel a parlé jeudi à Vladimir Poutine. Selon le Kremlin, il a parlé des migrations "
    "vers les pays de l'UE. Erdogan a répété sa position, selon l'AFP. Sa décision est "
    "interprétée par l’Union européenne comme un chantage.\n";

TEST(test_seed_merges)
{
    struct extraction x = run("fr", SEED_FR);
    const struct actor *e = find(&x, "Recep Tayyip Erdogan");
    CHECK(e != NULL);
    if (e) {
        CHECK_STR(e->name, "Recep Tayyip Erdogan");
        CHECK_INT(e->type, ACTOR_PERSON);
    }
    CHECK(has_alias(e, "Recep T. Erdogan"));
    CHECK(has_alias(e, "Erdogan"));
    CHECK(has_alias(e, "Président turc"));
    CHECK_INT(count(&x, "Erdogan"), 1);
    CHECK_INT(count(&x, "Recep T. Erdogan"), 1);

    const struct actor *p = find(&x, "Vladimir Poutine");
    CHECK(has_alias(p, "Président russe"));
    CHECK(p != e);

    CHECK_ACTOR(x, "Otan", ACTOR_ORGANIZATION);
    CHECK_INT(count(&x, "Otan"), 1);
    const struct actor *ue = find(&x, "Union européenne");
    CHECK(has_alias(ue, "UE"));
    CHECK_INT(count(&x, "UE"), 1);
    const struct actor *afp = find(&x, "Agence France Presse");
    CHECK(has_alias(afp, "AFP"));
    CHECK_INT(count(&x, "AFP"), 1);
    if (afp)
        CHECK_INT(afp->type, ACTOR_ORGANIZATION);

    CHECK(has_alias(find(&x, "Jens Stoltenberg"), "secrétaire général de l’Otan"));
    CHECK_ACTOR(x, "Jean-Yves Le Drian", ACTOR_PERSON);
    CHECK_ACTOR(x, "Charles Michel", ACTOR_PERSON);
    CHECK_ACTOR(x, "Conseil européen", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Nations unies", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Kremlin", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Idlib", ACTOR_PLACE);
    CHECK_ACTOR(x, "Moscou", ACTOR_PLACE);
    CHECK_ACTOR(x, "Ankara", ACTOR_PLACE);
    CHECK_ACTOR(x, "Damas", ACTOR_PLACE);
    CHECK_ACTOR(x, "Turquie", ACTOR_PLACE);
    /* sentence-initial words, days and adjectives are not actors */
    CHECK(find(&x, "Après") == NULL);
    CHECK(find(&x, "Selon") == NULL);
    CHECK(find(&x, "La") == NULL);
    CHECK(find(&x, "mercredi") == NULL);
    CHECK(find(&x, "Président") == NULL);
    CHECK(find(&x, "turques") == NULL);
    CHECK(mentions_sorted(&x));
    /* every alias of Erdogan is a mention of him */
    if (e)
        CHECK(e->n_mentions >= 4);
    extraction_free(&x);
}

/* ---------------------------------------------------------------------- */
/* Name shapes. */

TEST(test_particles_fr)
{
    struct extraction x = run("fr",
        "La présidente de la Commission, Ursula von der Leyen, a reçu Jean-Yves Le Drian à Bruxelles. "
        "Le prince héritier Mohammad bin Salman a rencontré Bachar al-Assad. Le Drian a estimé que "
        "la rencontre était utile. Assad n'a rien dit. Henri de Raincourt était présent.");
    CHECK_ACTOR(x, "Ursula von der Leyen", ACTOR_PERSON);
    CHECK_ACTOR(x, "Jean-Yves Le Drian", ACTOR_PERSON);
    CHECK_ACTOR(x, "Mohammad bin Salman", ACTOR_PERSON);
    CHECK_ACTOR(x, "Bachar al-Assad", ACTOR_PERSON);
    CHECK_ACTOR(x, "Henri de Raincourt", ACTOR_PERSON);
    CHECK(has_alias(find(&x, "Jean-Yves Le Drian"), "Le Drian") || has_alias(find(&x, "Jean-Yves Le Drian"), "Drian"));
    CHECK(has_alias(find(&x, "Bachar al-Assad"), "Assad"));
    CHECK_INT(count(&x, "Assad"), 1);
    CHECK_ACTOR(x, "Bruxelles", ACTOR_PLACE);
    extraction_free(&x);
}

TEST(test_given_name_that_is_an_org_word)
{
    struct extraction x = run("fr",
        "Marine Le Pen a tenu un meeting à Lille. La Marine nationale a démenti l'information.");
    CHECK_ACTOR(x, "Marine Le Pen", ACTOR_PERSON);
    CHECK_ACTOR(x, "Marine nationale", ACTOR_ORGANIZATION);
    extraction_free(&x);
    x = run("en", "The US Marine Corps said it would help. The Peace Corps sent 40 volunteers.");
    CHECK(find(&x, "Marine Corps") || find(&x, "US Marine Corps"));
    const struct actor *mc = find(&x, "US Marine Corps") ? find(&x, "US Marine Corps") : find(&x, "Marine Corps");
    CHECK(mc && mc->type == ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Peace Corps", ACTOR_ORGANIZATION);
    extraction_free(&x);
}

/* A text that strings capitalised words together without end gives names
 * of bounded length (and so bounded work per name). */
TEST(test_endless_capitalised_run)
{
    const char unit[] = "Le Président Aaa Bbb Ccc ";
    size_t n = 20000, ul = sizeof unit - 1;
    char *text = malloc(n * ul + 1);
    CHECK(text != NULL);
    if (!text)
        return;
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * ul, unit, ul);
    text[n * ul] = '\0';
    struct extraction x = run("fr", text);
    for (size_t i = 0; i < x.n_actors; i++) {
        int words = 1;
        for (const char *p = x.actors[i].name; *p; p++)
            words += *p == ' ';
        CHECK(words <= 24);
    }
    extraction_free(&x);
    free(text);
}

TEST(test_particles_en)
{
    struct extraction x = run("en",
        "European Commission President Ursula von der Leyen met Saudi Crown Prince Mohammad bin Salman "
        "in Riyadh on Monday. Von der Leyen said the talks were useful. Salman did not comment.");
    CHECK_ACTOR(x, "Ursula von der Leyen", ACTOR_PERSON);
    CHECK_ACTOR(x, "Mohammad bin Salman", ACTOR_PERSON);
    CHECK_INT(count(&x, "Salman"), 1);
    CHECK_ACTOR(x, "European Commission", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Riyadh", ACTOR_PLACE);
    CHECK(find(&x, "Saudi") == NULL);
    CHECK(find(&x, "Monday") == NULL);
    extraction_free(&x);
}

TEST(test_titles_and_honorifics_en)
{
    struct extraction x = run("en",
        "President Donald Trump spoke on Friday. Trump said the crisis was over. Later, President "
        "Trump left. Mr Tong Yung-soo, the owner, was away. Dr. David Livermore of the University of "
        "East Anglia said the risk was real. Livermore added more. Secretary of State Mike Pompeo "
        "declined to comment.");
    const struct actor *t = find(&x, "Donald Trump");
    CHECK(t != NULL);
    if (t)
        CHECK_INT(t->type, ACTOR_PERSON);
    CHECK(has_alias(t, "Trump"));
    CHECK(has_alias(t, "President Trump"));
    CHECK_INT(count(&x, "Trump"), 1);
    CHECK_ACTOR(x, "Tong Yung-soo", ACTOR_PERSON);
    CHECK_ACTOR(x, "David Livermore", ACTOR_PERSON);
    CHECK_INT(count(&x, "Livermore"), 1);
    CHECK_ACTOR(x, "University of East Anglia", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Mike Pompeo", ACTOR_PERSON);
    CHECK(find(&x, "State") == NULL);
    CHECK(find(&x, "President") == NULL);
    CHECK(find(&x, "Friday") == NULL);
    CHECK(find(&x, "Later") == NULL);
    extraction_free(&x);
}

TEST(test_titles_fr)
{
    struct extraction x = run("fr",
        "M. Jean-Bertrand Aristide est rentré. M. Aristide a remercié ses partisans. Mme Pauline "
        "Marois, chef du Parti québécois, a pris la parole. Marois a promis un référendum. "
        "Le ministre iranien des Transports, Abbas Akhoundi, a annoncé l'achat d'avions Airbus.");
    const struct actor *a = find(&x, "Jean-Bertrand Aristide");
    CHECK(has_alias(a, "Aristide"));
    CHECK(has_alias(a, "M. Aristide"));
    CHECK_INT(count(&x, "Aristide"), 1);
    CHECK_ACTOR(x, "Pauline Marois", ACTOR_PERSON);
    CHECK_INT(count(&x, "Marois"), 1);
    CHECK_ACTOR(x, "Parti québécois", ACTOR_ORGANIZATION);
    CHECK(has_alias(find(&x, "Abbas Akhoundi"), "ministre iranien des Transports"));
    CHECK(find(&x, "Transports") == NULL);
    CHECK_ACTOR(x, "Airbus", ACTOR_ORGANIZATION);
    extraction_free(&x);
}

/* ---------------------------------------------------------------------- */
/* Acronyms and organisations. */

TEST(test_acronyms_fr)
{
    struct extraction x = run("fr",
        "L'Organisation des Nations unies (ONU) a condamné l'attaque. Les Forces démocratiques "
        "syriennes (FDS) ont répondu. Selon l'ONU, les FDS tiennent la ville. La Cour pénale "
        "internationale a ouvert une enquête ; la CPI siège à La Haye. Le ministère de la Justice "
        "a été saisi.");
    const struct actor *onu = find(&x, "ONU");
    CHECK(has_alias(onu, "Organisation des Nations unies"));
    CHECK_INT(count(&x, "ONU"), 1);
    const struct actor *fds = find(&x, "Forces démocratiques syriennes");
    CHECK(has_alias(fds, "FDS"));
    CHECK_INT(count(&x, "FDS"), 1);
    CHECK(has_alias(find(&x, "Cour pénale internationale"), "CPI"));
    CHECK_ACTOR(x, "ministère de la Justice", ACTOR_ORGANIZATION);
    CHECK(find(&x, "Justice") == NULL || has_alias(find(&x, "Justice"), "ministère de la Justice"));
    CHECK_ACTOR(x, "La Haye", ACTOR_PLACE);
    if (fds)
        CHECK_INT(fds->type, ACTOR_ORGANIZATION);
    extraction_free(&x);
}

TEST(test_acronyms_en)
{
    struct extraction x = run("en",
        "The Syrian Democratic Forces (SDF) struck a deal. The SDF said Kurdistan Workers' Party "
        "(PKK) fighters had left. The World Health Organization warned on Tuesday; WHO officials "
        "told Reuters that the United States must act. US officials did not answer. The Federal "
        "Emergency Management Agency (FEMA) will help. Burisma Holdings denied it; Burisma said "
        "nothing else.");
    CHECK(has_alias(find(&x, "Syrian Democratic Forces"), "SDF"));
    CHECK_INT(count(&x, "SDF"), 1);
    CHECK(has_alias(find(&x, "Kurdistan Workers' Party"), "PKK"));
    CHECK(has_alias(find(&x, "World Health Organization"), "WHO"));
    CHECK(has_alias(find(&x, "United States"), "US"));
    CHECK_INT(count(&x, "US"), 1);
    CHECK(has_alias(find(&x, "Federal Emergency Management Agency"), "FEMA"));
    CHECK(has_alias(find(&x, "Burisma Holdings"), "Burisma"));
    CHECK_ACTOR(x, "Reuters", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "United States", ACTOR_PLACE);
    CHECK(find(&x, "Syrian") == NULL);
    CHECK(find(&x, "The") == NULL);
    extraction_free(&x);
}

/* ---------------------------------------------------------------------- */
/* Titles bound to persons. */

TEST(test_title_binding_en)
{
    struct extraction x = run("en",
        "On Wednesday, Carrie Lam, the chief executive of Hong Kong, announced the withdrawal. "
        "The Turkish president met Vladimir Putin in Moscow. Recep Tayyip Erdogan asked for a "
        "ceasefire. The Turkish president said talks went well.");
    CHECK(has_alias(find(&x, "Carrie Lam"), "chief executive of Hong Kong"));
    const struct actor *e = find(&x, "Recep Tayyip Erdogan");
    CHECK(has_alias(e, "Turkish president") || has_alias(find(&x, "Vladimir Putin"), "Turkish president"));
    CHECK_ACTOR(x, "Hong Kong", ACTOR_PLACE);
    CHECK(find(&x, "Turkish") == NULL);
    CHECK(find(&x, "Wednesday") == NULL);
    extraction_free(&x);
}

TEST(test_title_apposition_fr)
{
    struct extraction x = run("fr",
        "Le président turc Recep Tayyip Erdogan a reçu le président russe. Vladimir Poutine a salué "
        "l'accord. Le président russe a ajouté qu'il reviendrait. Le président turc a conclu.");
    const struct actor *e = find(&x, "Recep Tayyip Erdogan");
    const struct actor *p = find(&x, "Vladimir Poutine");
    CHECK(has_alias(e, "président turc"));
    CHECK(has_alias(p, "président russe"));
    CHECK(!has_alias(e, "président russe"));
    extraction_free(&x);
}

/* ---------------------------------------------------------------------- */
/* Sentence-initial capitals, months, things that are not actors. */

TEST(test_sentence_initial)
{
    struct extraction x = run("en",
        "However, Joe Biden won. Biden thanked voters. Yesterday the vote ended. Meanwhile Sanders "
        "waited. The Democratic Party said Bernie Sanders would stay. In January, Biden led. "
        "\"We will win,\" Sanders said. Regarding Trump, nothing was said. The National Emergencies "
        "Act applies. A Boeing 737 crashed.");
    CHECK(find(&x, "However") == NULL);
    CHECK(find(&x, "Yesterday") == NULL);
    CHECK(find(&x, "Meanwhile") == NULL);
    CHECK(find(&x, "In") == NULL);
    CHECK(find(&x, "January") == NULL);
    CHECK(find(&x, "We") == NULL);
    CHECK(find(&x, "Regarding") == NULL);
    CHECK(find(&x, "Regarding Trump") == NULL);
    CHECK(find(&x, "National Emergencies Act") == NULL);
    CHECK(find(&x, "Boeing") == NULL);
    CHECK(has_alias(find(&x, "Joe Biden"), "Biden"));
    CHECK_INT(count(&x, "Biden"), 1);
    CHECK(has_alias(find(&x, "Bernie Sanders"), "Sanders"));
    CHECK_INT(count(&x, "Sanders"), 1);
    CHECK_ACTOR(x, "Democratic Party", ACTOR_ORGANIZATION);
    extraction_free(&x);

    x = run("fr",
        "Selon le Kremlin, la rencontre a eu lieu. Mardi, Poutine a parlé. Après la réunion, "
        "Vladimir Poutine est parti. Ensuite Moscou a réagi. Janvier fut froid. En France, "
        "l'Élysée s'est tu. Recherche d'une solution négociée\n\nLa recherche continue.");
    CHECK(find(&x, "Selon") == NULL);
    CHECK(find(&x, "Mardi") == NULL);
    CHECK(find(&x, "Après") == NULL);
    CHECK(find(&x, "Ensuite") == NULL);
    CHECK(find(&x, "Janvier") == NULL);
    CHECK(find(&x, "Recherche") == NULL);
    CHECK(has_alias(find(&x, "Vladimir Poutine"), "Poutine"));
    CHECK_INT(count(&x, "Poutine"), 1);
    CHECK_ACTOR(x, "Moscou", ACTOR_PLACE);
    CHECK_ACTOR(x, "France", ACTOR_PLACE);
    CHECK_ACTOR(x, "Élysée", ACTOR_ORGANIZATION);
    extraction_free(&x);
}

/* ---------------------------------------------------------------------- */
/* Typing from context. */

TEST(test_typing_context)
{
    struct extraction x = run("fr",
        "Les combats se poursuivent à Jarablus, Azaz, Manbij et Alep. Les rebelles ont quitté "
        "Saraqeb. Le Parti populaire (PP) a perdu. La préfecture des Bouches-du-Rhône a fermé les "
        "Calanques de Marseille.");
    CHECK_ACTOR(x, "Jarablus", ACTOR_PLACE);
    CHECK_ACTOR(x, "Azaz", ACTOR_PLACE);
    CHECK_ACTOR(x, "Manbij", ACTOR_PLACE);
    CHECK_ACTOR(x, "Alep", ACTOR_PLACE);
    CHECK(has_alias(find(&x, "Parti populaire"), "PP"));
    CHECK_ACTOR(x, "Parti populaire", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Bouches-du-Rhône", ACTOR_PLACE);
    CHECK_ACTOR(x, "Marseille", ACTOR_PLACE);
    extraction_free(&x);

    x = run("en",
        "Crews came from Dolgellau, Harlech, Barmouth, Bala, and Blaenau Ffestiniog in Wales. "
        "North Wales Fire and Rescue Service said the fire was out. Police told WalesOnline and "
        "the BBC. Matt Myers said the team was ready.");
    CHECK_ACTOR(x, "Harlech", ACTOR_PLACE);
    CHECK_ACTOR(x, "Blaenau Ffestiniog", ACTOR_PLACE);
    CHECK_ACTOR(x, "Wales", ACTOR_PLACE);
    CHECK_ACTOR(x, "North Wales Fire and Rescue Service", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "WalesOnline", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "BBC", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Matt Myers", ACTOR_PERSON);
    extraction_free(&x);
}

/* ---------------------------------------------------------------------- */
/* The queries of the other passes. */

static int with_doc(const char *lang, const char *text, struct doc *d, struct extraction *x)
{
    memset(x, 0, sizeof *x);
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = strlen(text);
    d->lang = strcmp(lang, "en") == 0 ? LANG_EN : LANG_FR;
    d->out = x;
    x->lang = d->lang;
    if (doc_tokenize(d))
        return -1;
    return actors_extract(d);
}

static void end_doc(struct doc *d, struct extraction *x)
{
    actors_release(d);
    doc_free_tokens(d);
    extraction_free(x);
}

TEST(test_queries)
{
    static const char text[] = "Recep Tayyip Erdogan a rencontré Vladimir Poutine à Moscou. "
                               "Selon le Kremlin, Erdogan a dit non. Un porte-parole, Dmitri "
                               "Peskov, l'a confirmé.";
    struct doc d;
    struct extraction x;
    CHECK_INT(with_doc("fr", text, &d, &x), 0);
    int e = actors_find(&d, "Erdogan", strlen("Erdogan"));
    CHECK(e >= 0);
    CHECK_INT(actors_find(&d, "ERDOGAN", strlen("ERDOGAN")), e);
    CHECK_INT(actors_find(&d, "Recep Tayyip Erdogan", strlen("Recep Tayyip Erdogan")), e);
    CHECK_INT(actors_find(&d, "Poutine", 7), actors_find(&d, "Vladimir Poutine", 16));
    CHECK_INT(actors_find(&d, "Macron", 6), -1);

    const char *at = strstr(text, "Erdogan a dit");
    size_t off = (size_t)(at - text);
    CHECK_INT(actors_at(&d, off, off + 7), e);
    CHECK_INT(actors_at(&d, 0, 5), e);
    CHECK_INT(actors_at(&d, off + 8, off + 13), -1); /* "a dit" */

    /* a surname of a known person merges; an unknown name is created */
    size_t n0 = x.n_actors;
    const char *mo = strstr(text, "Moscou");
    int p = actors_add(&d, "Poutine", 7, ACTOR_PERSON, (size_t)(mo - text), (size_t)(mo - text) + 6);
    CHECK_INT(p, actors_find(&d, "Vladimir Poutine", 16));
    CHECK_INT(x.n_actors, n0);
    const char *pk = strstr(text, "Dmitri");
    int k = actors_add(&d, "Dmitri Peskov", 13, ACTOR_PERSON, (size_t)(pk - text), (size_t)(pk - text) + 13);
    CHECK(k >= 0);
    CHECK_INT(actors_add(&d, "Peskov", 6, ACTOR_PERSON, 0, 0), k);
    CHECK_INT(actors_find(&d, "Peskov", 6), k);
    CHECK_INT(actors_at(&d, (size_t)(pk - text) + 2, (size_t)(pk - text) + 4), k);
    CHECK(mentions_sorted(&x));
    if (p >= 0)
        CHECK(x.actors[p].n_mentions >= 2);

    /* mentions in a span, in text order */
    const struct actor_mention *m;
    size_t nm = actors_mentions_in(&d, 0, strlen(text), &m);
    size_t total = 0;
    for (size_t i = 0; i < x.n_actors; i++)
        total += x.actors[i].n_mentions;
    CHECK_INT(nm, total);
    for (size_t i = 1; i < nm; i++)
        CHECK(m[i - 1].start <= m[i].start);
    const char *sel = strstr(text, "Selon");
    nm = actors_mentions_in(&d, (size_t)(sel - text), (size_t)(sel - text) + 30, &m);
    CHECK(nm >= 2); /* "Kremlin", "Erdogan" */
    if (nm >= 2) {
        CHECK_INT(m[1].actor, e);
        CHECK(m[0].start >= (size_t)(sel - text));
    }
    CHECK_INT(actors_mentions_in(&d, 5, 5, &m), 0);

    /* many additions, out of order: every one is found, the list stays sorted */
    size_t before = actors_mentions_in(&d, 0, (size_t)-1, &m);
    bool found = true;
    for (size_t i = 0; i < 6000; i++) {
        size_t o = 100000 + ((i * 7919) % 6000) * 10;
        CHECK_INT(actors_add(&d, "Peskov", 6, ACTOR_PERSON, o, o + 6), k);
        found = found && actors_at(&d, o + 1, o + 2) == k;
    }
    CHECK(found);
    nm = actors_mentions_in(&d, 0, (size_t)-1, &m);
    CHECK_INT(nm, before + 6000);
    bool sorted = true;
    for (size_t i = 1; i < nm; i++)
        sorted = sorted && m[i - 1].start <= m[i].start;
    CHECK(sorted);
    CHECK(mentions_sorted(&x));
    end_doc(&d, &x);

    /* actors_add on a document with no actors pass yet */
    memset(&x, 0, sizeof x);
    memset(&d, 0, sizeof d);
    d.text = text;
    d.len = strlen(text);
    d.out = &x;
    CHECK_INT(actors_add(&d, "Kremlin", 7, ACTOR_ORGANIZATION, 0, 7), 0);
    CHECK_INT(actors_find(&d, "kremlin", 7), 0);
    CHECK_INT(actors_at(&d, 1, 2), 0);
    end_doc(&d, &x);
}

/* ---------------------------------------------------------------------- */
/* Lexicon tables: sorted by folded key and already folded. */

TEST(test_lexicon_tables)
{
    struct lex_table t[8];
    size_t n = lex_tables(t, 8);
    CHECK(n >= 3);
    for (size_t i = 0; i < n && i < 8; i++) {
        const char *prev = NULL;
        for (size_t k = 0; k < t[i].n; k++) {
            const char *key = *(const char *const *)(const void *)((const char *)t[i].base + k * t[i].stride);
            char f[256];
            size_t fl = utf8_fold_into(key, strlen(key), f, sizeof f);
            if (fl != strlen(key) || memcmp(f, key, fl) != 0) {
                fprintf(stderr, "  %s: key \"%s\" is not folded\n", t[i].name, key);
                CHECK(false);
            }
            if (prev && strcmp(prev, key) >= 0) {
                fprintf(stderr, "  %s: \"%s\" after \"%s\"\n", t[i].name, key, prev);
                CHECK(false);
            }
            prev = key;
        }
    }
    CHECK(lex_word("mars", 4) & LW_TIME);
    CHECK(lex_word("president", 9) & LW_TITLE);
    CHECK(lex_word("von", 3) & LW_PARTICLE);
    CHECK(lex_word("parti", 5) & LW_ORGCUE);
    CHECK_STR(lex_nationality("turques", 7), "turkey");
    CHECK_STR(lex_nationality("turkish", 7), "turkey");
    const struct lex_entity *a = lex_entity_find("ue", 2), *b = lex_entity_find("union europeenne", 16);
    CHECK(a && b && strcmp(a->group, b->group) == 0);
    CHECK(lex_entity_find("afp", 3) && lex_entity_find("afp", 3)->type == ACTOR_ORGANIZATION);
    CHECK(lex_entity_find("turquie", 7) && lex_entity_find("turquie", 7)->type == ACTOR_PLACE);
}

/* ---------------------------------------------------------------------- */
/* Long texts stay linear. */

TEST(test_long_text_is_linear)
{
    static const char para[] =
        "Recep Tayyip Erdogan a rencontré Vladimir Poutine à Moscou, a indiqué le Kremlin. "
        "Selon l'AFP, le président turc a demandé une trêve à Idlib. L'Union européenne (UE) et "
        "l'Otan ont salué l'accord. Jens Stoltenberg, secrétaire général de l'Otan, a parlé à "
        "Bruxelles. President Donald Trump told Reuters that the United States would help. ";
    size_t plen = strlen(para), target = 4u << 20;
    char *text = malloc(target + plen + 1);
    CHECK(text != NULL);
    if (!text)
        return;
    size_t len = 0;
    while (len < target) {
        memcpy(text + len, para, plen);
        len += plen;
    }
    text[len] = '\0';
    struct doc d;
    struct extraction x;
    clock_t t0 = clock();
    CHECK_INT(with_doc("fr", text, &d, &x), 0);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    double mbs = (double)len / (1 << 20) / (secs > 1e-9 ? secs : 1e-9);
    printf("actors pass: %.1f MB in %.2f s (%.0f MB/s)\n", (double)len / (1 << 20), secs, mbs);
    CHECK(secs < 20.0); /* generous: sanitizer builds are slow, quadratic would take hours */
    const struct actor *e = find(&x, "Recep Tayyip Erdogan");
    CHECK(e != NULL);
    if (e)
        CHECK(e->n_mentions >= len / plen);
    CHECK(x.n_actors < 40);
    end_doc(&d, &x);
    free(text);
}

/* Organisations named by a lower-case head: a kind complement before the
 * place ("d'appel"), two adjectives without a complement. */
TEST(test_fr_lower_case_heads)
{
    struct extraction x = run("fr",
                              "Le dossier ira devant la cour d'appel de Rennes. Le parquet de Brest "
                              "a requis six mois. La gendarmerie départementale finistérienne a "
                              "mené l'enquête. Le tribunal correctionnel de Quimper a tranché.");
    const struct actor *a = find(&x, "cour d'appel de Rennes");
    CHECK(a && a->type == ACTOR_ORGANIZATION);
    a = find(&x, "parquet de Brest");
    CHECK(a && a->type == ACTOR_ORGANIZATION);
    a = find(&x, "gendarmerie départementale finistérienne");
    CHECK(a && a->type == ACTOR_ORGANIZATION);
    a = find(&x, "tribunal correctionnel de Quimper");
    CHECK(a && a->type == ACTOR_ORGANIZATION);
    extraction_free(&x);
}

/* Organisation names that go on in lower case up to an acronym in
 * brackets, or through "of" up to a title word; the short form met later
 * is the same organisation. */
TEST(test_org_complement_to_acronym)
{
    struct extraction x = run("fr",
                              "L'Institut fédéral des eaux souterraines (IFES) publie ses relevés. "
                              "Selon l'Institut fédéral, la nappe baisse. Le Bureau cantonal des "
                              "affaires rurales (BCAR) a réagi.");
    CHECK_ACTOR(x, "Institut fédéral des eaux souterraines", ACTOR_ORGANIZATION);
    CHECK(has_alias(find(&x, "Institut fédéral des eaux souterraines"), "IFES"));
    CHECK_INT(count(&x, "Institut fédéral"), 1);
    CHECK(has_alias(find(&x, "Institut fédéral"), "Institut fédéral des eaux souterraines"));
    CHECK_ACTOR(x, "Bureau cantonal des affaires rurales", ACTOR_ORGANIZATION);
    extraction_free(&x);
    x = run("en", "The Office of the Regional Water Commissioner met the Dunmore Chamber of Commerce on Friday.");
    CHECK_ACTOR(x, "Office of the Regional Water Commissioner", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Dunmore Chamber of Commerce", ACTOR_ORGANIZATION);
    extraction_free(&x);
}

/* Words that look like names but are not actors: people of a place,
 * place-based adjectives, currency prefixes, tournaments. */
TEST(test_not_actors_demonyms_currency_events)
{
    struct extraction x = run("fr", "Les Toulonnais ont voté. Des Grenobloises sont venues à Toulon. Un Nantais a gagné.");
    CHECK_INT(count(&x, "Toulonnais"), 0);
    CHECK_INT(count(&x, "Grenobloises"), 0);
    CHECK_INT(count(&x, "Nantais"), 0);
    CHECK_ACTOR(x, "Toulon", ACTOR_PLACE);
    extraction_free(&x);
    x = run("en", "The Perth-based miner paid US$12 million and C$4 million. Lena Cho won the Adelaide "
                  "International and the Australian Open.");
    CHECK_INT(count(&x, "Perth-based"), 0);
    CHECK_ACTOR(x, "Perth", ACTOR_PLACE);
    CHECK_INT(count(&x, "US"), 0);
    CHECK_INT(count(&x, "C"), 0);
    CHECK_INT(count(&x, "Adelaide International"), 0);
    CHECK_INT(count(&x, "Australian Open"), 0);
    CHECK_INT(count(&x, "Open"), 0);
    extraction_free(&x);
}

/* Organisations known only from the words around them or from a company
 * suffix, and newspapers. */
TEST(test_org_from_context_words)
{
    struct extraction x = run("fr", "La société Morvalis a licencié. L'entreprise Quentrel recrute. Le quotidien "
                                    "Sud Ouest et Le Nouvelliste l'ont écrit.");
    CHECK_ACTOR(x, "Morvalis", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Quentrel", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Sud Ouest", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Le Nouvelliste", ACTOR_ORGANIZATION);
    extraction_free(&x);
    x = run("en", "The company Fennick said it would appeal. Tarrow Analytics and Belcombe Mining lost money. "
                  "Later, Tarrow cut jobs. Ruddle said in a statement it was sorry.");
    CHECK_ACTOR(x, "Fennick", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Tarrow Analytics", ACTOR_ORGANIZATION);
    CHECK_ACTOR(x, "Belcombe Mining", ACTOR_ORGANIZATION);
    CHECK(has_alias(find(&x, "Tarrow Analytics"), "Tarrow"));
    CHECK_ACTOR(x, "Ruddle", ACTOR_ORGANIZATION);
    extraction_free(&x);
}

int main(void)
{
    RUN(test_seed_merges);
    RUN(test_org_complement_to_acronym);
    RUN(test_not_actors_demonyms_currency_events);
    RUN(test_org_from_context_words);
    RUN(test_particles_fr);
    RUN(test_given_name_that_is_an_org_word);
    RUN(test_endless_capitalised_run);
    RUN(test_particles_en);
    RUN(test_titles_and_honorifics_en);
    RUN(test_titles_fr);
    RUN(test_acronyms_fr);
    RUN(test_acronyms_en);
    RUN(test_title_binding_en);
    RUN(test_title_apposition_fr);
    RUN(test_sentence_initial);
    RUN(test_typing_context);
    RUN(test_queries);
    RUN(test_lexicon_tables);
    RUN(test_long_text_is_linear);
    RUN(test_fr_lower_case_heads);
    TEST_SUMMARY();
}
