/* utf8.c — UTF-8 decoding, validation, character classes and folding.
 *
 * The folding table covers Latin-1 Supplement and Latin Extended-A, which
 * hold every accented letter of French, English and the names they carry
 * (Turkish, Polish, Czech, Nordic...). Greek and Cyrillic fold to lower case
 * only. Everything here is allocation-free except utf8_fold(). */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

uint32_t utf8_next_multi(const char *s, size_t n, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t k = *i;
    unsigned char b = p[k];
    uint32_t c;
    size_t need;

    if (b < 0x80) {
        *i = k + 1;
        return b;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        c = b & 0x1F;
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        c = b & 0x0F;
        need = 2;
    } else if (b >= 0xF0 && b <= 0xF4) {
        c = b & 0x07;
        need = 3;
    } else {
        *i = k + 1;
        return 0xFFFD;
    }
    if (k + need >= n) { /* truncated sequence */
        *i = k + 1;
        return 0xFFFD;
    }
    for (size_t j = 1; j <= need; j++) {
        unsigned char cb = p[k + j];
        if ((cb & 0xC0) != 0x80) {
            *i = k + 1;
            return 0xFFFD;
        }
        c = (c << 6) | (cb & 0x3F);
    }
    if ((need == 2 && c < 0x800) || (need == 3 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF)) {
        *i = k + 1;
        return 0xFFFD;
    }
    *i = k + need + 1;
    return c;
}

uint32_t utf8_prev(const char *s, size_t i, size_t *start)
{
    if (i == 0) {
        *start = 0;
        return 0;
    }
    size_t k = i - 1;
    size_t lim = i >= 4 ? i - 4 : 0;
    while (k > lim && (((unsigned char)s[k]) & 0xC0) == 0x80)
        k--;
    size_t j = k;
    uint32_t c = utf8_next(s, i, &j);
    if (j != i) { /* malformed tail: treat the last byte alone */
        *start = i - 1;
        return 0xFFFD;
    }
    *start = k;
    return c;
}

size_t utf8_len(uint32_t c)
{
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

size_t utf8_put(char *out, uint32_t c)
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | (c >> 6));
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

bool utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* runs of ASCII, most of any text, eight bytes at a time, up to
         * the first byte past ASCII */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            w &= 0x8080808080808080u;
            if (w) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                i += (size_t)__builtin_ctzll(w) / 8;
#endif
                break;
            }
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            i += 2; /* a two-byte sequence: accented Latin letters */
            continue;
        }
        size_t k = i;
        uint32_t c = utf8_next(s, n, &k);
        if (c == 0xFFFD && k == i + 1)
            return false;
        i = k;
    }
    return true;
}

/* Base letters for U+00C0..U+017F, lower case; "" entries fold specially. */
static const char *const latin_fold[] = {
    /* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    /* D0 */ "d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
    /* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    /* F0 */ "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
    /* 100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    /* 110 */ "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    /* 120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    /* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    /* 140 */ "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    /* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    /* 160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    /* 170 */ "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

bool cp_is_letter_wide(uint32_t c)
{
    if (c == 0xD7 || c == 0xF7)
        return false;
    if (c >= 0xC0 && c <= 0x24F)
        return true;
    if (c >= 0x370 && c <= 0x3FF) /* Greek */
        return c != 0x37E && c != 0x387;
    if (c >= 0x400 && c <= 0x4FF) /* Cyrillic */
        return true;
    if (c >= 0x1E00 && c <= 0x1EFF) /* Latin Extended Additional */
        return true;
    return c == 0xAA || c == 0xBA || c == 0xB5;
}

bool cp_is_upper_wide(uint32_t c)
{
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x130)
            return true;
        if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
            return false;
        /* pairs alternate upper/lower, with a shift at 0x139..0x148, 0x179..0x17E */
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) == 1;
        return (c & 1) == 0;
    }
    if (c >= 0x391 && c <= 0x3AB)
        return true;
    if (c >= 0x400 && c <= 0x42F)
        return true;
    if (c >= 0x1E00 && c <= 0x1EFF)
        return (c & 1) == 0;
    return false;
}

bool cp_is_space_wide(uint32_t c)
{
    return c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x2007 || c == 0x200A ||
           c == 0x2002 || c == 0x2003 || c == 0x3000 || c == 0x2028 || c == 0x2029;
}

size_t cp_fold(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        return 1;
    }
    if (c >= 0xC0 && c <= 0x17F) {
        const char *f = latin_fold[c - 0xC0];
        size_t n = 0;
        for (; f[n]; n++) /* one to three bytes: no call for them */
            out[n] = f[n];
        return n;
    }
    if (cp_is_space(c)) {
        out[0] = ' ';
        return 1;
    }
    switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: case 0x0060: case 0xB4:
        out[0] = '\'';
        return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
        out[0] = '-';
        return 1;
    case 0x0259: /* ə */
        out[0] = 'e';
        return 1;
    }
    if (c >= 0x1EA0 && c <= 0x1EF9) { /* Vietnamese stacked accents */
        static const struct { uint32_t last; char base; } ranges[] = {
            {0x1EB7, 'a'}, {0x1EC7, 'e'}, {0x1ECB, 'i'}, {0x1EE3, 'o'}, {0x1EF1, 'u'}, {0x1EF9, 'y'},
        };
        for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
            if (c <= ranges[r].last) {
                out[0] = ranges[r].base;
                return 1;
            }
    }
    if (c >= 0x1E00 && c <= 0x1E9F && (c & 1) == 0)
        c += 1;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
        c += 0x20;
    else if (c >= 0x410 && c <= 0x42F)
        c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    return utf8_put(out, c);
}

size_t utf8_fold_into(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, o = 0;
    bool pending_space = false;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b == ' ') { /* what cp_fold(' ') leads to below */
            pending_space = o > 0;
            i++;
            continue;
        }
        /* plain ASCII: one byte, lower case; the other ASCII spaces fold to
         * themselves (cp_fold) and take this path too */
        if (b < 0x80) {
            if (o + (pending_space ? 1 : 0) + 2 > cap)
                break;
            if (pending_space) {
                out[o++] = ' ';
                pending_space = false;
            }
            out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            i++;
            continue;
        }
        uint32_t c = utf8_next(s, n, &i);
        if (c >= 0x300 && c <= 0x36F) /* combining marks: decomposed accents */
            continue;
        char buf[8];
        size_t k = cp_fold(c, buf);
        if (k == 1 && buf[0] == ' ') {
            pending_space = o > 0;
            continue;
        }
        if (o + k + (pending_space ? 1 : 0) + 1 > cap)
            break;
        if (pending_space) {
            out[o++] = ' ';
            pending_space = false;
        }
        memcpy(out + o, buf, k);
        o += k;
    }
    if (cap)
        out[o < cap ? o : cap - 1] = '\0';
    return o;
}

char *utf8_fold(const char *s, size_t n)
{
    size_t cap = n * 2 + 1; /* ligatures at most double a 2-byte letter */
    char *out = malloc(cap);
    if (!out)
        return NULL;
    utf8_fold_into(s, n, out, cap);
    return out;
}
