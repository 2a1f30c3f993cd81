/* quotes.c — finds the stretches between quotation marks that report what
 * someone said, tells direct quotes from partial ones, merges repeated
 * (pull) quotes, and hands the stretches to speakers.c for attribution.
 *
 * Marks: « » (with any inner space), ‹ ›, “ ” (and „), and the straight " whose
 * role (opening or closing) is read from the characters around it. Single
 * quotes ‘ ’ ' are only nested marks: they never open a quote at the top
 * level, so an apostrophe cannot start one. Matching is done with a small
 * stack per line: a quote that is still open at a line break continues only
 * when the next line reopens it with the same mark (the convention for
 * quotes over several paragraphs); otherwise the opening mark is dropped, so
 * an unbalanced mark never swallows the rest of the text. One pass over the
 * tokens, no backtracking: linear in the text.
 *
 * A stretch is a quote when it holds at least three words and is not a
 * name or a title (every word capitalised, no sentence punctuation). */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lexicon_speech.h"
#include "quotes_int.h"
#include "strmap.h"
#include "utf8.h"

enum family { FAM_NONE, FAM_GUILL, FAM_ANGLE, FAM_CURLY, FAM_STRAIGHT };
enum role { ROLE_OPEN, ROLE_CLOSE, ROLE_EITHER };

#define MAX_DEPTH 16     /* nesting deeper than this is not tracked */
#define MAX_CONT_LINES 10 /* a quote may run over at most this many paragraphs */
#define MAX_QUOTE_BYTES 10000 /* an opening mark further back than this is unbalanced */

static bool opens_context(uint32_t c)
{
    return c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 || c == '-' ||
           c == '/' || c == 0xAB || c == 0x201C || c == 0x2018;
}

static bool closes_context(uint32_t c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
           c == ']' || c == '}' || c == 0x2014 || c == 0x2013 || c == 0x2026 || c == 0xBB ||
           c == 0x201D || c == 0x2019 || c == '\'';
}

/* Family and role of token k if it is a quotation mark, else FAM_NONE. */
static enum family mark_of(const struct doc *d, size_t k, enum role *role)
{
    const struct token *t = &d->tokens[k];
    if (t->kind != TOK_PUNCT)
        return FAM_NONE;
    switch (t->cp) {
    case 0xAB: *role = ROLE_OPEN; return FAM_GUILL;
    case 0xBB: *role = ROLE_CLOSE; return FAM_GUILL;
    case 0x2039: *role = ROLE_OPEN; return FAM_ANGLE;
    case 0x203A: *role = ROLE_CLOSE; return FAM_ANGLE;
    case 0x201C: case 0x201E: *role = ROLE_OPEN; return FAM_CURLY;
    case 0x201D: *role = ROLE_CLOSE; return FAM_CURLY;
    case '"': break;
    default: return FAM_NONE;
    }
    size_t p = t->start, n = t->end;
    uint32_t before = ' ', after = ' ';
    if (p > 0)
        before = utf8_prev(d->text, p, &p);
    if (n < d->len)
        after = utf8_next(d->text, d->len, &n);
    bool open_ctx = cp_is_space(before) || opens_context(before) || t->start == 0;
    bool close_ctx = cp_is_space(after) || closes_context(after) || t->end >= d->len || after == '"';
    if (open_ctx && !close_ctx)
        *role = ROLE_OPEN;
    else if (!open_ctx && close_ctx)
        *role = ROLE_CLOSE;
    else
        *role = ROLE_EITHER;
    return FAM_STRAIGHT;
}

static bool line_break_before(const struct doc *d, size_t k)
{
    if (k == 0)
        return true;
    return (d->tokens[k].flags & TF_LINE_BEFORE) != 0;
}

/* Words as the guidelines count them: space-separated chunks holding a
 * letter or a digit ("jusqu'au bout" is two words, "d'euros" one). The
 * count stops at `enough` words, *all_caps and *sentence_punct then being
 * read only as far as that. */
