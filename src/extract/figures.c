/* figures.c — finds the quantities an article states: a number (digits or
 * words, see numbers.c) with the noun it counts or the unit it measures, its
 * normalised value and whether the text marks it as approximate.
 *
 * One left-to-right pass over the tokens. At each number it
 *   1. rules out what is not a quantity: dates ("19 mars", "March 17"),
 *      years, times of day ("14h30", "3 p.m."), ordinals ("1er", "3rd"),
 *      identifiers ("Covid-19", "article 49.3", "Ligue 1"), scores ("24-12")
 *      and bare articles ("un", "a", "one" not used as numbers);
 *   2. looks back for an approximation marker ("près de", "at least") and a
 *      currency symbol ("US$");
 *   3. looks forward for the unit: a currency symbol, "%", "pour cent", a
 *      scale's "de"/"of" noun ("millions de réfugiés"), the counted noun
 *      (skipping adjectives: "cinq prochaines années", "54 small children"),
 *      or a partitive ("10 des 17 ministères", "three of these states");
 *   4. reads ranges ("60 à 80 milliards", "10–19 year olds") as two figures
 *      sharing the unit, and ratios ("three per 100,000 people") as one;
 *   5. gives a number without a noun the unit last counted nearby ("1,124
 *      pledged delegates; Sanders ... 815").
 * Lexicons live in lexicon_numbers.c. The pass keeps no global state. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lexicon_numbers.h"
#include "numbers.h"
#include "utf8.h"

struct strref {
    const char *s;
    size_t n;
};

/* The pass's working state, one per figures_extract() call. */
struct fx {
    struct doc *d;
    struct numctx c;
    const struct numindex *ix; /* number words of the language (lex_numindex()) */
    enum extract_lang lang;
    size_t cap;                /* allocated slots of out->figures */
    struct strref ctx_unit;    /* the unit last counted, for bare numbers */
    size_t ctx_sent;
    bool have_ctx;
    size_t last_end_tok;       /* last token of the last figure */
    bool have_last;
    struct {                   /* the last figures with a noun, for "the ten" */
        double value;
        struct strref unit;
        size_t sent;
    } recent[8];
    size_t n_recent;           /* figures recorded so far (ring of 8) */
    size_t last_id_tok;        /* last token of the last identifier number */
    bool have_id;
};

/* A figure being assembled around one number. */
struct cand {
    struct number n;
    size_t start_tok;          /* first token of its text (marker, currency) */
    size_t end_tok;            /* last token of its text */
    size_t end_off;            /* byte end of its text, when inside a token */
    struct strref unit;
    bool unit_noun;            /* the unit is a noun of the text */
    bool approx;
    bool between;              /* "entre", "between" before it */
    const char *currency;      /* from a symbol before the number */
};

/* ---- token helpers -------------------------------------------------------- */

static const struct token *T(const struct fx *x, size_t i)
{
    return &x->d->tokens[i];
}

static const char *W(const struct fx *x, size_t i)
{
    return nx_word(&x->c, i);
}

/* Word token i folds to w, a short word (no cut fold can equal it). */
static inline bool is_w(const struct fx *x, size_t i, const char *w)
{
    if (i >= x->d->n_tokens || T(x, i)->kind != TOK_WORD)
        return false;
    const struct token *t = T(x, i);
    size_t n = strlen(w);
    return t->flen == n && memcmp(x->d->fold + t->foff, w, n) == 0;
}

static bool is_p(const struct fx *x, size_t i, uint32_t cp)
{
    return i < x->d->n_tokens && T(x, i)->kind == TOK_PUNCT && T(x, i)->cp == cp;
}

static bool is_kind(const struct fx *x, size_t i, enum token_kind k)
{
    return i < x->d->n_tokens && T(x, i)->kind == k;
}

/* Token i follows token i-1 with no space between. */
static bool glued(const struct fx *x, size_t i)
{
    return i > 0 && i < x->d->n_tokens && !(T(x, i)->flags & TF_SPACE_BEFORE);
}

static bool is_apos(const struct fx *x, size_t i)
{
    return is_p(x, i, '\'') || is_p(x, i, 0x2019);
}

static bool is_dash(const struct fx *x, size_t i)
{
    return is_p(x, i, '-') || is_p(x, i, 0x2013) || is_p(x, i, 0x2012) || is_p(x, i, 0x2014);
}

static bool is_open_mark(const struct fx *x, size_t i)
{
    if (!is_kind(x, i, TOK_PUNCT))
        return false;
    uint32_t cp = T(x, i)->cp;
    return cp == 0xAB || cp == 0x201C || cp == '"' || cp == 0x2018;
}

/* "de", "d'" (word then apostrophe) or "of" at i; *next gets the token after. */
static bool is_de(const struct fx *x, size_t i, size_t *next)
{
    if (is_w(x, i, "de") || is_w(x, i, "of")) {
        *next = i + 1;
        return true;
    }
    if (is_w(x, i, "d") && is_apos(x, i + 1)) {
        *next = i + 2;
        return true;
    }
    return false;
}

/* A suffix and its length. */
struct suffix {
    char s[7];
    unsigned char n;
};

/* True when w (n bytes) ends with one of the k suffixes, with more than
 * one byte before it. */
static bool ends_with_any(const char *w, size_t n, const struct suffix *suf, size_t k)
{
    if (n < 2)
        return false;
    for (size_t i = 0; i < k; i++) {
        size_t b = suf[i].n, j = 0;
        if (n <= b + 1 || w[n - 1] != suf[i].s[b - 1])
            continue;
        while (j < b && w[n - b + j] == suf[i].s[j])
            j++;
        if (j == b)
            return true;
    }
    return false;
}

static bool ends_with(const char *w, const char *suf)
{
    size_t a = strlen(w), b = strlen(suf);
    return a > b + 1 && memcmp(w + a - b, suf, b) == 0;
}

/* French conjugated forms no noun has ("circuleront", "étaient"). */
static bool fr_verb_form(const char *w, size_t n)
{
    static const struct suffix suf[] = {{"aient", 5}, {"raient", 6}, {"ront", 4}, {"erent", 5}, {"iront", 5}};
    return ends_with_any(w, n, suf, sizeof suf / sizeof suf[0]);
}

