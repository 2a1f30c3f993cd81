/* lexicon_speech.c — the data the speaker search works from: speech verbs of
 * French and English with their forms, pronouns, attribution markers,
 * titles, organisation heads and the small words stepped over.
 *
 * Regular verbs are listed by stem and conjugation class; the class tables
 * give every ending (present, imperfect, simple past, future, conditional,
 * participle, gerund, infinitive). Irregular verbs list each form. All
 * words are folded (lower case, accents removed), so "déclaré", "DÉCLARÉ"
 * and "declare" look alike; a few forms then coincide, which is harmless
 * for finding attributions. Every table is kept in strcmp() order and
 * searched by bisection; lex_speech_tables_sorted() checks that order.
 *
 * lex_speech_word() answers a word's classes and its verb form from one
 * hash index of every listed word and every form of every verb (irregular
 * forms, stems with their endings, generated first into a form table per
 * language); it is built once per process under pthread_once and only read
 * afterwards, and the bisection of the tables stays as the answer when it
 * could not be allocated. */
#include "lexicon_speech.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

/* ---- Conjugation classes: ending and the form it marks ---------------- */

struct ending {
    const char *s;
    unsigned form;
};

#define F SF_FINITE
#define P SF_PARTICIPLE
#define I SF_INFINITIVE
#define G SF_GERUND

/* French first group (-er): "déclar" + ending. The folded past participle
 * "e" coincides with the present "e"; both bits are set. */
static const struct ending fr_er[] = {
    {"e", F | P}, {"es", F | P}, {"ent", F}, {"ons", F}, {"ez", F | I}, {"ee", P}, {"ees", P},
    {"ait", F}, {"aient", F}, {"ais", F}, {"ions", F}, {"iez", F},
    {"a", F}, {"as", F}, {"ai", F}, {"ames", F}, {"erent", F}, {"at", F},
    {"era", F}, {"eront", F}, {"erai", F}, {"eras", F}, {"erait", F}, {"eraient", F},
    {"er", I}, {"ant", G}, {NULL, 0},
};

/* French second group (-ir): "avert" + ending. */
static const struct ending fr_ir[] = {
    {"it", F}, {"is", F | P}, {"issent", F}, {"issait", F}, {"issaient", F}, {"i", P},
    {"ie", P}, {"ies", P}, {"irent", F}, {"ira", F}, {"iront", F}, {"irait", F},
    {"iraient", F}, {"ir", I}, {"issant", G}, {NULL, 0},
};

struct stem {
    const char *stem;
    const struct speech_verb verb;
};

/* French -er speech verbs by stem (a stem that changes, as in "rappelle",
 * "interrogea", is listed in both forms). */
static const struct stem fr_er_stems[] = {
    {"accus", {"accuser", 0.6}},
    {"affirm", {"affirmer", 1.0}},
    {"ajout", {"ajouter", 1.0}},
    {"alert", {"alerter", 0.7}},
    {"annonc", {"annoncer", 0.9}},
    {"appel", {"appeler", 0.6}},
    {"appell", {"appeler", 0.6}},
    {"arguer", {"arguer", 0.8}},
    {"assen", {"assener", 0.8}},
    {"assur", {"assurer", 0.9}},
    {"avanc", {"avancer", 0.6}},
    {"avou", {"avouer", 0.9}},
    {"certifi", {"certifier", 0.9}},
    {"cit", {"citer", 0.6}},
    {"clam", {"clamer", 0.9}},
    {"class", {"classer", 0.5}},
    {"comment", {"commenter", 0.9}},
    {"communiqu", {"communiquer", 0.7}},
    {"confi", {"confier", 0.9}},
    {"confirm", {"confirmer", 0.9}},
    {"consider", {"considerer", 0.8}},
    {"constat", {"constater", 0.7}},
    {"critiqu", {"critiquer", 0.6}},
    {"declar", {"declarer", 1.0}},
    {"demand", {"demander", 0.6}},
    {"denonc", {"denoncer", 0.8}},
    {"deplor", {"deplorer", 0.8}},
    {"detaill", {"detailler", 0.8}},
    {"estim", {"estimer", 1.0}},
    {"evoqu", {"evoquer", 0.6}},
    {"exclam", {"exclamer", 0.9}},
    {"excus", {"excuser", 0.7}},
    {"exhort", {"exhorter", 0.7}},
    {"exig", {"exiger", 0.5}},
    {"exige", {"exiger", 0.5}},
    {"explicit", {"expliciter", 0.8}},
    {"expliqu", {"expliquer", 1.0}},
    {"felicit", {"feliciter", 0.7}},
    {"fustig", {"fustiger", 0.7}},
    {"fustige", {"fustiger", 0.7}},
    {"glis", {"glisser", 0.6}},
    {"gliss", {"glisser", 0.6}},
    {"indiqu", {"indiquer", 1.0}},
    {"insinu", {"insinuer", 0.8}},
    {"insist", {"insister", 0.9}},
    {"interrog", {"interroger", 0.7}},
    {"interroge", {"interroger", 0.7}},
    {"invit", {"inviter", 0.4}},
    {"ironis", {"ironiser", 0.9}},
    {"jug", {"juger", 0.8}},
    {"juge", {"juger", 0.8}},
    {"jur", {"jurer", 0.8}},
    {"lach", {"lacher", 0.7}},
    {"lanc", {"lancer", 0.7}},
    {"martel", {"marteler", 1.0}},
    {"menac", {"menacer", 0.6}},
    {"mentionn", {"mentionner", 0.8}},
    {"not", {"noter", 0.8}},
    {"nuanc", {"nuancer", 0.8}},
    {"observ", {"observer", 0.8}},
    {"parl", {"parler", 0.6}},
    {"pens", {"penser", 0.7}},
    {"pest", {"pester", 0.8}},
    {"plaid", {"plaider", 0.7}},
    {"poursuiv", {"poursuivre", 0.7}},
    {"precis", {"preciser", 1.0}},
    {"prevoy", {"prevoir", 0.4}},
    {"proclam", {"proclamer", 0.9}},
    {"promett", {"promettre", 0.7}},
    {"qualifi", {"qualifier", 0.6}},
    {"racont", {"raconter", 0.9}},
    {"rappel", {"rappeler", 0.9}},
    {"rappell", {"rappeler", 0.9}},
    {"rapport", {"rapporter", 0.7}},
    {"rassur", {"rassurer", 0.7}},
    {"reclam", {"reclamer", 0.6}},
    {"regrett", {"regretter", 0.8}},
    {"relat", {"relater", 0.8}},
    {"relev", {"relever", 0.8}},
    {"repet", {"repeter", 0.8}},
    {"repliqu", {"repliquer", 1.0}},
    {"resum", {"resumer", 0.8}},
    {"retorqu", {"retorquer", 1.0}},
    {"revel", {"reveler", 0.8}},
    {"salu", {"saluer", 0.6}},
    {"scand", {"scander", 0.8}},
    {"signal", {"signaler", 0.8}},
    {"souffl", {"souffler", 0.7}},
    {"souhait", {"souhaiter", 0.5}},
    {"soulign", {"souligner", 1.0}},
    {"tacl", {"tacler", 0.7}},
    {"temoign", {"temoigner", 0.8}},
    {"tweet", {"tweeter", 0.9}},
    {"twitt", {"twitter", 0.9}},
};

