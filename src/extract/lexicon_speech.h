/* lexicon_speech.h — the words that attribute a quote: speech verbs of French
 * and English in all their forms, subject pronouns, attribution markers
 * ("selon", "according to"), titles that stand before a name, heads of
 * organisation names, and the small words the speaker search steps over.
 *
 * Every list is a constant table in lexicon_speech.c, looked up on folded
 * words (utf8_fold: lower case, no accents, ' for every apostrophe). The
 * lookups are pure functions over those tables, thread-safe; the speech
 * verbs' form index and the word lists' class index are built from them
 * once (pthread_once) and only read afterwards. */
#ifndef QUOTED_LEXICON_SPEECH_H
#define QUOTED_LEXICON_SPEECH_H

#include <stdbool.h>
#include <stddef.h>

#include "extract.h"

/* How a speech-verb form is used, which tells where its subject stands. */
enum speech_form {
    SF_FINITE = 1,      /* "dit", "affirme", "said", "says": subject before, or after by inversion */
    SF_PARTICIPLE = 2,  /* "déclaré", "indiqué" after an auxiliary: "a déclaré" */
    SF_INFINITIVE = 4,  /* "dire", "say": after "a fait savoir", "wants to say" */
    SF_GERUND = 8,      /* "ajoutant", "telling", "saying" */
};

struct speech_verb {
    const char *lemma;  /* infinitive: "dire", "say" */
    double weight;      /* 0..1: how surely the verb introduces reported words */
};

/* If the folded word w[0..n) is a form of a speech verb of `lang`, return
 * the verb and set *form to its SF_* bits; else NULL. */
const struct speech_verb *lex_speech_verb(enum extract_lang lang, const char *w, size_t n,
                                          unsigned *form);

/* Compare w[0..n) with the C string s, as strcmp() would. */
int lex_cmp_word(const char *w, size_t n, const char *s);

/* True when w[0..n) is in `list`, `count` words sorted by strcmp: the
 * search every sorted word table of the extractor uses. */
bool lex_in_sorted(const char *const *list, size_t count, const char *w, size_t n);

/* The word classes of the speech lexicon: what lex_speech_classes() says a
 * folded word is. */
enum lex_speech_class {
    LSC_AUXILIARY = 1 << 0,   /* auxiliaries and copulas before a participle: "a", "ont",
                                 "avait", "est" (for "s'est dit"); "has", "had", "was" */
    LSC_PRONOUN = 1 << 1,     /* subject pronouns that stand for a person or an
                                 organisation: "il", "elle", "he", "she", "they" */
    LSC_PLURAL = 1 << 2,      /* ... the plural ones: "ils", "elles", "they" */
    LSC_RELATIVE = 1 << 3,    /* relative pronouns whose antecedent is the speaker: "qui",
                                 "lequel", "who" */
    LSC_DETERMINER = 1 << 4,  /* determiners and elided articles that open a noun phrase */
    LSC_TITLE = 1 << 5,       /* titles and functions that stand before or beside a name
                                 ("président", "Dr", "coach", "porte-parole"), also in the
                                 forms of lex_speech_title_base() */
    LSC_ORG_HEAD = 1 << 6,    /* nouns heading an organisation's name, in lower case
                                 ("ministère de l'Intérieur", "agence Spunik") or upper case
                                 ("Union européenne", "Forces") */
    LSC_DOCUMENT = 1 << 7,    /* a document or an act of speech standing for its author:
                                 "le communiqué du ministère", "statement" */
    LSC_ADVERB = 1 << 8,      /* words the search for a subject steps over between a verb
                                 and its subject: "aussi", "également", "also", "then" */
    LSC_CONNECTOR = 1 << 9,   /* connectors inside a person's or organisation's name: "de",
                                 "bin", "van", "von", "al" */
    LSC_FUNCTION = 1 << 10,   /* function words that are never part of a name or a
                                 speaker, even capitalised at a sentence start: "Le", "The" */
    LSC_NAMING = 1 << 11,     /* before a quotation mark, make what follows a name, not
                                 reported words: "baptisée « … »", "dubbed", "opération" */
    LSC_NAMING_VERB = 1 << 12, /* the participles among those ("baptisée", "dubbed"): what
                                 follows them in marks is a name whatever it reads like */
    LSC_APPELLATIVE = 1 << 13, /* present a short phrase after them as a name: "dite",
                                 "appelé", "so-called" ("dit" and "appelle" only after a noun
                                 or an object pronoun, which the caller checks) */
    LSC_WORK = 1 << 14,       /* works whose title may stand in marks after "sur", "on": "un
                                 rapport sur « … »", "a book on "…"" (documents as well) */
    LSC_POSSESSIVE = 1 << 15, /* possessive determiners: "son", "sa", "his", "their" */
    LSC_PROXY = 1 << 16,      /* those who speak on someone's behalf, so that "his office
                                 said" reports the possessor's words: "office", "entourage" */
    LSC_COLLECTIVE = 1 << 17, /* a common noun for an organisation named before: a company,
                                 a body or a medium ("l'entreprise", "the company") */
    LSC_COURT = 1 << 18,      /* ... a court or its judges: "les magistrats", "the court" */
    LSC_PREPOSITION = 1 << 19, /* prepositions: "de", "dans", "of", "with" */
    LSC_MARKER_HEAD = 1 << 20, /* the first words of lex_speech_marker()'s markers and of the
                                 French "Pour X, …": "selon", "d", "pour", "according" */
};

/* The LSC_* classes of the folded word w[0..n) in text of `lang` (the
 * auxiliaries, pronouns and relatives are those of that language): one
 * lookup in an index of every list, built once (pthread_once). */
unsigned lex_speech_classes(enum extract_lang lang, const char *w, size_t n);

/* Build the indexes lex_speech_word() reads, once for the process
 * (pthread_once); a pass calls it before its first lex_speech_word(). */
void lex_speech_init(void);

/* Both lex_speech_classes() and lex_speech_verb() of w[0..n), whose
 * strmap_hash() is `hash` (as doc.words keeps it), at once: its classes,
 * with *verb set to it as a speech verb (or NULL) and *form as
 * lex_speech_verb() sets it. Only after lex_speech_init(). */
unsigned lex_speech_word(enum extract_lang lang, const char *w, size_t n, unsigned hash,
                         const struct speech_verb **verb, unsigned *form);

/* lex_speech_classes(w, n) & LSC_TITLE, in either language. */
bool lex_speech_is_title(const char *w, size_t n);

/* 2 for LSC_COURT, 1 for LSC_COLLECTIVE, 0 otherwise, in either language. */
int lex_speech_collective(const char *w, size_t n);

/* Suffix of an inverted French verb ("-t-il", "-elle"...), as a folded
 * string to compare with the end of a word; NULL-terminated list. */
extern const char *const lex_speech_inversions[];

/* Attribution markers before a source: "selon", "d'après" (the tokens "d",
 * "'", "apres"), "according to". Returns the number of folded words of the
 * marker matched at words[0..nw) (0 when none). ("Pour X," opening a
 * sentence is recognised by the speaker search, which knows sentences.) */
size_t lex_speech_marker(enum extract_lang lang, const char *const *words,
                              const size_t *lens, size_t nw);

/* The title inside a form for someone elected or appointed to it, or who
 * held it ("mayor-elect", "ex-ministre", "then-coach"): its length, with
 * *skip set to the bytes before it; n and 0 for any other word. */
size_t lex_speech_title_base(const char *w, size_t n, size_t *skip);

/* True when every table is sorted as its binary search needs (for tests). */
bool lex_speech_tables_sorted(void);

#endif
