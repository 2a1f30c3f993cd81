/* test_lang.c — French or English, told from the text alone. */
#include "extract.h"
#include "test.h"

static enum extract_lang detect(const char *s)
{
    return extract_detect_lang(s, strlen(s));
}

TEST(test_plain_texts)
{
    CHECK_INT(detect("Le gouvernement a présenté mardi un plan pour les hôpitaux de la région."),
              LANG_FR);
    CHECK_INT(detect("The government presented a plan for the hospitals of the region on Tuesday."),
              LANG_EN);
}

TEST(test_names_and_quotes_of_the_other_language)
{
    /* English narration around French names and a French quote */
    CHECK_INT(detect("Jean-Yves Le Drian said on Monday that the talks with Paris were over. "
                     "\"C'est fini\", he told the press in Lyon, and he left."),
              LANG_EN);
    /* French narration around an English quote */
    CHECK_INT(detect("« We are not going anywhere », a déclaré le porte-parole de la Maison "
                     "Blanche, qui s'est dit confiant dans l'issue des négociations."),
              LANG_FR);
}

TEST(test_elisions_and_edge_cases)
{
    CHECK_INT(detect("L'armée d'Ankara s'est retirée jusqu'à l'aube."), LANG_FR);
    CHECK_INT(detect(""), LANG_FR); /* no evidence: French */
    CHECK_INT(extract_detect_lang(NULL, 0), LANG_FR);
    CHECK_INT(detect("12 345 678 !!! ???"), LANG_FR);
    /* a word longer than the folding buffer is skipped, not cut */
    CHECK_INT(detect("Pneumonoultramicroscopicsilicovolcanoconiosis is a word that the "
                     "dictionary lists, and it is long."),
              LANG_EN);
    /* the scan stops at 20 kB without cutting a code point */
    char buf[20010];
    memset(buf, ' ', sizeof buf);
    memcpy(buf, "the ", 4);
    memcpy(buf + 19998, "\xC3\xA9t\xC3\xA9", 6);
    CHECK_INT(extract_detect_lang(buf, sizeof buf), LANG_EN);
}

int main(void)
{
    RUN(test_plain_texts);
    RUN(test_names_and_quotes_of_the_other_language);
    RUN(test_elisions_and_edge_cases);
    TEST_SUMMARY();
}