/* English adjective by its form: participles and common suffixes. */
static bool en_adjective_form(const char *w, size_t n)
{
    static const struct suffix suf[] = {{"ed", 2},  {"al", 2},  {"ous", 3},  {"ive", 3},  {"ic", 2},
                                        {"ful", 3}, {"less", 4}, {"able", 4}, {"ible", 4}, {"ly", 2}};
    return ends_with_any(w, n, suf, sizeof suf / sizeof suf[0]);
}

/* Word classes asked about again and again around a number: the word
 * lists of lexicon_numbers.h (enum lex_list bits) and the forms below,
 * found once per distinct word of the document (struct wordinfo). */
enum wclass {
    WC_FR_VERB = 1 << 11,    /* French text: fr_verb_form() */
    WC_PLURAL = 1 << 12,     /* English text: plural, irregular or in -s but not -ss */
    WC_ADJ_FORM = 1 << 13,   /* English text: en_adjective_form() */
    WC_WHOLE = 1 << 14,      /* wordinfo.head is the whole word */
};
_Static_assert((int)LL_APPROX_LAST < (int)WC_FR_VERB, "enum wclass extends enum lex_list");

/* What numbers.c and figures.c have looked up (struct wordinfo.known). */
enum { WK_CLASSES = 2, WK_HEAD = 4 };
_Static_assert(!(NXW_NW & (WK_CLASSES | WK_HEAD)), "wordinfo.known bits are shared with numbers.c");

/* The classes of word token i, folded as w (see nx_word()). */
static unsigned classes_of(const struct fx *x, size_t i, const char *w)
{
    /* a word too long to read in place is in no list, whole or cut */
    const struct token *t = T(x, i);
    bool in_place = w == x->d->fold + t->foff;
    unsigned c = in_place ? lex_word_lists(w, t->flen, x->d->words[t->word].hash, x->lang) : 0;
    size_t n = in_place ? t->flen : strlen(w);
    if (x->lang == LANG_FR) {
        if (fr_verb_form(w, n))
            c |= WC_FR_VERB;
    } else {
        if ((c & LL_IRREGULAR_PLURAL) || (n >= 3 && w[n - 1] == 's' && w[n - 2] != 's'))
            c |= WC_PLURAL;
        if (en_adjective_form(w, n))
            c |= WC_ADJ_FORM;
    }
    return c;
}

/* Look up the classes of word token i into its wordinfo. */
static void classes_fill(const struct fx *x, size_t i, struct wordinfo *wi)
{
    wi->bits |= (uint16_t)classes_of(x, i, W(x, i));
    wi->known |= WK_CLASSES;
}

/* True when token i is a word of class `cls` (an enum lex_list or enum
 * wclass bit); false for other tokens, as every class is for "". */
static inline bool wclass(const struct fx *x, size_t i, unsigned cls)
{
    if (i >= x->d->n_tokens || T(x, i)->kind != TOK_WORD)
        return false;
    struct wordinfo *wi = &x->c.info[T(x, i)->word];
    if (!(wi->known & WK_CLASSES))
        classes_fill(x, i, wi);
    return (wi->bits & cls) != 0;
}

/* A number word, not a fraction. */
static bool is_numword(const struct fx *x, size_t i)
{
    const struct numword *nw = nx_numword(&x->c, i);
    return nw && nw->kind != NW_FRACTION;
}

static bool is_month_at(const struct fx *x, size_t i)
{
    if (!wclass(x, i, LL_MONTH))
        return false;
    /* English months are capitalised; "may", "march" are verbs too. And
     * French "sept" is seven. */
    if (x->lang == LANG_EN || is_w(x, i, "sept") || is_w(x, i, "mar"))
        return (T(x, i)->flags & TF_CAP) != 0;
    return true;
}

/* A word that can be (part of) a counted noun. */
static bool content(const struct fx *x, size_t i)
{
    if (!is_kind(x, i, TOK_WORD))
        return false;
    if (wclass(x, i, LL_STOP) || is_numword(x, i) || is_month_at(x, i))
        return false;
    return x->lang != LANG_FR || !wclass(x, i, WC_FR_VERB);
}

/* ---- the noun a number counts ------------------------------------------------ */

/* Find the counted noun starting at token j. On success *u is its text (the
 * head noun in French; in English the noun with its noun modifiers, e.g.
 * "measles cases") and *end its last token. */
static bool find_noun(const struct fx *x, size_t j, struct strref *u, size_t *end)
{
    size_t k = j;
    if (is_open_mark(x, k) && is_kind(x, k + 1, TOK_WORD))
        k++;
    if (x->lang == LANG_FR) {
        for (int a = 0; a < 3 && wclass(x, k, LL_PRENOMINAL) &&
                        content(x, k + 1);
             a++)
            k++;
        if (!content(x, k))
            return false;
        if ((is_p(x, k + 1, 0xB2) || is_p(x, k + 1, 0xB3)) && glued(x, k + 1))
            k++; /* "km²" */
        u->s = x->d->text + T(x, is_kind(x, k, TOK_PUNCT) ? k - 1 : k)->start;
        u->n = T(x, k)->end - (size_t)(u->s - x->d->text);
        *end = k;
        return true;
    }
    size_t m = k;
    while (m < k + 4 && content(x, m)) {
        bool pl = wclass(x, m, WC_PLURAL);
        if (!content(x, m + 1) || glued(x, m + 1))
            break;
        if (pl && !wclass(x, m + 1, WC_PLURAL) &&
            !(wclass(x, m + 1, WC_ADJ_FORM) && content(x, m + 2) && wclass(x, m + 2, WC_PLURAL)))
            break;
        if (!pl && T(x, m + 1)->flags & TF_CAP && !(T(x, m)->flags & TF_CAP))
            break;
        m++;
    }
    if (!content(x, m))
        return false;
    if (m == k && ends_with(W(x, m), "ed"))
        return false; /* "198 recorded in": a verb, not a noun */
    size_t first = k;
    while (first < m && (wclass(x, first, LL_PRENOMINAL) || wclass(x, first, WC_ADJ_FORM)))
        first++;
    u->s = x->d->text + T(x, first)->start;
    u->n = T(x, m)->end - T(x, first)->start;
    *end = m;
    return true;
}

/* A partitive after a number: "10 des 17 ministères", "8 000 de ces
 * suppressions", "deux des plus importantes associations", "three of these
 * states", "two-thirds of senators". */