static const struct stem fr_ir_stems[] = {
    {"avert", {"avertir", 0.8}},
    {"garant", {"garantir", 0.8}},
    {"reag", {"reagir", 0.8}},
    {"rug", {"rugir", 0.7}},
};

/* English regular verbs by infinitive. */
static const struct stem en_stems[] = {
    {"accuse", {"accuse", 0.5}},
    {"acknowledge", {"acknowledge", 0.8}},
    {"add", {"add", 1.0}},
    {"agree", {"agree", 0.4}},
    {"announce", {"announce", 0.9}},
    {"answer", {"answer", 0.9}},
    {"apologise", {"apologise", 0.8}},
    {"apologize", {"apologize", 0.8}},
    {"argue", {"argue", 0.9}},
    {"ask", {"ask", 0.6}},
    {"assert", {"assert", 0.9}},
    {"assure", {"assure", 0.8}},
    {"boast", {"boast", 0.8}},
    {"brief", {"brief", 0.5}},
    {"call", {"call", 0.5}},
    {"caution", {"caution", 0.8}},
    {"cite", {"cite", 0.5}},
    {"claim", {"claim", 0.9}},
    {"comment", {"comment", 0.9}},
    {"complain", {"complain", 0.8}},
    {"concede", {"concede", 0.8}},
    {"conclude", {"conclude", 0.8}},
    {"concur", {"concur", 0.6}},
    {"confirm", {"confirm", 0.9}},
    {"contend", {"contend", 0.9}},
    {"continue", {"continue", 0.6}},
    {"counter", {"counter", 0.8}},
    {"declare", {"declare", 0.9}},
    {"demand", {"demand", 0.6}},
    {"deny", {"deny", 0.5}},
    {"describe", {"describe", 0.6}},
    {"emphasise", {"emphasise", 0.9}},
    {"emphasize", {"emphasize", 0.9}},
    {"exclaim", {"exclaim", 0.9}},
    {"explain", {"explain", 1.0}},
    {"inform", {"inform", 0.6}},
    {"insist", {"insist", 0.9}},
    {"joke", {"joke", 0.8}},
    {"lament", {"lament", 0.8}},
    {"maintain", {"maintain", 0.7}},
    {"mention", {"mention", 0.8}},
    {"note", {"note", 0.8}},
    {"observe", {"observe", 0.8}},
    {"plead", {"plead", 0.7}},
    {"pledge", {"pledge", 0.7}},
    {"post", {"post", 0.7}},
    {"predict", {"predict", 0.7}},
    {"proclaim", {"proclaim", 0.9}},
    {"promise", {"promise", 0.7}},
    {"protest", {"protest", 0.7}},
    {"quote", {"quote", 0.5}},
    {"reassure", {"reassure", 0.7}},
    {"recall", {"recall", 0.8}},
    {"recommend", {"recommend", 0.5}},
    {"recount", {"recount", 0.8}},
    {"reiterate", {"reiterate", 0.9}},
    {"remark", {"remark", 0.9}},
    {"report", {"report", 0.6}},
    {"respond", {"respond", 0.9}},
    {"retort", {"retort", 0.9}},
    {"reveal", {"reveal", 0.7}},
    {"scoff", {"scoff", 0.7}},
    {"shout", {"shout", 0.8}},
    {"state", {"state", 0.9}},
    {"stress", {"stress", 0.9}},
    {"suggest", {"suggest", 0.8}},
    {"testify", {"testify", 0.8}},
    {"tweet", {"tweet", 0.9}},
    {"urge", {"urge", 0.7}},
    {"voice", {"voice", 0.5}},
    {"vow", {"vow", 0.7}},
    {"warn", {"warn", 0.9}},
};

struct form {
    const char *s;
    unsigned form;
    const struct speech_verb verb;
};

/* Irregular forms, French. "savoir" and "valoir" are the infinitives of
 * "faire savoir", "faire valoir" ("a-t-il fait savoir"). */