static size_t count_words(const char *s, size_t n, size_t enough, bool *all_caps,
                          bool *sentence_punct)
{
    size_t w = 0;
    bool in = false, chunk_has = false, first_letter_seen = false;
    *all_caps = true;
    *sentence_punct = false;
    for (size_t i = 0; i < n;) {
        uint32_t c = utf8_next(s, n, &i);
        if (cp_is_space(c)) {
            if (in && chunk_has && ++w >= enough)
                return w;
            in = chunk_has = first_letter_seen = false;
            continue;
        }
        in = true;
        if (cp_is_letter(c) || cp_is_digit(c)) {
            chunk_has = true;
            if (!first_letter_seen && cp_is_letter(c) && !cp_is_upper(c))
                *all_caps = false;
            first_letter_seen = true;
        } else if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':') {
            *sentence_punct = true;
        }
    }
    if (in && chunk_has)
        w++;
    return w;
}

void speech_word_fill(const struct speech_words *sw, size_t k)
{
    const struct doc *d = sw->d;
    const struct token *t = &d->tokens[k];
    struct speech_word *e = &sw->w[t->word];
    char buf[SPEECH_WORD_MAX];
    const char *w = d->fold + t->foff;
    size_t n = t->flen;
    unsigned h = d->words[t->word].hash;
    if (n >= SPEECH_WORD_MAX) {
        n = tok_fold(d, t, buf, sizeof buf);
        w = buf;
        h = strmap_hash(w, n);
    }
    unsigned form = 0, base_form = 0;
    sw->known[t->word] = 1;
    e->cls = lex_speech_word(d->lang, w, n, h, &e->verb, &form);
    e->base_verb = NULL;
    /* a suffix holds a hyphen, which a word holds only with TF_HYPHEN */
    for (size_t i = 0; (t->flags & TF_HYPHEN) && lex_speech_inversions[i]; i++) {
        size_t sl = strlen(lex_speech_inversions[i]);
        if (n > sl && memcmp(w + n - sl, lex_speech_inversions[i], sl) == 0) {
            e->cls |= SW_INVERTED;
            if (lex_speech_word(d->lang, w, n - sl, strmap_hash(w, n - sl), &e->base_verb, &base_form) & LSC_AUXILIARY)
                e->cls |= SW_BASE_AUX;
            break;
        }
    }
    e->form = (uint8_t)form;
    e->base_form = (uint8_t)base_form;
}

/* The fold of token k (NUL-terminated), its length in *n; "" after the
 * last token. Compared with short words only, so never cut. */
static const char *fold_of(const struct doc *d, size_t k, size_t *n)
{
    if (k >= d->n_tokens) {
        *n = 0;
        return "";
    }
    *n = d->tokens[k].flen;
    return d->fold + d->tokens[k].foff;
}

static bool fold_is(const char *w, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(w, s, n) == 0;
}

/* True when token k is a speech verb, an auxiliary or an inverted verb
 * ("a-t-il", "dit-il"): the start of an incise or an attribution. */
static bool is_verbish(const struct speech_words *sw, size_t k)
{
    const struct speech_word *e = speech_word(sw, k);
    return (e->cls & SW_INVERTED) || e->verb ||
           (sw->d->lang == LANG_FR && (e->cls & LSC_AUXILIARY) && sw->d->tokens[k].flen <= 3);
}