static bool find_partitive(const struct fx *x, const struct number *n, size_t j, struct strref *u,
                           size_t *end)
{
    size_t k;
    if (is_w(x, j, "des") && x->lang == LANG_FR) {
        k = j + 1;
    } else if (is_de(x, j, &k)) {
        if (wclass(x, k, LL_DETERMINER))
            k++;
        else if (!n->fraction)
            return false;
    } else {
        return false;
    }
    /* "of the island nation's roughly 200,000 residents": a possessor */
    for (size_t a = k; a < k + 3 && content(x, a); a++) {
        const char *w = W(x, a);
        size_t wl = strlen(w);
        if (wl > 2 && w[wl - 2] == '\'' && w[wl - 1] == 's') {
            k = a + 1;
            if (wclass(x, k, LL_APPROX_LAST))
                k++;
            break;
        }
    }
    struct number inner;
    if (number_parse(&x->c, k, false, &inner) && !inner.article)
        k = inner.last + 1;
    if (is_w(x, k, "plus") || is_w(x, k, "moins") || is_w(x, k, "most") || is_w(x, k, "more"))
        if (is_kind(x, k + 1, TOK_WORD))
            k += 2;
    return find_noun(x, k, u, end);
}

/* ---- what is not a quantity ------------------------------------------------- */

/* True when the word before token i (not at a sentence start) reads as a
 * name the number belongs to: "Ligue 1", "Windows 10", "CAC 40". */
static bool name_before(const struct fx *x, size_t i)
{
    if (i == 0 || !is_kind(x, i - 1, TOK_WORD))
        return false;
    const struct token *p = T(x, i - 1);
    if (!(p->flags & TF_CAP))
        return false;
    const char *w = W(x, i - 1);
    if (wclass(x, i - 1, LL_STOP) || is_numword(x, i - 1) || is_month_at(x, i - 1))
        return false;
    const char *one[] = {w};
    if (wclass(x, i - 1, LL_APPROX_LAST) && lex_approx_before(x->ix, one, 1, x->lang))
        return false;
    return (p->flags & TF_ALLCAPS) || !(p->flags & TF_SENT_START);
}

/* True when word token i has a capital after its first letter: a brand or
 * a product ("iPhone 12", "eBay"). */
static bool inner_capital(const struct fx *x, size_t i)
{
    const struct token *t = T(x, i);
    for (size_t k = t->start + 1; k < t->end; k++)
        if (x->d->text[k] >= 'A' && x->d->text[k] <= 'Z')
            return true;
    return false;
}

/* A time of day after the number: "14h30", "14 h", "3 p.m.", "10 am". */
static bool time_after(const struct fx *x, size_t k)
{
    if (!is_kind(x, k, TOK_WORD))
        return is_p(x, k, ':') && glued(x, k) && is_kind(x, k + 1, TOK_NUMBER) && glued(x, k + 1);
    const char *w = W(x, k);
    if (w[0] == 'h' && (w[1] == '\0' || (w[1] >= '0' && w[1] <= '9')))
        return true;
    if ((is_w(x, k, "a") || is_w(x, k, "p")) && is_p(x, k + 1, '.') && is_w(x, k + 2, "m"))
        return true;
    return wclass(x, k, LL_TIME) && !is_w(x, k, "heure");
}

/* "à 14 heures", "vers deux heures", "19 heures 30": a time of day. */
static bool clock_hours(const struct fx *x, const struct cand *c, size_t *skip_to)
{
    size_t k = c->n.last + 1, p = c->start_tok;
    if (x->lang != LANG_FR || !(is_w(x, k, "heures") || is_w(x, k, "heure")) || c->n.value > 24)
        return false;
    if (is_kind(x, k + 1, TOK_NUMBER)) {
        *skip_to = k + 2;
        return true;
    }
    return p > 0 && (is_w(x, p - 1, "a") || is_w(x, p - 1, "vers") || is_w(x, p - 1, "des"));
}

/* True when the digits of n are not a quantity. *skip_to may move the scan
 * past tokens that belong to the same non-quantity ("du 25 au 27 janvier"). */
