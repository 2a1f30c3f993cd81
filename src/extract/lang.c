/* lang.c — tells French from English by counting frequent function words,
 * which every article of either language is full of. */
#include <string.h>

#include "extract.h"
#include "utf8.h"

static const char *const fr_words[] = {"le", "la", "les", "des", "du", "et", "est", "une", "dans",
                                       "pour", "que", "qui", "sur", "au", "aux", "avec", "pas",
                                       "a", "ont", "ete", "selon", "il", "elle", "ce", "cette"};
static const char *const en_words[] = {"the", "of", "and", "to", "in", "is", "was", "for", "that",
                                       "on", "with", "as", "by", "he", "she", "it", "from",
                                       "has", "have", "said", "were", "are", "this", "at"};

static int count_in(const char *w, size_t n, const char *const *list, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
            return 1;
    return 0;
}

enum extract_lang extract_detect_lang(const char *text, size_t len)
{
    int fr = 0, en = 0;
    size_t i = 0, limit = len < 20000 ? len : 20000;
    char w[32];
    size_t wn = 0;
    while (i <= limit) {
        uint32_t c = i < limit ? utf8_next(text, limit, &i) : (i++, ' ');
        if (cp_is_letter(c)) {
            if (wn + 4 < sizeof w)
                wn += cp_fold(c, w + wn);
            continue;
        }
        if (wn) {
            fr += count_in(w, wn, fr_words, sizeof fr_words / sizeof fr_words[0]);
            en += count_in(w, wn, en_words, sizeof en_words / sizeof en_words[0]);
        }
        wn = 0;
    }
    return en > fr ? LANG_EN : LANG_FR;
}