/* direct or partial, from the words around the marks (see GUIDELINES 6). */
static enum quote_kind kind_of(const struct speech_words *sw, size_t open, size_t close,
                               const char *s, size_t n)
{
    const struct doc *d = sw->d;
    size_t p = open;
    bool prev_word = false, prev_that = false, prev_incise = false;
    if (!line_break_before(d, open) && open > 0) {
        p = open - 1;
        if (d->tokens[p].kind == TOK_PUNCT && (d->tokens[p].cp == '\'' || d->tokens[p].cp == 0x2019) &&
            p > 0)
            p--; /* "qu'" */
        size_t wn;
        const char *w = fold_of(d, p, &wn);
        prev_word = d->tokens[p].kind == TOK_WORD;
        prev_that = prev_word && (fold_is(w, wn, "que") || fold_is(w, wn, "qu") ||
                                  fold_is(w, wn, "that") || fold_is(w, wn, "whether"));
        if (d->tokens[p].kind == TOK_PUNCT && d->tokens[p].cp == ',' && p > 0)
            prev_incise = is_verbish(sw, p - 1) || d->tokens[p - 1].kind == TOK_WORD;
        if (prev_word && is_verbish(sw, p))
            prev_word = false; /* said "…": the quote is the object of the verb */
    }
    if (prev_that)
        return QUOTE_PARTIAL;
    /* first letter, with an editorial bracket counting as a capital */
    bool upper = true;
    for (size_t i = 0; i < n;) {
        uint32_t c = utf8_next(s, n, &i);
        if (c == '[')
            break;
        if (cp_is_letter(c)) {
            upper = cp_is_upper(c);
            break;
        }
        if (cp_is_digit(c))
            break;
    }
    bool next_lower = false, next_verb = false;
    size_t q = close + 1;
    if (q < d->n_tokens && !line_break_before(d, q)) {
        if (d->tokens[q].kind == TOK_PUNCT && d->tokens[q].cp == ',')
            q++;
        if (q < d->n_tokens) {
            next_verb = is_verbish(sw, q);
            next_lower = d->tokens[q].kind == TOK_WORD && !(d->tokens[q].flags & TF_CAP) &&
                         q == close + 1 && !next_verb;
        }
    }
    if (!upper && !next_verb && !prev_incise)
        return QUOTE_PARTIAL;
    if (prev_word && next_lower)
        return QUOTE_PARTIAL;
    if (prev_word && !upper)
        return QUOTE_PARTIAL;
    return QUOTE_DIRECT;
}

/* Normalised key of a stretch for finding repeats: its text folded as
 * utf8_fold_into() folds it, without the punctuation at either end, built
 * from the token folds (the tokens between the stretch's marks cover every
 * code point but the blanks between them, folded here). Written at out
 * (2n+1 bytes for n bytes of text: folding at most doubles a text);
 * returns its length. */
static size_t stretch_key(const struct doc *d, const struct stretch *st, char *out)
{
    size_t o = 0;
    bool pending_space = false; /* as in utf8_fold_into() */
    for (size_t k = st->open_tok + 1; k < st->close_tok; k++) {
        const struct token *t = &d->tokens[k];
        size_t i = k > st->open_tok + 1 ? d->tokens[k - 1].end : t->start;
        if (i + 1 == t->start && d->text[i] == ' ') { /* the usual one space */
            pending_space = o > 0;
            i++;
        }
        while (i < t->start) {
            unsigned char b = (unsigned char)d->text[i];
            if (b < 0x80 && b != ' ') { /* "\n", "\t": kept */
                if (pending_space)
                    out[o++] = ' ';
                pending_space = false;
                out[o++] = (char)b;
                i++;
                continue;
            }
            if (b == ' ')
                i++;
            else
                utf8_next(d->text, t->start, &i); /* any other blank folds to ' ' */
            pending_space = o > 0;
        }
        if (t->flen) {
            if (pending_space)
                out[o++] = ' ';
            pending_space = false;
            memcpy(out + o, d->fold + t->foff, t->flen);
            o += t->flen;
        }
    }
    static const char strip[] = " .,;:!?\"'-()[]";
    size_t len = o, a = 0;
    while (len > 0 && (strchr(strip, out[len - 1]) || (unsigned char)out[len - 1] >= 0x80))
        len--;
    while (a < len && (strchr(strip, out[a]) || (unsigned char)out[a] >= 0x80))
        a++;
    memmove(out, out + a, len - a);
    out[len - a] = '\0';
    return len - a;
}

/* Mark each stretch's first occurrence (s[i].first) with a hash table of
 * normalised keys (fragments have none). Returns 0 or -1 on allocation
 * failure. */