static bool digits_excluded(struct fx *x, const struct cand *c, bool in_range, size_t *skip_to)
{
    const struct number *n = &c->n;
    size_t f = n->first, l = n->last, k = l + 1;
    const struct token *ft = T(x, f);

    /* "01", "09": a clock, a code or a phone number, not a count */
    if (ft->end - ft->start >= 2 && x->d->text[ft->start] == '0' && x->d->text[ft->start + 1] != ',' &&
        x->d->text[ft->start + 1] != '.')
        return true;
    /* "01 45 67 89 10": a run of two-digit numbers is a phone number */
    if (!in_range && ft->end - ft->start <= 2) {
        size_t r = f;
        while (r + 1 < x->d->n_tokens && is_kind(x, r + 1, TOK_NUMBER) &&
               T(x, r + 1)->end - T(x, r + 1)->start <= 2)
            r++;
        size_t b = f;
        while (b > 0 && is_kind(x, b - 1, TOK_NUMBER) && T(x, b - 1)->end - T(x, b - 1)->start <= 2)
            b--;
        if (r - b >= 2) {
            *skip_to = r + 1;
            return true;
        }
    }
    /* "12 rue de la Paix", "10 Downing Street" */
    for (size_t a = k; a < k + 3 && is_kind(x, a, TOK_WORD); a++) {
        if (wclass(x, a, LL_STREET) &&
            ((T(x, a)->flags & TF_CAP) || (a == k && (is_w(x, a + 1, "de") || is_w(x, a + 1, "du") ||
                                                       (is_kind(x, a + 1, TOK_WORD) && (T(x, a + 1)->flags & TF_CAP))))))
            return true;
        if (!(T(x, a)->flags & TF_CAP))
            break;
    }

    /* "7j/7", "24h/24": round the clock, not a count */
    if (is_kind(x, k, TOK_WORD) && glued(x, k) && is_p(x, k + 1, '/') && glued(x, k + 1) &&
        is_kind(x, k + 2, TOK_NUMBER) && glued(x, k + 2)) {
        *skip_to = k + 3;
        return true;
    }
    /* something glued after: ordinal, time, decade, identifier */
    if (is_kind(x, k, TOK_WORD) && glued(x, k)) {
        const char *w = W(x, k);
        if (lex_is_ordinal_suffix(w) || is_w(x, k, "s") || time_after(x, k))
            return true;
        char raw[16];
        size_t rn = T(x, k)->end - T(x, k)->start;
        if (rn >= sizeof raw)
            return true;
        memcpy(raw, x->d->text + T(x, k)->start, rn);
        raw[rn] = '\0';
        if (!lex_is_unit_abbrev(raw))
            return true; /* "5G", "3D": a name */
    }
    if (time_after(x, k)) {
        if (is_kind(x, k + 1, TOK_NUMBER) && T(x, k + 1)->end - T(x, k + 1)->start == 2)
            *skip_to = k + 2; /* the minutes of "8 h 30" */
        return true;
    }
    if ((is_p(x, k, '/') || is_p(x, k, ':') || is_p(x, k, '.')) && glued(x, k) &&
        is_kind(x, k + 1, TOK_NUMBER) && glued(x, k + 1)) {
        *skip_to = k + 2;
        return true;
    }
    /* something glued before: "Covid-19", "14:30", "n°5", "#3" */
    if (f > 0 && glued(x, f) && !c->currency && !in_range) {
        if (is_kind(x, f - 1, TOK_WORD) || is_p(x, f - 1, '#') || is_p(x, f - 1, 0xB0) ||
            is_p(x, f - 1, 0xBA) || is_apos(x, f - 1))
            return true; /* "n°5", "#3", "'68" */
        if ((is_dash(x, f - 1) || is_p(x, f - 1, '/') || is_p(x, f - 1, ':') || is_p(x, f - 1, '.')) &&
            f >= 2 && glued(x, f - 1) && (is_kind(x, f - 2, TOK_WORD) || is_kind(x, f - 2, TOK_NUMBER)))
            return true;
    }
    size_t p = c->start_tok;
    if (p > 0 && !c->currency) {
        size_t q = p - 1;
        if (is_p(x, q, '.') && q > 0)
            q--;
        if ((is_kind(x, q, TOK_WORD) && (wclass(x, q, LL_ID) || (q == p - 1 && inner_capital(x, q)))) ||
            name_before(x, p)) {
            x->last_id_tok = l;
            x->have_id = true;
            return true;
        }
        /* "Boeing 737 et 777": the second identifier of a pair */
        if (x->have_id && q >= 1 && x->last_id_tok == q - 1 &&
            (is_w(x, q, "et") || is_w(x, q, "and") || is_w(x, q, "ou") || is_w(x, q, "or") || is_p(x, q, ',')))
            return true;
        if (is_month_at(x, p - 1))
            return true; /* "March 17", "mars 2020" */
    }
    /* dates: "19 mars", "20 Nov 2019", "du 25 au 27 janvier" */
    if (is_month_at(x, k) || (is_p(x, k, '.') && is_month_at(x, k + 1)))
        return true;
    if ((is_w(x, k, "au") || is_w(x, k, "et") || is_w(x, k, "a") || is_w(x, k, "to") ||
         is_w(x, k, "and") || is_dash(x, k)) &&
        is_kind(x, k + 1, TOK_NUMBER) && is_month_at(x, k + 2)) {
        *skip_to = k + 2;
        return true;
    }
    /* years, unless money or a percentage says otherwise */
    if (n->plain_year && !c->currency && !is_p(x, k, '%') && !lex_currency_symbol(is_kind(x, k, TOK_PUNCT) ? T(x, k)->cp : 0, x->lang))
        return true;
    if (clock_hours(x, c, skip_to))
        return true;
    /* "45 points to 24", "3 buts à 2": the other side of a game score */
    if (p > 0 && (is_w(x, p - 1, "to") || is_w(x, p - 1, "a")) && x->have_last && x->last_end_tok + 2 == p &&
        wclass(x, x->last_end_tok, LL_SCORE) &&
        !content(x, k))
        return true;
    return false;
}

/* True when the bare number at token p is the second term of a ratio or a
 * factor: "une personne sur cinq", "one in five", "multipliés par 3". */
static bool denominator(const struct fx *x, size_t p, bool has_unit)
{
    if (p < 2)
        return false;
    bool sur = is_w(x, p - 1, "sur") || is_w(x, p - 1, "in");
    if (sur && (is_kind(x, p - 2, TOK_NUMBER) || is_numword(x, p - 2)))
        return true; /* "un sur dix", "one in five people" */
    if (has_unit)
        return false;
    if (sur && is_kind(x, p - 2, TOK_WORD) && p >= 3 && (is_numword(x, p - 3) || is_kind(x, p - 3, TOK_NUMBER)))
        return true; /* "une personne sur cinq" */
    return is_w(x, p - 1, "par") || is_w(x, p - 1, "by");
}

/* True when a spelled-out number is not a quantity. */
static bool words_excluded(const struct fx *x, const struct cand *c)
{
    const struct number *n = &c->n;
    if (n->first > 0 && (is_w(x, n->first - 1, "tous") || is_w(x, n->first - 1, "toutes")))
        return true; /* "tous deux": both */
    const struct token *t = T(x, n->first);
    if ((t->flags & TF_CAP) && !(t->flags & TF_SENT_START) && !(c->start_tok < n->first))
        return true; /* "les Vingt-Sept", "the Big Four" */
    size_t k = n->last + 1;
    if (is_month_at(x, k))
        return true;
    if (n->value == 0 && !c->approx)
        return true; /* "zero" only in "almost zero", "proche de zéro" */
    if (is_w(x, n->first, "neuf") && n->first == n->last && !content(x, k) &&
        !is_p(x, k, 0xAB))
        return true; /* "neuf" the adjective */
    size_t skip;
    if (time_after(x, k) || clock_hours(x, c, &skip))
        return true;
    return false;
}

/* ---- markers before the number ---------------------------------------------- */

/* Look back from token `start` for an approximation marker and for
 * "entre"/"between"; move c->start_tok to the marker. */
static void markers_before(const struct fx *x, struct cand *c)
{
    const char *words[6];
    size_t toks[6], n = 0;
    size_t i = c->start_tok;
    while (i > 0 && n < 6) {
        i--;
        if (is_apos(x, i) || is_open_mark(x, i))
            continue;
        if (!is_kind(x, i, TOK_WORD))
            break;
        toks[n] = i;
        words[n++] = W(x, i);
    }
    /* words[] is nearest-first: reverse it for lex_approx_before() */
    const char *rev[6];
    for (size_t k = 0; k < n; k++)
        rev[k] = words[n - 1 - k];
    /* a marker ends with the word nearest the number */
    size_t m = n && wclass(x, toks[0], LL_APPROX_LAST) ? lex_approx_before(x->ix, rev, n, x->lang) : 0;
    /* before an article only a comparison makes a number: "plus d'un
     * mois", "at least one person", but not "over a year" or "about a plan" */
    if (m && c->n.article && m == 1 && !is_w(x, toks[0], "environ") &&
        !is_w(x, toks[0], "presque") && !is_w(x, toks[0], "nearly") && !is_w(x, toks[0], "almost") &&
        !is_w(x, toks[0], "quasiment"))
        m = 0;
    if (m) {
        c->approx = true;
        c->start_tok = toks[m - 1];
    }
    if (m < n && (is_w(x, toks[m], "entre") || is_w(x, toks[m], "between")))
        c->between = true;
}

