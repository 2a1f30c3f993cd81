/* lexicon_speech.c — the data the speaker search works from: speech verbs of
 * French and English with their forms, pronouns, attribution markers,
 * titles, organisation heads and the small words stepped over.
 *
 * Regular verbs are listed by stem and conjugation class; the class tables
 * give every ending (present, imperfect, simple past, future, conditional,
 * participle, gerund, infinitive). Irregular verbs list each form. All
 * words are folded (lower case, accents removed), so "déclaré", "DÉCLARÉ"
 * and "declare" look alike; a few forms then coincide, which is harmless
 * for finding attributions. Every table is sorted only where a comment
 * says so; lookups are linear over short lists or binary over long ones. */
#include "lexicon_speech.h"

#include <string.h>

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

/* English regular verbs: "add" + ending; a stem ending in "e" drops it
 * before "ed"/"ing" (see en_forms()). */
static const struct ending en_reg[] = {
    {"", F | I}, {"s", F}, {"es", F}, {"ed", F | P}, {"ing", G}, {NULL, 0},
};

struct stem {
    const char *stem;
    const struct speech_verb verb;
};

/* French -er speech verbs by stem (a stem that changes, as in "rappelle",
 * "interrogea", is listed in both forms). */
static const struct stem fr_er_stems[] = {
    {"accus", {"accuser", 0.6}},       {"affirm", {"affirmer", 1.0}},
    {"ajout", {"ajouter", 1.0}},       {"annonc", {"annoncer", 0.9}},
    {"appel", {"appeler", 0.6}},       {"appell", {"appeler", 0.6}},
    {"arguer", {"arguer", 0.8}},       {"assur", {"assurer", 0.9}},
    {"avou", {"avouer", 0.9}},         {"certifi", {"certifier", 0.9}},
    {"cit", {"citer", 0.6}},           {"clam", {"clamer", 0.9}},
    {"class", {"classer", 0.5}},       {"comment", {"commenter", 0.9}},
    {"confi", {"confier", 0.9}},       {"confirm", {"confirmer", 0.9}},
    {"consider", {"considerer", 0.8}}, {"critiqu", {"critiquer", 0.6}},
    {"declar", {"declarer", 1.0}},     {"demand", {"demander", 0.6}},
    {"denonc", {"denoncer", 0.8}},     {"deplor", {"deplorer", 0.8}},
    {"detaill", {"detailler", 0.8}},   {"estim", {"estimer", 1.0}},
    {"evoqu", {"evoquer", 0.6}},       {"exclam", {"exclamer", 0.9}},
    {"exhort", {"exhorter", 0.7}},     {"expliqu", {"expliquer", 1.0}},
    {"fustig", {"fustiger", 0.7}},     {"fustige", {"fustiger", 0.7}},
    {"indiqu", {"indiquer", 1.0}},     {"insist", {"insister", 0.9}},
    {"interrog", {"interroger", 0.7}}, {"interroge", {"interroger", 0.7}},
    {"ironis", {"ironiser", 0.9}},     {"jug", {"juger", 0.8}},
    {"juge", {"juger", 0.8}},          {"jur", {"jurer", 0.8}},
    {"lanc", {"lancer", 0.7}},         {"martel", {"marteler", 1.0}},
    {"mentionn", {"mentionner", 0.8}}, {"menac", {"menacer", 0.6}},
    {"not", {"noter", 0.8}},           {"nuanc", {"nuancer", 0.8}},
    {"observ", {"observer", 0.8}},     {"pens", {"penser", 0.7}},
    {"plaid", {"plaider", 0.7}},       {"poursuiv", {"poursuivre", 0.7}},
    {"precis", {"preciser", 1.0}},     {"proclam", {"proclamer", 0.9}},
    {"qualifi", {"qualifier", 0.6}},   {"racont", {"raconter", 0.9}},
    {"rappel", {"rappeler", 0.9}},     {"rappell", {"rappeler", 0.9}},
    {"rapport", {"rapporter", 0.7}},   {"regrett", {"regretter", 0.8}},
    {"relat", {"relater", 0.8}},       {"relev", {"relever", 0.8}},
    {"repet", {"repeter", 0.8}},       {"repliqu", {"repliquer", 1.0}},
    {"resum", {"resumer", 0.8}},       {"retorqu", {"retorquer", 1.0}},
    {"salu", {"saluer", 0.6}},         {"scand", {"scander", 0.8}},
    {"signal", {"signaler", 0.8}},     {"soulign", {"souligner", 1.0}},
    {"souffl", {"souffler", 0.7}},     {"temoign", {"temoigner", 0.8}},
    {"tweet", {"tweeter", 0.9}},       {"twitt", {"twitter", 0.9}},
    {"parl", {"parler", 0.6}},         {"explicit", {"expliciter", 0.8}},
    {"glis", {"glisser", 0.6}},        {"gliss", {"glisser", 0.6}},
    {"lach", {"lacher", 0.7}},         {"insinu", {"insinuer", 0.8}},
    {"martel", {"marteler", 1.0}},     {"alert", {"alerter", 0.7}},
    {"prevoy", {"prevoir", 0.4}},      {"reclam", {"reclamer", 0.6}},
    {"revel", {"reveler", 0.8}},       {"souhait", {"souhaiter", 0.5}},
};

