/* test_quotes.c — quote detection and speaker attribution, French and
 * English, one construction per test (sentences written for the test), the
 * seed article end to end, and malformed input. */
#include <stdlib.h>
#include <time.h>

#include "extract.h"
#include "lexicon_speech.h"
#include "seed_idlib.h"
#include "test.h"

static enum extract_status run(const char *lang, const char *text, struct extraction *x)
{
    struct article_input in = {.text = text, .len = text ? strlen(text) : 0, .lang = lang};
    return extract_article(&in, x);
}

/* The quote whose text starts with `prefix`, or NULL. */
static const struct quote *quote_starting(const struct extraction *x, const char *prefix)
{
    for (size_t i = 0; i < x->n_quotes; i++)
        if (strncmp(x->quotes[i].text, prefix, strlen(prefix)) == 0)
            return &x->quotes[i];
    return NULL;
}

static const char *speaker_of(const struct extraction *x, const struct quote *q)
{
    if (!q || q->speaker < 0 || (size_t)q->speaker >= x->n_actors)
        return "(none)";
    return x->actors[q->speaker].name;
}

/* Check one quote: present, its speaker's name, its kind. */
#define CHECK_QUOTE(x, prefix, who, k)                          \
    do {                                                        \
        const struct quote *q_ = quote_starting((x), (prefix)); \
        CHECK(q_ != NULL);                                      \
        CHECK_STR(speaker_of((x), q_), (who));                  \
        if (q_)                                                 \
            CHECK_INT(q_->kind, (k));                           \
    } while (0)

/* ---- French ---------------------------------------------------------- */

TEST(test_fr_guillemets_inner_spaces)
{
    /* regular space, U+00A0 and U+202F inside the guillemets */
    struct extraction x;
    CHECK_INT(run("fr",
                  "Jeanne Morel a déclaré : « Nous ne céderons sur aucun point. » "
                  "Puis elle est partie.\n\n"
                  "Hugo Lambert a répondu :\xC2\xA0«\xC2\xA0Nous verrons bien ce qui se passera.\xC2\xA0»\n\n"
                  "Enfin, Inès Caron a affirmé :\xE2\x80\xAF«\xE2\x80\xAFLe dossier est clos depuis hier.\xE2\x80\xAF»",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 3);
    CHECK_QUOTE(&x, "Nous ne céderons sur aucun point.", "Jeanne Morel", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Nous verrons bien ce qui se passera.", "Hugo Lambert", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Le dossier est clos depuis hier.", "Inès Caron", QUOTE_DIRECT);
    const struct quote *q = quote_starting(&x, "Nous ne");
    if (q) {
        CHECK_STR(q->cue, "a déclaré");
        CHECK(q->confidence > 0.5 && q->confidence <= 1.0);
    }
    extraction_free(&x);
}

TEST(test_fr_inversion_after)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "« La situation est sous contrôle depuis ce matin », a dit Claire Vasseur en "
                  "ouverture de la réunion. « Nous attendons les renforts », a indiqué à "
                  "l'Agence France Presse le porte-parole de la préfecture, Marc Olivier.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "La situation est sous contrôle", "Claire Vasseur", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Nous attendons les renforts", "Marc Olivier", QUOTE_DIRECT);
    const struct quote *q = quote_starting(&x, "La situation");
    if (q)
        CHECK_STR(q->cue, "a dit");
    extraction_free(&x);
}

TEST(test_fr_subject_before)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "Le chef de la diplomatie, Bernard Thibault, a estimé de son côté qu'« une "
                  "réforme profonde s'impose au sein du ministère ». Gaston Leroux, président du "
                  "syndicat, a indiqué « vouloir négocier jusqu'au bout avec la direction ».",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "une réforme profonde", "Bernard Thibault", QUOTE_PARTIAL);
    CHECK_QUOTE(&x, "vouloir négocier", "Gaston Leroux", QUOTE_PARTIAL);
    extraction_free(&x);
}