/* A currency symbol just before the number ("$5", "€3", "US$400"). */
static void currency_before(const struct fx *x, struct cand *c)
{
    size_t f = c->n.first;
    if (f == 0 || !is_kind(x, f - 1, TOK_PUNCT))
        return;
    const char *cur = lex_currency_symbol(T(x, f - 1)->cp, x->lang);
    if (!cur)
        return;
    c->currency = cur;
    c->start_tok = f - 1;
    /* "US$", "C$", "HK$" */
    if (f >= 2 && glued(x, f - 1) && is_kind(x, f - 2, TOK_WORD) && (T(x, f - 2)->flags & TF_ALLCAPS ||
                                                                     T(x, f - 2)->end - T(x, f - 2)->start == 1))
        c->start_tok = f - 2;
}

/* ---- units after the number -------------------------------------------------- */

/* Find the unit after number c->n; sets c->unit, c->end_tok / c->end_off.
 * Returns true when one was found. */
static bool unit_after(const struct fx *x, struct cand *c)
{
    const struct number *n = &c->n;
    size_t k = n->last + 1, e;
    struct strref u;
    c->end_tok = n->last;
    c->end_off = 0;
    if (n->tail_end) { /* "two-day" */
        c->unit = (struct strref){x->d->text + n->tail_start, n->tail_end - n->tail_start};
        c->unit_noun = true;
        return true;
    }
    /* "20-room mansion", "19-year-old" */
    if (is_p(x, k, '-') && glued(x, k) && is_kind(x, k + 1, TOK_WORD) && glued(x, k + 1) &&
        !is_numword(x, k + 1)) {
        c->unit = (struct strref){x->d->text + T(x, k + 1)->start, T(x, k + 1)->end - T(x, k + 1)->start};
        c->unit_noun = true;
        c->end_tok = k + 1;
        return true;
    }
    if (is_kind(x, k, TOK_PUNCT)) {
        const char *cur = lex_currency_symbol(T(x, k)->cp, x->lang);
        if (cur) {
            c->unit = (struct strref){cur, strlen(cur)};
            c->end_tok = k;
            return true;
        }
        if (T(x, k)->cp == '%' || T(x, k)->cp == 0x2030) {
            c->unit = (struct strref){x->d->text + T(x, k)->start, T(x, k)->end - T(x, k)->start};
            c->end_tok = k;
            return true;
        }
        if (T(x, k)->cp == 0xB0) { /* "20 °C" */
            size_t last = is_kind(x, k + 1, TOK_WORD) && glued(x, k + 1) ? k + 1 : k;
            c->unit = (struct strref){x->d->text + T(x, k)->start, T(x, last)->end - T(x, k)->start};
            c->end_tok = last;
            return true;
        }
    }
    if ((is_w(x, k, "pour") || is_w(x, k, "per")) && (is_w(x, k + 1, "cent") || is_w(x, k + 1, "mille"))) {
        c->unit = (struct strref){x->d->text + T(x, k)->start, T(x, k + 1)->end - T(x, k)->start};
        c->end_tok = k + 1;
        return true;
    }
    if (c->currency) {
        c->unit = (struct strref){c->currency, strlen(c->currency)};
        return true;
    }
    size_t after_de;
    if ((n->mult > 1 || n->collective || n->fraction || n->value >= 1e6) && is_de(x, k, &after_de) &&
        find_noun(x, after_de, &u, &e)) {
        c->unit = u;
        c->unit_noun = true;
        c->end_tok = e;
        return true;
    }
    if (find_noun(x, k, &u, &e)) {
        c->unit = u;
        c->unit_noun = true;
        c->end_tok = e;
        return true;
    }
    if (find_partitive(x, n, k, &u, &e)) {
        c->unit = u;
        c->unit_noun = true;
        c->end_tok = e;
        return true;
    }
    return false;
}

/* ---- emitting ----------------------------------------------------------------- */

/* The sentence kept with a figure: the whole sentence, or of a longer one
 * the words within FIGURE_CONTEXT bytes either side of the figure. Every
 * figure has its own copy, so with whole sentences a long sentence full of
 * numbers (a list, a table flattened to text) made the output, and the
 * database, grow with the square of the text. */
#define FIGURE_CONTEXT 200

static bool blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static struct span figure_context(const char *text, struct span sent, size_t start, size_t end)
{
    struct span w = sent;
    if (start > sent.start + FIGURE_CONTEXT) { /* begin at a word after start - FIGURE_CONTEXT */
        w.start = start - FIGURE_CONTEXT;
        while (w.start < start && !blank_byte(text[w.start]))
            w.start++;
        while (w.start < start && blank_byte(text[w.start]))
            w.start++;
    }
    if (end + FIGURE_CONTEXT < sent.end) { /* end at a word before end + FIGURE_CONTEXT */
        w.end = end + FIGURE_CONTEXT;
        while (w.end > end && !blank_byte(text[w.end - 1]))
            w.end--;
        while (w.end > end && blank_byte(text[w.end - 1]))
            w.end--;
    }
    return w;
}

static int emit(struct fx *x, size_t start, size_t end, double value, struct strref unit, bool approx,
                size_t last_tok)
{
    struct extraction *out = x->d->out;
    if (grow((void **)&out->figures, &x->cap, out->n_figures, sizeof *out->figures))
        return -1;
    struct figure *f = &out->figures[out->n_figures];
    memset(f, 0, sizeof *f);
    out->n_figures++;
    f->span = (struct span){start, end};
    f->value = value;
    f->approx = approx;
    f->text = xstrndup(x->d->text + start, end - start);
    f->unit = xstrndup(unit.s ? unit.s : "", unit.s ? unit.n : 0);
    struct span s = figure_context(x->d->text, x->d->sentences[doc_sentence_at(x->d, start)], start, end);
    f->sentence = xstrndup(x->d->text + s.start, s.end - s.start);
    if (!f->text || !f->unit || !f->sentence)
        return -1;
    x->last_end_tok = last_tok;
    x->have_last = true;
    return 0;
}

