/* numbers.c — reads a number (digits or words, with its scale words) from
 * the token stream; see numbers.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_numbers.h"
#include "numbers.h"
#include "utf8.h"

void nx_cache_init(struct foldcache *fc)
{
    for (size_t k = 0; k < NX_CACHE; k++)
        fc->tag[k] = SIZE_MAX;
}

const char *nx_word_cut(const struct numctx *c, size_t i)
{
    size_t slot = i % NX_CACHE;
    char *out = c->cache->word[slot];
    const struct token *t = &c->d->tokens[i];
    if (c->cache->tag[slot] != i) {
        size_t n = t->end - t->start, k = 0;
        const unsigned char *s = (const unsigned char *)c->d->text + t->start;
        size_t o = 0;
        /* ASCII and two-byte Latin letters inline; anything else the
         * general folding handles */
        while (k < n && o + 4 < NX_WORD) {
            if (s[k] < 0x80) {
                out[o++] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
                k++;
            } else if ((s[k] == 0xC3 || s[k] == 0xC4 || s[k] == 0xC5) && k + 1 < n && (s[k + 1] & 0xC0) == 0x80) {
                uint32_t cp = ((uint32_t)(s[k] & 0x1F) << 6) | (s[k + 1] & 0x3F);
                o += cp_fold(cp, out + o);
                k += 2;
            } else {
                break;
            }
        }
        if (k == n || o + 4 >= NX_WORD)
            out[o] = '\0';
        else
            utf8_fold_into(c->d->text + t->start, n, out, NX_WORD);
        c->cache->tag[slot] = i;
    }
    return out;
}

const struct numword *nx_numword(const struct numctx *c, size_t i)
{
    if (i >= c->d->n_tokens || c->d->tokens[i].kind != TOK_WORD)
        return NULL; /* no number word is "" */
    struct wordinfo *wi = &c->info[c->d->tokens[i].word];
    if (!(wi->known & NXW_NW)) {
        /* the fold and its hash, as interned; a word too long to read in
         * place is no number word, whole or cut */
        const struct token *t = &c->d->tokens[i];
        const struct numword *nw = NULL;
        if (c->d->fold && t->flen + 5 <= NX_WORD)
            nw = lex_numindex_get(c->ix, c->d->fold + t->foff, t->flen, c->d->words[t->word].hash);
        wi->nw = (uint8_t)lex_numword_index(nw);
        wi->known |= NXW_NW;
    }
    return lex_numword_at(wi->nw);
}

static const struct token *tok(const struct numctx *c, size_t i)
{
    return &c->d->tokens[i];
}

double number_digits_value(const char *s, size_t n, enum extract_lang lang)
{
    bool dot_thousands = false;
    if (lang == LANG_FR && !memchr(s, ',', n) && memchr(s, '.', n)) {
        /* "1.500.000": every group after a dot has three digits */
        dot_thousands = true;
        size_t run = 0;
        bool after_dot = false;
        for (size_t k = 0; k <= n; k++) {
            if (k == n || s[k] == '.') {
                if (after_dot && run != 3)
                    dot_thousands = false;
                after_dot = true;
                run = 0;
            } else {
                run++;
            }
        }
    }
    /* digits before and after the decimal mark; separators skipped */
    double ip = 0, fp = 0, scale = 1;
    bool decimal = false;
    for (size_t k = 0; k < n; k++) {
        char ch = s[k];
        if (ch >= '0' && ch <= '9') {
            if (decimal) {
                scale *= 10;
                fp = fp * 10 + (ch - '0');
            } else {
                ip = ip * 10 + (ch - '0');
            }
        } else if (!decimal && ((ch == ',' && lang == LANG_FR) || (ch == '.' && !dot_thousands))) {
            decimal = true; /* "3,7" in French, "1.5" in English */
        }
    }
    return ip + fp / scale;
}

/* True when the bytes between tokens a and b are exactly one space, normal
 * or non-breaking or thin: the gap of a thousands group ("100 000"). */