TEST(test_fr_incise_and_pronoun)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "Paul Durand est arrivé lundi à Lyon pour la conférence.\n\n"
                  "« Nous avons gagné cette bataille », a-t-il fait savoir, « mais la guerre "
                  "continue encore. » Il a ajouté que « rien ne serait plus comme avant ».\n\n"
                  "« Je reste optimiste pour la suite », affirme-t-il.",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 4);
    CHECK_QUOTE(&x, "Nous avons gagné cette bataille", "Paul Durand", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "mais la guerre continue", "Paul Durand", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "rien ne serait plus", "Paul Durand", QUOTE_PARTIAL);
    CHECK_QUOTE(&x, "Je reste optimiste", "Paul Durand", QUOTE_DIRECT);
    const struct quote *q = quote_starting(&x, "Nous avons");
    if (q)
        CHECK_STR(q->cue, "a-t-il fait savoir");
    extraction_free(&x);
}

TEST(test_fr_incise_inside_the_marks)
{
    /* « Moi, dit-il, j'ai… »: two stretches, the short one dropped */
    struct extraction x;
    CHECK_INT(run("fr",
                  "Paul Durand est venu. « Moi, dit-il, j'ai l'impression que tout va mieux "
                  "depuis hier. » Puis « Nous verrons bien ce qui arrivera, a-t-il ajouté, mais "
                  "je reste confiant pour la suite ».",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 3);
    CHECK(quote_starting(&x, "Moi") == NULL);
    CHECK_QUOTE(&x, "j'ai l'impression que tout va mieux depuis hier.", "Paul Durand", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Nous verrons bien ce qui arrivera", "Paul Durand", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "mais je reste confiant pour la suite", "Paul Durand", QUOTE_DIRECT);
    extraction_free(&x);
}

TEST(test_fr_title)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "Sylvain Morand, le ministre italien des Finances, est arrivé à Paris.\n\n"
                  "Le ministre italien des Finances rappelle que le pays a besoin de « trois "
                  "milliards d'euros avant l'été ».",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "trois milliards", "Sylvain Morand", QUOTE_PARTIAL);
    extraction_free(&x);
}

TEST(test_fr_selon_dapres)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "Selon le Kremlin, les discussions « ont été longues mais constructives ». "
                  "D'après le communiqué du ministère de la Santé, « la situation ne cesse de "
                  "s'améliorer dans les hôpitaux ». « Les négociations reprendront demain », "
                  "selon Louise Fabre, l'une des avocates.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "ont été longues", "Kremlin", QUOTE_PARTIAL);
    CHECK_QUOTE(&x, "la situation ne cesse", "ministère de la Santé", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Les négociations reprendront", "Louise Fabre", QUOTE_DIRECT);
    extraction_free(&x);
    /* "Pour X, …" opening a sentence; a title no one holds stays unresolved
     * rather than taking the previous speaker */
    CHECK_INT(run("fr",
                  "« C'est une provocation », a estimé le secrétaire général, Pierre Marin. Pour "
                  "la présidente du parti, Lucie Vidal, le gouvernement « a perdu toute "
                  "crédibilité ». « La réforme ira à son terme », a martelé la ministre du Travail.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "C'est une provocation", "Pierre Marin", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "a perdu toute crédibilité", "Lucie Vidal", QUOTE_PARTIAL);
    CHECK_QUOTE(&x, "La réforme ira à son terme", "(none)", QUOTE_DIRECT);
    extraction_free(&x);
}

TEST(test_fr_nested_and_multi_sentence)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "« Il m'a dit “je reviendrai demain matin” puis il est parti. Je ne l'ai plus "
                  "revu depuis. », raconte Luc Bernard.",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 1);
    CHECK_QUOTE(&x, "Il m'a dit “je reviendrai demain matin” puis il est parti. Je ne l'ai plus revu depuis.",
                "Luc Bernard", QUOTE_DIRECT);
    extraction_free(&x);
}

