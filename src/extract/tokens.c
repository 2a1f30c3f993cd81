/* tokens.c — splits an article into tokens and sentences, once, for every
 * extraction pass.
 *
 * A word keeps inner hyphens and apostrophes followed by a letter
 * ("Jean-Yves", "a-t-il", "aujourd'hui") but an elided article stays apart
 * ("l'", "d'" end the token before the apostrophe: "l" "’" "aviation"). A
 * number keeps "," or "." between digits ("3,7", "12,567", "1.5").
 * Sentences end at . ! ? … (with any closing quote mark after them) before
 * an upper-case letter, digit or opening mark, and at every line break;
 * abbreviations and initials ("M.", "Dr.", "Recep T. Erdogan", "U.S.") do
 * not end a sentence. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "strmap.h"
#include "utf8.h"

static bool is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static bool is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* French elisions that stand as their own token before an apostrophe. */
static bool is_elision(const char *s, size_t n)
{
    static const struct { char w[7]; unsigned char n; } el[] = {
        {"l", 1}, {"d", 1}, {"j", 1}, {"m", 1}, {"n", 1}, {"s", 1}, {"t", 1}, {"c", 1}, {"qu", 2},
        {"jusqu", 5}, {"lorsqu", 6}, {"puisqu", 6}, {"quoiqu", 6}, {"presqu", 6}};
    for (size_t i = 0; i < sizeof el / sizeof el[0]; i++)
        if (el[i].n == n && strncasecmp(el[i].w, s, n) == 0)
            return true;
    return false;
}

/* Character classes of the bytes, read-only: ASCII letters (with their
 * case), digits and spaces as cp_is_letter(), cp_is_upper(), cp_is_digit()
 * and cp_is_space() class them; every byte >= 0x80 is 0 (a multi-byte
 * code point, decoded by the slow path). C_UPPER is the bit that lowers an
 * ASCII capital: b | (class & C_UPPER) is its fold. */
enum { C_LETTER = 1, C_LOWER = 2, C_DIGIT = 4, C_SPACE = 8, C_UPPER = 0x20 };
#define LO (C_LETTER | C_LOWER)
#define UP (C_LETTER | C_UPPER)
#define DI C_DIGIT
#define SP C_SPACE
static const unsigned char byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, SP, SP, SP, SP, SP, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    SP, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    DI, DI, DI, DI, DI, DI, DI, DI, DI, DI, 0, 0, 0, 0, 0, 0,
    0, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP,
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, 0, 0, 0, 0, 0,
    0, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO,
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, 0, 0, 0, 0, 0,
};
#undef LO
#undef UP
#undef DI
#undef SP

/* Append the fold of code point c (not ASCII) at o, as utf8_fold_into()
 * folds it inside a word; returns the new end. A code point that folds to
 * a space sets *slow instead: the token is then folded again, whole. */
static char *fold_cp(uint32_t c, char *o, bool *slow)
{
    if (c >= 0x300 && c <= 0x36F) /* combining marks: dropped */
        return o;
    size_t k = cp_fold(c, o);
    if (k == 1 && *o == ' ') {
        *slow = true;
        return o;
    }
    return o + k;
}

/* The slot of folded word w[0..n) (hash h): its own, or the empty slot
 * where it belongs. */
static uint32_t *word_slot(const struct doc *d, const char *w, size_t n, unsigned h)
{
    for (size_t i = h & d->word_mask;; i = (i + 1) & d->word_mask) {
        uint32_t *x = &d->word_slots[i];
        if (!*x)
            return x;
        const struct doc_word *e = &d->words[*x - 1];
        if (e->hash == h && e->flen == n && strmap_same_bytes(d->fold + e->foff, w, n))
            return x;
    }
}

/* Give every word token its id in d->words, interning each distinct fold
 * once: one hash and one probe per word token, for every pass. */
static int intern_words(struct doc *d, size_t n_words)
{
    size_t slots = 64;
    while (slots < 2 * n_words)
        slots *= 2;
    d->word_slots = calloc(slots, sizeof *d->word_slots);
    d->words = malloc((n_words ? n_words : 1) * sizeof *d->words);
    if (!d->word_slots || !d->words)
        return -1;
    d->word_mask = slots - 1;
    d->n_words = 0;
    for (size_t k = 0; k < d->n_tokens; k++) {
        struct token *t = &d->tokens[k];
        if (t->kind != TOK_WORD)
            continue;
        const char *w = d->fold + t->foff;
        unsigned h = strmap_hash(w, t->flen);
        uint32_t *x = word_slot(d, w, t->flen, h);
        if (!*x) {
            d->words[d->n_words] = (struct doc_word){t->foff, t->flen, h};
            *x = (uint32_t)++d->n_words;
        }
        t->word = *x - 1;
    }
    return 0;
}

long doc_word_find(const struct doc *d, const char *w, size_t n)
{
    if (!d->word_slots)
        return -1;
    uint32_t x = *word_slot(d, w, n, strmap_hash(w, n));
    return x ? (long)x - 1 : -1;
}