static const struct stem fr_ir_stems[] = {
    {"avert", {"avertir", 0.8}},
    {"reag", {"reagir", 0.8}},
    {"garant", {"garantir", 0.8}},
    {"rug", {"rugir", 0.7}},
};

/* English regular verbs by infinitive. */
static const struct stem en_stems[] = {
    {"acknowledge", {"acknowledge", 0.8}}, {"add", {"add", 1.0}},
    {"announce", {"announce", 0.9}},       {"answer", {"answer", 0.9}},
    {"argue", {"argue", 0.9}},             {"ask", {"ask", 0.6}},
    {"assert", {"assert", 0.9}},           {"boast", {"boast", 0.8}},
    {"call", {"call", 0.5}},               {"caution", {"caution", 0.8}},
    {"cite", {"cite", 0.5}},               {"claim", {"claim", 0.9}},
    {"comment", {"comment", 0.9}},         {"complain", {"complain", 0.8}},
    {"concede", {"concede", 0.8}},         {"conclude", {"conclude", 0.8}},
    {"confirm", {"confirm", 0.9}},         {"contend", {"contend", 0.9}},
    {"continue", {"continue", 0.6}},       {"declare", {"declare", 0.9}},
    {"describe", {"describe", 0.6}},       {"emphasise", {"emphasise", 0.9}},
    {"emphasize", {"emphasize", 0.9}},     {"exclaim", {"exclaim", 0.9}},
    {"explain", {"explain", 1.0}},         {"insist", {"insist", 0.9}},
    {"joke", {"joke", 0.8}},               {"maintain", {"maintain", 0.7}},
    {"mention", {"mention", 0.8}},         {"note", {"note", 0.8}},
    {"observe", {"observe", 0.8}},         {"post", {"post", 0.7}},
    {"pledge", {"pledge", 0.7}},           {"predict", {"predict", 0.7}},
    {"proclaim", {"proclaim", 0.9}},       {"quote", {"quote", 0.5}},
    {"recall", {"recall", 0.8}},           {"recount", {"recount", 0.8}},
    {"remark", {"remark", 0.9}},           {"report", {"report", 0.6}},
    {"respond", {"respond", 0.9}},         {"reveal", {"reveal", 0.7}},
    {"shout", {"shout", 0.8}},             {"state", {"state", 0.9}},
    {"stress", {"stress", 0.9}},           {"suggest", {"suggest", 0.8}},
    {"testify", {"testify", 0.8}},         {"tweet", {"tweet", 0.9}},
    {"urge", {"urge", 0.7}},               {"voice", {"voice", 0.5}},
    {"vow", {"vow", 0.7}},                 {"warn", {"warn", 0.9}},
    {"insist", {"insist", 0.9}},           {"claim", {"claim", 0.9}},
    {"reiterate", {"reiterate", 0.9}},     {"deny", {"deny", 0.5}},
    {"accuse", {"accuse", 0.5}},           {"demand", {"demand", 0.6}},
};

struct form {
    const char *s;
    unsigned form;
    const struct speech_verb verb;
};

