/* textbuf.c — growable byte buffer and compact JSON writer (textbuf.h).
 *
 * Strings are the bulk of every body, so they are copied in runs of bytes
 * that need no escaping, with UTF-8 checked as they go; numbers are written
 * without stdio where that is exact (integers). */
#include "textbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Make room for n more bytes and the NUL. */
static bool reserve(struct textbuf *b, size_t n)
{
    if (b->failed)
        return false;
    if (b->len + n + 1 <= b->cap)
        return true;
    size_t nc = b->cap ? b->cap : 1024;
    while (nc < b->len + n + 1) {
        if (nc > ((size_t)-1) / 2)
            goto fail;
        nc *= 2;
    }
    char *p = realloc(b->s, nc);
    if (!p)
        goto fail;
    b->s = p;
    b->cap = nc;
    return true;
fail:
    free(b->s);
    *b = (struct textbuf){.failed = true};
    return false;
}

/* The writer's own append: most pieces are a few bytes (punctuation, keys,
 * numbers) and fit, so the common case is a bounds test and a copy. */
static inline void put(struct textbuf *b, const char *s, size_t n)
{
    if (b->len + n < b->cap || reserve(b, n)) {
        memcpy(b->s + b->len, s, n);
        b->len += n;
    }
}

void tb_add(struct textbuf *b, const char *s, size_t n)
{
    if (n)
        put(b, s, n);
}

void tb_str(struct textbuf *b, const char *s)
{
    tb_add(b, s, strlen(s));
}

char *tb_finish(struct textbuf *b, size_t *len)
{
    if (reserve(b, 0))
        b->s[b->len] = '\0';
    char *s = b->failed ? NULL : b->s;
    if (len)
        *len = s ? b->len : 0;
    *b = (struct textbuf){0};
    return s;
}

void tb_free(struct textbuf *b)
{
    free(b->s);
    *b = (struct textbuf){0};
}

/* ---- numbers ------------------------------------------------------------ */

void tb_integer(struct textbuf *b, json_int_t v)
{
    char tmp[24];
    char *e = tmp + sizeof tmp, *p = e;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    put(b, p, (size_t)(e - p));
}

/* As jansson writes a real: "%.15g", then a ".0" when the text would read
 * back as an integer, and no '+' or leading zeros in the exponent. */
void tb_real(struct textbuf *b, double v)
{
    char num[40];
    int n = snprintf(num, sizeof num, "%.15g", v);
    if (n < 0 || (size_t)n >= sizeof num - 3)
        return;
    size_t len = (size_t)n; /* the program keeps the C locale: the point is '.' */
    char *exp = memchr(num, 'e', len);
    if (!exp && !memchr(num, '.', len)) {
        memcpy(num + len, ".0", 3);
        len += 2;
    }
    if (exp) {
        char *digits = exp + 1;
        if (*digits == '-')
            digits++;
        char *first = exp + 2; /* past the sign printf always writes */
        while (*first == '0')
            first++;
        memmove(digits, first, len - (size_t)(first - num) + 1);
        len -= (size_t)(first - digits);
    }
    put(b, num, len);
}

/* ---- strings ------------------------------------------------------------ */

/* Bytes copied as they are: printable ASCII but '"' and '\\'. */
static const unsigned char plain[256] = {
    [0x20] = 1, [0x21] = 1, /* 0x22 '"' */ [0x23] = 1, [0x24] = 1, [0x25] = 1, [0x26] = 1,
    [0x27] = 1, [0x28] = 1, [0x29] = 1, [0x2A] = 1, [0x2B] = 1, [0x2C] = 1, [0x2D] = 1,
    [0x2E] = 1, [0x2F] = 1, [0x30] = 1, [0x31] = 1, [0x32] = 1, [0x33] = 1, [0x34] = 1,
    [0x35] = 1, [0x36] = 1, [0x37] = 1, [0x38] = 1, [0x39] = 1, [0x3A] = 1, [0x3B] = 1,
    [0x3C] = 1, [0x3D] = 1, [0x3E] = 1, [0x3F] = 1, [0x40] = 1, [0x41] = 1, [0x42] = 1,
    [0x43] = 1, [0x44] = 1, [0x45] = 1, [0x46] = 1, [0x47] = 1, [0x48] = 1, [0x49] = 1,
    [0x4A] = 1, [0x4B] = 1, [0x4C] = 1, [0x4D] = 1, [0x4E] = 1, [0x4F] = 1, [0x50] = 1,
    [0x51] = 1, [0x52] = 1, [0x53] = 1, [0x54] = 1, [0x55] = 1, [0x56] = 1, [0x57] = 1,
    [0x58] = 1, [0x59] = 1, [0x5A] = 1, [0x5B] = 1, /* 0x5C '\\' */ [0x5D] = 1, [0x5E] = 1,
    [0x5F] = 1, [0x60] = 1, [0x61] = 1, [0x62] = 1, [0x63] = 1, [0x64] = 1, [0x65] = 1,
    [0x66] = 1, [0x67] = 1, [0x68] = 1, [0x69] = 1, [0x6A] = 1, [0x6B] = 1, [0x6C] = 1,
    [0x6D] = 1, [0x6E] = 1, [0x6F] = 1, [0x70] = 1, [0x71] = 1, [0x72] = 1, [0x73] = 1,
    [0x74] = 1, [0x75] = 1, [0x76] = 1, [0x77] = 1, [0x78] = 1, [0x79] = 1, [0x7A] = 1,
    [0x7B] = 1, [0x7C] = 1, [0x7D] = 1, [0x7E] = 1, [0x7F] = 1,
};

