/* test_textbuf.c — the JSON writer against jansson's own json_dumps() on
 * fixed and on pseudo-random values (every escape, multi-byte UTF-8,
 * integers at their limits, reals of every magnitude), and its handling of
 * bytes that are not UTF-8. */
#include <float.h>
#include <stdint.h>
#include <stdlib.h>

#include "test.h"
#include "textbuf.h"

/* Both writers agree on v; prints the first difference. */
static int same_as_jansson(const json_t *v)
{
    char *want = json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
    size_t len = 0;
    char *got = json_text(v, false, &len);
    int ok = want && got && strcmp(want, got) == 0 && len == strlen(got);
    if (!ok)
        fprintf(stderr, "  got  %s\n  want %s\n", got ? got : "(null)", want ? want : "(null)");
    free(want);
    free(got);
    return ok;
}

TEST(test_fixed_values)
{
    json_t *v = json_pack("{s:s, s:i, s:f, s:b, s:n, s:[], s:{}, s:[i, f, s]}", "text",
                          "« Nous devons », a-t-il dit\n\t\"ok\" \\ /\x01\x1f\x7f", "id", 42, "value",
                          3.5, "approx", 1, "unit", "empty", "obj", "list", -7, 1e21, "€ 𝄞");
    CHECK(same_as_jansson(v));
    json_decref(v);
    double reals[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1e-7, 123456789012345678.0, 1e100, -2.5e-300,
                      DBL_MAX, DBL_MIN, 3.14159265358979, 1.0 / 3.0, 1e15, 1e16, 5e-324};
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++) {
        json_t *r = json_real(reals[i]);
        CHECK(same_as_jansson(r));
        json_decref(r);
    }
    json_int_t ints[] = {0, 1, -1, 9, 10, -10, INT64_MAX, INT64_MIN, 1234567890123};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        json_t *n = json_integer(ints[i]);
        CHECK(same_as_jansson(n));
        json_decref(n);
    }
}

/* Each special byte at each position of a plain ASCII string, so that the
 * writer's eight-bytes-at-a-time path sees it in every lane. */
TEST(test_special_byte_in_every_lane)
{
    static const char special[] = {'"', '\\', '\n', '\x01', '\x1f', '\x7f', ' ', '~'};
    int bad = 0;
    for (size_t k = 0; k < sizeof special; k++)
        for (size_t pos = 0; pos < 24; pos++) {
            char buf[25];
            memset(buf, 'a', 24);
            buf[pos] = special[k];
            json_t *v = json_stringn(buf, 24);
            bad += !same_as_jansson(v);
            json_decref(v);
        }
    CHECK_INT(bad, 0);
    json_t *w = json_stringn("\xc3\xa9" "abcdefgh" "\xe2\x82\xac", 13); /* é, 8 bytes, € */
    CHECK(same_as_jansson(w));
    json_decref(w);
}

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A random valid UTF-8 string of up to 40 characters, weighted towards
 * the characters a writer must treat specially. */
static json_t *random_string(void)
{
    static const char *pieces[] = {"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\b", "\f", "\r",
                                   "\x01", "\x1f", "\x7f", "é", "«", "\xc2\xa0", "’", "€",
                                   "\xe2\x80\xaf", "\xef\xbf\xbf", "𝄞", "\xf4\x8f\xbf\xbf", "word "};
    char buf[256];
    size_t n = 0, count = next() % 40;
    for (size_t i = 0; i < count; i++) {
        const char *p = pieces[next() % (sizeof pieces / sizeof *pieces)];
        size_t l = strlen(p);
        memcpy(buf + n, p, l);
        n += l;
    }
    if (next() % 8 == 0)
        buf[n++] = '\0'; /* an embedded NUL */
    return json_stringn(buf, n);
}

static json_t *random_value(int depth)
{
    switch (next() % (depth > 3 ? 5 : 7)) {
    case 0: return random_string();
    case 1: return json_integer((json_int_t)next() >> (next() % 64));
    case 2: {
        uint64_t bits = next();
        double d;
        memcpy(&d, &bits, sizeof d);
        if (d != d || d - d != 0) /* NaN and infinities are not JSON */
            d = (double)(int64_t)bits / 1e9;
        return json_real(d);
    }
    case 3: return json_boolean(next() % 2);
    case 4: return json_null();
    case 5: {
        json_t *a = json_array();
        for (size_t i = next() % 5; i > 0; i--)
            json_array_append_new(a, random_value(depth + 1));
        return a;
    }
    default: {
        json_t *o = json_object();
        for (size_t i = next() % 5; i > 0; i--) {
            json_t *k = random_string();
            json_object_setn_new(o, json_string_value(k), json_string_length(k), random_value(depth + 1));
            json_decref(k);
        }
        return o;
    }
    }
}

TEST(test_random_values)
{
    int bad = 0;
    for (int i = 0; i < 3000 && bad < 3; i++) {
        json_t *v = random_value(0);
        if (!same_as_jansson(v))
            bad++;
        json_decref(v);
    }
    CHECK_INT(bad, 0);
}

TEST(test_invalid_utf8_becomes_replacement)
{
    /* a lone continuation byte, a truncated sequence, an overlong '/', a
     * surrogate, a code point above U+10FFFF */
    const char raw[] = "a\x80" "b\xc3" "c\xc0\xaf" "d\xed\xa0\x80" "e\xf4\x90\x80\x80";
    json_t *s = json_stringn_nocheck(raw, sizeof raw - 1);
    char *got = json_text(s, true, NULL);
    CHECK_STR(got, "\"a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd\xef\xbf\xbd" "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                   "e\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"\n");
    free(got);
    json_decref(s);
}

TEST(test_buffer)
{
    struct textbuf b = {0};
    size_t len = 99;
    char *s = tb_finish(&b, &len);
    CHECK_STR(s, "");
    CHECK_INT(len, 0);
    free(s);
    for (int i = 0; i < 1000; i++)
        tb_str(&b, "0123456789");
    tb_integer(&b, -42);
    tb_real(&b, 2.0);
    s = tb_finish(&b, &len);
    CHECK_INT(len, 10006);
    CHECK_STR(s + 10000, "-422.0");
    CHECK(b.s == NULL && b.len == 0);
    free(s);
}

int main(void)
{
    RUN(test_fixed_values);
    RUN(test_special_byte_in_every_lane);
    RUN(test_random_values);
    RUN(test_invalid_utf8_becomes_replacement);
    RUN(test_buffer);
    TEST_SUMMARY();
}