/* Irregular forms, French. "savoir" and "valoir" are the infinitives of
 * "faire savoir", "faire valoir" ("a-t-il fait savoir"). */
static const struct form fr_forms[] = {
    {"dit", F | P, {"dire", 1.0}},        {"dis", F, {"dire", 1.0}},
    {"disent", F, {"dire", 1.0}},         {"disait", F, {"dire", 1.0}},
    {"disaient", F, {"dire", 1.0}},       {"dira", F, {"dire", 1.0}},
    {"diront", F, {"dire", 1.0}},         {"dirait", F, {"dire", 1.0}},
    {"diraient", F, {"dire", 1.0}},       {"dirent", F, {"dire", 1.0}},
    {"dire", I, {"dire", 1.0}},           {"disant", G, {"dire", 1.0}},
    {"dite", P, {"dire", 1.0}},           {"dits", P, {"dire", 1.0}},
    {"ecrit", F | P, {"ecrire", 0.9}},    {"ecrivent", F, {"ecrire", 0.9}},
    {"ecrivait", F, {"ecrire", 0.9}},     {"ecrivaient", F, {"ecrire", 0.9}},
    {"ecrivit", F, {"ecrire", 0.9}},      {"ecrivirent", F, {"ecrire", 0.9}},
    {"ecrira", F, {"ecrire", 0.9}},       {"ecrirait", F, {"ecrire", 0.9}},
    {"ecrire", I, {"ecrire", 0.9}},       {"ecrivant", G, {"ecrire", 0.9}},
    {"repond", F, {"repondre", 0.9}},     {"repondent", F, {"repondre", 0.9}},
    {"repondait", F, {"repondre", 0.9}},  {"repondit", F, {"repondre", 0.9}},
    {"repondu", P, {"repondre", 0.9}},    {"repondra", F, {"repondre", 0.9}},
    {"repondrait", F, {"repondre", 0.9}}, {"repondre", I, {"repondre", 0.9}},
    {"repondant", G, {"repondre", 0.9}},  {"reconnait", F, {"reconnaitre", 0.8}},
    {"reconnaissent", F, {"reconnaitre", 0.8}}, {"reconnaissait", F, {"reconnaitre", 0.8}},
    {"reconnut", F, {"reconnaitre", 0.8}}, {"reconnu", P, {"reconnaitre", 0.8}},
    {"reconnue", P, {"reconnaitre", 0.8}}, {"reconnaitre", I, {"reconnaitre", 0.8}},
    {"reconnaissant", G, {"reconnaitre", 0.8}}, {"admet", F, {"admettre", 0.8}},
    {"admettent", F, {"admettre", 0.8}},  {"admettait", F, {"admettre", 0.8}},
    {"admit", F, {"admettre", 0.8}},      {"admis", P, {"admettre", 0.8}},
    {"admettre", I, {"admettre", 0.8}},   {"promet", F, {"promettre", 0.7}},
    {"promettent", F, {"promettre", 0.7}}, {"promit", F, {"promettre", 0.7}},
    {"promis", P, {"promettre", 0.7}},    {"soutient", F, {"soutenir", 0.8}},
    {"soutiennent", F, {"soutenir", 0.8}}, {"soutenait", F, {"soutenir", 0.8}},
    {"soutint", F, {"soutenir", 0.8}},    {"soutenu", P, {"soutenir", 0.8}},
    {"previent", F, {"prevenir", 0.8}},   {"previennent", F, {"prevenir", 0.8}},
    {"prevenait", F, {"prevenir", 0.8}},  {"prevint", F, {"prevenir", 0.8}},
    {"prevenu", P, {"prevenir", 0.8}},    {"poursuit", F, {"poursuivre", 0.7}},
    {"poursuivi", P, {"poursuivre", 0.7}}, {"poursuivit", F, {"poursuivre", 0.7}},
    {"conclut", F, {"conclure", 0.8}},    {"concluent", F, {"conclure", 0.8}},
    {"concluait", F, {"conclure", 0.8}},  {"conclu", P, {"conclure", 0.8}},
    {"conclure", I, {"conclure", 0.8}},   {"decrit", F | P, {"decrire", 0.6}},
    {"decrivait", F, {"decrire", 0.6}},   {"decrivent", F, {"decrire", 0.6}},
    {"savoir", I, {"faire savoir", 1.0}}, {"valoir", I, {"faire valoir", 0.9}},
    {"remarquer", I, {"faire remarquer", 0.9}}, {"croit", F, {"croire", 0.6}},
    {"emet", F, {"emettre", 0.3}},        {"interrompt", F, {"interrompre", 0.6}},
    {"repris", P, {"reprendre", 0.6}},    {"reprend", F, {"reprendre", 0.6}},
    {"lu", P, {"lire", 0.4}},             {"entendre", I, {"faire entendre", 0.6}},
};