static const struct form fr_forms[] = {
    {"admet", F, {"admettre", 0.8}},
    {"admettait", F, {"admettre", 0.8}},
    {"admettent", F, {"admettre", 0.8}},
    {"admettre", I, {"admettre", 0.8}},
    {"admis", P, {"admettre", 0.8}},
    {"admit", F, {"admettre", 0.8}},
    {"conclu", P, {"conclure", 0.8}},
    {"concluait", F, {"conclure", 0.8}},
    {"concluent", F, {"conclure", 0.8}},
    {"conclure", I, {"conclure", 0.8}},
    {"conclut", F, {"conclure", 0.8}},
    {"croit", F, {"croire", 0.6}},
    {"decrit", F | P, {"decrire", 0.6}},
    {"decrivait", F, {"decrire", 0.6}},
    {"decrivent", F, {"decrire", 0.6}},
    {"dira", F, {"dire", 1.0}},
    {"diraient", F, {"dire", 1.0}},
    {"dirait", F, {"dire", 1.0}},
    {"dire", I, {"dire", 1.0}},
    {"dirent", F, {"dire", 1.0}},
    {"diront", F, {"dire", 1.0}},
    {"dis", F, {"dire", 1.0}},
    {"disaient", F, {"dire", 1.0}},
    {"disait", F, {"dire", 1.0}},
    {"disant", G, {"dire", 1.0}},
    {"disent", F, {"dire", 1.0}},
    {"dit", F | P, {"dire", 1.0}},
    {"dite", P, {"dire", 1.0}},
    {"dits", P, {"dire", 1.0}},
    {"ecrira", F, {"ecrire", 0.9}},
    {"ecrirait", F, {"ecrire", 0.9}},
    {"ecrire", I, {"ecrire", 0.9}},
    {"ecrit", F | P, {"ecrire", 0.9}},
    {"ecrivaient", F, {"ecrire", 0.9}},
    {"ecrivait", F, {"ecrire", 0.9}},
    {"ecrivant", G, {"ecrire", 0.9}},
    {"ecrivent", F, {"ecrire", 0.9}},
    {"ecrivirent", F, {"ecrire", 0.9}},
    {"ecrivit", F, {"ecrire", 0.9}},
    {"emet", F, {"emettre", 0.3}},
    {"entendre", I, {"faire entendre", 0.6}},
    {"interrompt", F, {"interrompre", 0.6}},
    {"lu", P, {"lire", 0.4}},
    {"poursuit", F, {"poursuivre", 0.7}},
    {"poursuivi", P, {"poursuivre", 0.7}},
    {"poursuivit", F, {"poursuivre", 0.7}},
    {"prevenait", F, {"prevenir", 0.8}},
    {"prevenu", P, {"prevenir", 0.8}},
    {"previennent", F, {"prevenir", 0.8}},
    {"previent", F, {"prevenir", 0.8}},
    {"prevint", F, {"prevenir", 0.8}},
    {"promet", F, {"promettre", 0.7}},
    {"promettent", F, {"promettre", 0.7}},
    {"promis", P, {"promettre", 0.7}},
    {"promit", F, {"promettre", 0.7}},
    {"reconnaissait", F, {"reconnaitre", 0.8}},
    {"reconnaissant", G, {"reconnaitre", 0.8}},
    {"reconnaissent", F, {"reconnaitre", 0.8}},
    {"reconnait", F, {"reconnaitre", 0.8}},
    {"reconnaitre", I, {"reconnaitre", 0.8}},
    {"reconnu", P, {"reconnaitre", 0.8}},
    {"reconnue", P, {"reconnaitre", 0.8}},
    {"reconnut", F, {"reconnaitre", 0.8}},
    {"remarquer", I, {"faire remarquer", 0.9}},
    {"repond", F, {"repondre", 0.9}},
    {"repondait", F, {"repondre", 0.9}},
    {"repondant", G, {"repondre", 0.9}},
    {"repondent", F, {"repondre", 0.9}},
    {"repondit", F, {"repondre", 0.9}},
    {"repondra", F, {"repondre", 0.9}},
    {"repondrait", F, {"repondre", 0.9}},
    {"repondre", I, {"repondre", 0.9}},
    {"repondu", P, {"repondre", 0.9}},
    {"reprend", F, {"reprendre", 0.6}},
    {"repris", P, {"reprendre", 0.6}},
    {"savoir", I, {"faire savoir", 1.0}},
    {"soutenait", F, {"soutenir", 0.8}},
    {"soutenu", P, {"soutenir", 0.8}},
    {"soutiennent", F, {"soutenir", 0.8}},
    {"soutient", F, {"soutenir", 0.8}},
    {"soutint", F, {"soutenir", 0.8}},
    {"valoir", I, {"faire valoir", 0.9}},
};

/* Irregular forms, English. */
static const struct form en_forms[] = {
    {"according", G, {"according to", 1.0}},
    {"admit", F | I, {"admit", 0.8}},
    {"admits", F, {"admit", 0.8}},
    {"admitted", F | P, {"admit", 0.8}},
    {"denied", F | P, {"deny", 0.5}},
    {"put", F, {"put", 0.4}},
    {"quipped", F, {"quip", 0.9}},
    {"replied", F | P, {"reply", 1.0}},
    {"replies", F, {"reply", 1.0}},
    {"reply", F | I, {"reply", 1.0}},
    {"replying", G, {"reply", 1.0}},
    {"said", F | P, {"say", 1.0}},
    {"say", F | I, {"say", 1.0}},
    {"saying", G, {"say", 1.0}},
    {"says", F, {"say", 1.0}},
    {"speaks", F, {"speak", 0.7}},
    {"spoke", F, {"speak", 0.7}},
    {"spoken", P, {"speak", 0.7}},
    {"tell", F | I, {"tell", 1.0}},
    {"telling", G, {"tell", 1.0}},
    {"tells", F, {"tell", 1.0}},
    {"testified", F | P, {"testify", 0.8}},
    {"thought", F, {"think", 0.4}},
    {"told", F | P, {"tell", 1.0}},
    {"tweeted", F | P, {"tweet", 0.9}},
    {"write", F | I, {"write", 0.9}},
    {"writes", F, {"write", 0.9}},
    {"writing", G, {"write", 0.9}},
    {"written", P, {"write", 0.9}},
    {"wrote", F, {"write", 0.9}},
};

#undef F
#undef P
#undef I
#undef G

static bool eq(const char *w, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(w, s, n) == 0;
}

int lex_cmp_word(const char *w, size_t n, const char *s)
{
    size_t i = 0;
    for (; i < n && s[i]; i++)
        if (w[i] != s[i])
            return (unsigned char)w[i] - (unsigned char)s[i];
    if (i < n)
        return 1;
    return s[i] ? -1 : 0;
}