static size_t text_end(const struct fx *x, const struct cand *c)
{
    return c->end_off ? c->end_off : T(x, c->end_tok)->end;
}

/* Remember a counted noun for the bare numbers that follow. */
static void set_context(struct fx *x, struct strref u, size_t tok)
{
    x->ctx_unit = u;
    x->ctx_sent = doc_sentence_at(x->d, T(x, tok)->start);
    x->have_ctx = true;
}

/* Remember a figure whose unit is a noun of the text, so that a bare
 * number repeating its value ("The ten states … the ten with") counts the
 * same thing. */
static void remember(struct fx *x, double value, struct strref unit, size_t tok)
{
    size_t r = x->n_recent++ % 8;
    x->recent[r].value = value;
    x->recent[r].unit = unit;
    x->recent[r].sent = doc_sentence_at(x->d, T(x, tok)->start);
}

/* The unit for a number with none of its own: "the age of 68" → "age",
 * else the unit counted in this sentence or the one before. */
static bool inherit_unit(struct fx *x, const struct cand *c, struct strref *u)
{
    size_t p = c->start_tok;
    if (p >= 2 && (is_w(x, p - 1, "of") && is_w(x, p - 2, "age"))) {
        *u = (struct strref){x->d->text + T(x, p - 2)->start, T(x, p - 2)->end - T(x, p - 2)->start};
        return true;
    }
    if (p >= 1 && is_w(x, p - 1, "aged")) {
        *u = (struct strref){"age", 3};
        return true;
    }
    /* "Joe Biden, 77, said": an age in apposition to a name */
    if (p >= 2 && is_p(x, p - 1, ',') && is_kind(x, p - 2, TOK_WORD) && (T(x, p - 2)->flags & TF_CAP) &&
        is_p(x, c->n.last + 1, ',') && !c->n.words && c->n.value < 130) {
        *u = x->lang == LANG_EN ? (struct strref){"years", 5} : (struct strref){"ans", 3};
        return true;
    }
    size_t s = doc_sentence_at(x->d, T(x, c->n.first)->start);
    for (size_t k = 0; k < x->n_recent && k < 8; k++) {
        size_t r = (x->n_recent - 1 - k) % 8;
        if (x->recent[r].value == c->n.value && x->recent[r].sent + 1 >= s) {
            *u = x->recent[r].unit; /* "the ten with" after "the ten states" */
            x->ctx_unit = *u;
            x->ctx_sent = s;
            x->have_ctx = true;
            return true;
        }
    }
    if (x->have_ctx && x->ctx_sent + 1 >= s) {
        *u = x->ctx_unit;
        x->ctx_sent = s; /* a bare number keeps the context alive */
        return true;
    }
    return false;
}

/* A ratio after a figure: "per 100,000 people", "pour 100 000 habitants",
 * "out of every thousand children". Returns the last token of the ratio and
 * sets *den_noun to its noun, or returns 0 when there is none. */
static size_t ratio_after(const struct fx *x, size_t k, struct strref *den_noun, size_t *den_start)
{
    size_t j;
    if (is_w(x, k, "per") || (is_w(x, k, "pour") && !is_w(x, k + 1, "cent")))
        j = k + 1;
    else if (is_w(x, k, "out") && is_w(x, k + 1, "of"))
        j = is_w(x, k + 2, "every") ? k + 3 : k + 2;
    else if (is_w(x, k, "in") && is_w(x, k + 1, "every"))
        j = k + 2;
    else
        return 0;
    struct number d;
    if (!number_parse(&x->c, j, false, &d) || d.article) {
        /* "out of every thousand": a scale word alone */
        const struct numword *w = nx_numword(&x->c, j);
        if (!w || w->plural || (w->kind != NW_SCALE && w->kind != NW_HUNDRED))
            return 0;
        d.last = j;
    }
    size_t e;
    *den_start = k;
    den_noun->s = NULL;
    den_noun->n = 0;
    if (find_noun(x, d.last + 1, den_noun, &e))
        return e;
    return d.last;
}

/* An article ("un", "a", "one") is the number 1 only where the text counts
 * with it: after a comparison ("plus d'un mois"), in a list of figures ("7
 * vice-ministres et un porte-parole"), before a measure ("un kilo") or in a
 * ratio ("one out of every thousand children"). A scale or a collective
 * after it ("un million", "a dozen") already made it a number. */
static bool article_counts(const struct fx *x, const struct cand *c, bool has_unit)
{
    size_t p = c->start_tok;
    if (c->approx)
        return true;
    if (has_unit && p > 0 && x->have_last && p - x->last_end_tok <= 3 &&
        (is_w(x, p - 1, "et") || is_w(x, p - 1, "and") || is_p(x, p - 1, ',')))
        return true;
    if (has_unit && c->unit_noun && c->end_tok == c->n.last + 1 && wclass(x, c->end_tok, LL_MEASURE) &&
        !(x->have_last && x->last_end_tok + 1 == p))
        return true; /* "un kilo", but not the "a litre" of "$1.45 a litre" */
    struct strref dn;
    size_t ds;
    return is_w(x, c->n.first, "one") && ratio_after(x, c->n.last + 1, &dn, &ds);
}

/* A range after number c (which has no unit of its own): "60 à 80
 * milliards", "entre 60 et 100 mm", "trois ou quatre lots", "10–19 year
 * olds". Emits its two figures, or rules out a score ("24-12", "3 à 0").
 * Returns 1 when it handled the number (*resume set), 0 when there is no
 * range, -1 on allocation failure. */