static bool group_gap(const struct numctx *c, size_t a, size_t b)
{
    const char *s = c->d->text + tok(c, a)->end;
    size_t n = tok(c, b)->start - tok(c, a)->end;
    if (n == 1)
        return s[0] == ' ';
    if (n == 2)
        return (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0;
    if (n == 3)
        return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
               ((unsigned char)s[2] == 0xAF || (unsigned char)s[2] == 0x89);
    return false;
}

static size_t plain_digits(const struct numctx *c, size_t i)
{
    const struct token *t = tok(c, i);
    for (size_t k = t->start; k < t->end; k++)
        if (c->d->text[k] < '0' || c->d->text[k] > '9')
            return 0;
    return t->end - t->start;
}

/* A thousands group after the first: three digits, and in French an
 * optional decimal part ("1 500,5"). */
static bool is_group(const struct numctx *c, size_t i)
{
    const struct token *t = tok(c, i);
    const char *s = c->d->text + t->start;
    size_t n = t->end - t->start;
    if (n < 3 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
        return false;
    if (n == 3)
        return true;
    return c->d->lang == LANG_FR && s[3] == ',' && plain_digits(c, i) == 0;
}

/* Scale word or abbreviation at token k after a number: its multiplier. */
static double scale_at(const struct numctx *c, size_t k, bool after_currency)
{
    if (k >= c->d->n_tokens || tok(c, k)->kind != TOK_WORD)
        return 0;
    const struct token *t = tok(c, k);
    double m = lex_scale_abbrev(c->d->text + t->start, t->end - t->start, after_currency);
    if (m)
        return m;
    const struct numword *w = nx_numword(c, k);
    if (w && w->kind == NW_SCALE)
        return w->value;
    return 0;
}

static bool parse_digits(const struct numctx *c, size_t i, bool after_currency, struct number *n)
{
    const struct token *t = tok(c, i);
    size_t lead = plain_digits(c, i);
    n->value = number_digits_value(c->d->text + t->start, t->end - t->start, c->d->lang);
    n->last = i;
    /* thousands groups separated by spaces: "16 000 000", "2 200" */
    if (lead >= 1 && lead <= 3) {
        size_t k = i + 1;
        double v = n->value;
        while (k < c->d->n_tokens && tok(c, k)->kind == TOK_NUMBER && group_gap(c, k - 1, k) &&
               is_group(c, k)) {
            const struct token *g = tok(c, k);
            double part = number_digits_value(c->d->text + g->start, g->end - g->start, c->d->lang);
            v = v * 1000 + part;
            n->last = k;
            k++;
            if (plain_digits(c, k - 1) != 3)
                break; /* a decimal part ends the number */
        }
        n->value = v;
    }
    if (n->last == i && lead == 4 && n->value >= 1500 && n->value <= 2100)
        n->plain_year = true;
    double m = scale_at(c, n->last + 1, after_currency);
    if (m) {
        n->value *= m;
        n->mult = m;
        n->last++;
        n->plain_year = false;
    }
    return true;
}

/* ---- number words --------------------------------------------------------- */

enum { W_OK, W_REJECT, W_DONE };

struct wstate {
    double total, cur, last_scale, last_atom;
    int atoms, last_kind;
    bool article_only;
};

/* Apply one number word to the running value; W_REJECT when it cannot
 * continue the number ("deux trois"), W_DONE when it must end it. */
static int apply_word(struct wstate *s, const struct numword *w, const char *word, enum extract_lang lang,
                      struct number *n)
{
    double v = w->value;
    switch (w->kind) {
    case NW_ATOM:
        if (s->atoms == 0) {
            if (v == 0) {
                s->atoms++;
                s->last_kind = NW_ATOM;
                return W_DONE;
            }
            s->cur = v;
        } else if (s->last_kind == NW_ATOM) {
            double la = s->last_atom;
            if (lang == LANG_FR && la == 4 && v == 20) {
                s->cur += 76; /* quatre-vingt(s) */
                v = 80;
            } else if (la >= 20 && (long)la % 10 == 0 && v >= 1 && v < 10) {
                s->cur += v; /* vingt-deux, twenty-five */
            } else if (lang == LANG_FR && (la == 60 || la == 80) && v >= 10 && v < 20) {
                s->cur += v; /* soixante-douze, quatre-vingt-dix */
            } else if (lang == LANG_FR && la == 10 && v >= 7 && v <= 9) {
                s->cur += v; /* dix-sept, soixante-dix-huit */
            } else {
                return W_REJECT;
            }
        } else if (s->last_kind == NW_HUNDRED || s->last_kind == NW_SCALE) {
            if (v == 0)
                return W_REJECT;
            s->cur += v;
        } else {
            return W_REJECT;
        }
        s->last_atom = v;
        break;
    case NW_ARTICLE:
        if (s->atoms == 0) {
            s->cur = 1;
            s->article_only = true;
            v = 1;
        } else if (s->last_kind == NW_ATOM && s->last_atom >= 20 && (long)s->last_atom % 10 == 0 &&
                   (strcmp(word, "un") == 0 || strcmp(word, "une") == 0 || strcmp(word, "one") == 0)) {
            s->cur += 1; /* vingt et un, twenty-one */
            v = 1;
        } else {
            return W_REJECT;
        }
        s->last_atom = v;
        break;
    case NW_HUNDRED:
        if ((w->plural && (s->atoms == 0 || s->article_only)) || s->last_kind == NW_HUNDRED)
            return W_REJECT;
        s->cur = (s->cur ? s->cur : 1) * 100;
        break;
    case NW_SCALE:
        if (s->atoms == 0 && !(strcmp(word, "mille") == 0))
            return W_REJECT;
        if (w->plural && s->article_only)
            return W_REJECT;
        if (s->last_scale && v > s->last_scale)
            s->total = (s->total + s->cur) * v;
        else
            s->total += (s->cur ? s->cur : 1) * v;
        s->cur = 0;
        s->last_scale = v;
        n->mult *= v;
        break;
    case NW_COLLECTIVE:
        if (s->atoms == 0 || (w->plural && s->article_only) || (!w->plural && !s->article_only && strcmp(word, "dozen") != 0))
            return W_REJECT;
        if (strcmp(word, "couple") == 0 && !s->article_only)
            return W_REJECT;
        s->cur = (s->cur ? s->cur : 1) * v;
        s->article_only = false;
        n->collective = true;
        s->atoms++;
        s->last_kind = NW_COLLECTIVE;
        return W_DONE;
    case NW_FRACTION:
        /* "deux tiers", "two-thirds"; "un tiers", "a third" too */
        if (s->atoms == 0 || s->total || (!s->article_only && s->cur < 2))
            return W_REJECT;
        s->article_only = false;
        s->cur *= v;
        n->fraction = true;
        s->atoms++;
        s->last_kind = NW_FRACTION;
        return W_DONE;
    }
    if (w->kind != NW_ARTICLE || s->atoms > 0)
        s->article_only = s->article_only && w->kind == NW_ARTICLE;
    s->atoms++;
    s->last_kind = w->kind;
    return W_OK;
}

static bool parse_words(const struct numctx *c, size_t i, struct number *n)
{
    const struct doc *d = c->d;
    struct wstate s = {0, 0, 0, -1, 0, -1, false};
    size_t j = i;
    bool done = false, any = false;
    while (!done && j < d->n_tokens && tok(c, j)->kind == TOK_WORD) {
        const char *f = nx_word(c, j);
        const char *p = f;
        size_t part = 0;
        bool took = false;
        struct wstate saved = s;
        double saved_mult = n->mult;
        while (*p) {
            const char *e = strchr(p, '-');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            char w[32];
            const struct numword *nw = NULL;
            if (len < sizeof w) {
                memcpy(w, p, len);
                w[len] = '\0';
                /* a word without a hyphen: the word itself, looked up once */
                nw = part == 0 && !e ? nx_numword(c, j) : lex_numindex_find(c->ix, w);
                if (part > 0 && (strcmp(w, "et") == 0 || strcmp(w, "and") == 0)) {
                    p += len + (e ? 1 : 0);
                    part++;
                    continue;
                }
            }
            int r = nw ? apply_word(&s, nw, w, d->lang, n) : W_REJECT;
            if (r == W_REJECT) {
                if (part == 0)
                    break;
                /* a number-headed compound: "two-day", "20-room" is elsewhere */
                if (d->lang == LANG_EN && s.atoms > 0 && (!s.article_only || f[0] == 'o')) {
                    const struct token *t = tok(c, j);
                    size_t hy = 0, k = t->start;
                    while (k < t->end && hy < part)
                        if (d->text[k++] == '-')
                            hy++;
                    n->tail_start = k;
                    n->tail_end = t->end;
                    took = true;
                } else {
                    s = saved;
                    n->mult = saved_mult;
                    took = false;
                }
                done = true;
                break;
            }
            took = true;
            part++;
            if (r == W_DONE) {
                done = true;
                break; /* "two-thirds" ends the token */
            }
            p += len + (e ? 1 : 0);
        }
        if (!took)
            break;
        any = true;
        n->last = j;
        if (done)
            break;
        j++;
        /* connectors: "vingt et un", "three hundred and six" */
        if (j + 1 < d->n_tokens && tok(c, j)->kind == TOK_WORD) {
            const char *cw = nx_word(c, j);
            const struct numword *nx = nx_numword(c, j + 1);
            if (d->lang == LANG_FR && strcmp(cw, "et") == 0 && s.last_kind == NW_ATOM && s.last_atom >= 20 &&
                nx && (nx->kind == NW_ARTICLE || (nx->kind == NW_ATOM && nx->value == 11)))
                j++;
            else if (d->lang == LANG_EN && strcmp(cw, "and") == 0 &&
                     (s.last_kind == NW_HUNDRED || s.last_kind == NW_SCALE) && nx && nx->kind == NW_ATOM &&
                     nx->value > 0)
                j++;
        }
    }
    if (!any)
        return false;
    n->value = s.total + s.cur;
    n->words = true;
    n->article = s.article_only && s.atoms == 1;
    return true;
}

bool number_parse(const struct numctx *c, size_t i, bool after_currency, struct number *n)
{
    memset(n, 0, sizeof *n);
    n->first = n->last = i;
    n->mult = 1;
    if (i >= c->d->n_tokens)
        return false;
    if (tok(c, i)->kind == TOK_NUMBER)
        return parse_digits(c, i, after_currency, n);
    if (tok(c, i)->kind != TOK_WORD)
        return false;
    if (!parse_words(c, i, n))
        return false;
    /* "two and a half": a half more */
    if (c->d->lang == LANG_EN && n->last + 3 < c->d->n_tokens && strcmp(nx_word(c, n->last + 1), "and") == 0 &&
        strcmp(nx_word(c, n->last + 2), "a") == 0 && strcmp(nx_word(c, n->last + 3), "half") == 0) {
        n->value += 0.5;
        n->last += 3;
        return true;
    }
    /* "une dizaine de milliers", "a couple of hundred" */
    if (n->collective && n->last + 2 < c->d->n_tokens) {
        size_t k = n->last + 1;
        const char *w = nx_word(c, k);
        if (strcmp(w, "d") == 0 && tok(c, k + 1)->kind == TOK_PUNCT)
            k++;
        if (strcmp(w, "de") == 0 || strcmp(w, "d") == 0 || strcmp(w, "of") == 0) {
            const struct numword *sw = nx_numword(c, k + 1);
            if (sw && (sw->kind == NW_SCALE || sw->kind == NW_HUNDRED || sw->kind == NW_COLLECTIVE) &&
                strcmp(nx_word(c, k + 1), "mille") != 0) {
                n->value *= sw->value;
                n->mult *= sw->value;
                n->last = k + 1;
            }
        }
    }
    return true;
}