static int push(struct doc *d, size_t *cap, struct token t)
{
    if (d->n_tokens >= *cap && grow((void **)&d->tokens, cap, d->n_tokens, sizeof *d->tokens))
        return -1;
    d->tokens[d->n_tokens++] = t;
    return 0;
}

/* Abbreviations after which a full stop does not end a sentence. */
static bool is_abbreviation(const struct doc *d, const struct token *w)
{
    static const char *const abbr[] = {"m", "mm", "mr", "mrs", "ms", "dr", "pr", "st", "sr", "jr",
                                       "mme", "mlle", "me", "mgr", "gen", "gov", "sen", "rep",
                                       "lt", "col", "capt", "sgt", "prof", "no", "vs", "cf",
                                       "av", "bd", "corp", "co", "jan", "feb", "aug",
                                       "sept", "oct", "nov", "dec", "p", "vol", "art"};
    size_t n = w->end - w->start;
    const char *s = d->text + w->start;
    if (w->kind != TOK_WORD)
        return false;
    if ((w->flags & TF_CAP) && n <= 2 && utf8_len(w->cp) == n) /* an initial: "T." */
        return true;
    if (n > 4) /* the longest abbreviation has four letters */
        return false;
    for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++)
        if (strncasecmp(abbr[i], s, n) == 0 && abbr[i][n] == '\0')
            return true;
    return false;
}

static bool is_opening_mark(uint32_t c)
{
    return c == 0xAB || c == 0x201C || c == '"' || c == 0x2018 || c == '(' || c == '[' ||
           c == 0x2014 || c == 0x2013 || c == '-';
}

static bool is_closing_mark(uint32_t c)
{
    return c == 0xBB || c == 0x201D || c == '"' || c == 0x2019 || c == ')' || c == '\'';
}