static int range_after(struct fx *x, struct cand *c, size_t *resume)
{
    size_t k = c->n.last + 1;
    bool conn_word = (x->lang == LANG_FR ? is_w(x, k, "a") || is_w(x, k, "ou")
                                         : is_w(x, k, "to") || is_w(x, k, "or")) ||
                     ((is_w(x, k, "et") || is_w(x, k, "and")) && c->between);
    bool dash = is_dash(x, k) && glued(x, k) == glued(x, k + 1);
    if (!conn_word && !dash)
        return 0;
    struct cand c2;
    memset(&c2, 0, sizeof c2);
    size_t j = k + 1;
    const char *cur2 = is_kind(x, j, TOK_PUNCT) ? lex_currency_symbol(T(x, j)->cp, x->lang) : NULL;
    if (cur2)
        j++;
    if (!number_parse(&x->c, j, cur2 != NULL, &c2.n) || c2.n.article || c2.n.plain_year)
        return 0;
    c2.start_tok = cur2 ? j - 1 : j;
    c2.currency = cur2;
    size_t skip2 = 0;
    if (!c2.n.words && digits_excluded(x, &c2, true, &skip2))
        return 0;
    bool unit2 = unit_after(x, &c2);
    if ((dash && !unit2 && c2.n.mult == 1) || (!unit2 && c->n.value > c2.n.value) ||
        (dash && c->n.value >= c2.n.value)) {
        *resume = c2.n.last + 1; /* "24-12", "3 à 0": a score, not a range */
        return 1;
    }
    if (!unit2 && !conn_word)
        return 0;
    if (unit2) {
        c->unit = c2.unit;
        c->unit_noun = c2.unit_noun;
        if (c2.n.mult > 1 && c->n.mult == 1)
            c->n.value *= c2.n.mult; /* "60 à 80 milliards" */
    } else if (!inherit_unit(x, c, &c->unit)) {
        c->unit = (struct strref){NULL, 0};
    }
    bool approx = c->approx || c->between || conn_word;
    size_t end = unit2 ? text_end(x, &c2) : T(x, c2.n.last)->end;
    size_t last = unit2 ? c2.end_tok : c2.n.last;
    if (emit(x, T(x, c->start_tok)->start, end, c->n.value, c->unit, approx, last) ||
        emit(x, T(x, c2.start_tok)->start, end, c2.n.value, c->unit, approx, last))
        return -1;
    if (unit2 && c->unit_noun)
        set_context(x, c->unit, last);
    *resume = last + 1;
    return 1;
}

/* Consider the number at token i; emit its figures. *resume is where the
 * scan goes on. Returns 0, or -1 on allocation failure. */
static int consider(struct fx *x, size_t i, size_t *resume)
{
    struct cand c;
    memset(&c, 0, sizeof c);
    *resume = i + 1;
    bool cur_before = i > 0 && is_kind(x, i - 1, TOK_PUNCT) && lex_currency_symbol(T(x, i - 1)->cp, x->lang);
    if (!number_parse(&x->c, i, cur_before, &c.n))
        return 0;
    *resume = c.n.last + 1;
    c.start_tok = i;
    if (!c.n.words)
        currency_before(x, &c);
    markers_before(x, &c);

    size_t skip = 0;
    if (c.n.words ? words_excluded(x, &c) : digits_excluded(x, &c, false, &skip)) {
        if (skip > *resume)
            *resume = skip;
        return 0;
    }

    bool has_unit = unit_after(x, &c);
    if (c.n.article && !article_counts(x, &c, has_unit))
        return 0;
    if (!has_unit) {
        int r = range_after(x, &c, resume);
        if (r)
            return r < 0 ? -1 : 0;
    }

    if (c.start_tok == c.n.first && !c.n.article && denominator(x, c.start_tok, has_unit))
        return 0;

    size_t end_tok = has_unit ? c.end_tok : c.n.last;
    size_t end_off = has_unit ? text_end(x, &c) : T(x, c.n.last)->end;

    /* "deux ans et demi" */
    if (x->lang == LANG_FR && has_unit && is_w(x, end_tok + 1, "et") &&
        (is_w(x, end_tok + 2, "demi") || is_w(x, end_tok + 2, "demie"))) {
        c.n.value += 0.5;
        end_tok += 2;
        end_off = T(x, end_tok)->end;
    }
    /* "49.3" in French text, with nothing counted: an identifier */
    if (x->lang == LANG_FR && !has_unit && !c.n.words && c.n.first == c.n.last &&
        memchr(x->d->text + T(x, c.n.first)->start, '.', T(x, c.n.first)->end - T(x, c.n.first)->start) &&
        c.n.value != (double)(long long)c.n.value)
        return 0;

    /* a ratio: "three per 100,000 people" */
    struct strref dn;
    size_t ds;
    size_t re = ratio_after(x, end_tok + 1, &dn, &ds);
    if (re) {
        if (dn.s && (c.n.article || (!has_unit && !is_w(x, ds, "per") && !is_w(x, ds, "pour")))) {
            c.unit = dn; /* "three out of four trains" counts trains */
            c.unit_noun = has_unit = true;
        } else if (!has_unit) {
            c.unit = (struct strref){x->d->text + T(x, ds)->start, T(x, re)->end - T(x, ds)->start};
            has_unit = true;
        }
        end_tok = re;
        end_off = T(x, re)->end;
    }

    /* approximation after: "fifteen or so", "20 ans environ" */
    size_t k = end_tok + 1;
    if (is_kind(x, k, TOK_WORD)) {
        if (lex_approx_after(W(x, k), x->lang) && !(is_w(x, k, "odd") && !glued(x, k))) {
            c.approx = true;
            end_tok = k;
            end_off = T(x, k)->end;
        } else if (is_kind(x, k + 1, TOK_WORD) && lex_approx_after2(W(x, k), W(x, k + 1), x->lang)) {
            c.approx = true;
            end_tok = k + 1;
            end_off = T(x, k + 1)->end;
        }
    }
    if (c.n.collective)
        c.approx = true;
    /* "fifteen or so minutes": the noun after the marker */
    struct strref un;
    size_t ue;
    if (!has_unit && end_tok > c.n.last && find_noun(x, end_tok + 1, &un, &ue)) {
        c.unit = un;
        c.unit_noun = has_unit = true;
        end_tok = ue;
        end_off = T(x, ue)->end;
    }

    if (!has_unit) {
        if ((c.n.words && c.n.value == 1 && !c.approx) || c.n.fraction)
            return 0;
        size_t p = c.start_tok;
        /* "le 27", "contactez le 17": a day of the month, a phone number */
        if (x->lang == LANG_FR && p >= 1 && !c.n.words && c.n.value <= 31 &&
            (is_w(x, p - 1, "le") || is_w(x, p - 1, "du") || is_w(x, p - 1, "au")))
            return 0;
        /* "le psaume 23", "the chapter 3": a noun with its number */
        if (p >= 2 && content(x, p - 1) && !(T(x, p - 1)->flags & TF_CAP) &&
            !wclass(x, p - 1, LL_PRENOMINAL) && is_kind(x, p - 2, TOK_WORD) &&
            (is_w(x, p - 2, "le") || is_w(x, p - 2, "la") || is_w(x, p - 2, "the") ||
             (is_apos(x, p - 2) && p >= 3 && is_w(x, p - 3, "l"))))
            return 0;
        if (!inherit_unit(x, &c, &c.unit)) {
            if (c.n.mult == 1 || c.n.words)
                return 0; /* a bare number nothing counts: "week 22" */
            /* "8,8 milliards": a scale says it is a quantity */
            const struct token *st = T(x, c.n.last);
            c.unit = (struct strref){x->d->text + st->start, st->end - st->start};
        }
    } else if (c.unit_noun || c.unit.s) {
        set_context(x, c.unit, end_tok);
        if (c.unit_noun)
            remember(x, c.n.value, c.unit, end_tok);
    }
    if (has_unit && end_tok > *resume && !(c.unit_noun && end_tok > c.n.last + 1 &&
                                          is_kind(x, c.n.last + 1, TOK_WORD) &&
                                          (is_w(x, c.n.last + 1, "des") || is_w(x, c.n.last + 1, "of") ||
                                           is_w(x, c.n.last + 1, "de"))))
        *resume = end_tok + 1;
    if (emit(x, T(x, c.start_tok)->start, end_off, c.n.value, c.unit, c.approx, end_tok))
        return -1;
    return 0;
}