TEST(test_fr_pull_quote)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "Le sommet s'est ouvert à Genève.\n\n"
                  "\"Nous devons tout reprendre depuis le début.\"\n\n"
                  "\"Nous devons tout reprendre depuis le début\", a dit Anne Marchal devant la "
                  "presse.",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 1);
    const struct quote *q = quote_starting(&x, "Nous devons tout reprendre");
    CHECK(q != NULL);
    if (q) {
        CHECK_INT(q->occurrences, 2);
        CHECK_STR(speaker_of(&x, q), "Anne Marchal");
        CHECK_STR(q->cue, "a dit");
    }
    extraction_free(&x);
}

TEST(test_fr_not_quotes)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "Le ministre se dit « particulièrement rassuré ». L'opération, baptisée « bouclier "
                  "de la vallée », a commencé. Un rapport sur « Les revenus des ménages français » "
                  "est paru. Les forces ont créé le « Conseil militaire de la ville ».",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 0);
    extraction_free(&x);
}

/* An incise in a compound tense, with a name or a noun phrase as its
 * subject, splits the quote; the narrator's words are in neither stretch. */
TEST(test_fr_incise_compound_tense)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "Le conseil a voté mardi. « On nous demande des efforts, a répliqué Martine "
                  "Lerouge, alors que rien ne change dans nos rues. »\n\n"
                  "Paule Vidal siège depuis deux ans. « Ce quartier mérite mieux, a insisté "
                  "l'adjointe. Les habitants attendent depuis longtemps. »\n\n"
                  "« Le chantier reprendra lundi, a également précisé le maire, sans retard "
                  "supplémentaire. »",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 6);
    CHECK_QUOTE(&x, "On nous demande des efforts", "Martine Lerouge", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "alors que rien ne change", "Martine Lerouge", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Ce quartier mérite mieux", "Paule Vidal", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Les habitants attendent", "Paule Vidal", QUOTE_DIRECT);
    for (size_t i = 0; i < x.n_quotes; i++)
        CHECK(strstr(x.quotes[i].text, "a répliqué") == NULL &&
              strstr(x.quotes[i].text, "a insisté") == NULL &&
              strstr(x.quotes[i].text, "précisé") == NULL);
    extraction_free(&x);
}

/* Titles of works after the noun of the work, and nicknames after a word
 * that presents a name, are not quotes; "dit" after a pronoun still
 * introduces speech. */
TEST(test_fr_titles_and_nicknames)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "La galerie prête la toile « Pêcheurs sous la pluie » au musée. Son œuvre "
                  "« Le Silence des collines » a été restaurée. La ligne de nuit, que tout le "
                  "monde appelle « le bus des oubliés », ne roule plus. On l'appelle « la petite "
                  "reine du port » depuis des années. Le secteur dit « la boucle du fleuve » "
                  "sera fermé. Paul Morin a dit « nous reviendrons la semaine prochaine » avant "
                  "de partir.",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 1);
    CHECK_QUOTE(&x, "nous reviendrons", "Paul Morin", QUOTE_PARTIAL);
    extraction_free(&x);
}

TEST(test_en_titles_and_nicknames)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "The museum lent the painting \"Harbour at Dawn\" to the city. Residents "
                  "mocked the so-called \"bridge to nowhere\" for years. Anna Reyes said \"We "
                  "will keep the bridge open.\"",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 1);
    CHECK_QUOTE(&x, "We will keep", "Anna Reyes", QUOTE_DIRECT);
    extraction_free(&x);
}

/* A title whose complement is an organisation names the person holding it,
 * not the organisation; a nationality noun stands for the person named
 * with that nationality, never for an actor of its own. */