/* Irregular forms, English. */
static const struct form en_forms[] = {
    {"said", F | P, {"say", 1.0}},        {"says", F, {"say", 1.0}},
    {"say", F | I, {"say", 1.0}},         {"saying", G, {"say", 1.0}},
    {"told", F | P, {"tell", 1.0}},       {"tells", F, {"tell", 1.0}},
    {"tell", F | I, {"tell", 1.0}},       {"telling", G, {"tell", 1.0}},
    {"wrote", F, {"write", 0.9}},         {"writes", F, {"write", 0.9}},
    {"write", F | I, {"write", 0.9}},     {"written", P, {"write", 0.9}},
    {"writing", G, {"write", 0.9}},       {"spoke", F, {"speak", 0.7}},
    {"speaks", F, {"speak", 0.7}},        {"spoken", P, {"speak", 0.7}},
    {"replied", F | P, {"reply", 1.0}},   {"replies", F, {"reply", 1.0}},
    {"reply", F | I, {"reply", 1.0}},     {"replying", G, {"reply", 1.0}},
    {"admitted", F | P, {"admit", 0.8}},  {"admits", F, {"admit", 0.8}},
    {"admit", F | I, {"admit", 0.8}},     {"quipped", F, {"quip", 0.9}},
    {"tweeted", F | P, {"tweet", 0.9}},   {"testified", F | P, {"testify", 0.8}},
    {"denied", F | P, {"deny", 0.5}},     {"put", F, {"put", 0.4}},
    {"thought", F, {"think", 0.4}},       {"according", G, {"according to", 1.0}},
};

#undef F
#undef P
#undef I
#undef G

static bool eq(const char *w, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(w, s, n) == 0;
}

static bool in_list(const char *const *list, const char *w, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (eq(w, n, list[i]))
            return true;
    return false;
}

/* Match w against stem + ending for every stem of a class. */
static const struct speech_verb *by_stem(const struct stem *stems, size_t n_stems,
                                         const struct ending *ends, const char *w, size_t n,
                                         unsigned *form)
{
    for (size_t e = 0; ends[e].s; e++) {
        size_t el = strlen(ends[e].s);
        if (el >= n || memcmp(w + n - el, ends[e].s, el) != 0)
            continue;
        size_t sl = n - el;
        for (size_t k = 0; k < n_stems; k++)
            if (strlen(stems[k].stem) == sl && memcmp(stems[k].stem, w, sl) == 0) {
                *form = ends[e].form;
                return &stems[k].verb;
            }
    }
    return NULL;
}

static const struct speech_verb *en_regular(const char *w, size_t n, unsigned *form)
{
    for (size_t k = 0; k < sizeof en_stems / sizeof en_stems[0]; k++) {
        const char *s = en_stems[k].stem;
        size_t sl = strlen(s);
        bool e_final = s[sl - 1] == 'e';
        size_t base = e_final ? sl - 1 : sl; /* "announc" before "ed", "ing" */
        if (n < base || memcmp(w, s, base) != 0)
            continue;
        const char *rest = w + base;
        size_t rn = n - base;
        if (e_final) {
            if (eq(rest, rn, "e")) { *form = SF_FINITE | SF_INFINITIVE; return &en_stems[k].verb; }
            if (eq(rest, rn, "es")) { *form = SF_FINITE; return &en_stems[k].verb; }
            if (eq(rest, rn, "ed")) { *form = SF_FINITE | SF_PARTICIPLE; return &en_stems[k].verb; }
            if (eq(rest, rn, "ing")) { *form = SF_GERUND; return &en_stems[k].verb; }
            continue;
        }
        for (size_t e = 0; en_reg[e].s; e++)
            if (eq(rest, rn, en_reg[e].s)) {
                *form = en_reg[e].form;
                return &en_stems[k].verb;
            }
    }
    return NULL;
}

