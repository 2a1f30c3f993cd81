/* numbers.h — reads one number from the token stream: digits with French or
 * English separators ("3,7", "12,567", "100 000"), number words in either
 * language ("deux cent mille", "quatre-vingt-dix", "three hundred and six"),
 * scale words and abbreviations ("3,7 millions", "1.5bn", "10k"),
 * collective numerals ("une trentaine", "a dozen") and fractions
 * ("two-thirds"). It says nothing about whether the number is a figure:
 * figures.c decides that from the words around it.
 *
 * Private to src/extract/. No allocation, no state beyond the arguments. */
#ifndef QUOTED_NUMBERS_H
#define QUOTED_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "lexicon_numbers.h"

/* Folded forms of the words too long to read in place in doc.fold (see
 * nx_word()), cut and kept in a small ring indexed by token number: a word
 * stays valid while the pass reads tokens fewer than NX_CACHE positions
 * away from it, which is all any rule looks at. Words longer than
 * NX_WORD - 1 bytes are cut (no number word, marker or unit is that long). */
#define NX_CACHE 64
#define NX_WORD 48

struct foldcache {
    size_t tag[NX_CACHE];    /* token held by each slot, SIZE_MAX if none */
    char word[NX_CACHE][NX_WORD];
};

/* What the pass has looked up about one distinct word of the document (by
 * token.word), filled on first use: each lexicon is asked once per word,
 * not once per token. Small, as every word of the document has one. */
struct wordinfo {
    uint16_t bits;  /* figures.c: the word's classes (enum wclass) */
    uint8_t known;  /* what is filled: NXW_NW here, figures.c's others */
    uint8_t nw;     /* lex_numword_index() of nx_numword(), once NXW_NW is known */
    uint8_t head;   /* figures.c: the number word it is or starts with, as nw */
};
#define NXW_NW 1u

/* The tokens of a document and what the number reader needs to look at
 * them. Used by one thread at a time (the cache is written through it). */
struct numctx {
    const struct doc *d;
    struct foldcache *cache;   /* initialised with nx_cache_init() */
    const struct numindex *ix; /* number words of d->lang */
    struct wordinfo *info;     /* d->n_words entries, zeroed at first */
};

void nx_cache_init(struct foldcache *fc);

/* nx_word() of a word token whose fold is too long to read in place: its
 * cut fold, borrowed from the cache. */
const char *nx_word_cut(const struct numctx *c, size_t i);

/* Folded text of token i (words only; other tokens and i past the end give
 * ""): its fold in doc.fold, or for a long word its cut fold, borrowed from
 * the cache (see above for how long it stays valid). */
static inline const char *nx_word(const struct numctx *c, size_t i)
{
    if (i >= c->d->n_tokens || c->d->tokens[i].kind != TOK_WORD)
        return "";
    const struct token *t = &c->d->tokens[i];
    /* a fold of at most NX_WORD - 5 bytes comes out whole from the cut too */
    if (c->d->fold && t->flen + 5 <= NX_WORD)
        return c->d->fold + t->foff;
    return nx_word_cut(c, i);
}

/* The number word token i is (lex_numindex_find() of nx_word()), or NULL;
 * looked up once per distinct word. */
const struct numword *nx_numword(const struct numctx *c, size_t i);

struct number {
    size_t first, last;    /* its tokens, inclusive (scale words included) */
    double value;
    double mult;           /* product of the scale words applied (1 if none) */
    bool words;            /* spelled out, at least in part */
    bool article;          /* only "un"/"une"/"a"/"an"/"one": usually an article */
    bool collective;       /* "une trentaine", "a dozen", "a couple": approximate */
    bool fraction;         /* "two-thirds", "deux tiers" */
    bool plain_year;       /* four plain digits 1500..2100: reads as a year */
    /* A hyphenated word whose head is a number and tail a noun ("two-day"):
     * the tail's bytes in the text; both 0 when there is none. */
    size_t tail_start, tail_end;
};

/* Parse the number starting at token i. Returns false when token i does not
 * start one (then *n is unspecified). Scale words after digits are taken
 * ("5 millions"); a currency symbol is not: the caller looks for it. When
 * `after_currency` is true, ambiguous abbreviations ("$5m") read as scales. */
bool number_parse(const struct numctx *c, size_t i, bool after_currency, struct number *n);

/* Value of a digit token as written in `lang`: "3,7" is 3.7 in French and
 * "12,567" is 12567 in English; "1.500" is 1500 in French. */
double number_digits_value(const char *s, size_t n, enum extract_lang lang);

#endif
