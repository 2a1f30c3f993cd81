/* test_utf8.c — decoding, validation and folding of UTF-8 text. */
#include <stdlib.h>

#include "test.h"
#include "utf8.h"

TEST(test_fold_accents_and_case)
{
    char *f = utf8_fold("Erdoğan", strlen("Erdoğan"));
    CHECK_STR(f, "erdogan");
    free(f);
    f = utf8_fold("  CŒUR  de   Président ", strlen("  CŒUR  de   Président "));
    CHECK_STR(f, "coeur de president");
    free(f);
    f = utf8_fold("l’Otan", strlen("l’Otan"));
    CHECK_STR(f, "l'otan");
    free(f);
}

TEST(test_validation)
{
    CHECK(utf8_valid("abc «é»", strlen("abc «é»")));
    CHECK(!utf8_valid("\xC3", 1));             /* truncated */
    CHECK(!utf8_valid("\xC0\xAF", 2));         /* overlong */
    CHECK(!utf8_valid("\xED\xA0\x80", 3));     /* surrogate */
    CHECK(!utf8_valid("a\xFF" "b", 3));
    CHECK(utf8_valid("", 0));
}

TEST(test_next_always_advances)
{
    const char s[] = "\xE2\x82";  /* truncated 3-byte sequence */
    size_t i = 0;
    CHECK_INT(utf8_next(s, 2, &i), 0xFFFD);
    CHECK_INT(i, 1);
}

TEST(test_classes)
{
    CHECK(cp_is_upper(0xC9));   /* É */
    CHECK(!cp_is_upper(0xE9));  /* é */
    CHECK(cp_is_upper(0x15E));  /* Ş */
    CHECK(!cp_is_upper(0x15F)); /* ş */
    CHECK(cp_is_space(0x202F));
    CHECK(cp_is_letter(0x11F)); /* ğ */
}

int main(void)
{
    RUN(test_fold_accents_and_case);
    RUN(test_validation);
    RUN(test_next_always_advances);
    RUN(test_classes);
    TEST_SUMMARY();
}