const struct speech_verb *lex_speech_verb(enum extract_lang lang, const char *w, size_t n,
                                          unsigned *form)
{
    unsigned f = 0;
    const struct speech_verb *v = NULL;
    if (n < 2 || n > 24)
        return NULL;
    if (lang == LANG_FR) {
        for (size_t k = 0; k < sizeof fr_forms / sizeof fr_forms[0] && !v; k++)
            if (eq(w, n, fr_forms[k].s)) {
                v = &fr_forms[k].verb;
                f = fr_forms[k].form;
            }
        if (!v)
            v = by_stem(fr_er_stems, sizeof fr_er_stems / sizeof fr_er_stems[0], fr_er, w, n, &f);
        if (!v)
            v = by_stem(fr_ir_stems, sizeof fr_ir_stems / sizeof fr_ir_stems[0], fr_ir, w, n, &f);
    } else {
        for (size_t k = 0; k < sizeof en_forms / sizeof en_forms[0] && !v; k++)
            if (eq(w, n, en_forms[k].s)) {
                v = &en_forms[k].verb;
                f = en_forms[k].form;
            }
        if (!v)
            v = en_regular(w, n, &f);
    }
    if (v && form)
        *form = f;
    return v;
}

bool lex_speech_is_auxiliary(enum extract_lang lang, const char *w, size_t n)
{
    static const char *const fr[] = {"a", "ont", "avait", "avaient", "aura", "auront", "aurait",
                                     "auraient", "eut", "est", "etait", "sont", "fait", "faisait",
                                     "fera", "ferait", "font", "va", "vont", "allait", "avoir",
                                     "ai", NULL};
    static const char *const en[] = {"has", "have", "had", "was", "were", "is", "are", "will",
                                     "would", "did", "does", "do", "be", "been", "to", "also",
                                     "not", "later", NULL};
    return in_list(lang == LANG_FR ? fr : en, w, n);
}

bool lex_speech_is_pronoun(enum extract_lang lang, const char *w, size_t n, bool *plural)
{
    static const char *const fr_sg[] = {"il", "elle", NULL};
    static const char *const fr_pl[] = {"ils", "elles", NULL};
    static const char *const en_sg[] = {"he", "she", NULL};
    static const char *const en_pl[] = {"they", NULL};
    bool sg = in_list(lang == LANG_FR ? fr_sg : en_sg, w, n);
    bool pl = in_list(lang == LANG_FR ? fr_pl : en_pl, w, n);
    if (plural)
        *plural = pl;
    return sg || pl;
}

const char *const lex_speech_inversions[] = {"-t-il",  "-t-elle", "-t-ils", "-t-elles",
                                              "-il",    "-elle",   "-ils",   "-elles", NULL};

bool lex_speech_is_relative(enum extract_lang lang, const char *w, size_t n)
{
    static const char *const fr[] = {"qui", "lequel", "laquelle", "lesquels", "lesquelles", NULL};
    static const char *const en[] = {"who", "which", NULL};
    return in_list(lang == LANG_FR ? fr : en, w, n);
}

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

bool lex_speech_is_determiner(const char *w, size_t n)
{
    static const char *const dets[] = {"le", "la", "les", "l", "un", "une", "des", "du", "au",
                                       "aux", "ce", "cet", "cette", "ces", "son", "sa", "ses",
                                       "leur", "leurs", "the", "a", "an", "this", "that", "these",
                                       "those", "its", "his", "her", "their", NULL};
    return in_list(dets, w, n);
}