/* The first token from i on that is digits or a word that may be a number
 * word, or d->n_tokens: most tokens are neither. The test on a word reads
 * its text: number words are short and start with one of a few pairs of
 * letters, neither accented (see lex_numindex_may()). */
static size_t next_candidate(const struct doc *d, const struct numindex *ix, size_t i)
{
    const struct token *tk = d->tokens;
    const unsigned char *text = (const unsigned char *)d->text;
    for (size_t n = d->n_tokens; i < n; i++) {
        const struct token *t = &tk[i];
        if (t->kind == TOK_NUMBER)
            break;
        if (t->kind == TOK_WORD) {
            const unsigned char *s = text + t->start;
            size_t len = t->end - t->start;
            if (lex_numindex_may(ix, s[0], len > 1 ? s[1] : 0) && len <= 40)
                break;
        }
    }
    return i;
}

/* The number word that word token i is or starts with ("twenty-five",
 * "two-day", "quatre-vingt-dix"), or NULL; *whole says whether the token
 * is that word alone. Looked up once per distinct word, from its fold. */
static const struct numword *starts_numword(const struct fx *x, size_t i, bool *whole)
{
    struct wordinfo *wi = &x->c.info[T(x, i)->word];
    if (!(wi->known & WK_HEAD)) {
        const struct numword *nw = nx_numword(&x->c, i);
        if (nw) {
            wi->bits |= WC_WHOLE;
        } else if (T(x, i)->flags & TF_HYPHEN) { /* else no '-' in the fold */
            const char *w = W(x, i), *h = strchr(w, '-');
            char head[32];
            if (h && (size_t)(h - w) < sizeof head) {
                memcpy(head, w, (size_t)(h - w));
                head[h - w] = '\0';
                nw = lex_numindex_find(x->ix, head);
            }
        }
        wi->head = (uint8_t)lex_numword_index(nw);
        wi->known |= WK_HEAD;
    }
    *whole = (wi->bits & WC_WHOLE) != 0;
    return lex_numword_at(wi->head);
}

/* An article ("un", "a", "one") can only be the number 1 next to a scale
 * or collective ("un million", "a dozen"), after a comparison ("plus
 * d'un"), in a list of figures, before a measure ("un kilo") or in a ratio
 * ("one out of every"). This cheap test lets the scan skip every other
 * article without reading around it. */
static bool article_may_count(struct fx *x, size_t i)
{
    const struct numword *nx = nx_numword(&x->c, i + 1);
    if (nx && nx->kind != NW_ARTICLE && nx->kind != NW_ATOM)
        return true;
    size_t p = i;
    while (p > 0 && is_apos(x, p - 1))
        p--;
    if (p > 0 && wclass(x, p - 1, LL_APPROX_LAST))
        return true;
    if (x->have_last && i - x->last_end_tok <= 3)
        return true;
    if (wclass(x, i + 1, LL_MEASURE))
        return true;
    return is_w(x, i, "one") && (is_w(x, i + 1, "out") || is_w(x, i + 1, "in"));
}

/* "des milliers de Rohingyas", "thousands of people": not figures, but
 * they name what the bare numbers nearby count. */
static void vague_context(struct fx *x, size_t i)
{
    const struct numword *w = nx_numword(&x->c, i);
    size_t k, e;
    struct strref u;
    if (w && w->plural && is_de(x, i + 1, &k)) {
        const struct numword *w2 = nx_numword(&x->c, k);
        size_t k2;
        if (w2 && w2->plural && is_de(x, k + 1, &k2))
            k = k2; /* "des centaines de milliers de Rohingyas" */
        if (find_noun(x, k, &u, &e))
            set_context(x, u, e);
    }
}

int figures_extract(struct doc *d)
{
    struct fx x;
    memset(&x, 0, sizeof x);
    x.d = d;
    x.lang = d->lang;
    if (d->n_tokens == 0)
        return 0;

    /* long words are folded on demand into a small cache, and the words'
     * classes are looked up on demand (see numbers.h) */
    struct foldcache cache;
    nx_cache_init(&cache);
    struct wordinfo *info = calloc(d->n_words ? d->n_words : 1, sizeof *info);
    if (!info)
        return -1;
    x.ix = lex_numindex(x.lang);
    x.c = (struct numctx){d, &cache, x.ix, info};

    int rc = 0;
    for (size_t i = next_candidate(d, x.ix, 0); i < d->n_tokens && rc == 0;
         i = next_candidate(d, x.ix, i)) {
        const struct token *t = &d->tokens[i];
        size_t next = i + 1;
        bool whole = false;
        const struct numword *nw = t->kind == TOK_WORD ? starts_numword(&x, i, &whole) : NULL;
        if (nw && whole && nw->kind == NW_ARTICLE && !article_may_count(&x, i))
            nw = NULL;
        if (t->kind == TOK_NUMBER || nw) {
            rc = consider(&x, i, &next);
            if (next == i + 1 && t->kind == TOK_WORD && nw->plural)
                vague_context(&x, i);
        }
        i = next > i ? next : i + 1;
    }
    free(info);
    return rc;
}
