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

/* The tokens of a document with their folded forms, built once by the
 * figures pass. fold[i] is the offset in `arena` of token i's folded,
 * NUL-terminated text (words only; other tokens fold to ""). */
struct numctx {
    const struct doc *d;
    const char *arena;
    const uint32_t *fold;
};

/* Folded text of token i; "" past the end. Borrowed from c->arena. */
const char *nx_word(const struct numctx *c, size_t i);

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