static int link_repeats(const struct doc *d, struct stretch *st, size_t n)
{
    size_t quotes = 0;
    for (size_t i = 0; i < n; i++) {
        st[i].first = -1;
        quotes += !st[i].fragment;
    }
    if (quotes < 2)
        return 0;
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    /* the slots, the keys and their text in one block: folding at most
     * doubles a text */
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += 2 * (st[i].end - st[i].start) + 1;
    int *slots = malloc(cap * sizeof *slots + n * sizeof(char *) + total);
    if (!slots)
        return -1;
    char **keys = (char **)(slots + cap); /* cap ints, a multiple of 16: aligned */
    char *text = (char *)(keys + n);
    for (size_t i = 0; i < cap; i++)
        slots[i] = -1;
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = st[i].end - st[i].start;
        if (st[i].fragment)
            continue;
        keys[i] = text + used;
        size_t kn = stretch_key(d, &st[i], keys[i]);
        used += 2 * len + 1;
        size_t h = strmap_hash(keys[i], kn) & (cap - 1);
        while (slots[h] >= 0 && strcmp(keys[slots[h]], keys[i]) != 0)
            h = (h + 1) & (cap - 1);
        if (slots[h] >= 0)
            st[i].first = slots[h];
        else
            slots[h] = (int)i;
    }
    free(slots);
    return 0;
}

/* Do the words between the marks read as a name: a capital first, no
 * sentence punctuation, six words at most ("l'opération « Bouclier du
 * Nord »", not "ce plan « repose sur des promesses »")? */
static bool looks_like_a_name(const struct doc *d, size_t open, size_t close)
{
    if (close - open > 7 || open + 1 >= close || !(d->tokens[open + 1].flags & TF_CAP))
        return false;
    for (size_t k = open + 1; k < close; k++)
        if (d->tokens[k].kind == TOK_PUNCT && d->tokens[k].cp != '\'' && d->tokens[k].cp != 0x2019 &&
            d->tokens[k].cp != '-')
            return false;
    return true;
}

/* Does the appellative word at p (folded w[0..n)) name what follows rather
 * than introduce speech? "dit" does so only after a noun ("le quartier dit
 * « … »", not "il a dit « … »"), the conjugated "appelle" only after an
 * object pronoun ("on l'appelle « … »") or before a determiner ("que tout le
 * monde appelle « le … »"). */
static bool appellative_use(const struct speech_words *sw, size_t p, const char *w, size_t n,
                            size_t open)
{
    const struct doc *d = sw->d;
    bool is_dit = n == 3 && !memcmp(w, "dit", 3);
    bool conj = n >= 6 && !memcmp(w, "appel", 5) && (w[5] == 'l' || w[5] == 'a');
    if (!is_dit && !conj)
        return true;
    if (p == 0 || line_break_before(d, p))
        return false;
    size_t b = p - 1;
    if (d->tokens[b].kind == TOK_PUNCT && (d->tokens[b].cp == '\'' || d->tokens[b].cp == 0x2019) &&
        b > 0)
        b--; /* "l'appelle" */
    if (d->tokens[b].kind != TOK_WORD)
        return false;
    if (conj && (speech_word(sw, open + 1)->cls & LSC_DETERMINER))
        return true; /* "que tout le monde appelle « le … »" */
    size_t vn;
    const char *v = fold_of(d, b, &vn);
    if (conj)
        return (vn == 1 && (v[0] == 'l' || v[0] == 's')) || (vn == 2 && !memcmp(v, "la", 2)) ||
               (vn == 2 && !memcmp(v, "le", 2)) || (vn == 3 && !memcmp(v, "les", 3)) ||
               (vn == 2 && !memcmp(v, "se", 2));
    const struct speech_word *e = speech_word(sw, b);
    return !(d->tokens[b].flags & TF_CAP) &&
           !(e->cls & (LSC_PRONOUN | LSC_AUXILIARY | LSC_ADVERB | LSC_RELATIVE)) && !e->verb &&
           !(vn == 3 && !memcmp(v, "que", 3)) && !(vn == 2 && !memcmp(v, "qu", 2)) &&
           !(vn == 2 && !memcmp(v, "ne", 2)) && !(vn == 2 && !memcmp(v, "en", 2)) &&
           !(vn == 1 && (v[0] == 'y' || v[0] == 'l' || v[0] == 'j' || v[0] == 'm' ||
                         v[0] == 't' || v[0] == 's' || v[0] == 'n'));
}

/* Is the stretch between tokens open and close a name or a title rather than
 * reported words? Read from the word before the mark ("baptisée", "un rapport
 * … sur") and from the stretch itself ("Conseil militaire d'al-Bab"). */