TEST(test_title_holder_and_demonym)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "Les bus restent au dépôt. Bernard Lhuillier, le directeur de la RTMV, a "
                  "déclaré : « Nous ne reprendrons pas sans accord. »\n\n"
                  "Le directeur de la RTMV a ajouté : « Les discussions reprendront lundi "
                  "matin. »",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "Nous ne reprendrons", "Bernard Lhuillier", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Les discussions reprendront", "Bernard Lhuillier", QUOTE_DIRECT);
    extraction_free(&x);

    CHECK_INT(run("en",
                  "Novak Petrovic is a Serbian tennis player. He won the final in three sets. "
                  "\"I am very happy with the win tonight,\" the Serbian said after the Coastal "
                  "Open final.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "I am very happy", "Novak Petrovic", QUOTE_DIRECT);
    for (size_t i = 0; i < x.n_actors; i++)
        CHECK(strcmp(x.actors[i].name, "Serbian") != 0);
    extraction_free(&x);

    CHECK_INT(run("en",
                  "The match ended late. \"It was a very hard game for us,\" the Italian said.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "It was a very hard", "(none)", QUOTE_DIRECT);
    extraction_free(&x);
}

/* A company, a court or its judges referred to by a common noun speak for
 * the organisation named before; a verb of speech before a colon. */
TEST(test_collective_sources)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "La société Brivalor a publié ses comptes. « Nous avons tenu nos objectifs "
                  "cette année », a indiqué l'entreprise.\n\n"
                  "Le tribunal correctionnel de Quimper a rendu son jugement. « Les faits sont "
                  "d'une gravité rare », ont estimé les magistrats.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "Nous avons tenu", "Brivalor", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Les faits sont", "tribunal correctionnel de Quimper", QUOTE_DIRECT);
    extraction_free(&x);

    CHECK_INT(run("en",
                  "Shares in the airline Skyvale fell. \"We regret the delays this week,\" the "
                  "company said.\n\n"
                  "Its chief executive Dana Whitlow apologised: \"We let our passengers down.\"",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "We regret the delays", "Skyvale", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "We let our passengers", "Dana Whitlow", QUOTE_DIRECT);
    extraction_free(&x);
}

/* ---- English ---------------------------------------------------------- */

TEST(test_en_inversion_and_incise)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "Coach Martin Hale spoke after the match.\n\n"
                  "\"We will win this fight,\" said Laura Benson after the vote. \"The numbers "
                  "are on our side.\"\n\n"
                  "\"It was a hard game for all of us,\" he said. \"We made too many mistakes.\"",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "We will win this fight", "Laura Benson", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "The numbers are on our side.", "Laura Benson", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "It was a hard game", "Laura Benson", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "We made too many mistakes.", "Laura Benson", QUOTE_DIRECT);
    extraction_free(&x);
}

TEST(test_en_pronoun_resolution)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "Governor Rachel Moss postponed the election, citing the storm. In a statement "
                  "on Twitter, she wrote, \"Nobody should have to choose between their safety and "
                  "their vote.\"\n\n"
                  "Senator Tom Reyes disagreed. \"This decision will be challenged in court,\" he "
                  "told reporters.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "Nobody should have to choose", "Rachel Moss", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "This decision will be challenged", "Tom Reyes", QUOTE_DIRECT);
    extraction_free(&x);
}

TEST(test_en_subject_before_and_titles)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "Iranian President Hassan Karimi said, \"We deeply regret this mistake.\" "
                  "Hospital director Ana Flores told reporters: \"Our staff worked through the "
                  "night.\" \"The bridge will reopen next week,\" city engineer Paul Grant said.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "We deeply regret", "Hassan Karimi", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Our staff worked", "Ana Flores", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "The bridge will reopen", "Paul Grant", QUOTE_DIRECT);
    const struct quote *q = quote_starting(&x, "Our staff");
    if (q)
        CHECK_STR(q->cue, "told");
    extraction_free(&x);
}

TEST(test_en_surname_and_according_to)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "Team captain Jarrod Wills scored twice on Saturday.\n\n"
                  "\"It was the best start we have had in years\", Wills said.\n\n"
                  "Fitness was a big factor according to Wills. \"We have been working hard on "
                  "our fitness,\" he said. According to Mia Park, the club \"will need new "
                  "players next season\".",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "It was the best start", "Jarrod Wills", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "We have been working hard", "Jarrod Wills", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "will need new players", "Mia Park", QUOTE_PARTIAL);
    extraction_free(&x);
}

