/* lexicon_numbers.h — the word lists behind figure extraction: number words
 * (French and English), collective numerals, scale words and abbreviations,
 * currencies, approximation markers, and the words that say a number is not
 * a quantity (months, identifier words, ordinal and time suffixes).
 *
 * Every list is a constant table in lexicon_numbers.c, sorted by word.
 * The number words and the word lists of enum lex_list are found through
 * hash indexes built once per language (read-only afterwards), the others
 * by binary search; nothing here allocates, so the lookups are safe from
 * any thread. Words are looked up in folded form (see
 * utf8.h: lower case, accents removed); abbreviations that depend on case
 * ("M", "bn", "k") are looked up in the text as written. */
#ifndef QUOTED_LEXICON_NUMBERS_H
#define QUOTED_LEXICON_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract.h"

/* Language masks of an entry. */
enum { LX_FR = 1, LX_EN = 2, LX_ANY = 3 };

static inline unsigned lx_mask(enum extract_lang lang)
{
    return lang == LANG_EN ? LX_EN : LX_FR;
}

enum numword_kind {
    NW_ATOM,        /* 0..99 as one word: "deux", "seize", "soixante", "twenty" */
    NW_ARTICLE,     /* "un", "une", "one", "a", "an": 1, but usually an article */
    NW_HUNDRED,     /* "cent", "cents", "hundred" */
    NW_SCALE,       /* "mille", "million(s)", "milliard(s)", "thousand", "billion" */
    NW_COLLECTIVE,  /* "trentaine", "dozen", "couple": approximate by nature */
    NW_FRACTION,    /* "tiers", "quarts", "thirds": multiplies what precedes */
};

struct numword {
    const char *word;    /* folded */
    double value;
    unsigned char kind;  /* enum numword_kind */
    unsigned char langs; /* LX_* mask */
    bool plural;         /* "millions", "centaines": vague without a number */
};

/* The number word `w` (folded, NUL-terminated) in language `lang`, or NULL. */
const struct numword *lex_numword(const char *w, enum extract_lang lang);

/* A hash index over the number words of one language, built per document
 * by its user (a hundred insertions) so that a lookup costs one hash and
 * usually one comparison. Plain data: no allocation, nothing to free. */
struct numindex {
    unsigned char slot[256];  /* 1 + index into the word table, 0 when empty */
    unsigned char check[256]; /* high byte of the word's hash, to skip most compares */
    /* lex_numindex_may(): for each byte, either case, 1 + its letter when
     * it is one, 0 else; for each byte, its bit in `second` (its letter,
     * 26 for the end of the word, 27 for a hyphen, 28 for another ASCII
     * byte, 29 past ASCII); per first letter (1 + letter, 0 for none), the
     * second letters seen, bit 29 always (an accented second letter folds
     * to a letter) */
    unsigned char first[256], bit[256];
    uint32_t second[27];
    unsigned char mslot[128]; /* approximation markers by last word: 1 + index */
};

void lex_numindex_init(struct numindex *ix, enum extract_lang lang);
/* The index of `lang`, built once for each language (pthread_once) and
 * read-only afterwards: what lex_numindex_init() would fill. */
const struct numindex *lex_numindex(enum extract_lang lang);

/* The number word `w` (folded, NUL-terminated) in the index, or NULL. */
const struct numword *lex_numindex_find(const struct numindex *ix, const char *w);
/* The same for w[0..n) (folded, no NUL needed) whose strmap_hash() is
 * `hash`, as doc.words keeps it for every word of a document. */
const struct numword *lex_numindex_get(const struct numindex *ix, const char *w, size_t n, unsigned hash);

/* Number words as small integers, for compact tables: 1 + the word's place
 * in the table, 0 for NULL; lex_numword_at() turns one back. */
unsigned lex_numword_index(const struct numword *w);
const struct numword *lex_numword_at(unsigned k);

/* False when the word starting with the bytes a, b (as written; b is 0
 * when the word has one letter) cannot be a number word of the index: a
 * filter that costs three table reads, run before folding any word. */
