/* lang.c — tells French from English when an article comes without its
 * language.
 *
 * Every article of either language is full of its function words ("le",
 * "des", "qui", "the", "of", "which"), which the other language hardly uses;
 * French also elides articles and pronouns before a vowel ("l'", "d'",
 * "qu'"). The text's first 20 kB are read word by word, each word folded and
 * looked up in two sorted tables; elisions count for French. Names, quotes
 * in the other language and numbers weigh little against the function words
 * of the narration. Ties (no evidence at all, as in an empty text) give
 * French. Pure function, no allocation. */
#include <string.h>

#include "extract.h"
#include "lexicon_speech.h"
#include "utf8.h"

#define SCAN_BYTES 20000

/* Sorted (strcmp order); words frequent in one language, rare in the other. */
static const char *const fr_words[] = {
    "au",   "aux",   "avec", "ce",    "ces",    "cette", "dans", "de",    "des",
    "du",    "elle", "elles", "en",   "est",   "et",     "ete",   "etre", "il",    "ils",
    "la",    "le",   "les",   "leur", "leurs", "mais",   "ne",    "nous", "ont",   "ou",
    "par",   "pas",  "plus",  "pour", "qu",    "que",    "qui",   "sa",   "selon", "ses",
    "son",   "sont", "sur",   "un",   "une",   "vous",
};

static const char *const en_words[] = {
    "and",   "are",  "as",    "at",    "be",   "been", "but",   "by",   "for",  "from",
    "had",   "has",  "have",  "he",    "her",  "his",  "is",    "it",   "its",  "of",
    "said", "she",   "that",  "the",  "their", "they", "this", "to",   "was",
    "were",  "which", "who",  "will",  "with", "would",
};

/* French elisions: "l'", "d'", "qu'", "n'", "s'", "c'", "j'" before a letter. */
static bool is_elision(const char *w, size_t n)
{
    return (n == 1 && strchr("ldnscj", w[0])) || (n == 2 && w[0] == 'q' && w[1] == 'u');
}

enum extract_lang extract_detect_lang(const char *text, size_t len)
{
    int fr = 0, en = 0;
    size_t i = 0, limit = len < SCAN_BYTES ? len : SCAN_BYTES;
    char w[32];
    size_t wn = 0;
    bool too_long = false;
    if (!text)
        return LANG_FR;
    /* do not cut the last code point in two */
    while (limit < len && limit > 0 && ((unsigned char)text[limit] & 0xC0) == 0x80)
        limit--;
    while (i <= limit) {
        uint32_t c = ' ';
        if (i < limit)
            c = utf8_next(text, limit, &i);
        else
            i++;
        if (cp_is_letter(c)) {
            if (wn + 4 < sizeof w)
                wn += cp_fold(c, w + wn);
            else
                too_long = true;
            continue;
        }
        if (wn && !too_long) {
            bool apostrophe = c == '\'' || c == 0x2019;
            if (apostrophe && is_elision(w, wn) && i < limit) {
                size_t k = i;
                if (cp_is_letter(utf8_next(text, limit, &k)))
                    fr += 2;
            } else if (lex_in_sorted(fr_words, sizeof fr_words / sizeof fr_words[0], w, wn)) {
                fr++;
            } else if (lex_in_sorted(en_words, sizeof en_words / sizeof en_words[0], w, wn)) {
                en++;
            }
        }
        wn = 0;
        too_long = false;
    }
    return en > fr ? LANG_EN : LANG_FR;
}