static bool names_something(const struct speech_words *sw, size_t open, size_t close,
                            bool sentence_punct)
{
    const struct doc *d = sw->d;
    size_t p = open;
    if (open > 0 && !line_break_before(d, open)) {
        p = open - 1;
        size_t n;
        const char *w = fold_of(d, p, &n);
        unsigned cls = speech_word(sw, p)->cls;
        if ((cls & LSC_NAMING) && ((cls & LSC_NAMING_VERB) || looks_like_a_name(d, open, close)))
            return true;
        /* "la zone dite « … »", "ce qu'on appelle « le … »", "so-called "…"":
         * a short phrase without sentence punctuation is a name */
        if (!sentence_punct && close - open <= 8 && (cls & LSC_APPELLATIVE) &&
            appellative_use(sw, p, w, n, open))
            return true;
        /* "surnommé la « guerre de la sardinelle »" */
        if ((cls & LSC_DETERMINER) && p > 0 && !line_break_before(d, p)) {
            unsigned vc = speech_word(sw, p - 1)->cls;
            if ((vc & LSC_NAMING) && !(vc & LSC_WORK))
                return true;
        }
        if (d->tokens[p].kind == TOK_WORD &&
            (fold_is(w, n, "sur") || fold_is(w, n, "on") || fold_is(w, n, "about")))
            for (size_t k = p, words = 0; k-- > 0 && words < 8 && !line_break_before(d, k + 1);) {
                if (d->tokens[k].kind != TOK_WORD)
                    continue;
                words++;
                if (speech_word(sw, k)->cls & LSC_WORK)
                    return true;
            }
    }
    /* an organisation's name: "« Conseil militaire d'al-Bab »" */
    if (!sentence_punct && close - open <= 9 && open + 1 < close &&
        (d->tokens[open + 1].flags & TF_CAP) && (speech_word(sw, open + 1)->cls & LSC_ORG_HEAD))
        return true;
    return false;
}

static int push_stretch(const struct speech_words *sw, struct stretch **arr, size_t *cap,
                        size_t *n, size_t open, size_t close, bool after_incise)
{
    const struct doc *d = sw->d;
    /* the words between the marks, without the blanks around them (only
     * blanks stand between tokens) */
    size_t qs = d->tokens[close].start, qe = qs;
    if (open + 1 < close) {
        qs = d->tokens[open + 1].start;
        qe = d->tokens[close - 1].end;
    }
    /* capitals and punctuation matter only between marks at most nine
     * tokens apart (below and in names_something()) */
    bool caps, punct, fragment = false;
    if (count_words(d->text + qs, qe - qs, close - open <= 9 ? SIZE_MAX : 3, &caps, &punct) < 3) {
        if (!after_incise && d->tokens[close].kind == TOK_PUNCT && d->tokens[close].cp == ',')
            fragment = true; /* « Moi, dit-il, … »: "Moi" is no quote, nor narration */
        else
            return 0;
    }
    if (!fragment && caps && !punct && close - open <= 8)
        return 0; /* a name or a title: "Operation Peace Spring" */
    if (!fragment && names_something(sw, open, close, punct))
        return 0;
    if (grow((void **)arr, cap, *n, sizeof **arr))
        return -1;
    struct stretch *s = &(*arr)[(*n)++];
    memset(s, 0, sizeof *s);
    s->open_tok = open;
    s->close_tok = close;
    s->start = qs;
    s->end = qe;
    s->kind = after_incise ? QUOTE_DIRECT : kind_of(sw, open, close, d->text + qs, qe - qs);
    s->first = -1;
    s->fragment = fragment;
    s->speaker = -1;
    return 0;
}

/* An incise inside the marks: ", dit-il," ", a-t-elle ajouté," ", explique
 * Paul Durand," starting at the comma k. Returns the closing comma's token,
 * or 0 when there is none. */