TEST(test_en_nested_partial_multiparagraph)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "Judge Ellen Ward described the plan as \"a dangerous gamble for everyone\".\n\n"
                  "\"He told me 'never again' and left the room,\" said Omar Reed.\n\n"
                  "\"The first part of our statement covers the budget.\n\n"
                  "\"The second part covers the schools,\" said Nora Quinn.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "a dangerous gamble", "Ellen Ward", QUOTE_PARTIAL);
    CHECK_QUOTE(&x, "He told me 'never again' and left the room,", "Omar Reed", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "The first part of our statement", "Nora Quinn", QUOTE_DIRECT);
    CHECK_INT(x.n_quotes, 3);
    extraction_free(&x);
}

TEST(test_lexicon_tables)
{
    unsigned form = 0;
    CHECK(lex_speech_tables_sorted());
    /* forms of every tense, folded */
    CHECK(lex_speech_verb(LANG_FR, "declare", 7, &form) != NULL);
    CHECK(lex_speech_verb(LANG_FR, "declarerent", 11, &form) != NULL);
    CHECK(lex_speech_verb(LANG_FR, "indiquait", 9, &form) != NULL);
    CHECK(lex_speech_verb(LANG_FR, "estimera", 8, &form) != NULL);
    CHECK(lex_speech_verb(LANG_FR, "ajoutant", 8, &form) != NULL && form == SF_GERUND);
    CHECK(lex_speech_verb(LANG_FR, "dit", 3, &form) != NULL);
    CHECK(lex_speech_verb(LANG_FR, "ecrivit", 7, &form) != NULL);
    CHECK(lex_speech_verb(LANG_FR, "savoir", 6, &form) != NULL && form == SF_INFINITIVE);
    CHECK(lex_speech_verb(LANG_FR, "maison", 6, &form) == NULL);
    CHECK(lex_speech_verb(LANG_EN, "said", 4, &form) != NULL);
    CHECK(lex_speech_verb(LANG_EN, "stated", 6, &form) != NULL);
    CHECK(lex_speech_verb(LANG_EN, "stating", 7, &form) != NULL && form == SF_GERUND);
    CHECK(lex_speech_verb(LANG_EN, "adds", 4, &form) != NULL);
    CHECK(lex_speech_verb(LANG_EN, "told", 4, &form) != NULL);
    CHECK(lex_speech_verb(LANG_EN, "house", 5, &form) == NULL);
    CHECK(lex_speech_is_title("president", 9));
    CHECK(!lex_speech_is_title("maison", 6));
}

TEST(test_en_dash_brackets_proxies)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "The storm destroyed more than 300 homes. \"We will rebuild, stronger than "
                  "before.\" \xE2\x80\x94 Mayor John Carter, speaking at a press conference.\n\n"
                  "Maria Gomez wrote in a Facebook post: \"Nobody came to help us for three days.\" "
                  "Senator Paul Wright (who visited the area on Sunday) said the state \"did "
                  "everything it could\".\n\n"
                  "Governor Ann Lee is expected to sign the bill. In a statement, her office said "
                  "the governor \"fully supports the decision\".",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "We will rebuild", "John Carter", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Nobody came to help", "Maria Gomez", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "did everything it could", "Paul Wright", QUOTE_PARTIAL);
    CHECK_QUOTE(&x, "fully supports the decision", "Ann Lee", QUOTE_PARTIAL);
    const struct quote *q = quote_starting(&x, "Nobody");
    if (q)
        CHECK_STR(q->cue, "wrote");
    extraction_free(&x);
}

TEST(test_fr_organisations)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "« Il faudra que l'État prenne ses responsabilités », a prévenu l'Association des "
                  "maires de France dans un communiqué. « Ces actes sont inadmissibles », juge le "
                  "ministère de l'Intérieur. Le ministère s'est dit déterminé à « combattre toutes "
                  "les violences ».",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "Il faudra que", "Association des maires de France", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Ces actes sont", "ministère de l'Intérieur", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "combattre toutes", "ministère de l'Intérieur", QUOTE_PARTIAL);
    extraction_free(&x);
}