bool lex_in_sorted(const char *const *list, size_t count, const char *w, size_t n)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = lex_cmp_word(w, n, list[mid]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* The entry of a sorted stem table equal to w[0..n), or NULL. */
static const struct stem *find_stem(const struct stem *stems, size_t count, const char *w, size_t n)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = lex_cmp_word(w, n, stems[mid].stem);
        if (c == 0)
            return &stems[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static const struct form *find_form(const struct form *forms, size_t count, const char *w, size_t n)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = lex_cmp_word(w, n, forms[mid].s);
        if (c == 0)
            return &forms[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* w as stem + ending of a conjugation class: every ending that ends w is
 * cut off and the rest looked up among the stems. */
static const struct speech_verb *by_stem(const struct stem *stems, size_t n_stems,
                                         const struct ending *ends, const char *w, size_t n,
                                         unsigned *form)
{
    for (size_t e = 0; ends[e].s; e++) {
        size_t el = strlen(ends[e].s);
        if (el >= n || memcmp(w + n - el, ends[e].s, el) != 0)
            continue;
        const struct stem *st = find_stem(stems, n_stems, w, n - el);
        if (st) {
            *form = ends[e].form;
            return &st->verb;
        }
    }
    return NULL;
}

/* English regular verbs: "add", "adds", "added", "adding"; "state",
 * "states", "stated", "stating": a form cut of its ending, plus what the
 * rule adds, is the infinitive. */
static const struct { const char *cut, *add; unsigned form; } rules[] = {
    {"", "", SF_FINITE | SF_INFINITIVE}, {"s", "", SF_FINITE}, {"es", "", SF_FINITE},
    {"ed", "", SF_FINITE | SF_PARTICIPLE}, {"d", "", SF_FINITE | SF_PARTICIPLE},
    {"ing", "", SF_GERUND}, {"ing", "e", SF_GERUND},
};

static const struct speech_verb *en_regular(const char *w, size_t n, unsigned *form)
{
    char buf[32];
    for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
        size_t cl = strlen(rules[r].cut), al = strlen(rules[r].add);
        if (cl >= n || memcmp(w + n - cl, rules[r].cut, cl) != 0 || n - cl + al >= sizeof buf)
            continue;
        memcpy(buf, w, n - cl);
        memcpy(buf + n - cl, rules[r].add, al);
        const struct stem *st = find_stem(en_stems, sizeof en_stems / sizeof en_stems[0], buf, n - cl + al);
        if (st) {
            *form = rules[r].form;
            return &st->verb;
        }
    }
    return NULL;
}

/* lex_speech_verb() by bisection of the tables: the definition of the
 * answer, which the index below reproduces form by form. */
static const struct speech_verb *verb_search(enum extract_lang lang, const char *w, size_t n,
                                             unsigned *form)
{
    unsigned f = 0;
    const struct speech_verb *v = NULL;
    if (n < 2 || n > 24)
        return NULL;
    if (lang == LANG_FR) {
        const struct form *fm = find_form(fr_forms, sizeof fr_forms / sizeof fr_forms[0], w, n);
        if (fm) {
            v = &fm->verb;
            f = fm->form;
        }
        if (!v)
            v = by_stem(fr_er_stems, sizeof fr_er_stems / sizeof fr_er_stems[0], fr_er, w, n, &f);
        if (!v)
            v = by_stem(fr_ir_stems, sizeof fr_ir_stems / sizeof fr_ir_stems[0], fr_ir, w, n, &f);
    } else {
        const struct form *fm = find_form(en_forms, sizeof en_forms / sizeof en_forms[0], w, n);
        if (fm) {
            v = &fm->verb;
            f = fm->form;
        }
        if (!v)
            v = en_regular(w, n, &f);
    }
    if (v && form)
        *form = f;
    return v;
}

/* ---- The form index ----------------------------------------------------- */

/* One form: its folded text, the verb and the SF_* bits it answers. */
struct vform {
    const char *w;      /* NULL for an empty slot */
    size_t n;
    unsigned form;
    const struct speech_verb *verb;
};

struct vindex {
    struct vform *slots;
    size_t mask;        /* slots - 1, a power of two minus one */
    char *text;         /* the generated forms, back to back */
    size_t used, cap;
};

static struct vindex vix[2]; /* LANG_FR, LANG_EN; read-only once built */
static bool vix_ok;

/* The slot of w[0..n), whose strmap_hash() is h. */
static const struct vform *vix_find(const struct vindex *x, const char *w, size_t n, unsigned h)
{
    for (size_t i = h & x->mask;; i = (i + 1) & x->mask) {
        const struct vform *v = &x->slots[i];
        if (!v->w || (v->n == n && memcmp(v->w, w, n) == 0))
            return v;
    }
}

/* Record prefix p[0..pn) + suffix q[0..qn) as a form, unless a form of the
 * same text came first: the search order of verb_search() is the order of
 * the calls, so the first one is the answer it gives. */
static void vix_add(struct vindex *x, const char *p, size_t pn, const char *q, size_t qn,
                    unsigned form, const struct speech_verb *verb)
{
    size_t n = pn + qn;
    if (n < 2 || n > 24 || x->used + n > x->cap) /* never looked up; no room: sized below */
        return;
    char *w = x->text + x->used;
    memcpy(w, p, pn);
    memcpy(w + pn, q, qn);
    struct vform *v = (struct vform *)vix_find(x, w, n, strmap_hash(w, n));
    if (v->w)
        return;
    *v = (struct vform){w, n, form, verb};
    x->used += n;
}

/* Room for `forms` forms of at most 32 bytes each. */
static bool vix_alloc(struct vindex *x, size_t forms)
{
    size_t slots = 64;
    while (slots < 2 * forms)
        slots *= 2;
    x->slots = calloc(slots, sizeof *x->slots);
    x->cap = 32 * forms;
    x->text = malloc(x->cap);
    x->mask = slots - 1;
    return x->slots && x->text;
}

static size_t count_endings(const struct ending *e)
{
    size_t k = 0;
    while (e[k].s)
        k++;
    return k;
}

#define COUNT(list) (sizeof list / sizeof list[0])

static void vix_stems(struct vindex *x, const struct stem *stems, size_t n_stems, const struct ending *ends)
{
    /* ending by ending, as by_stem() tries them */
    for (size_t e = 0; ends[e].s; e++)
        for (size_t k = 0; k < n_stems; k++)
            vix_add(x, stems[k].stem, strlen(stems[k].stem), ends[e].s, strlen(ends[e].s), ends[e].form,
                    &stems[k].verb);
}

static void vix_build(void)
{
    struct vindex *fr = &vix[0], *en = &vix[1];
    size_t n_fr = COUNT(fr_forms) + COUNT(fr_er_stems) * count_endings(fr_er) +
                  COUNT(fr_ir_stems) * count_endings(fr_ir);
    size_t n_en = COUNT(en_forms) + COUNT(en_stems) * COUNT(rules);
    if (!vix_alloc(fr, n_fr) || !vix_alloc(en, n_en))
        return; /* verb_search() answers */
    for (size_t k = 0; k < COUNT(fr_forms); k++)
        vix_add(fr, fr_forms[k].s, strlen(fr_forms[k].s), "", 0, fr_forms[k].form, &fr_forms[k].verb);
    vix_stems(fr, fr_er_stems, COUNT(fr_er_stems), fr_er);
    vix_stems(fr, fr_ir_stems, COUNT(fr_ir_stems), fr_ir);
    for (size_t k = 0; k < COUNT(en_forms); k++)
        vix_add(en, en_forms[k].s, strlen(en_forms[k].s), "", 0, en_forms[k].form, &en_forms[k].verb);
    /* en_regular(): rule by rule, a stem that ends with the rule's
     * addition, without it, plus the rule's cut */
    for (size_t r = 0; r < COUNT(rules); r++)
        for (size_t k = 0; k < COUNT(en_stems); k++) {
            const char *st = en_stems[k].stem;
            size_t sl = strlen(st), al = strlen(rules[r].add);
            if (sl >= 32 || sl <= al || strcmp(st + sl - al, rules[r].add) != 0)
                continue;
            vix_add(en, st, sl - al, rules[r].cut, strlen(rules[r].cut), rules[r].form, &en_stems[k].verb);
        }
    vix_ok = true;
}

/* Both indexes, the verb forms' and the word lists' (below), are built by
 * the first lookup. */
static void index_build(void);
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

const struct speech_verb *lex_speech_verb(enum extract_lang lang, const char *w, size_t n,
                                          unsigned *form)
{
    const struct speech_verb *v = NULL;
    lex_speech_init();
    lex_speech_word(lang, w, n, strmap_hash(w, n), &v, form);
    return v;
}
static const char *const auxiliary_fr[] = {
    "a", "ai", "allait", "aura", "auraient", "aurait", "auront", "avaient", "avait",
    "avoir", "est", "etait", "eut", "faisait", "fait", "fera", "ferait", "font", "ont",
    "sont", "va", "vont",
};

static const char *const auxiliary_en[] = {
    "also", "are", "be", "been", "did", "do", "does", "had", "has", "have", "is", "later",
    "not", "to", "was", "were", "will", "would",
};


static const char *const pronoun_fr_sg[] = {
    "elle", "il",
};

static const char *const pronoun_fr_pl[] = {
    "elles", "ils",
};

static const char *const pronoun_en_sg[] = {
    "he", "she",
};

static const char *const pronoun_en_pl[] = {
    "they",
};



const char *const lex_speech_inversions[] = {"-t-il",  "-t-elle", "-t-ils", "-t-elles",
                                              "-il",    "-elle",   "-ils",   "-elles", NULL};
static const char *const relative_fr[] = {
    "laquelle", "lequel", "lesquelles", "lesquels", "qui",
};

static const char *const relative_en[] = {
    "which", "who",
};


/* The first words of the markers below (LSC_MARKER_HEAD), and the
 * French "pour" that speakers.c reads as one at a sentence start. */
static const char *const marker_heads_fr[] = {
    "d", "pour", "selon",
};

static const char *const marker_heads_en[] = {
    "according",
};

size_t lex_speech_marker(enum extract_lang lang, const char *const *words,
                              const size_t *lens, size_t nw)
{
    if (nw == 0)
        return 0;
    if (lang == LANG_FR) {
        if (eq(words[0], lens[0], "selon"))
            return 1;
        /* "d'après": the tokens are "d", "'", "apres" */
        if (nw >= 3 && eq(words[0], lens[0], "d") && eq(words[1], lens[1], "'") &&
            eq(words[2], lens[2], "apres"))
            return 3;
        return 0;
    }
    if (nw >= 2 && eq(words[0], lens[0], "according") && eq(words[1], lens[1], "to"))
        return 2;
    return 0;
}
static const char *const dets[] = {
    "a", "an", "au", "aux", "ce", "ces", "cet", "cette", "des", "du", "her", "his", "its",
    "l", "la", "le", "les", "leur", "leurs", "sa", "ses", "son", "that", "the", "their",
    "these", "this", "those", "un", "une",
};


static const char *const titles[] = {
    "abbe", "acteur", "actor", "actrice", "adjoint", "adjointe", "adviser", "advisor",
    "alderman", "ambassadeur", "ambassador", "ambassadrice", "analyst", "analyste",
    "archbishop", "archeveque", "artist", "artiste", "athlete", "attaquant", "attorney",
    "auteur", "author", "avocat", "avocate", "bishop", "bourgmestre", "capitaine", "capt",
    "captain", "cardinal", "ceo", "cfo", "chairman", "chairperson", "chairwoman", "champion",
    "championne", "chancelier", "chanceliere", "chancellor", "chanteur", "chanteuse", "chef",
    "chef-d-orchestre", "chercheur", "chercheuse", "chief", "chirurgien", "chirurgienne",
    "co-author", "coach", "coauteur", "col", "colonel", "commandant", "commissaire",
    "commissioner", "conseiller", "conseillere", "conservateur", "conservatrice", "coo",
    "coordinateur", "coordinatrice", "councillor", "councilman", "councilor", "councilwoman",
    "crown", "curator", "depute", "deputee", "directeur", "director", "directrice", "dirigeant",
    "dirigeante", "docteur", "docteure", "doctor", "doyen", "dr", "economist", "economiste",
    "ecrivain", "ecrivaine", "editor", "elu", "elue", "emir", "enseignant", "enseignante",
    "entraineur", "entraineuse", "epidemiologist", "epidemiologiste", "eveque", "executive",
    "expert", "fondateur", "fondatrice", "founder", "gardien", "gen", "general", "generale",
    "gerant", "gerante", "goalkeeper", "gouverneur", "gov", "governor", "haut-commissaire",
    "headteacher", "historian", "historien", "historienne", "imam", "infirmier", "infirmiere",
    "inspecteur", "inspector", "joueur", "joueuse", "judge", "juge", "lady", "lawyer", "leader",
    "lieutenant", "lt", "m", "maire", "manager", "manifestant", "mayor", "me", "medecin",
    "mediateur", "mediator", "mediatrice", "member", "membre", "mgr", "minister", "ministre",
    "ministres", "mlle", "mme", "mp", "mr", "mrs", "ms", "negociateur", "negociatrice",
    "negotiator", "novelist", "nurse", "officer", "officier", "opponent", "owner", "pape",
    "patron", "patronne", "pdg", "physician", "player", "politologue", "pope", "porte-parole",
    "pr", "prefet", "prefete", "premier", "premier-ministre", "premiere", "president",
    "president-elect", "presidente", "presidents", "prime", "prince", "princess", "princesse",
    "procureur", "prof", "professeur", "professor", "proprietaire", "prosecutor", "protester",
    "proviseur", "proviseure", "rabbi", "rapporteur", "rapporteuse", "recteur", "rectrice",
    "redacteur", "reine", "rep", "representative", "researcher", "responsable", "roi",
    "romancier", "romanciere", "scientist", "secretaire", "secretaire-general",
    "secretaire-generale", "secretary", "secretary-general", "selectionneur", "sen", "senateur",
    "senator", "senatrice", "sergent", "sgt", "sheikh", "sheriff", "singer", "sir", "skipper",
    "sociologist", "sociologue", "sous-prefet", "spokesman", "spokesperson", "spokeswoman",
    "star", "striker", "superintendent", "surgeon", "teacher", "technicien", "temoin",
    "then-manager", "treasurer", "tresorier", "tresoriere", "vice-president", "vice-presidente",
    "victim", "victime", "witness", "writer",
};


/* A title in a form for someone elected or appointed to it, or who held
 * it: "mayor-elect", "premier-designate", "ex-ministre", "then-coach",
 * "former-president". */
size_t lex_speech_title_base(const char *w, size_t n, size_t *skip)
{
#define AFFIX(s) {s, sizeof s - 1}
    static const struct { const char *s; size_t n; } pre[] = {
        AFFIX("ex-"), AFFIX("then-"), AFFIX("former-"), AFFIX("future-"), AFFIX("outgoing-"),
    }, post[] = {
        AFFIX("-elect"), AFFIX("-designate"), AFFIX("-elu"), AFFIX("-elue"), AFFIX("-sortant"),
        AFFIX("-sortante"),
    };
#undef AFFIX
    *skip = 0;
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
        size_t l = pre[i].n;
        if (n > l + 1 && memcmp(w, pre[i].s, l) == 0) {
            *skip = l;
            return n - l;
        }
    }
    for (size_t i = 0; i < sizeof post / sizeof post[0]; i++) {
        size_t l = post[i].n;
        if (n > l + 1 && memcmp(w + n - l, post[i].s, l) == 0)
            return n - l;
    }
    return n;
}

static const char *const heads[] = {
    "administration", "agence", "agency", "alliance", "ambassade", "armee", "army",
    "assemblee", "assembly", "association", "authority", "autorite", "bank", "banque",
    "bureau", "cabinet", "chaine", "chamber", "chambre", "channel", "club", "collectif", "comite", "commission",
    "committee", "commune", "compagnie", "company", "congres", "congress", "conseil",
    "corporation", "council", "cour", "court", "departement", "department", "elysee",
    "embassy", "entreprise", "federation", "fondation", "fonds", "forces", "foundation",
    "front", "fund", "gendarmerie", "gouvernement", "government", "group", "groupe",
    "hebdomadaire", "hopital", "hospital", "inc", "institut", "institute", "international",
    "journal", "kremlin", "league", "ligue", "ltd", "magazine", "mairie", "maison",
    "ministere", "ministry", "mouvement", "movement", "nations", "news", "newspaper",
    "observatoire", "observatory", "office", "ong", "organisation", "organization",
    "parlement", "parliament", "parquet", "parti", "party", "police", "post", "prefecture",
    "press", "presse", "quotidien", "radio", "reuters", "secretariat", "senat", "senate",
    "services", "societe", "society", "syndicat", "television", "times", "tribunal",
    "union", "universite", "university",
};


static const char *const docs[] = {
    "account", "arret", "article", "avis", "communique", "compte", "conference", "courrier",
    "decision", "declaration", "discours", "editorial", "email", "entretien", "etude",
    "interview", "jugement", "letter", "lettre", "memo", "message", "note", "proclamation",
    "publication", "rapport", "release", "report", "ruling", "site", "speech", "statement",
    "study", "texte", "tweet", "verdict", "video",
};


static const char *const adv[] = {
    "again", "ailleurs", "ainsi", "alors", "also", "aujourd'hui", "aussi", "bien", "bluntly",
    "cependant", "clairement", "deja", "directly", "donc", "earlier", "egalement", "elle-meme",
    "encore", "enfin", "ensuite", "fermement", "finally", "firmly", "flatly", "frankly",
    "further", "hier", "however", "immediatement", "initially", "jamais", "just", "later",
    "lui", "lui-meme", "meme", "n", "ne", "neanmoins", "never", "not", "notamment", "now",
    "once", "only", "pas", "plus", "plutot", "pourtant", "previously", "publicly",
    "publiquement", "quant", "quickly", "recemment", "recently", "repeatedly", "reportedly",
    "simplement", "simply", "sobrement", "specifically", "still", "tard", "then", "today",
    "too", "toutefois", "yesterday",
};


static const char *const con[] = {
    "al", "ben", "bin", "d", "da", "de", "del", "della", "den", "der", "des", "di", "do",
    "dos", "du", "el", "ibn", "la", "le", "van", "von", "y",
};


static const char *const function_words[] = {
    "a", "about", "according", "after", "ainsi", "all", "alors", "also", "although", "among",
    "an", "and", "another", "apres", "arrive", "arrivee", "as", "at", "au", "aujourd'hui",
    "aux", "avant", "because", "before", "besides", "between", "both", "but", "by", "c", "car",
    "ce", "cependant", "certains", "ces", "cet", "cette", "chaque", "comme", "comment",
    "contre", "d", "dans", "de", "de plus", "deja", "depuis", "des", "despite", "dimanche",
    "donc", "dont", "du", "durant", "during", "each", "earlier", "early", "effet", "elle",
    "elles", "en", "en effet", "enfin", "ensuite", "entre", "est", "et", "eux", "even", "every",
    "face", "finally", "first", "following", "for", "former", "friday", "from", "further",
    "furthermore", "he", "her", "here", "hier", "his", "how", "however", "i", "ici", "if", "il",
    "ils", "in", "indeed", "instead", "into", "it", "its", "j", "je", "jeudi", "l", "la",
    "la-bas", "last", "late", "later", "le", "les", "leur", "leurs", "like", "lors", "lorsqu",
    "lorsque", "lui", "lundi", "m", "mais", "malgre", "many", "mardi", "meanwhile", "mercredi",
    "mme", "moi", "monday", "most", "n", "ne", "neanmoins", "new", "no", "non", "not", "notre",
    "nous", "now", "of", "on", "once", "one", "only", "onto", "or", "other", "ou", "oui", "our",
    "outre", "over", "par", "parmi", "pendant", "plusieurs", "pour", "pourquoi", "pourtant",
    "puis", "qu", "quand", "que", "qui", "quoi", "rather", "regarding", "s", "sa", "samedi",
    "sans", "saturday", "selon", "ses", "several", "she", "si", "since", "so", "some", "son",
    "sont", "sous", "speaking", "still", "such", "sunday", "sur", "that", "the", "their",
    "then", "there", "therefore", "these", "they", "this", "those", "though", "three",
    "through", "thursday", "thus", "to", "today", "toi", "tous", "tout", "toute", "toutefois",
    "toutes", "tu", "tuesday", "two", "un", "under", "une", "unlike", "until", "upon",
    "vendredi", "vers", "votre", "vous", "we", "wednesday", "what", "when", "where", "which",
    "while", "who", "why", "with", "within", "without", "y", "yeah", "yes", "yesterday", "yet",
    "you",
};


static const char *const naming[] = {
    "album", "artwork", "baptise", "baptisee", "baptisees", "baptises", "book", "brand",
    "campagne", "campaign", "chanson", "codenamed", "denomme", "denommee", "devise",
    "documentaire", "documentary", "dubbed", "emission", "entitled", "exposition",
    "feuilleton", "film", "fresque", "hashtag", "intitule", "intitulee", "intitulees",
    "intitules", "label", "livre", "marque", "mission", "motto", "named", "nicknamed", "nomme",
    "nommee", "nommees", "nommes", "novel", "oeuvre", "opera", "operation", "painting",
    "peinture", "piece", "plan", "poem", "poeme", "portrait", "program", "programme",
    "project", "projet", "qualifie", "qualifiee", "roman", "sculpture", "serie", "series",
    "show", "slogan", "song", "spectacle", "surnomme", "surnommee", "surnommees", "surnommes",
    "tableau", "titled", "toile",
};


static const char *const works[] = {
    "album", "book", "chanson", "documentaire", "documentary", "emission", "enquete",
    "etude", "exhibition", "exposition", "film", "livre", "novel", "ouvrage", "piece",
    "play", "roman", "serie", "series", "show", "song", "study", "survey", "these",
    "thesis",
};



static const char *const possessives[] = {
    "her", "his", "its", "leur", "leurs", "sa", "ses", "son", "their",
};


static const char *const proxies[] = {
    "administration", "cabinet", "camp", "campaign", "entourage", "equipe", "office",
    "services", "staff", "team",
};


static const char *const naming_verbs[] = {
    "baptise", "baptisee", "baptisees", "baptises", "codenamed", "denomme", "denommee",
    "dubbed", "entitled", "intitule", "intitulee", "intitulees", "intitules", "named",
    "nicknamed", "nomme", "nommee", "nommees", "nommes", "surnomme", "surnommee", "surnommees",
    "surnommes", "titled",
};


/* Words that present what follows as a name, not as reported words, when
 * that is a short phrase: "la zone dite « … »", "ce qu'on appelle « … »",
 * "the so-called "…"". "dit" and the conjugated "appelle" also introduce
 * speech; the quote finder checks the words around them. */
static const char *const appellatives[] = {
    "appelaient", "appelait", "appele", "appelee", "appelees", "appeles", "appelle",
    "appellent", "dit", "dite", "dites", "dits", "nickname", "so-called", "soi-disant",
    "surnom",
};


/* Common nouns standing for an organisation named earlier ("l'entreprise",
 * "the company"), and those standing for a court ("les magistrats"). */
static const char *const collectives[] = {
    "airline", "association", "bank", "banque", "broadcaster", "carrier", "chaine",
    "club", "compagnie", "company", "constructeur", "enseigne", "entreprise", "federation",
    "firm", "firme", "group", "groupe", "hebdomadaire", "newspaper", "operateur",
    "operator", "quotidien", "retailer", "societe", "syndicat", "union",
};
static const char *const courts[] = {
    "cour", "court", "judges", "juges", "jures", "jury", "magistrats", "tribunal",
};


/* Prepositions: a name after one is its complement ("le ministre de la
 * Santé"), not the subject. */
static const char *const prepositions[] = {
    "a", "about", "across", "after", "against", "apres", "at", "au", "aux", "avant", "avec",
    "before", "between", "by", "chez", "contre", "d", "dans", "de", "depuis", "des", "du",
    "durant", "during", "en", "entre", "for", "from", "in", "into", "like", "near", "of", "on",
    "over", "par", "pendant", "pour", "sans", "since", "sous", "sur", "than", "to", "under",
    "vers", "via", "with",
};

/* ---- The word classes ---------------------------------------------------- */

/* Every word list with the LSC_* bit it gives, in French and in English
 * text: the lists of one language give their bit in that language only. */
#define LIST(l) l, COUNT(l)
static const struct {
    const char *const *list;
    size_t n;
    unsigned fr, en;
} classed[] = {
    {LIST(auxiliary_fr), LSC_AUXILIARY, 0},
    {LIST(auxiliary_en), 0, LSC_AUXILIARY},
    {LIST(pronoun_fr_sg), LSC_PRONOUN, 0},
    {LIST(pronoun_fr_pl), LSC_PRONOUN | LSC_PLURAL, 0},
    {LIST(pronoun_en_sg), 0, LSC_PRONOUN},
    {LIST(pronoun_en_pl), 0, LSC_PRONOUN | LSC_PLURAL},
    {LIST(relative_fr), LSC_RELATIVE, 0},
    {LIST(relative_en), 0, LSC_RELATIVE},
    {LIST(dets), LSC_DETERMINER, LSC_DETERMINER},
    {LIST(titles), LSC_TITLE, LSC_TITLE},
    {LIST(heads), LSC_ORG_HEAD, LSC_ORG_HEAD},
    {LIST(docs), LSC_DOCUMENT | LSC_WORK, LSC_DOCUMENT | LSC_WORK},
    {LIST(adv), LSC_ADVERB, LSC_ADVERB},
    {LIST(con), LSC_CONNECTOR, LSC_CONNECTOR},
    {LIST(function_words), LSC_FUNCTION, LSC_FUNCTION},
    {LIST(naming), LSC_NAMING, LSC_NAMING},
    {LIST(works), LSC_WORK, LSC_WORK},
    {LIST(possessives), LSC_POSSESSIVE, LSC_POSSESSIVE},
    {LIST(naming_verbs), LSC_NAMING_VERB, LSC_NAMING_VERB},
    {LIST(appellatives), LSC_APPELLATIVE, LSC_APPELLATIVE},
    {LIST(collectives), LSC_COLLECTIVE, LSC_COLLECTIVE},
    {LIST(courts), LSC_COURT, LSC_COURT},
    {LIST(proxies), LSC_PROXY, LSC_PROXY},
    {LIST(prepositions), LSC_PREPOSITION, LSC_PREPOSITION},
    {LIST(marker_heads_fr), LSC_MARKER_HEAD, 0},
    {LIST(marker_heads_en), 0, LSC_MARKER_HEAD},
};
#undef LIST

/* The classes of w[0..n) by bisection of every list: the definition of
 * the answer, which the index below gives in one probe. */
static void classes_search(const char *w, size_t n, unsigned *fr, unsigned *en)
{
    *fr = *en = 0;
    for (size_t l = 0; l < COUNT(classed); l++)
        if (lex_in_sorted(classed[l].list, classed[l].n, w, n)) {
            *fr |= classed[l].fr;
            *en |= classed[l].en;
        }
}

/* One listed word or verb form, its classes and the verb it is in either
 * language, so that lex_speech_word() answers from one probe. */
struct cword {
    const char *w;      /* NULL for an empty slot */
    size_t n;
    unsigned cls[2];    /* LANG_FR, LANG_EN */
    const struct speech_verb *verb[2]; /* as vix_find() gives it, or NULL */
    unsigned form[2];
};

static struct {
    struct cword *slots;
    size_t mask;        /* slots - 1, a power of two minus one */
} cix;                  /* read-only once built */
static bool cix_ok;     /* built, from the lists and from vix */

/* The slot of w[0..n), whose strmap_hash() is h. */
static struct cword *cix_find(const char *w, size_t n, unsigned h)
{
    for (size_t i = h & cix.mask;; i = (i + 1) & cix.mask) {
        struct cword *x = &cix.slots[i];
        if (!x->w || (x->n == n && strmap_same_bytes(x->w, w, n)))
            return x;
    }
}

static void cix_build(void)
{
    size_t words = 0, slots = 64;
    if (!vix_ok)
        return; /* the bisections answer */
    for (size_t l = 0; l < COUNT(classed); l++)
        words += classed[l].n;
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i <= vix[l].mask; i++)
            words += vix[l].slots[i].w != NULL;
    while (slots < 2 * words)
        slots *= 2;
    cix.slots = calloc(slots, sizeof *cix.slots);
    if (!cix.slots)
        return; /* the bisections answer */
    cix.mask = slots - 1;
    for (size_t l = 0; l < COUNT(classed); l++)
        for (size_t k = 0; k < classed[l].n; k++) {
            const char *w = classed[l].list[k];
            struct cword *x = cix_find(w, strlen(w), strmap_hash(w, strlen(w)));
            if (!x->w) {
                x->w = w;
                x->n = strlen(w);
            }
            x->cls[0] |= classed[l].fr;
            x->cls[1] |= classed[l].en;
        }
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i <= vix[l].mask; i++) {
            const struct vform *v = &vix[l].slots[i];
            if (!v->w)
                continue;
            struct cword *x = cix_find(v->w, v->n, strmap_hash(v->w, v->n));
            if (!x->w) {
                x->w = v->w;
                x->n = v->n;
            }
            x->verb[l] = v->verb;
            x->form[l] = v->form;
        }
    cix_ok = true;
}