static inline bool lex_numindex_may(const struct numindex *ix, unsigned char a, unsigned char b)
{
    /* no number word starts with a digit or an accent: second[0] is 0 */
    return (ix->second[ix->first[a]] >> ix->bit[b]) & 1;
}

/* Multiplier of a scale abbreviation written right after digits, as written
 * (case matters: "M" and "bn" are, "m" alone is metres): "k" 1e3, "M" 1e6,
 * "bn" 1e9, "Md" 1e9... 0 when `s[0..n)` is not one. `after_currency` also
 * accepts the lower-case "m" of "$5m". */
double lex_scale_abbrev(const char *s, size_t n, bool after_currency);

/* The written-out unit of a currency symbol ("$" → "dollars", "€" →
 * "euros", "£" → "livres" in French, "pounds" in English), or NULL. */
const char *lex_currency_symbol(uint32_t cp, enum extract_lang lang);

/* True when the word `w`, as written, is a unit abbreviation that may be
 * glued to digits ("km", "kg", "mm", "ha", "GeV", "C" of "1.5C"...). */
bool lex_is_unit_abbrev(const char *w);

/* Approximation markers written before a number, as folded word sequences
 * (apostrophes dropped: "pres d", "jusqu a"). lex_approx_before() returns
 * how many word tokens of `words` (the words before the number, nearest
 * last, `n` of them) form a marker, 0 when none does; `ix` (built for the
 * same language) finds the markers by their last word. */
size_t lex_approx_before(const struct numindex *ix, const char *const *words, size_t n,
                         enum extract_lang lang);

/* True for a folded word that, right after a quantity, marks it as
 * approximate ("environ" in "20 ans environ"). Two-word markers ("or so",
 * "ou plus") are matched by lex_approx_after2(). */
bool lex_approx_after(const char *w, enum extract_lang lang);
bool lex_approx_after2(const char *w1, const char *w2, enum extract_lang lang);

/* The word lists a folded word can be in, as bits. */
enum lex_list {
    LL_STOP = 1 << 0,         /* function words: never a counted noun */
    LL_PRENOMINAL = 1 << 1,   /* adjectives that may stand between a number and
                               * its noun ("cinq prochaines années", "54 small
                               * children") */
    LL_DETERMINER = 1 << 2,   /* determiners after a partitive "de"/"of" ("8 000
                               * de ces suppressions", "three of these states") */
    LL_MONTH = 1 << 3,        /* month names and their abbreviations */
    LL_ID = 1 << 4,           /* words before a number that make it an
                               * identifier: "article 49.3", "page 12" */
    LL_STREET = 1 << 5,       /* after a number: "12 rue de la Paix", "10
                               * Downing Street" */
    LL_MEASURE = 1 << 6,      /* units after which "un"/"une" counts as the
                               * number 1 ("un kilo de cocaïne") */
    LL_TIME = 1 << 7,         /* make the preceding number a time of day */
    LL_IRREGULAR_PLURAL = 1 << 8, /* English plurals without a final -s */
    LL_SCORE = 1 << 9,        /* units a game is scored in ("buts", "goals") */
    LL_APPROX_LAST = 1 << 10, /* ends some approximation marker ("de" of "plus
                               * de", "least" of "at least") */
};

/* The lists (enum lex_list bits) that hold the folded word w[0..n), whose
 * strmap_hash() is `hash` (as doc.words keeps it), in `lang` (months,
 * identifier, street, time, measure and score words and irregular plurals
 * in either language): one hash lookup for them all. */
unsigned lex_word_lists(const char *w, size_t n, unsigned hash, enum extract_lang lang);

/* Suffixes glued to digits that make an ordinal ("1er", "2e", "3rd"). */
bool lex_is_ordinal_suffix(const char *w);

/* True when every table is in the order its binary search needs (and
 * every approximation marker is shorter than lex_approx_before() reads). */
bool lex_numbers_sorted(void);

#endif