bool lex_speech_is_title(const char *w, size_t n)
{
    static const char *const titles[] = {
        "president", "presidente", "ministre", "premier", "premiere", "minister", "prime",
        "secretary", "secretaire", "general", "generale", "secretary-general",
        "secretaire-general", "secretaire-generale", "chef", "directeur", "directrice",
        "director", "porte-parole", "spokesman", "spokeswoman", "spokesperson", "coach",
        "entraineur", "editor", "redacteur", "ceo", "pdg", "chairman", "chairwoman", "chair",
        "governor", "gouverneur", "senator", "senateur", "senatrice", "depute", "deputee",
        "mp", "mayor", "maire", "king", "roi", "reine", "queen", "prince", "princess",
        "princesse", "crown", "pope", "pape", "dr", "docteur", "doctor", "professor",
        "professeur", "pr", "prof", "mr", "mrs", "ms", "m", "mme", "mlle", "me", "mgr", "sir",
        "lord", "lady", "lieutenant", "colonel", "capitaine", "captain", "commandant", "sergent",
        "sgt", "gen", "col", "lt", "capt", "judge", "juge", "procureur", "prosecutor",
        "ambassador", "ambassadeur", "ambassadrice", "commissioner", "commissaire", "officer",
        "officier", "head", "leader", "chief", "author", "auteur", "founder", "fondateur",
        "fondatrice", "vice-president", "vice-presidente", "rapporteur", "rapporteuse",
        "member", "membre", "opponent", "executive", "manager", "analyst", "analyste",
        "expert", "researcher", "chercheur", "chercheuse", "fellow", "protester", "manifestant",
        "avocat", "avocate", "lawyer", "attorney", "representative", "rep", "sen", "gov",
        "co-author", "coauteur", "responsable", "dirigeant", "dirigeante", "patron", "patronne",
        "porte-parole", "president-elect", "sheikh", "emir", "cardinal", "archbishop",
        "archeveque", "eveque", "bishop", "rabbi", "imam", "pastor", "father", "abbe", "saint",
        "then-manager", "inspecteur", "inspector", "commissaire", "adjoint", "adjointe",
        "conseiller", "conseillere", "adviser", "advisor", "presidents", "ministres", NULL};
    return in_list(titles, w, n);
}

bool lex_speech_is_org_head(const char *w, size_t n)
{
    static const char *const heads[] = {
        "ministere", "ministry", "department", "departement", "prefecture", "gouvernement",
        "government", "parquet", "police", "gendarmerie", "armee", "army", "tribunal", "cour",
        "court", "commission", "conseil", "council", "agence", "agency", "office", "bureau",
        "union", "nations", "organisation", "organization", "parti", "party", "fondation",
        "foundation", "institut", "institute", "universite", "university", "banque", "bank",
        "comite", "committee", "assemblee", "assembly", "parlement", "parliament", "senat",
        "senate", "congres", "congress", "federation", "association", "syndicat", "groupe",
        "group", "forces", "front", "mouvement", "movement", "observatoire", "observatory",
        "services", "ambassade", "embassy", "mairie", "quotidien", "journal", "newspaper",
        "hebdomadaire", "magazine", "chaine", "channel", "television", "radio", "hopital",
        "hospital", "cabinet", "societe", "society", "international", "corporation", "inc",
        "ltd", "compagnie", "company", "entreprise", "autorite", "authority", "administration",
        "secretariat", "elysee", "kremlin", "maison", "collectif", "alliance", "ligue",
        "league", "fonds", "fund", "news", "times", "post", "press", "presse", "reuters",
        "ong", "club", "commune", NULL};
    return in_list(heads, w, n);
}

bool lex_speech_is_document(const char *w, size_t n)
{
    static const char *const docs[] = {
        "communique", "statement", "rapport", "report", "declaration", "decision",
        "proclamation", "tweet", "message", "lettre", "letter", "texte", "interview",
        "entretien", "courrier", "email", "publication", "article", "editorial", "release",
        "video", "conference", "avis", "note", "compte", "account", "site", "discours",
        "speech", "memo", "arret", "jugement", "ruling", "verdict", "etude", "study", NULL};
    return in_list(docs, w, n);
}

bool lex_speech_is_adverb(const char *w, size_t n)
{
    static const char *const adv[] = {
        "aussi", "ainsi", "egalement", "encore", "notamment", "enfin", "alors", "ensuite",
        "cependant", "pourtant", "toutefois", "deja", "meme", "neanmoins", "bien", "clairement",
        "simplement", "publiquement", "recemment", "hier", "aujourd'hui", "lui-meme",
        "elle-meme", "plus", "tard", "plutot", "sobrement", "fermement", "immediatement",
        "donc", "ailleurs", "ne", "n", "pas", "jamais", "lui",
        "also", "then", "later", "again", "publicly", "recently", "previously", "earlier",
        "further", "simply", "repeatedly", "yesterday", "today", "now", "once", "however",
        "too", "specifically", "reportedly", "quickly", "firmly", "directly", "initially",
        "finally", "frankly", "bluntly", "flatly", "not", "never", "only", "just", "still",
        NULL};
    return in_list(adv, w, n);
}