int doc_tokenize(struct doc *d)
{
    size_t cap = 0, i = 0, n = d->len;
    const char *s = d->text;
    bool space = true, para = true, line = false;

    d->tokens = NULL;
    d->n_tokens = 0;
    d->words = NULL;
    d->word_slots = NULL;
    d->n_words = d->word_mask = 0;
    size_t n_words = 0;
    /* a fold is never longer than the text it folds: the text's length and
     * a NUL per token (at most one per byte) */
    size_t foff = 0, fcap = 2 * n + 16;
    d->fold = malloc(fcap);
    if (!d->fold)
        return -1;
    /* about one token per five bytes of text: one allocation, seldom two */
    if (grow((void **)&d->tokens, &cap, n / 5 + 16, sizeof *d->tokens))
        return -1;
    while (i < n) {
        size_t st = i;
        unsigned cl = byte_class[(unsigned char)s[i]];
        uint32_t c = utf8_next(s, n, &i);
        if ((cl & C_SPACE) || (c >= 0x80 && cp_is_space(c))) {
            space = true;
            if (c == '\n') {
                line = true;
                size_t k = i;
                while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
                    k++;
                if (k < n && s[k] == '\n')
                    para = true;
            }
            continue;
        }
        struct token t = {(uint32_t)st, 0, c, TOK_PUNCT, 0, 0, 0, 0};
        if (space)
            t.flags |= TF_SPACE_BEFORE;
        if (para)
            t.flags |= TF_PARA_START;
        if (line)
            t.flags |= TF_LINE_BEFORE;
        space = para = line = false;
        /* the fold is written as the token is read */
        char *fo = d->fold + foff, *o = fo;
        bool slow = false;
        if (c < 0x80)
            *o++ = (char)(c | (cl & C_UPPER));
        else
            o = fold_cp(c, o, &slow);
        if (c < 0x80 ? (cl & C_LETTER) != 0 : cp_is_letter(c)) {
            bool up = c < 0x80 ? (cl & C_UPPER) != 0 : cp_is_upper(c);
            int letters = 1, uppers = up;
            t.kind = TOK_WORD;
            if (up)
                t.flags |= TF_CAP;
            for (;;) {
                /* ASCII letters and digits, the bulk of most words, with
                 * copies of the counters that can stay in registers (i's
                 * address is taken by utf8_next()) */
                unsigned bc;
                size_t j = i;
                int la = 0, ua = 0;
                char *w = o;
                while (j < n && ((bc = byte_class[(unsigned char)s[j]]) & (C_LETTER | C_DIGIT))) {
                    unsigned char b = (unsigned char)s[j++];
                    la += (int)(bc & C_LETTER);
                    ua += (int)(bc >> 5);
                    *w++ = (char)(b | (bc & C_UPPER));
                }
                i = j;
                o = w;
                letters += la;
                uppers += ua;
                size_t k = i;
                if (k >= n)
                    break;
                uint32_t c2 = utf8_next(s, n, &k);
                if (cp_is_letter(c2) || (c2 >= 0x300 && c2 <= 0x36F) || cp_is_digit(c2)) {
                    letters += cp_is_letter(c2);
                    uppers += cp_is_upper(c2);
                    o = fold_cp(c2, o, &slow); /* not ASCII: those were read above */
                    i = k;
                    continue;
                }
                bool hyphen = is_hyphen(c2);
                if (hyphen || is_apostrophe(c2)) {
                    size_t k2 = k;
                    if (k2 < n && cp_is_letter(utf8_next(s, n, &k2))) {
                        if (!hyphen && is_elision(s + st, i - st))
                            break;
                        t.flags |= hyphen ? TF_HYPHEN : 0;
                        if (c2 < 0x80)
                            *o++ = (char)c2;
                        else
                            o = fold_cp(c2, o, &slow);
                        i = k;
                        continue;
                    }
                }
                break;
            }
            if (letters >= 2 && uppers == letters)
                t.flags |= TF_ALLCAPS;
        } else if (cl & C_DIGIT) {
            t.kind = TOK_NUMBER;
            while (i < n) {
                if (byte_class[(unsigned char)s[i]] & C_DIGIT) {
                    *o++ = s[i++];
                    continue;
                }
                if ((s[i] == ',' || s[i] == '.') && i + 1 < n && cp_is_digit((unsigned char)s[i + 1])) {
                    *o++ = s[i++];
                    continue;
                }
                break;
            }
        }
        t.end = (uint32_t)i;
        t.foff = (uint32_t)foff;
        if (slow) {
            t.flen = (uint32_t)utf8_fold_into(s + st, i - st, fo, fcap - foff);
        } else {
            *o = '\0';
            t.flen = (uint32_t)(o - fo);
        }
        foff += t.flen + 1;
        n_words += t.kind == TOK_WORD;
        if (push(d, &cap, t))
            return -1;
    }

    if (intern_words(d, n_words))
        return -1;

    /* Sentences: TF_PARA_START marks blank lines only; any line break
     * ends a sentence. */
    size_t scap = 0, sent_start = 0;
    d->sentences = NULL;
    d->n_sentences = 0;
    for (size_t k = 0; k < d->n_tokens; k++) {
        struct token *t = &d->tokens[k];
        bool starts = k == 0;
        if (!starts) {
            /* a line break between the tokens */
            if (t->flags & TF_LINE_BEFORE)
                starts = true;
            else if (t->flags & TF_SPACE_BEFORE) {
                /* walk back over closing marks to the terminator */
                size_t j = k - 1;
                while (j > 0 && d->tokens[j].kind == TOK_PUNCT && is_closing_mark(d->tokens[j].cp))
                    j--;
                const struct token *e = &d->tokens[j];
                bool term = e->kind == TOK_PUNCT &&
                            (e->cp == '.' || e->cp == '!' || e->cp == '?' || e->cp == 0x2026);
                bool next_ok = (t->kind == TOK_WORD && (t->flags & TF_CAP)) || t->kind == TOK_NUMBER ||
                               (t->kind == TOK_PUNCT && is_opening_mark(t->cp));
                if (term && next_ok) {
                    starts = true;
                    if (e->cp == '.' && j > 0 && is_abbreviation(d, &d->tokens[j - 1]))
                        starts = false;
                }
            }
        }
        if (starts) {
            if (k > 0) {
                if (grow((void **)&d->sentences, &scap, d->n_sentences, sizeof *d->sentences))
                    return -1;
                d->sentences[d->n_sentences++] = (struct span){sent_start, d->tokens[k - 1].end};
            }
            sent_start = t->start;
            t->flags |= TF_SENT_START;
        }
    }
    if (d->n_tokens) {
        if (grow((void **)&d->sentences, &scap, d->n_sentences, sizeof *d->sentences))
            return -1;
        d->sentences[d->n_sentences++] = (struct span){sent_start, d->tokens[d->n_tokens - 1].end};
    }
    return 0;
}

void doc_free_tokens(struct doc *d)
{
    free(d->tokens);
    free(d->sentences);
    free(d->fold);
    free(d->words);
    free(d->word_slots);
    d->fold = NULL;
    d->words = NULL;
    d->word_slots = NULL;
    d->n_words = d->word_mask = 0;
    d->tokens = NULL;
    d->sentences = NULL;
    d->n_tokens = d->n_sentences = 0;
}

size_t doc_sentence_at(const struct doc *d, size_t off)
{
    size_t lo = 0, hi = d->n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->sentences[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

size_t doc_token_at(const struct doc *d, size_t off)
{
    size_t lo = 0, hi = d->n_tokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->tokens[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool tok_is(const struct doc *d, const struct token *t, const char *word)
{
    size_t n = t->end - t->start;
    return strlen(word) == n && strncasecmp(d->text + t->start, word, n) == 0;
}

size_t tok_fold(const struct doc *d, const struct token *t, char *buf, size_t cap)
{
    /* a fold that fits is the same whole or cut */
    if (d->fold && t->flen < cap) {
        memcpy(buf, d->fold + t->foff, t->flen + 1);
        return t->flen;
    }
    return utf8_fold_into(d->text + t->start, t->end - t->start, buf, cap);
}
