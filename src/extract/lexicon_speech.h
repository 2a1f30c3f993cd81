/* lexicon_speech.h — the words that attribute a quote: speech verbs of French
 * and English in all their forms, subject pronouns, attribution markers
 * ("selon", "according to"), titles that stand before a name, heads of
 * organisation names, and the small words the speaker search steps over.
 *
 * Every list is a constant table in lexicon_speech.c, looked up on folded
 * words (utf8_fold: lower case, no accents, ' for every apostrophe). The
 * lookups are pure functions over those tables, thread-safe; the speech
 * verbs' form index is built from them once (pthread_once) and only read
 * afterwards. */
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

/* French auxiliaries and copulas before a participle: "a", "ont", "avait",
 * "est" (for "s'est dit"); English "has", "had", "was". */
bool lex_speech_is_auxiliary(enum extract_lang lang, const char *w, size_t n);

/* Subject pronouns that stand for a person or an organisation: "il",
 * "elle", "he", "she", "they". *plural is set for "ils", "they"... */
bool lex_speech_is_pronoun(enum extract_lang lang, const char *w, size_t n, bool *plural);

/* Suffix of an inverted French verb ("-t-il", "-elle"...), as a folded
 * string to compare with the end of a word; NULL-terminated list. */
extern const char *const lex_speech_inversions[];

/* Relative pronouns whose antecedent is the speaker: "qui", "who". */
bool lex_speech_is_relative(enum extract_lang lang, const char *w, size_t n);

/* Attribution markers before a source: "selon", "d'après" (the tokens "d",
 * "'", "apres"), "according to". Returns the number of folded words of the
 * marker matched at words[0..nw) (0 when none). ("Pour X," opening a
 * sentence is recognised by the speaker search, which knows sentences.) */
size_t lex_speech_marker(enum extract_lang lang, const char *const *words,
                              const size_t *lens, size_t nw);

/* Determiners and elided articles that open a noun phrase. */
bool lex_speech_is_determiner(const char *w, size_t n);

/* Titles and functions that stand before or beside a name ("président",
 * "ministre", "Dr", "coach", "porte-parole"), also in the forms of
 * lex_speech_title_base(). */
bool lex_speech_is_title(const char *w, size_t n);

/* The title inside a form for someone elected or appointed to it, or who
 * held it ("mayor-elect", "ex-ministre", "then-coach"): its length, with
 * *skip set to the bytes before it; n and 0 for any other word. */
size_t lex_speech_title_base(const char *w, size_t n, size_t *skip);

/* Nouns heading an organisation's name, which may be written in lower case
 * ("ministère de l'Intérieur", "agence Spunik") or upper case ("Union
 * européenne", "Forces"). */
bool lex_speech_is_org_head(const char *w, size_t n);

/* Nouns for a document or an act of speech standing for its author
 * ("communiqué", "statement", "décision"): "le communiqué du ministère". */
bool lex_speech_is_document(const char *w, size_t n);

/* Words the search for a subject steps over between a verb and its
 * subject ("aussi", "également", "notamment", "also", "then"). */
bool lex_speech_is_adverb(const char *w, size_t n);

/* Connectors inside a person's or organisation's name ("de", "bin", "van",
 * "von", "al"). */
bool lex_speech_is_name_connector(const char *w, size_t n);

/* Function words that can never be part of a name or a quote's speaker
 * even when capitalised at a sentence start ("Le", "The", "Dans", "In"). */
bool lex_speech_is_function_word(const char *w, size_t n);

/* Words right before a quotation mark that make what follows a name, not
 * reported words: "baptisée « … »", "dubbed "…"", "opération « … »". */
bool lex_speech_is_naming(const char *w, size_t n);

/* The participles among those ("baptisée", "dubbed"): whatever follows them
 * in marks is a name; after a noun ("l'opération", "ce plan") only words
 * that read as a name are. */
bool lex_speech_is_naming_verb(const char *w, size_t n);

/* Words that present a short phrase after them as a name ("dite",
 * "appelé", "so-called"); "dit" and "appelle" only after a noun or an
 * object pronoun, which the caller checks. */
bool lex_speech_is_appellative(const char *w, size_t n);

/* A common noun standing for an organisation the text named before: 1 for
 * a company, a body or a medium ("l'entreprise", "the company", "le
 * quotidien"), 2 for a court or its judges ("les magistrats", "the
 * court"), 0 otherwise. */
int lex_speech_collective(const char *w, size_t n);

/* Works whose title may stand in quotation marks after "sur", "on":
 * "un rapport sur « … »", "a book on "…"" (documents count as well). */
bool lex_speech_is_work(const char *w, size_t n);

/* Possessive determiners: "son", "sa", "his", "her", "their"… */
bool lex_speech_is_possessive(const char *w, size_t n);

/* Nouns for those who speak on someone's behalf, so that "his office
 * said" reports the possessor's words: "office", "entourage", "cabinet". */
bool lex_speech_is_proxy(const char *w, size_t n);

/* True when every table is sorted as its binary search needs (for tests). */
bool lex_speech_tables_sorted(void);

#endif