static size_t incise_at(const struct speech_words *sw, size_t k, size_t close)
{
    const struct doc *d = sw->d;
    if (d->tokens[k].kind != TOK_PUNCT || d->tokens[k].cp != ',' || k + 2 >= close ||
        d->tokens[k + 1].kind != TOK_WORD)
        return 0;
    const struct speech_word *e = speech_word(sw, k + 1);
    bool inverted = (e->cls & SW_INVERTED) && (e->base_verb || (e->cls & SW_BASE_AUX));
    size_t subj = k + 2; /* where the inverted subject starts */
    bool named = false;
    if (!inverted) {
        if (e->verb && (e->form & SF_FINITE)) {
            named = true; /* ", explique Paul Durand," */
        } else if ((e->cls & LSC_AUXILIARY) && d->tokens[k + 1].flen <= 5) {
            /* ", a réagi Paul Durand," ", a ajouté l'élue." (adverbs between) */
            size_t v = k + 2;
            while (v < close && v < k + 5 && (speech_word(sw, v)->cls & LSC_ADVERB))
                v++;
            const struct speech_word *ve = speech_word(sw, v);
            named = v < close && ve->verb && (ve->form & SF_PARTICIPLE);
            subj = v + 1;
        }
        /* the subject after the verb: a name or a determiner's noun phrase */
        if (named && subj < close && d->tokens[subj].kind == TOK_WORD &&
            !(d->tokens[subj].flags & TF_CAP)) {
            unsigned sc = speech_word(sw, subj)->cls;
            named = (sc & LSC_DETERMINER) && !(sc & LSC_PRONOUN);
        } else if (named && (subj >= close || d->tokens[subj].kind != TOK_WORD)) {
            named = false;
        }
    }
    if (!inverted && !named)
        return 0;
    for (size_t b = k + 2; b < close - 1 && b < subj + 7; b++) {
        const struct token *t = &d->tokens[b];
        if (t->kind == TOK_PUNCT && (t->cp == ',' || t->cp == '.'))
            return b; /* "…, a-t-il expliqué. Nous savions…" */
        if (t->kind == TOK_PUNCT && b > subj &&
            (t->cp == '\'' || t->cp == 0x2019 || t->cp == '-'))
            continue; /* "l'élue", "Jean-Luc" */
        if (t->kind == TOK_PUNCT)
            return 0;
    }
    return 0;
}

/* Push the stretch between tokens open and close, split where an incise
 * interrupts it (« Moi, dit-il, j'ai l'impression… »): one stretch per
 * stretch of quoted words, each kept only if long enough. */
static int push_split(const struct speech_words *sw, struct stretch **arr, size_t *cap, size_t *n,
                      size_t open, size_t close)
{
    size_t from = open;
    if (sw->d->lang == LANG_FR)
        for (size_t k = open + 1; k + 2 < close; k++) {
            size_t b = incise_at(sw, k, close);
            if (!b)
                continue;
            if (push_stretch(sw, arr, cap, n, from, k, from != open))
                return -1;
            from = b;
            k = b;
        }
    return push_stretch(sw, arr, cap, n, from, close, from != open);
}