static void index_build(void)
{
    vix_build();
    cix_build();
}

/* The classes of w[0..n) as listed, in `lang`; h is its strmap_hash(). */
static unsigned listed(enum extract_lang lang, const char *w, size_t n, unsigned h)
{
    unsigned c[2];
    if (cix_ok) {
        const struct cword *x = cix_find(w, n, h);
        return x->w ? x->cls[lang == LANG_FR ? 0 : 1] : 0;
    }
    classes_search(w, n, &c[0], &c[1]);
    return c[lang == LANG_FR ? 0 : 1];
}

/* LSC_TITLE when w[0..n) is a title in a form for someone elected or
 * appointed to it, else 0: the affixes all hold a hyphen. */
static unsigned title_form(enum extract_lang lang, const char *w, size_t n)
{
    size_t skip, m = lex_speech_title_base(w, n, &skip);
    return m < n && (listed(lang, w + skip, m, strmap_hash(w + skip, m)) & LSC_TITLE) ? LSC_TITLE : 0;
}

void lex_speech_init(void)
{
    pthread_once(&index_once, index_build);
}

unsigned lex_speech_word(enum extract_lang lang, const char *w, size_t n, unsigned h,
                         const struct speech_verb **verb, unsigned *form)
{
    int l = lang == LANG_FR ? 0 : 1;
    unsigned c, f = 0;
    const struct speech_verb *v;
    if (cix_ok) {
        const struct cword *x = cix_find(w, n, h);
        c = x->w ? x->cls[l] : 0;
        v = x->w ? x->verb[l] : NULL;
        f = x->form[l];
    } else {
        c = listed(lang, w, n, h);
        v = verb_search(lang, w, n, &f);
    }
    if (!(c & LSC_TITLE) && memchr(w, '-', n))
        c |= title_form(lang, w, n);
    if (verb) {
        *verb = v;
        if (v && form)
            *form = f;
    }
    return c;
}