/* Length of the well-formed UTF-8 sequence (2 to 4 bytes) at s, or 0:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    unsigned char lo = 0x80, hi = 0xBF;
    size_t k;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < k || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return k;
}

/* Whether the 8 bytes at s are all plain (see above), tested at once: no
 * byte with its high bit set, below 0x20, equal to '"' or to '\\'. */
static bool plain8(const unsigned char *s)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t x;
    memcpy(&x, s, 8);
    uint64_t quote = x ^ (ones * '"'), bslash = x ^ (ones * '\\');
    uint64_t bad = x | ((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) | ((bslash - ones) & ~bslash);
    return (bad & highs) == 0;
}

static void tb_string(struct textbuf *b, const char *str, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *s = (const unsigned char *)str;
    if (b->len + n + 2 >= b->cap && !reserve(b, n + 2))
        return;
    put(b, "\"", 1);
    size_t run = 0, i = 0;
    while (i < n) {
        /* eight plain ASCII bytes at a time */
        while (i + 8 <= n && plain8(s + i))
            i += 8;
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (plain[c]) {
            i++;
            continue;
        }
        size_t k = c >= 0x80 ? utf8_seq(s + i, n - i) : 0;
        if (k) {
            i += k;
            continue;
        }
        put(b, str + run, i - run);
        char esc[6] = {'\\', 0};
        size_t elen = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            if (c >= 0x80) { /* not UTF-8: U+FFFD REPLACEMENT CHARACTER */
                memcpy(esc, "\xEF\xBF\xBD", 3);
                elen = 3;
            } else {
                memcpy(esc, "\\u00", 4);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                elen = 6;
            }
        }
        put(b, esc, elen);
        run = ++i;
    }
    put(b, str + run, n - run);
    put(b, "\"", 1);
}

/* ---- values ------------------------------------------------------------- */

void tb_json(struct textbuf *b, const json_t *v)
{
    if (!v)
        return;
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        put(b, "{", 1);
        /* the iteration takes a non-const object; it does not change it */
        json_t *o = (json_t *)v;
        void *first = json_object_iter(o);
        for (void *it = first; it; it = json_object_iter_next(o, it)) {
            if (it != first)
                put(b, ",", 1);
            tb_string(b, json_object_iter_key(it), json_object_iter_key_len(it));
            put(b, ":", 1);
            tb_json(b, json_object_iter_value(it));
        }
        put(b, "}", 1);
        break;
    }
    case JSON_ARRAY: {
        put(b, "[", 1);
        size_t n = json_array_size(v);
        for (size_t i = 0; i < n; i++) {
            if (i)
                put(b, ",", 1);
            tb_json(b, json_array_get(v, i));
        }
        put(b, "]", 1);
        break;
    }
    case JSON_STRING: tb_string(b, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: tb_integer(b, json_integer_value(v)); break;
    case JSON_REAL: tb_real(b, json_real_value(v)); break;
    case JSON_TRUE: put(b, "true", 4); break;
    case JSON_FALSE: put(b, "false", 5); break;
    case JSON_NULL: put(b, "null", 4); break;
    }
}

char *json_text(const json_t *v, bool newline, size_t *len)
{
    struct textbuf b = {0};
    tb_json(&b, v);
    if (newline)
        tb_add(&b, "\n", 1);
    return tb_finish(&b, len);
}