/* Find every top-level quoted stretch, in text order. */
static int find_stretches(const struct speech_words *sw, struct stretch **out, size_t *n_out)
{
    const struct doc *d = sw->d;
    struct { enum family fam; size_t tok; } stack[MAX_DEPTH];
    size_t depth = 0, cap = 0, n = 0;
    int cont = 0;
    struct stretch *arr = NULL;

    const struct token *tk = d->tokens;
    for (size_t k = 0; k < d->n_tokens; k++) {
        /* only marks, and line breaks inside a quote, change the state */
        if (depth == 0) {
            while (k < d->n_tokens && tk[k].kind != TOK_PUNCT)
                k++;
            if (k == d->n_tokens)
                break;
        } else if (tk[k].kind != TOK_PUNCT && !(tk[k].flags & TF_LINE_BEFORE)) {
            continue;
        }
        enum role role = ROLE_OPEN;
        enum family fam = mark_of(d, k, &role);
        if (line_break_before(d, k) && depth > 0) {
            /* a quote over several paragraphs reopens with its own mark */
            const struct token *last = &d->tokens[k - 1];
            bool ended = last->kind == TOK_PUNCT && (last->cp == '.' || last->cp == '!' ||
                                                     last->cp == '?' || last->cp == 0x2026);
            if (fam == stack[0].fam && role != ROLE_CLOSE && cont < MAX_CONT_LINES && ended) {
                depth = 1;
                cont++;
                continue;
            }
            depth = 0;
        }
        if (depth == 0)
            cont = 0;
        if (fam == FAM_NONE)
            continue;
        if (depth > 0 && d->tokens[k].start - d->tokens[stack[0].tok].start > MAX_QUOTE_BYTES)
            depth = 0;
        size_t j = depth;
        if (role != ROLE_OPEN)
            for (j = depth; j > 0 && stack[j - 1].fam != fam; j--)
                ;
        if (role != ROLE_OPEN && j > 0) {
            /* closes stack[j-1]; a top-level pair is a stretch */
            if (j == 1 && push_split(sw, &arr, &cap, &n, stack[0].tok, k)) {
                free(arr);
                return -1;
            }
            depth = j - 1;
            continue;
        }
        if (role == ROLE_CLOSE)
            continue; /* a closing mark with nothing open: ignored */
        /* a second opening mark of a family already open: the first was
         * unbalanced (nesting uses the other family: « “ ” », " ' ' ") */
        for (j = 0; j < depth && stack[j].fam != fam; j++)
            ;
        depth = j;
        if (depth < MAX_DEPTH) {
            stack[depth].fam = fam;
            stack[depth].tok = k;
            depth++;
        }
    }
    *out = arr;
    *n_out = n;
    return 0;
}

int quotes_extract(struct doc *d)
{
    struct extraction *x = d->out;
    struct stretch *st = NULL;
    size_t n = 0, cap = 0;
    int rc = -1;
    struct speech_words sw = {d, malloc((d->n_words ? d->n_words : 1) * sizeof *sw.w),
                              calloc(d->n_words ? d->n_words : 1, 1)};

    if (!sw.w || !sw.known)
        goto done;
    lex_speech_init();
    if (find_stretches(&sw, &st, &n))
        goto done;
    if (link_repeats(d, st, n) || speakers_attribute(d, &sw, st, n))
        goto done;

    /* one quote per distinct stretch; its speaker from the best-attributed
     * occurrence */
    int *quote_of = malloc((n ? n : 1) * sizeof *quote_of);
    if (!quote_of)
        goto done;
    for (size_t i = 0; i < n; i++) {
        quote_of[i] = -1;
        if (st[i].fragment)
            continue;
        if (st[i].first >= 0) {
            int qi = quote_of[st[i].first];
            quote_of[i] = qi;
            struct quote *q = &x->quotes[qi];
            q->occurrences++;
            if (st[i].speaker >= 0 && st[i].confidence > q->confidence) {
                q->speaker = st[i].speaker;
                q->confidence = st[i].confidence;
                free(q->cue);
                q->cue = st[i].cue_end > st[i].cue_start
                             ? xstrndup(d->text + st[i].cue_start, st[i].cue_end - st[i].cue_start)
                             : NULL;
                if (st[i].cue_end > st[i].cue_start && !q->cue) {
                    free(quote_of);
                    goto done;
                }
            }
            continue;
        }
        if (grow((void **)&x->quotes, &cap, x->n_quotes, sizeof *x->quotes)) {
            free(quote_of);
            goto done;
        }
        struct quote *q = &x->quotes[x->n_quotes];
        memset(q, 0, sizeof *q);
        quote_of[i] = (int)x->n_quotes;
        x->n_quotes++;
        q->span = (struct span){st[i].start, st[i].end};
        q->kind = st[i].kind;
        q->occurrences = 1;
        q->speaker = st[i].speaker;
        q->confidence = st[i].speaker >= 0 ? st[i].confidence : 0.0;
        q->text = xstrndup(d->text + st[i].start, st[i].end - st[i].start);
        if (st[i].cue_end > st[i].cue_start)
            q->cue = xstrndup(d->text + st[i].cue_start, st[i].cue_end - st[i].cue_start);
        if (!q->text || (st[i].cue_end > st[i].cue_start && !q->cue)) {
            free(quote_of);
            goto done;
        }
    }
    free(quote_of);
    rc = 0;
done:
    free(st);
    free(sw.w);
    free(sw.known);
    return rc;
}