TEST(test_en_curly_pull_title_not_quotes)
{
    /* curly marks, a pull quote, a title referring back, and what is not
     * a quote: two words, a dubbed name, a title of a work */
    struct extraction x;
    CHECK_INT(run("en",
                  "Sarah Okafor, the health minister, opened the clinic on Monday.\n\n"
                  "“Every child deserves a doctor within reach.”\n\n"
                  "“Every child deserves a doctor within reach,” the health "
                  "minister told the crowd. Critics called the plan “too little”. "
                  "The program, dubbed “Care for All Now”, costs $5 million. "
                  "She quoted the report on “the state of rural health”.",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 1);
    const struct quote *q = quote_starting(&x, "Every child deserves a doctor within reach");
    CHECK(q != NULL);
    if (q) {
        CHECK_INT(q->occurrences, 2);
        CHECK_STR(speaker_of(&x, q), "Sarah Okafor");
        CHECK_STR(q->cue, "told");
    }
    extraction_free(&x);
}

TEST(test_unnamed_sources)
{
    /* an unnamed source stays unnamed: no speaker borrowed from around */
    struct extraction x;
    CHECK_INT(run("fr",
                  "Paul Durand est venu. « Nous verrons bien demain matin », a dit Paul Durand. "
                  "Interrogé par la presse, un parent d'élève a déclaré : « On attend de voir la "
                  "suite. » « Il s'agit d'une unité d'urgence », a indiqué un officier. Pour Lina "
                  "Roche, ce plan « repose sur des promesses intenables ».",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "Nous verrons bien", "Paul Durand", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "On attend de voir", "(none)", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Il s'agit d'une unité", "(none)", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "repose sur des promesses", "Lina Roche", QUOTE_PARTIAL);
    extraction_free(&x);
    CHECK_INT(run("en",
                  "John Smith left early. \"We were never told about the plan,\" said a source "
                  "close to the talks.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "We were never told", "(none)", QUOTE_DIRECT);
    extraction_free(&x);
}

/* ---- The seed article --------------------------------------------------- */

TEST(test_seed_idlib)
{
    size_t len = 0;
    for (size_t i = 0; seed_idlib_lines[i]; i++)
        len += strlen(seed_idlib_lines[i]) + 1;
    char *text = malloc(len + 1);
    CHECK(text != NULL);
    if (!text)
        return;
    text[0] = '\0';
    for (size_t i = 0; seed_idlib_lines[i]; i++) {
        strcat(text, seed_idlib_lines[i]);
        if (seed_idlib_lines[i + 1])
            strcat(text, "\n");
    }
    struct extraction x;
    CHECK_INT(run("fr", text, &x), EXTRACT_OK);
    CHECK_INT(x.n_quotes, 4);
    CHECK_QUOTE(&x, "Nous devons discuter", "Vladimir Poutine", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Il y a des différences", "Jens Stoltenberg", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "une grande explication", "Jean-Yves Le Drian", QUOTE_PARTIAL);
    CHECK_QUOTE(&x, "des mesures prises", "Kremlin", QUOTE_PARTIAL);
    const struct quote *q = quote_starting(&x, "Nous devons");
    if (q) {
        CHECK_INT(q->occurrences, 2);
        CHECK_STR(q->cue, "a dit");
        /* the span is the first occurrence, and its bytes are the text */
        CHECK(q->span.end > q->span.start && q->span.end <= len);
        CHECK(strncmp(text + q->span.start, q->text, q->span.end - q->span.start) == 0);
    }
    q = quote_starting(&x, "Il y a des");
    if (q)
        CHECK_INT(q->occurrences, 2);
    q = quote_starting(&x, "une grande");
    if (q)
        CHECK_INT(q->occurrences, 1);
    /* detected without being told */
    extraction_free(&x);
    CHECK_INT(run(NULL, text, &x), EXTRACT_OK);
    CHECK_INT(x.lang, LANG_FR);
    extraction_free(&x);
    free(text);
}

/* ---- Malformed input ------------------------------------------------------ */

TEST(test_invalid_utf8)
{
    struct extraction x;
    CHECK_INT(run("fr", "« Bonjour à tous \xC3\x28 les amis »", &x), EXTRACT_EUTF8);
    CHECK_INT(x.n_quotes, 0);
    extraction_free(&x);
    CHECK_INT(run("en", "\"truncated \xE2\x82", &x), EXTRACT_EUTF8);
    extraction_free(&x);
}

TEST(test_empty_text)
{
    struct extraction x;
    CHECK_INT(run("fr", "", &x), EXTRACT_OK);
    CHECK_INT(x.n_quotes, 0);
    extraction_free(&x);
    CHECK_INT(run(NULL, NULL, &x), EXTRACT_OK);
    CHECK_INT(x.n_quotes, 0);
    extraction_free(&x);
    CHECK_INT(run("de", "Hallo", &x), EXTRACT_ELANG);
    extraction_free(&x);
}

TEST(test_unbalanced_marks)
{
    struct extraction x;
    /* an opening mark never closed does not swallow the next paragraph */
    CHECK_INT(run("fr",
                  "Il a lancé « bonjour à tous et puis il est parti sans un mot de plus\n\n"
                  "Marie Dubois a déclaré : « Nous reprendrons le travail lundi matin. »\n\n"
                  "» » » « « “ ” ” \" \" \"",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 1);
    CHECK_QUOTE(&x, "Nous reprendrons le travail lundi matin.", "Marie Dubois", QUOTE_DIRECT);
    extraction_free(&x);
    CHECK_INT(run("en",
                  "He said \"this never ends and goes on and on\n\n"
                  "\"We are ready to go,\" said Sam Cole. \"",
                  &x),
              EXTRACT_OK);
    CHECK_INT(x.n_quotes, 1);
    CHECK_QUOTE(&x, "We are ready to go,", "Sam Cole", QUOTE_DIRECT);
    extraction_free(&x);
    CHECK_INT(run("en", "\"", &x), EXTRACT_OK);
    CHECK_INT(x.n_quotes, 0);
    extraction_free(&x);
}

TEST(test_ten_megabytes_without_full_stop)
{
    /* one sentence of 10 MB, with quotation marks scattered in it, one left
     * open every time, and a name now and then: a defined result, in linear
     * time */
    size_t cap = 10u << 20, n = 0;
    char *big = malloc(cap + 64);
    CHECK(big != NULL);
    if (!big)
        return;
    static const char *const pieces[] = {"la route ", "continue ", "« sans fin vers le sud » ",
                                         "a-t-il dit ", "et « encore ", "toujours "};
    for (size_t i = 0; n < cap; i++) {
        const char *p = i % 60000 == 1 ? "selon Paul Durand " : pieces[i % 6];
        size_t pl = strlen(p);
        memcpy(big + n, p, pl);
        n += pl;
    }
    big[n] = '\0';
    struct article_input in = {.text = big, .len = n, .lang = "fr"};
    struct extraction x;
    clock_t t0 = clock();
    CHECK_INT(extract_article(&in, &x), EXTRACT_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(x.n_quotes == 1); /* the same stretch every time: one quote, many occurrences */
    if (x.n_quotes == 1)
        CHECK(x.quotes[0].occurrences > 1000);
    CHECK(secs < 60.0);
    extraction_free(&x);
    free(big);
}

/* A medium or agency written right before the person who speaks to it. */
TEST(test_medium_glued_to_person)
{
    struct extraction x;
    CHECK_INT(run("fr",
                  "« Le chantier reprendra dès lundi », a confié à l'AFP Lucien Ferrandou, maire de la "
                  "commune. « Rien n'est encore signé », a précisé Reuters Mazaudier.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "Le chantier reprendra", "Lucien Ferrandou", QUOTE_DIRECT);
    CHECK_QUOTE(&x, "Rien n'est encore", "Mazaudier", QUOTE_DIRECT);
    extraction_free(&x);
    CHECK_INT(run("en", "\"The bridge will reopen on Monday,\" said Reuters Tom Hallworth.", &x), EXTRACT_OK);
    CHECK_QUOTE(&x, "The bridge will reopen", "Tom Hallworth", QUOTE_DIRECT);
    extraction_free(&x);
}

/* An organisation whose name ends on a title word or goes on in lower case
 * is the speaker, not the title or the cut name. */
TEST(test_long_organisation_speakers)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "The Office of the Regional Water Commissioner said: \"We will publish the "
                  "figures next week.\"",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "We will publish", "Office of the Regional Water Commissioner", QUOTE_DIRECT);
    extraction_free(&x);
    CHECK_INT(run("fr",
                  "L'Institut fédéral des eaux souterraines (IFES) publie ses relevés. « La nappe "
                  "baisse depuis trois ans », a indiqué l'Institut fédéral des eaux souterraines.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "La nappe baisse", "Institut fédéral des eaux souterraines", QUOTE_DIRECT);
    extraction_free(&x);
}

/* Role nouns, with the forms for someone elected to a post or who held
 * it, refer to the person last named with the same title. */
TEST(test_role_nouns_refer_back)
{
    struct extraction x;
    CHECK_INT(run("en",
                  "Rita Okafor was elected mayor on Sunday, defeating Dan Pruitt. Pruitt thanked his "
                  "volunteers. \"The buses come first,\" the mayor-elect said.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "The buses come first", "Rita Okafor", QUOTE_DIRECT);
    extraction_free(&x);
    CHECK_INT(run("fr",
                  "La procureure Anne Rivaud a ouvert une enquête. Le maire, Hugo Sellier, s'est tu. "
                  "« Les faits sont graves et établis », a dit la procureure.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "Les faits sont graves", "Anne Rivaud", QUOTE_DIRECT);
    extraction_free(&x);
    CHECK_INT(run("fr",
                  "Bruno Lacaze a quitté le gouvernement en mai. « Je pars serein et fier », a dit "
                  "l'ex-ministre.",
                  &x),
              EXTRACT_OK);
    CHECK_QUOTE(&x, "Je pars serein", "Bruno Lacaze", QUOTE_DIRECT);
    extraction_free(&x);
    CHECK(lex_speech_is_title("mayor-elect", 11));
    CHECK(lex_speech_is_title("ex-ministre", 11));
    CHECK(lex_speech_is_title("then-coach", 10));
    CHECK(!lex_speech_is_title("ex-voiture", 10));
}

/* A tournament is never a speaker. */
TEST(test_event_not_speaker)
{
    struct extraction x;
    CHECK_INT(run("en", "The Adelaide International said \"every ticket is sold out now\".", &x), EXTRACT_OK);
    CHECK_QUOTE(&x, "every ticket", "(none)", QUOTE_PARTIAL);
    extraction_free(&x);
}

int main(void)
{
    RUN(test_fr_guillemets_inner_spaces);
    RUN(test_fr_inversion_after);
    RUN(test_fr_subject_before);
    RUN(test_fr_incise_and_pronoun);
    RUN(test_fr_incise_inside_the_marks);
    RUN(test_fr_title);
    RUN(test_fr_selon_dapres);
    RUN(test_fr_nested_and_multi_sentence);
    RUN(test_fr_pull_quote);
    RUN(test_fr_not_quotes);
    RUN(test_fr_incise_compound_tense);
    RUN(test_fr_titles_and_nicknames);
    RUN(test_en_titles_and_nicknames);
    RUN(test_title_holder_and_demonym);
    RUN(test_collective_sources);
    RUN(test_en_inversion_and_incise);
    RUN(test_en_pronoun_resolution);
    RUN(test_en_subject_before_and_titles);
    RUN(test_en_surname_and_according_to);
    RUN(test_en_nested_partial_multiparagraph);
    RUN(test_en_dash_brackets_proxies);
    RUN(test_en_curly_pull_title_not_quotes);
    RUN(test_fr_organisations);
    RUN(test_unnamed_sources);
    RUN(test_medium_glued_to_person);
    RUN(test_long_organisation_speakers);
    RUN(test_role_nouns_refer_back);
    RUN(test_event_not_speaker);
    RUN(test_lexicon_tables);
    RUN(test_seed_idlib);
    RUN(test_invalid_utf8);
    RUN(test_empty_text);
    RUN(test_unbalanced_marks);
    RUN(test_ten_megabytes_without_full_stop);
    TEST_SUMMARY();
}
