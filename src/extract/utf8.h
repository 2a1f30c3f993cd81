/* utf8.h — UTF-8 decoding, validation and folding shared by the extractor
 * and the database layer.
 *
 * Folding maps text to the form used for matching names and words: lower
 * case, accents removed, ligatures expanded (œ→oe), typographic apostrophes
 * and spaces unified. `Erdoğan`, `ERDOGAN` and `erdogan` fold alike. */
#ifndef QUOTED_UTF8_H
#define QUOTED_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s[*i] (s has n bytes) and advance *i past it.
 * Invalid or truncated sequences decode as U+FFFD and advance one byte, so a
 * loop over any byte string always terminates. ASCII is decoded inline;
 * utf8_next_multi() does the rest (same contract, any lead byte). */
uint32_t utf8_next_multi(const char *s, size_t n, size_t *i);
static inline uint32_t utf8_next(const char *s, size_t n, size_t *i)
{
    unsigned char b = (unsigned char)s[*i];
    if (b < 0x80) {
        *i += 1;
        return b;
    }
    return utf8_next_multi(s, n, i);
}

/* Decode the code point that ends just before byte `i` and return its start
 * offset in *start (0 when i == 0, then returns 0). */
uint32_t utf8_prev(const char *s, size_t i, size_t *start);

/* Number of bytes of the encoding of code point c (1..4). */
size_t utf8_len(uint32_t c);

/* Append the encoding of c to out (at least 4 bytes free); returns bytes. */
size_t utf8_put(char *out, uint32_t c);

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool utf8_valid(const char *s, size_t n);

/* Character classes over code points (Latin, Greek, Cyrillic scripts).
 * ASCII is answered inline; the *_wide() functions answer for c >= 0x80. */
bool cp_is_letter_wide(uint32_t c);
bool cp_is_upper_wide(uint32_t c);
bool cp_is_space_wide(uint32_t c);

static inline bool cp_is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return cp_is_letter_wide(c);
}

static inline bool cp_is_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return cp_is_upper_wide(c);
}

static inline bool cp_is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* includes U+00A0, U+202F, U+2009 */
static inline bool cp_is_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return cp_is_space_wide(c);
}

/* Lower-case, accent-stripped, ASCII-leaning form of one code point, written
 * to out (up to 4 bytes, e.g. œ → "oe"); returns bytes written. */
size_t cp_fold(uint32_t c, char *out);

/* Fold s[0..n) into a new NUL-terminated string; runs of spaces collapse
 * to one and leading/trailing spaces go. Caller frees with free(). NULL on
 * allocation failure. */
char *utf8_fold(const char *s, size_t n);

/* Fold into a caller buffer of `cap` bytes (cap >= 1); truncates at a code
 * point boundary. Returns the folded length. */
size_t utf8_fold_into(const char *s, size_t n, char *out, size_t cap);

#endif