bool lex_speech_is_name_connector(const char *w, size_t n)
{
    static const char *const con[] = {"de", "du", "des", "d", "von", "van", "der", "den",
                                      "bin", "ben", "ibn", "al", "el", "di", "da", "dos", "do",
                                      "la", "le", "y", "del", "della", NULL};
    return in_list(con, w, n);
}

bool lex_speech_is_function_word(const char *w, size_t n)
{
    static const char *const fw[] = {
        /* French */
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces",
        "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j", "tu", "en", "dans", "pour",
        "par", "sur", "selon", "apres", "avant", "depuis", "alors", "mais", "et", "ou", "donc",
        "car", "ainsi", "cependant", "pourtant", "toutefois", "neanmoins", "enfin", "deja",
        "aujourd'hui", "hier", "lors", "au", "aux", "si", "quand", "lorsque", "lorsqu", "comme",
        "tout", "tous", "toute", "toutes", "plusieurs", "certains", "chaque", "son", "sa", "ses",
        "leur", "leurs", "notre", "votre", "vers", "entre", "contre", "sans", "sous", "malgre",
        "face", "outre", "parmi", "pendant", "durant", "c", "qu", "que", "qui", "quoi", "dont",
        "ici", "la-bas", "puis", "ensuite", "de plus", "pourquoi", "comment", "arrive",
        "arrivee", "mme", "m", "a", "est", "sont", "s", "n", "ne", "y", "or",
        /* English */
        "the", "an", "this", "that", "these", "those", "in", "at", "for", "by", "with",
        "from", "after", "before", "during", "since", "when", "while", "if", "as", "but", "and",
        "so", "yet", "however", "meanwhile", "although", "though", "it", "he", "she", "they",
        "we", "i", "you", "his", "her", "their", "its", "our", "earlier", "later", "today",
        "yesterday", "speaking", "according", "regarding", "following", "despite", "under",
        "over", "among", "between", "through", "there", "here", "what", "who", "which", "where",
        "why", "how", "some", "many", "most", "all", "each", "every", "both", "several",
        "other", "another", "such", "no", "not", "only", "also", "even", "still", "then", "now",
        "one", "two", "three", "of", "to", "on", "about", "former", "new", "last", "first",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "en effet",
        "effet", "because", "until", "once", "upon", "within", "without", "into", "onto",
        "yeah", "yes", "oui", "non", "rather", "instead", "further", "furthermore", "finally",
        "thus", "therefore", "indeed", "besides", "unlike", "like", "early", "late", "when",
        NULL};
    return in_list(fw, w, n);
}

bool lex_speech_is_naming(const char *w, size_t n)
{
    static const char *const naming[] = {
        "baptise", "baptisee", "baptises", "baptisees", "intitule", "intitulee", "intitules",
        "intitulees", "nomme", "nommee", "nommes", "nommees", "denomme", "denommee",
        "surnomme", "surnommee", "surnommes", "surnommees", "dubbed", "titled", "entitled",
        "nicknamed", "codenamed", "named", "operation", "plan", "programme", "program",
        "campagne", "campaign", "slogan", "hashtag", "mission", "projet", "project", "devise",
        "motto", "label", "marque", "brand", "emission", "show", "film", "livre", "book",
        "album", "chanson", "song", "roman", "novel", NULL};
    return in_list(naming, w, n);
}

bool lex_speech_is_work(const char *w, size_t n)
{
    static const char *const works[] = {
        "livre", "book", "ouvrage", "film", "documentaire", "documentary", "emission", "show",
        "etude", "study", "album", "chanson", "song", "roman", "novel", "piece", "play", "serie",
        "series", "exposition", "exhibition", "these", "thesis", "enquete", "survey", NULL};
    return in_list(works, w, n) || lex_speech_is_document(w, n);
}