unsigned lex_speech_classes(enum extract_lang lang, const char *w, size_t n)
{
    lex_speech_init();
    return lex_speech_word(lang, w, n, strmap_hash(w, n), NULL, NULL);
}

bool lex_speech_is_title(const char *w, size_t n)
{
    return (lex_speech_classes(LANG_FR, w, n) & LSC_TITLE) != 0;
}

int lex_speech_collective(const char *w, size_t n)
{
    unsigned c = lex_speech_classes(LANG_FR, w, n);
    return c & LSC_COURT ? 2 : c & LSC_COLLECTIVE ? 1 : 0;
}

/* True when every word list is in strcmp() order. */
static bool lex_speech_word_lists_sorted(void)
{
    for (size_t l = 0; l < COUNT(classed); l++)
        for (size_t i = 1; i < classed[l].n; i++)
            if (strcmp(classed[l].list[i - 1], classed[l].list[i]) >= 0)
                return false;
    return true;
}

/* Each table is searched by bisection, so its order is part of its
 * correctness; this checks it (the unit tests call it). */
bool lex_speech_tables_sorted(void)
{
#define SORTED(list)                                                              \
    do {                                                                          \
        for (size_t i_ = 1; i_ < sizeof list / sizeof list[0]; i_++)              \
            if (strcmp(list[i_ - 1]ACCESS, list[i_]ACCESS) >= 0)                   \
                return false;                                                     \
    } while (0)
#define ACCESS .stem
    SORTED(fr_er_stems);
    SORTED(fr_ir_stems);
    SORTED(en_stems);
#undef ACCESS
#define ACCESS .s
    SORTED(fr_forms);
    SORTED(en_forms);
#undef ACCESS
#undef SORTED
    return lex_speech_word_lists_sorted();
}
