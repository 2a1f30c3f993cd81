/* speakers.c — who said each quote: finds the attribution around a quoted
 * stretch and resolves it to an actor.
 *
 * The attribution is searched, in this order:
 *   1. after the closing mark, in the same clause: an inverted verb
 *      ("», a dit Vladimir Poutine", "» a-t-il souligné", "" said Kipchoge"),
 *      a subject and its verb ("", Myers said"), a marker ("», selon X"),
 *      a passive agent ("» par les Nations unies"), or a dash line under a
 *      quote standing alone ("— Préfecture des Bouches-du-Rhône");
 *   2. before the opening mark, in the same sentence: the nearest speech verb
 *      with its subject ("Le Drian a estimé qu'« … »", "X told reporters: "),
 *      or a marker ("selon X", "d'après X", "according to X");
 *   3. the speaker of the stretch before it in the same paragraph (a quote
 *      broken by an incise, "A," he said. "B"), or of the next stretch in
 *      the same sentence that has its own attribution.
 * A subject is a name (the capitalised run, titles stripped: "Iranian
 * President Hassan Rouhani" → "Hassan Rouhani"), an organisation ("le
 * ministère de l'Intérieur"), a title ("le président russe", resolved
 * through the actors or an earlier apposition "X, le ministre…"), a pronoun
 * (resolved to the speaker of the latest attribution in the few sentences
 * before, else the latest sentence subject that is a person), or a relative
 * pronoun ("qui", "who": the name just before it). A name standing alone
 * ("Myers") is expanded to the fullest name the text gives that person
 * ("Matt Myers") before it is looked up in, or added to, the actors.
 *
 * Every search is bounded (a few dozen tokens, a few sentences, a window of
 * the text), so the pass stays linear in the size of the text. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lexicon_names.h"
#include "lexicon_speech.h"
#include "quotes_int.h"
#include "utf8.h"

#define WORD_MAX SPEECH_WORD_MAX /* folds are cut to one byte less */
#define BEFORE_WINDOW 80   /* tokens searched before an opening mark */
#define AFTER_WORDS 10     /* words between a closing mark and its verb */
#define LOOKBACK_SENTENCES 5
#define LOOKBACK_TOKENS 250
#define EXPAND_WINDOW 6000 /* tokens either side searched for a fuller name */
#define TITLE_WINDOW 4000  /* tokens searched back for a title's apposition */
#define MAX_NAME_WORDS 10

enum ref_kind { REF_NONE, REF_NAME, REF_ORG, REF_TITLE, REF_PRONOUN, REF_RELATIVE };

/* What stands for the speaker at an attribution: tokens [s,e). */
struct ref {
    enum ref_kind kind;
    size_t s, e;
    size_t alt_s, alt_e; /* a weaker name found in the same phrase, if alt_e > alt_s */
    bool unnamed;        /* REF_NONE for a subject that is there but names no one
                            ("un parent d'élève a déclaré") */
};

/* A name already expanded: the raw bytes searched and the fuller run found. */
struct expansion {
    size_t at;        /* the token the search was centred on */
    size_t from, len; /* bytes of the name searched for */
    size_t fs, fe;    /* the fullest run found, or the name itself */
};

#define EXPAND_CACHE 16

struct event {
    size_t pos; /* byte offset of the attributed stretch */
    int actor;
};

struct ctx {
    struct doc *d;
    const struct speech_words *sw; /* what the speech lexicon says of each word */
    struct stretch *st;
    size_t n;
    int *stretch_of; /* by token: the stretch whose marks enclose it, or -1 */
    struct expansion cache[EXPAND_CACHE]; /* names already expanded, round robin */
    size_t n_cache;
    struct event *ev;
    size_t n_ev, ev_cap;
    /* the tokens of each word, in text order, chained on first use (see
     * chain_words()): token + 1 of a word's first, and of each token's
     * next; 0 for none */
    uint32_t *first_of, *next_of;
    int oom;
};

/* ---- Tokens and words --------------------------------------------------- */

/* The speech-lexicon entry of token k (zeroed for a non-word). */
static const struct speech_word *sw_of(const struct ctx *c, size_t k)
{
    return speech_word(c->sw, k);
}

/* LSC_* classes of token k (0 for a non-word). */
static unsigned wc(const struct ctx *c, size_t k)
{
    return speech_word(c->sw, k)->cls;
}

/* The fold of token k, NUL-terminated, its length in *n; "" after the last
 * token. For comparisons with short words, which no cut would change. */
static const char *fold(const struct ctx *c, size_t k, size_t *n)
{
    if (k >= c->d->n_tokens) {
        *n = 0;
        return "";
    }
    const struct token *t = &c->d->tokens[k];
    *n = t->flen;
    return c->d->fold + t->foff;
}

/* The fold of token k cut to WORD_MAX - 1 bytes as tok_fold() cuts it, the
 * form looked up in the lexicons and compared between tokens: the fold
 * itself, or its cut copy in buf (WORD_MAX bytes) for a longer word. */
static const char *fold_cut(const struct ctx *c, size_t k, char *buf, size_t *n)
{
    const char *w = fold(c, k, n);
    if (*n < WORD_MAX)
        return w;
    *n = tok_fold(c->d, &c->d->tokens[k], buf, WORD_MAX);
    return buf;
}

/* Do tokens a and b fold alike, as cut by fold_cut()? */
static bool same_fold(const struct ctx *c, size_t a, size_t b)
{
    const struct token *ta = &c->d->tokens[a], *tb = &c->d->tokens[b];
    if (ta->kind == TOK_WORD && tb->kind == TOK_WORD && ta->flen < WORD_MAX && tb->flen < WORD_MAX)
        return ta->word == tb->word; /* equal folds, equal ids */
    char ba[WORD_MAX], bb[WORD_MAX];
    size_t na, nb;
    const char *x = fold_cut(c, a, ba, &na), *y = fold_cut(c, b, bb, &nb);
    return na == nb && memcmp(x, y, na) == 0;
}

static bool is_word(const struct ctx *c, size_t k)
{
    return k < c->d->n_tokens && c->d->tokens[k].kind == TOK_WORD;
}

static bool is_punct(const struct ctx *c, size_t k, uint32_t cp)
{
    return k < c->d->n_tokens && c->d->tokens[k].kind == TOK_PUNCT && c->d->tokens[k].cp == cp;
}

static bool is_apos(const struct ctx *c, size_t k)
{
    return is_punct(c, k, '\'') || is_punct(c, k, 0x2019);
}

static inline bool fold_is(const char *w, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(w, s, n) == 0;
}

static inline bool word_is(const struct ctx *c, size_t k, const char *s)
{
    size_t n;
    const char *w = fold(c, k, &n);
    return is_word(c, k) && fold_is(w, n, s);
}

static bool line_break_before(const struct ctx *c, size_t k)
{
    return k == 0 || k >= c->d->n_tokens || (c->d->tokens[k].flags & TF_LINE_BEFORE);
}

static bool is_quote_mark(const struct ctx *c, size_t k)
{
    if (k >= c->d->n_tokens || c->d->tokens[k].kind != TOK_PUNCT)
        return false;
    uint32_t cp = c->d->tokens[k].cp;
    return cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D || cp == '"' || cp == 0x201E ||
           cp == 0x2039 || cp == 0x203A;
}

/* Punctuation that ends a clause for the speaker search. */
static bool is_clause_end(const struct ctx *c, size_t k)
{
    if (k >= c->d->n_tokens || c->d->tokens[k].kind != TOK_PUNCT)
        return false;
    uint32_t cp = c->d->tokens[k].cp;
    return cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == 0x2026 || cp == ':' ||
           cp == 0x2014 || cp == 0x2013 || cp == '(' || cp == ')';
}

/* Index of the stretch whose marks enclose token k (inclusive), or -1. */
static int stretch_at(const struct ctx *c, size_t k)
{
    return k < c->d->n_tokens ? c->stretch_of[k] : -1;
}

/* A preposition, in lower case unless it opens a sentence or is a letter. */
static bool is_preposition(const struct ctx *c, size_t k)
{
    if (!(wc(c, k) & LSC_PREPOSITION))
        return false;
    const struct token *t = &c->d->tokens[k];
    return !(t->flags & TF_CAP && t->flen > 1 && !(t->flags & TF_SENT_START));
}

/* The word before a name, stepping over a determiner and an elision:
 * "de l'Otan" → "de". Returns n_tokens when there is none. */
static size_t word_before(const struct ctx *c, size_t k, size_t lo)
{
    if (k <= lo)
        return c->d->n_tokens;
    size_t j = k - 1;
    if (is_apos(c, j) && j > lo)
        j--;
    size_t n;
    const char *w = fold(c, j, &n);
    if (is_word(c, j) && j > lo && !(c->d->tokens[j].flags & TF_CAP) &&
        ((n == 1 && w[0] == 'l') || (n == 2 && (!memcmp(w, "le", 2) || !memcmp(w, "la", 2))) ||
         (n == 3 && (!memcmp(w, "les", 3) || !memcmp(w, "the", 3)))))
        j--;
    return is_word(c, j) ? j : c->d->n_tokens;
}

static bool prep_before(const struct ctx *c, size_t k, size_t lo)
{
    size_t j = word_before(c, k, lo);
    return j < c->d->n_tokens && is_preposition(c, j);
}

/* ---- Names ---------------------------------------------------------------- */

/* A word that may be part of a name: capitalised and not a function word
 * where a sentence or phrase starts, or a particle with a capital after a
 * hyphen ("al-Rahman"). */
static bool is_name_word(const struct ctx *c, size_t k)
{
    if (!is_word(c, k))
        return false;
    const struct token *t = &c->d->tokens[k];
    if (!(t->flags & TF_CAP)) {
        if (!(t->flags & TF_HYPHEN))
            return false;
        const char *h = memchr(c->d->text + t->start, '-', t->end - t->start);
        return h && h + 1 < c->d->text + t->end && (unsigned char)h[1] >= 'A' &&
               (unsigned char)h[1] <= 'Z' && h - (c->d->text + t->start) <= 3;
    }
    if (t->end - t->start == 1 && c->d->text[t->start] == 'I' && c->d->lang == LANG_EN)
        return false; /* the pronoun "I" */
    bool phrase_start = (t->flags & TF_SENT_START) || k == 0 ||
                        c->d->tokens[k - 1].kind == TOK_PUNCT || line_break_before(c, k);
    if (!phrase_start)
        return true; /* a capital inside a sentence: pronouns are lower case there */
    return !(wc(c, k) & (LSC_FUNCTION | LSC_PRONOUN | LSC_RELATIVE));
}

static bool is_abbrev_title(const struct ctx *c, size_t k)
{
    if (!is_word(c, k))
        return false;
    size_t n = c->d->tokens[k].flen;
    if (n == 1 && (c->d->tokens[k].flags & TF_CAP))
        return true; /* an initial: "T." */
    return n <= 4 && (wc(c, k) & LSC_TITLE);
}

static bool all_titles(const struct ctx *c, size_t s, size_t e);

/* End (exclusive) of the name run starting at token k, which must be a name
 * word; the run stops before `lim`. */
static size_t run_end(const struct ctx *c, size_t k, size_t lim)
{
    size_t j = k + 1, words = 1;
    bool org_head = wc(c, k) & LSC_ORG_HEAD;
    while (j < lim && words < MAX_NAME_WORDS && !line_break_before(c, j)) {
        if (is_name_word(c, j) && (c->d->tokens[j].flags & TF_CAP || !(wc(c, j) & LSC_FUNCTION))) {
            j++;
            words++;
            continue;
        }
        /* "Recep T. Erdogan", "Dr. Livermore", "M.Houdré" */
        if (is_punct(c, j, '.') && j + 1 < lim && is_abbrev_title(c, j - 1) && is_name_word(c, j + 1) &&
            !line_break_before(c, j + 1)) {
            j++;
            continue;
        }
        size_t n;
        const char *w = fold(c, j, &n);
        if (is_word(c, j) && !(c->d->tokens[j].flags & TF_CAP) && (wc(c, j) & LSC_CONNECTOR) &&
            !all_titles(c, k, j)) {
            size_t nx = j + 1;
            if (n == 1 && is_apos(c, nx)) /* "d'Estaing" */
                nx++;
            /* "Commission de l'Union africaine", "Banque de la Réunion":
             * an article after "de" inside an organisation's name */
            if ((n == 2 && !memcmp(w, "de", 2)) && org_head && is_word(c, nx)) {
                size_t an;
                const char *a2 = fold(c, nx, &an);
                if (an == 1 && a2[0] == 'l' && is_apos(c, nx + 1))
                    nx += 2;
                else if (an == 2 && !memcmp(a2, "la", 2) && !(c->d->tokens[nx].flags & TF_CAP))
                    nx++;
            }
            if (nx < lim && is_name_word(c, nx) && (c->d->tokens[nx].flags & TF_CAP)) {
                /* "Paul Durand de Lyon": a place after "de" is not part of a
                 * person's name (the actors pass knows places) */
                if (n <= 3 && w[0] == 'd' && !org_head) {
                    int pa = actors_at(c->d, c->d->tokens[nx].start, c->d->tokens[nx].end);
                    if (pa >= 0 && c->d->out->actors[pa].type == ACTOR_PLACE)
                        break;
                }
                j = nx;
                continue;
            }
        }
        /* "Association des maires de France", "Ordre des médecins": a French
         * organisation head, a complement in lower case, and maybe a name */
        if (c->d->lang == LANG_FR && j == k + 1 && is_word(c, j) && !(c->d->tokens[j].flags & TF_CAP)) {
            size_t xn;
            const char *x = fold(c, j, &xn);
            size_t m = j;
            if (org_head && (fold_is(x, xn, "des") || fold_is(x, xn, "du"))) {
                m = j + 1;
            } else if (org_head && fold_is(x, xn, "de")) {
                m = j + 1;
                size_t an;
                x = fold(c, m, &an);
                if (an == 1 && x[0] == 'l' && is_apos(c, m + 1))
                    m += 2;
                else if (an == 2 && !memcmp(x, "la", 2))
                    m++;
            }
            if (m > j && m < lim && is_word(c, m) && !(c->d->tokens[m].flags & TF_CAP)) {
                const struct speech_word *me = sw_of(c, m);
                if (c->d->tokens[m].flen >= 4 && !(me->cls & (LSC_FUNCTION | LSC_ADVERB)) && !me->verb) {
                    size_t end = m + 1;
                    /* "… de France", "… d'Île-de-France" */
                    size_t p2 = end;
                    if (p2 < lim && is_word(c, p2)) {
                        size_t pn;
                        x = fold(c, p2, &pn);
                        if ((pn == 2 && (!memcmp(x, "de", 2) || !memcmp(x, "du", 2))) || (pn == 3 && !memcmp(x, "des", 3)))
                            p2++;
                        else if (pn == 1 && x[0] == 'd' && is_apos(c, p2 + 1))
                            p2 += 2;
                        if (p2 > end && p2 < lim && is_name_word(c, p2) && (c->d->tokens[p2].flags & TF_CAP)) {
                            size_t q2 = p2 + 1;
                            while (q2 < lim && is_name_word(c, q2) && (c->d->tokens[q2].flags & TF_CAP) &&
                                   q2 < p2 + 4)
                                q2++;
                            end = q2;
                        }
                    }
                    return end;
                }
            }
        }
        /* French organisation names go on in lower case: "Nations unies",
         * "Cour pénale internationale" */
        if (c->d->lang == LANG_FR && is_word(c, j) && !(c->d->tokens[j].flags & TF_CAP) && org_head) {
            size_t m = j;
            while (m < lim && m < j + 2 && is_word(c, m) && !(c->d->tokens[m].flags & TF_CAP)) {
                const struct speech_word *me = sw_of(c, m);
                if ((me->cls & (LSC_FUNCTION | LSC_DETERMINER | LSC_AUXILIARY | LSC_CONNECTOR | LSC_ADVERB)) ||
                    me->verb || c->d->tokens[m].flen < 4)
                    break;
                m++;
            }
            return m;
        }
        break;
    }
    /* never end on a title abbreviation's dot or a connector */
    return j;
}

/* A known organisation or medium written at the front of the name run
 * [s,e) and followed by more capitalised name words that are no known
 * entity: "AFP Jean Vanhoutte", "Reuters Smith" (but not "HP France").
 * Returns the first token after the organisation, or s when there is none. */
static size_t org_prefix_end(const struct ctx *c, size_t s, size_t e)
{
    char buf[256], cut[WORD_MAX];
    size_t ends[MAX_NAME_WORDS];
    size_t n = 0, nt = 0;
    if (e <= s + 1 || !is_word(c, s))
        return s;
    for (size_t k = s; k < e && nt < MAX_NAME_WORDS; k++, nt++) {
        size_t wn;
        const char *w = fold_cut(c, k, cut, &wn);
        if (k > s && (c->d->tokens[k].flags & TF_SPACE_BEFORE) && n + 1 < sizeof buf)
            buf[n++] = ' ';
        if (n + wn >= sizeof buf)
            break;
        memcpy(buf + n, w, wn);
        n += wn;
        ends[nt] = n;
    }
    for (size_t i = nt - 1; i > 0; i--) {
        size_t k = s + i; /* first token after the candidate prefix [s,k) */
        if (!is_word(c, k) || !(c->d->tokens[k].flags & TF_CAP) || !is_word(c, k - 1))
            continue;
        const struct lex_entity *en = lex_entity_find(buf, ends[i - 1]);
        if (!en || en->type != ACTOR_ORGANIZATION)
            continue;
        if (en->acronym) {
            bool caps = true;
            for (size_t j = s; j < k; j++)
                if (is_word(c, j) && !(c->d->tokens[j].flags & TF_ALLCAPS))
                    caps = false;
            if (!caps)
                continue;
        }
        /* the rest must not be a known entity itself */
        size_t rn;
        const char *w = fold_cut(c, k, cut, &rn);
        if (lex_entity_find(w, rn) || (wc(c, k) & LSC_ORG_HEAD))
            return s;
        return k;
    }
    return s;
}

/* Strip what is not the name from run [*s,*e): a determiner opening a
 * sentence ("Le Kremlin"), leading titles ("Iranian President"), an
 * organisation before a person ("Amnesty International Man-kei Tam"). */
static void strip_run(const struct ctx *c, size_t *s, size_t *e)
{
    while (*s + 1 < *e) {
        if (wc(c, *s) & (LSC_FUNCTION | LSC_DETERMINER))
            (*s)++;
        else
            break;
    }
    /* leading titles: up to two modifiers then a title ("Samoan Prime
     * Minister", "NATO Secretary-General", "Society President") */
    size_t last_title = (size_t)-1;
    for (size_t k = *s; k < *e && k < *s + 5; k++) {
        if (!is_word(c, k))
            continue;
        if (wc(c, k) & LSC_TITLE)
            last_title = k;
        else if (last_title != (size_t)-1)
            break;
    }
    if (last_title != (size_t)-1) {
        size_t k = last_title + 1;
        while (k < *e && !is_name_word(c, k))
            k++;
        if (k < *e)
            *s = k;
    }
    while (*s + 1 < *e && !is_name_word(c, *s))
        (*s)++;
    /* a medium or agency glued to the person after it: "AFP Jean Vanhoutte" */
    size_t op = org_prefix_end(c, *s, *e);
    if (op > *s)
        *s = op;
    /* an organisation name before a person's name */
    size_t words = 0;
    for (size_t k = *s; k < *e; k++)
        words += is_word(c, k);
    if (words >= 4) {
        size_t cut = (size_t)-1, seen = 0;
        for (size_t k = *s; k < *e; k++) {
            if (!is_word(c, k))
                continue;
            seen++;
            if (seen >= 2 && words - seen >= 2 && (wc(c, k) & LSC_ORG_HEAD))
                cut = k;
        }
        if (cut != (size_t)-1)
            *s = cut + 1;
    }
}

static size_t count_name_words(const struct ctx *c, size_t s, size_t e)
{
    size_t n = 0;
    for (size_t k = s; k < e; k++)
        n += is_word(c, k);
    return n;
}

/* True when every word of [s,e) is of the LSC_* class `cls`. */
static bool all_words(const struct ctx *c, size_t s, size_t e, unsigned cls)
{
    for (size_t k = s; k < e; k++)
        if (is_word(c, k) && !(wc(c, k) & cls))
            return false;
    return true;
}

/* True when every word of [s,e) is a title ("President", "MP"). */
static bool all_titles(const struct ctx *c, size_t s, size_t e)
{
    return all_words(c, s, e, LSC_TITLE);
}

/* Strip a recorded run as a name: titles, and a leading place after a
 * preposition ("President of Ukraine Volodymyr Zelenskyy"). */
static void clean_run(const struct ctx *c, size_t *s, size_t *e)
{
    size_t s0 = *s;
    strip_run(c, s, e);
    if (*s == s0 && count_name_words(c, *s, *e) >= 3 && prep_before(c, s0, 0)) {
        (*s)++;
        while (*s < *e && !is_word(c, *s))
            (*s)++;
    }
}

/* The word tokens of [s,e) into words[], up to MAX_NAME_WORDS. */
static size_t name_words(const struct ctx *c, size_t s, size_t e, size_t *words)
{
    size_t n = 0;
    for (size_t k = s; k < e && n < MAX_NAME_WORDS; k++)
        if (is_word(c, k))
            words[n++] = k;
    return n;
}

/* The last token in [lo,p) that folds like token s (same_fold()), or
 * (size_t)-1. Only a token of its word folds like a word shorter than any
 * cut fold (one code point folds to four bytes at most). */
static size_t prev_same(const struct ctx *c, size_t s, size_t p, size_t lo)
{
    const struct token *t = &c->d->tokens[s], *tk = c->d->tokens;
    if (t->kind == TOK_WORD && t->flen + 4 < WORD_MAX) {
        while (p-- > lo)
            if (tk[p].word == t->word && tk[p].kind == TOK_WORD)
                return p;
        return (size_t)-1;
    }
    while (p-- > lo)
        if (same_fold(c, p, s))
            return p;
    return (size_t)-1;
}

/* Chain the tokens of every word (c->first_of, c->next_of); false when
 * there was no memory for it. */
static bool chain_words(struct ctx *c)
{
    const struct doc *d = c->d;
    if (c->next_of)
        return true;
    c->first_of = calloc(d->n_words ? d->n_words : 1, sizeof *c->first_of);
    c->next_of = malloc((d->n_tokens ? d->n_tokens : 1) * sizeof *c->next_of);
    if (!c->first_of || !c->next_of) {
        free(c->first_of);
        free(c->next_of);
        c->first_of = c->next_of = NULL;
        return false;
    }
    for (size_t k = d->n_tokens; k-- > 0;) {
        const struct token *t = &d->tokens[k];
        if (t->kind == TOK_WORD) {
            c->next_of[k] = c->first_of[t->word];
            c->first_of[t->word] = (uint32_t)k + 1;
        }
    }
    return true;
}

/* The fullest name in the text around token s that ends with the words of
 * [s,e) ("Myers" → "Matt Myers"), or, for a single word, starts with it
 * ("Tuilaepa" → "Tuilaepa Sailele Malielegaoi"). Sets *fs,*fe; keeps
 * [s,e) when nothing fuller is found. The search compares the last word's
 * bytes with the other tokens of its word in a window, then reads the run
 * around each hit; answers are remembered for the next quotes of the same
 * speaker. */
static void expand_name(struct ctx *c, size_t s, size_t e, size_t *fs, size_t *fe)
{
    const struct doc *d = c->d;
    size_t want[MAX_NAME_WORDS], have[MAX_NAME_WORDS];
    size_t nw = name_words(c, s, e, want), best = nw;
    *fs = s;
    *fe = e;
    if (nw == 0 || nw >= 3)
        return;
    size_t from = d->tokens[s].start, len = d->tokens[e - 1].end - from;
    for (size_t i = 0; i < c->n_cache && i < EXPAND_CACHE; i++) {
        const struct expansion *x = &c->cache[i];
        if (x->len == len && memcmp(d->text + x->from, d->text + from, len) == 0 &&
            (x->at > s ? x->at - s : s - x->at) < EXPAND_WINDOW / 4) {
            if (x->fe > x->fs && x->fs != x->at) {
                *fs = x->fs;
                *fe = x->fe;
            }
            return;
        }
    }
    const struct token *lt = &d->tokens[e - 1];
    size_t lw = lt->end - lt->start;
    const char *lb = d->text + lt->start;
    size_t lo_tok = s > EXPAND_WINDOW ? s - EXPAND_WINDOW : 0;
    size_t hi_tok = s + EXPAND_WINDOW < d->n_tokens ? s + EXPAND_WINDOW : d->n_tokens;
    /* the same bytes fold alike: a word is found among its word's tokens */
    bool chained = lt->kind == TOK_WORD && chain_words(c);
    for (size_t x = chained ? c->first_of[lt->word] : lo_tok + 1; x; x = chained ? c->next_of[x - 1] : x + 1) {
        size_t k = x - 1;
        if (k >= hi_tok)
            break;
        const struct token *t = &d->tokens[k];
        if (k < lo_tok || t->end - t->start != lw || memcmp(d->text + t->start, lb, lw) != 0 ||
            (k >= s && k < e))
            continue;
        /* the run around this occurrence */
        size_t rs = k;
        while (rs > lo_tok && k - rs < MAX_NAME_WORDS &&
               (is_name_word(c, rs - 1) ||
                (is_punct(c, rs - 1, '.') && rs >= 2 && is_abbrev_title(c, rs - 2))))
            rs--;
        while (rs < k && !is_name_word(c, rs))
            rs++;
        if (!is_name_word(c, rs))
            continue;
        size_t re = run_end(c, rs, d->n_tokens);
        if (re <= k)
            continue;
        bool tail = re == k + 1, head = nw == 1 && rs == k;
        if (!tail && !head)
            continue;
        clean_run(c, &rs, &re);
        if (re <= rs || re - rs <= e - s)
            continue;
        size_t nh = name_words(c, rs, re, have);
        if (nh <= best || nh > 4)
            continue;
        bool ok = true;
        if (tail)
            for (size_t i = 0; i < nw && ok; i++)
                ok = same_fold(c, have[nh - nw + i], want[i]);
        if (ok && !all_titles(c, rs, re)) {
            best = nh;
            *fs = rs;
            *fe = re;
        }
    }
    struct expansion *x = &c->cache[c->n_cache++ % EXPAND_CACHE];
    *x = (struct expansion){s, from, len, *fs, *fe};
}
/* ---- Noun phrases --------------------------------------------------------- */

static bool skip_de_son_cote(const struct ctx *c, size_t *k)
{
    /* "de son côté", "de leur côté", "pour sa part" */
    if ((word_is(c, *k, "de") || word_is(c, *k, "pour")) &&
        (word_is(c, *k + 1, "son") || word_is(c, *k + 1, "sa") || word_is(c, *k + 1, "leur")) &&
        (word_is(c, *k + 2, "cote") || word_is(c, *k + 2, "part"))) {
        *k += 3;
        return true;
    }
    return false;
}

/* Does word k end a title phrase: a verb, a conjunction, or a preposition
 * other than the "de"/"of" that builds the title ("le ministre de la Santé"
 * goes on, "le ministre dans un communiqué" stops)? */
static bool title_stops(const struct ctx *c, size_t k)
{
    size_t n;
    const char *w = fold(c, k, &n);
    const struct speech_word *e = sw_of(c, k);
    if (is_preposition(c, k))
        return !((n == 2 && !memcmp(w, "de", 2)) || (n == 2 && !memcmp(w, "du", 2)) ||
                 (n == 3 && !memcmp(w, "des", 3)) || (n == 1 && w[0] == 'd') ||
                 (n == 2 && !memcmp(w, "of", 2)));
    return (e->cls & (LSC_AUXILIARY | LSC_RELATIVE)) || e->verb || (n == 3 && !memcmp(w, "que", 3)) ||
           (n == 2 && !memcmp(w, "qu", 2)) || (n == 4 && !memcmp(w, "that", 4)) ||
           (n == 2 && !memcmp(w, "et", 2)) || (n == 3 && !memcmp(w, "and", 3));
}

/* Analyse the phrase [s,lim) naming a speaker. `indef_descriptor`: a phrase
 * opening with "un", "a"... describes someone named elsewhere (an
 * apposition) rather than being the speaker itself. */
static struct ref analyze_np(const struct ctx *c, size_t s, size_t lim, bool indef_descriptor)
{
    struct ref r = {REF_NONE, 0, 0, 0, 0, false};
    size_t k = s;
    while (k < lim) {
        int sk = stretch_at(c, k);
        if (sk >= 0) {
            k = c->st[sk].close_tok + 1;
            continue;
        }
        if ((wc(c, k) & LSC_ADVERB) && !(c->d->tokens[k].flags & TF_CAP && c->d->tokens[k].flen > 2)) {
            k++;
            continue;
        }
        if (skip_de_son_cote(c, &k))
            continue;
        if (!is_word(c, k) && !is_name_word(c, k)) {
            k++;
            continue;
        }
        break;
    }
    if (k >= lim)
        return r;
    size_t n;
    const char *w = fold(c, k, &n);
    unsigned kc = wc(c, k);
    if (kc & LSC_PRONOUN) {
        r.kind = REF_PRONOUN;
        r.s = k;
        r.e = k + 1;
        return r;
    }
    if (kc & LSC_RELATIVE) {
        r.kind = REF_RELATIVE;
        r.s = k;
        r.e = k + 1;
        return r;
    }
    /* "his office said", "son entourage a indiqué": the words are the
     * possessor's, who is found like a pronoun's referent */
    if ((kc & LSC_POSSESSIVE) && k + 1 < lim) {
        if (wc(c, k + 1) & LSC_PROXY) {
            r.kind = REF_PRONOUN;
            r.s = k;
            r.e = k + 2;
            return r;
        }
    }
    bool indef = fold_is(w, n, "un") || fold_is(w, n, "une") ||
                 (c->d->lang == LANG_EN && (fold_is(w, n, "a") || fold_is(w, n, "an")));
    if (indef && indef_descriptor)
        return r;
    size_t h = k;
    if ((kc & LSC_DETERMINER) && !is_name_word(c, h)) {
        h++;
        if (is_apos(c, h))
            h++;
    } else if ((kc & LSC_DETERMINER) && (c->d->tokens[h].flags & TF_CAP)) {
        /* "Le ministre…", "The SDF" at a sentence start */
        h++;
        if (is_apos(c, h))
            h++;
    }
    /* "the 23-time Grand Slam champion": numbers and hyphens before the head */
    while (h < lim && !is_word(c, h) && stretch_at(c, h) < 0 && !is_punct(c, h, ','))
        h++;
    if (h >= lim)
        return r;
    unsigned hc = wc(c, h);
    bool head_lower = is_word(c, h) && !(c->d->tokens[h].flags & TF_CAP);

    /* "le communiqué du ministère…", "the statement by X" */
    if (hc & LSC_DOCUMENT) {
        size_t j = h + 1;
        while (j < lim && is_word(c, j) && !is_preposition(c, j) && !is_name_word(c, j))
            j++; /* "communiqué de presse" is stepped over below */
        if (j < lim && is_preposition(c, j)) {
            j++;
            if (word_is(c, j, "presse") || word_is(c, j, "press")) {
                j++;
                if (j < lim && is_preposition(c, j))
                    j++;
                else
                    return r;
            }
            return analyze_np(c, j, lim, false);
        }
        return r;
    }
    /* an organisation named by its head noun: "l'agence Spunik", "le
     * ministère de l'Intérieur", "la police malaisienne" */
    if (head_lower && (hc & LSC_ORG_HEAD)) {
        size_t j = h + 1;
        while (j < lim && is_word(c, j) && !(c->d->tokens[j].flags & TF_CAP) && j < h + 3 &&
               !is_preposition(c, j))
            j++;
        if (j < lim && is_name_word(c, j) && (c->d->tokens[j].flags & TF_CAP)) {
            r.kind = REF_NAME;
            r.s = j;
            r.e = run_end(c, j, lim);
            return r;
        }
        if (j < lim && is_preposition(c, j)) {
            size_t m = j + 1;
            if (wc(c, m) & LSC_DETERMINER)
                m++;
            if (is_apos(c, m))
                m++;
            if (m < lim && is_name_word(c, m)) {
                r.kind = REF_ORG;
                r.s = h;
                r.e = run_end(c, m, lim);
                return r;
            }
        }
        r.kind = REF_TITLE;
        r.s = h;
        r.e = j;
        return r;
    }
    /* name runs in the phrase: after a title word, or first one not
     * governed by a preposition; one governed by a preposition is kept as
     * a weaker candidate ("directeur du site de Jababeka David Quentin") */
    size_t first_free_s = 0, first_free_e = 0, alt_s = 0, alt_e = 0;
    bool after_title_found = false;
    for (size_t j = h; j < lim; j++) {
        if (stretch_at(c, j) >= 0)
            break;
        if (!is_name_word(c, j) || !(c->d->tokens[j].flags & TF_CAP || j == h))
            continue;
        size_t e = run_end(c, j, lim), s2 = j, e2 = e;
        strip_run(c, &s2, &e2);
        if (all_titles(c, s2, e2)) {
            j = e - 1;
            continue;
        }
        if (e < lim && is_word(c, e) && !(c->d->tokens[e].flags & TF_CAP) && j != k) {
            const struct speech_word *me = sw_of(c, e);
            if ((me->cls & LSC_TITLE) && !me->verb) {
                j = e - 1; /* "the Grand Slam champion", "la star hollywoodienne" */
                continue;
            }
        }
        size_t wb = word_before(c, j, h > s ? s : h);
        bool after_title = wb < c->d->n_tokens && j > h && (wc(c, wb) & LSC_TITLE) && wb + 1 == j;
        bool governed = j > h && prep_before(c, j, s);
        if (after_title && !after_title_found) {
            after_title_found = true;
            first_free_s = s2;
            first_free_e = e2;
        } else if (!governed && first_free_e == 0) {
            /* a single capitalised word after an indefinite determiner is a
             * common noun ("a Republican") */
            if (!(j == h && indef && count_name_words(c, s2, e2) == 1)) {
                first_free_s = s2;
                first_free_e = e2;
            }
        } else if (governed) {
            size_t nw = count_name_words(c, s2, e2);
            if (nw >= 3) {
                alt_s = s2 + 1;
                while (alt_s < e2 && !is_word(c, alt_s))
                    alt_s++;
                alt_e = e2;
            }
        }
        j = e - 1;
    }
    if (first_free_e > first_free_s) {
        r.kind = REF_NAME;
        r.s = first_free_s;
        r.e = first_free_e;
        return r;
    }
    r.alt_s = alt_s;
    r.alt_e = alt_e;
    if (indef && alt_e == alt_s) {
        r.unnamed = true; /* "a indiqué un officier", "said a source" */
        return r;
    }
    if (is_word(c, h) && ((hc & LSC_TITLE) || head_lower)) {
        size_t e = h;
        while (e < lim && (is_word(c, e) || is_apos(c, e)) && stretch_at(c, e) < 0 &&
               !(e > h && is_name_word(c, e) && count_name_words(c, e, run_end(c, e, lim)) >= 2 &&
                 !(run_end(c, e, lim) < lim && is_word(c, run_end(c, e, lim)) &&
                   !(c->d->tokens[run_end(c, e, lim)].flags & TF_CAP)))) {
            if (e > h && is_word(c, e) && title_stops(c, e))
                break;
            e++;
        }
        r.kind = REF_TITLE;
        r.s = h;
        r.e = e;
    }
    return r;
}

/* A full stop after a title or an initial ("Dr.", "M.", "T.") followed by a name. */
static bool abbrev_dot(const struct ctx *c, size_t k)
{
    return is_punct(c, k, '.') && k > 0 && is_abbrev_title(c, k - 1) && is_name_word(c, k + 1) &&
           !(c->d->tokens[k + 1].flags & TF_SPACE_BEFORE && c->d->tokens[k - 1].end - c->d->tokens[k - 1].start > 1 && 0);
}

/* Next comma or clause end at or after k, before lim. */
static size_t segment_end(const struct ctx *c, size_t k, size_t lim)
{
    while (k < lim) {
        if (is_punct(c, k, ',') || (is_clause_end(c, k) && !abbrev_dot(c, k)))
            break;
        int si = stretch_at(c, k);
        if (si >= 0 && (size_t)si < c->n && c->st[si].open_tok == k)
            break;
        k++;
    }
    return k;
}

/* The speaker named after a verb or a marker, from token k up to lim:
 * "le secrétaire général de l'Otan, Jens Stoltenberg", "Mario Joseph". */
static struct ref subject_after(const struct ctx *c, size_t k, size_t lim)
{
    /* "selon lui", "d'après elle", "according to him" */
    if (is_word(c, k)) {
        static const char *const stressed[] = {"lui", "elle", "eux", "elles", "him", "her", "them"};
        size_t n;
        const char *w = fold(c, k, &n);
        for (size_t i = 0; i < sizeof stressed / sizeof stressed[0]; i++)
            if (fold_is(w, n, stressed[i])) {
                struct ref p = {REF_PRONOUN, k, k + 1, 0, 0, false};
                return p;
            }
    }
    /* step over a complement: "à l'AFP", "to reporters", "en ouverture" */
    for (int guard = 0; guard < 3 && k < lim; guard++) {
        size_t n;
        const char *w = fold(c, k, &n);
        if (wc(c, k) & LSC_ADVERB) {
            k++;
            continue;
        }
        if (skip_de_son_cote(c, &k))
            continue;
        if (is_word(c, k) && (fold_is(w, n, "a") || fold_is(w, n, "au") || fold_is(w, n, "aux") ||
                              fold_is(w, n, "devant") || fold_is(w, n, "aupres")) &&
            c->d->lang == LANG_FR) {
            size_t j = k + 1;
            if (wc(c, j) & LSC_DETERMINER)
                j++;
            if (is_apos(c, j))
                j++;
            if (j < lim && is_name_word(c, j)) {
                /* "à l'AFP Jean Vanhoutte": the medium is the complement,
                 * the person after it the subject */
                size_t re = run_end(c, j, lim), op = org_prefix_end(c, j, re);
                j = op > j ? op : re;
            } else if (j < lim)
                j++;
            k = j;
            continue;
        }
        break;
    }
    size_t e = segment_end(c, k, lim);
    struct ref r = analyze_np(c, k, e, false);
    if (r.kind == REF_NAME || r.kind == REF_ORG || r.kind == REF_PRONOUN)
        return r;
    /* apposition: "le secrétaire général de l'Otan, Jens Stoltenberg" */
    if (e < lim && is_punct(c, e, ',') && (r.kind == REF_TITLE || r.kind == REF_NONE)) {
        size_t a = e + 1;
        if (a < lim && is_name_word(c, a) && (c->d->tokens[a].flags & TF_CAP)) {
            size_t ae = run_end(c, a, lim), s2 = a;
            strip_run(c, &s2, &ae);
            if (!all_titles(c, s2, ae)) {
                struct ref n = {REF_NAME, s2, ae, 0, 0, false};
                return n;
            }
        }
        /* "…, la docteure Aïssatou Ndiaye-Kane" */
        if (a < lim && is_word(c, a)) {
            struct ref n = analyze_np(c, a, segment_end(c, a, lim), false);
            if (n.kind == REF_NAME)
                return n;
        }
    }
    return r;
}

/* The subject of a clause from lo to hi: the first phrase naming someone
 * that is not a complement ("Pour se justifier, TVE a émis…"). */
static struct ref clause_subject(const struct ctx *c, size_t lo, size_t hi)
{
    struct ref none = {REF_NONE, 0, 0, 0, 0, false}, title = none;
    size_t k = lo;
    for (int seg = 0; seg < 6 && k < hi; seg++) {
        size_t e = segment_end(c, k, hi);
        size_t f = k;
        while (f < e && !is_word(c, f))
            f++;
        bool complement = f < e && (is_preposition(c, f) || word_is(c, f, "selon") ||
                                    word_is(c, f, "when") || word_is(c, f, "while") ||
                                    word_is(c, f, "lorsque") || word_is(c, f, "quand") ||
                                    word_is(c, f, "speaking") || word_is(c, f, "according") ||
                                    word_is(c, f, "since"));
        if (f < e && !complement) {
            struct ref r = analyze_np(c, f, e, title.kind == REF_NONE);
            if (r.kind == REF_NAME || r.kind == REF_PRONOUN || r.kind == REF_ORG)
                return r;
            if (title.kind != REF_NONE)
                return title; /* the phrase after the title names no one */
            if (r.kind == REF_TITLE)
                title = r;
        }
        if (e >= hi || !is_punct(c, e, ','))
            break;
        k = e + 1;
    }
    return title;
}

/* ---- Verbs ----------------------------------------------------------------- */

struct cue {
    size_t gs, ge;     /* the verb group "a-t-il fait savoir", or the marker */
    size_t verb;       /* the speech verb token */
    unsigned form;
    double weight;
    bool inverted;     /* carries its subject pronoun: "affirme-t-il" */
    bool marker;       /* "selon", "d'après", "according to" */
    bool as_saying;    /* "quoted X as saying" */
};

/* cue_at() of a word that is a speech verb, an inverted verb or a
 * marker's first word. */
static bool cue_read(const struct ctx *c, size_t k, size_t lo, struct cue *q)
{
    const struct token *t = &c->d->tokens[k];
    /* markers, from the words that may start one */
    if (wc(c, k) & LSC_MARKER_HEAD) {
        const char *p[3];
        size_t l[3], nw = c->d->n_tokens - k < 3 ? c->d->n_tokens - k : 3;
        p[0] = fold(c, k, &l[0]);
        p[1] = fold(c, k + 1, &l[1]);
        p[2] = fold(c, k + 2, &l[2]);
        size_t m = lex_speech_marker(c->d->lang, p, l, nw);
        /* "Pour la présidente du parti, Marine Le Pen, le gouvernement…":
         * "pour" opening a sentence before a person */
        if (!m && c->d->lang == LANG_FR && (t->flags & TF_SENT_START) && l[0] == 4 &&
            !memcmp(p[0], "pour", 4) && nw > 1 &&
            ((wc(c, k + 1) & LSC_DETERMINER) || is_name_word(c, k + 1)))
            m = 1;
        if (m) {
            *q = (struct cue){.gs = k, .ge = k + m, .verb = k, .form = SF_FINITE, .weight = 1.0,
                              .marker = true};
            return true;
        }
    }
    if ((t->flags & TF_CAP) && !(t->flags & TF_SENT_START))
        return false;
    /* French verbs carry their inverted subject: "affirme-t-il" */
    const struct speech_word *e = sw_of(c, k);
    bool inverted = c->d->lang == LANG_FR && (e->cls & SW_INVERTED);
    const struct speech_verb *v = inverted ? e->base_verb : e->verb;
    unsigned form = v ? (inverted ? e->base_form : e->form) : 0;
    size_t verb = k, ge = k + 1;
    if (!v && inverted && (e->cls & SW_BASE_AUX)) {
        /* "a-t-il fait savoir", "a-t-elle ajouté" */
        size_t j = k + 1;
        while (j < c->d->n_tokens && j < k + 4 && is_word(c, j)) {
            const struct speech_word *je = sw_of(c, j);
            v = je->verb;
            form = je->form;
            if (v && (form & (SF_PARTICIPLE | SF_INFINITIVE)))
                break;
            v = NULL;
            if (!(je->cls & (LSC_ADVERB | LSC_AUXILIARY)))
                break;
            j++;
        }
        if (!v)
            return false;
        verb = j;
        ge = j + 1;
        form = SF_FINITE;
    }
    if (!v)
        return false;
    /* a noun, not a verb: "le juge", "l'annonce", "a statement", "the state" */
    if (!inverted && k > 0) {
        static const char *const fr_det[] = {"le", "la", "les", "un", "une", "du", "des", "ce",
                                             "cette", "son", "sa", "ses", "l", "d", NULL};
        static const char *const en_det[] = {"the", "a", "an", "this", "his", "her", "their",
                                             "its", "our", NULL};
        size_t p = k - 1;
        bool elided = false;
        if (is_apos(c, p) && p > 0) {
            p--;
            elided = true;
        }
        size_t pn;
        const char *pw = fold(c, p, &pn);
        bool det = false;
        if (is_word(c, p) && (!elided || pn == 1))
            for (const char *const *l = c->d->lang == LANG_FR ? fr_det : en_det; *l && !det; l++)
                det = fold_is(pw, pn, *l);
        /* "a Facebook post", "the official statement" */
        if (!det && !elided && c->d->lang == LANG_EN && (form & SF_INFINITIVE) && is_word(c, p) &&
            p > 0 && is_word(c, p - 1) &&
            !(wc(c, p) & (LSC_AUXILIARY | LSC_ADVERB | LSC_PRONOUN | LSC_RELATIVE))) {
            size_t ppn;
            const char *pp = fold(c, p - 1, &ppn);
            static const char *const arts[] = {"a", "an", "the"};
            for (size_t i = 0; i < sizeof arts / sizeof arts[0] && !det; i++)
                det = fold_is(pp, ppn, arts[i]);
        }
        if (det && c->d->lang == LANG_FR && p > 0 && (wc(c, p - 1) & LSC_PRONOUN))
            det = false; /* "il le dit" */
        if (det)
            return false;
    }
    size_t gs = k;
    /* the auxiliaries before: "a dit", "s'est dit", "a elle relevé",
     * "a fait savoir", "has said", "did not say" */
    if (!inverted) {
        size_t j = k;
        while (j > lo && j + 6 > k) {
            size_t p = j - 1;
            if (is_apos(c, p) && p > lo)
                p--;
            if (!is_word(c, p) || (c->d->tokens[p].flags & TF_CAP && !(c->d->tokens[p].flags & TF_SENT_START)))
                break;
            size_t pn;
            const char *w = fold(c, p, &pn);
            const struct speech_word *pe = sw_of(c, p);
            if (pe->cls & LSC_AUXILIARY) {
                gs = p;
                j = p;
                continue;
            }
            if (pe->cls & LSC_ADVERB) {
                j = p;
                continue;
            }
            if (c->d->lang == LANG_FR && (pe->cls & LSC_PRONOUN) && p > lo &&
                (wc(c, p - 1) & LSC_AUXILIARY)) { /* "a elle relevé" */
                j = p;
                continue;
            }
            if (c->d->lang == LANG_FR && (fold_is(w, pn, "s") || fold_is(w, pn, "se") || fold_is(w, pn, "l") ||
                                          fold_is(w, pn, "ne") || fold_is(w, pn, "n"))) {
                gs = p; /* "s'est félicitée", "l'avait annoncé" */
                j = p;
                continue;
            }
            /* an inverted auxiliary: "a-t-il fait savoir" */
            if (c->d->lang == LANG_FR && (pe->cls & SW_BASE_AUX)) {
                gs = p;
                inverted = true;
            }
            break;
        }
        if (gs == k && (form & SF_INFINITIVE) && !(form & SF_FINITE) && c->d->lang == LANG_FR && !inverted)
            return false; /* "dire" alone */
        if (gs == k && (form & SF_PARTICIPLE) && !(form & SF_FINITE) && c->d->lang == LANG_FR && !inverted) {
            /* a bare participle: "qualifié de", "classé comme" (passive) */
            form = SF_PARTICIPLE;
        }
    }
    *q = (struct cue){.gs = gs, .ge = ge, .verb = verb, .form = gs < k ? (form | SF_FINITE) : form,
                      .weight = v->weight, .inverted = inverted};
    if (c->d->lang == LANG_EN && word_is(c, k, "saying") && k > 0 && word_is(c, k - 1, "as"))
        q->as_saying = true;
    /* a gerund used as a finite verb: only the gerund bit */
    if (gs == k && (form & SF_GERUND))
        q->form = SF_GERUND;
    if (c->d->lang == LANG_EN && gs == k && (form & SF_INFINITIVE) && !(form & SF_FINITE))
        return false;
    return true;
}

/* Is token k (a word) a speech verb, or a marker starting at k? On success
 * fills *q with the whole group. Most words are neither, as their entry
 * says at once. */
static inline bool cue_at(const struct ctx *c, size_t k, size_t lo, struct cue *q)
{
    if (!is_word(c, k))
        return false;
    const struct speech_word *e = sw_of(c, k);
    return (e->verb || (e->cls & (SW_INVERTED | LSC_MARKER_HEAD))) && cue_read(c, k, lo, q);
}

/* ---- Resolution to actors --------------------------------------------------- */

static enum actor_type guess_type(const struct ctx *c, size_t s, size_t e)
{
    size_t words = 0;
    bool allcaps = true;
    for (size_t k = s; k < e; k++) {
        if (!is_word(c, k))
            continue;
        words++;
        if (wc(c, k) & LSC_ORG_HEAD)
            return ACTOR_ORGANIZATION;
        if (!(c->d->tokens[k].flags & TF_ALLCAPS))
            allcaps = false;
    }
    return words == 1 && allcaps ? ACTOR_ORGANIZATION : ACTOR_PERSON;
}

/* Is actor a called, by its name or an alias, what tokens [s,e) write? */
static bool actor_named(struct ctx *c, int a, size_t s, size_t e)
{
    const struct doc *d = c->d;
    size_t bs = d->tokens[s].start, be = d->tokens[e - 1].end;
    char want[256], buf[256];
    utf8_fold_into(d->text + bs, be - bs, want, sizeof want);
    const struct actor *ac = &d->out->actors[a];
    utf8_fold_into(ac->name, strlen(ac->name), buf, sizeof buf);
    if (strcmp(buf, want) == 0)
        return true;
    for (size_t i = 0; i < ac->n_aliases; i++) {
        utf8_fold_into(ac->aliases[i], strlen(ac->aliases[i]), buf, sizeof buf);
        if (strcmp(buf, want) == 0)
            return true;
    }
    return false;
}

/* Is actor a an organisation whose name starts with the words of [s,e)? */
static bool org_goes_on(struct ctx *c, int a, size_t s, size_t e)
{
    const struct doc *d = c->d;
    const struct actor *ac = &d->out->actors[a];
    if (ac->type != ACTOR_ORGANIZATION)
        return false;
    size_t bs = d->tokens[s].start, be = d->tokens[e - 1].end;
    char want[256], buf[256];
    size_t wl = utf8_fold_into(d->text + bs, be - bs, want, sizeof want);
    utf8_fold_into(ac->name, strlen(ac->name), buf, sizeof buf);
    return wl > 0 && strncmp(buf, want, wl) == 0 && buf[wl] == ' ';
}

static int add_name(struct ctx *c, size_t s, size_t e, size_t at_s, size_t at_e, enum actor_type t)
{
    const struct doc *d = c->d;
    size_t bs = d->tokens[s].start, be = d->tokens[e - 1].end;
    size_t ms = d->tokens[at_s].start, me = d->tokens[at_e - 1].end;
    /* the actor the actors pass found at that very name, or an
     * organisation whose name goes on from it ("Association" read where
     * the actors pass read "Association des maires de France") */
    int a = actors_at(d, bs, be);
    if (a >= 0 && (actor_named(c, a, s, e) || org_goes_on(c, a, s, e)))
        return a;
    a = actors_add(c->d, d->text + bs, be - bs, t, ms, me);
    if (a < 0)
        c->oom = 1;
    return a;
}

/* True when a name as the actors pass wrote it opens with a title
 * ("President Donald Trump"): not a form to report. */
static bool titled(const char *name)
{
    char buf[256];
    utf8_fold_into(name, strlen(name), buf, sizeof buf);
    const char *sp = strchr(buf, ' ');
    if (!sp)
        return false;
    for (const char *w = buf; sp; w = sp + 1, sp = strchr(w, ' '))
        if (lex_speech_is_title(w, (size_t)(sp - w)))
            return true;
    return false;
}

static size_t sentence_first_tok(const struct ctx *c, size_t si);
static size_t sentence_end_tok(const struct ctx *c, size_t si);

/* The country of the nationality noun at token k ("the Australian",
 * "l'Italienne"), or NULL: a capitalised nationality after a determiner
 * that is not itself a known entity. */
static const char *demonym_at(const struct ctx *c, size_t k)
{
    char cut[WORD_MAX];
    if (!is_word(c, k) || !(c->d->tokens[k].flags & TF_CAP) || k == 0)
        return NULL;
    size_t n, b = k - 1;
    const char *w = fold_cut(c, k, cut, &n);
    const char *country = lex_nationality(w, n);
    if (!country || lex_entity_find(w, n))
        return NULL;
    if (is_apos(c, b) && b > 0)
        b--;
    if (!(wc(c, b) & LSC_DETERMINER))
        return NULL;
    return country;
}

/* A nationality noun standing for a person ("the Australian said"): the
 * person named in the latest sentence before it that gives the same
 * nationality ("Ash Barty, the Australian world number one"), else no one.
 * A nationality is never a speaker's name. */
static int resolve_demonym(struct ctx *c, size_t k, const char *country)
{
    const struct doc *d = c->d;
    char cut[WORD_MAX];
    size_t lo = k > TITLE_WINDOW ? k - TITLE_WINDOW : 0;
    for (size_t p = k; p-- > lo;) {
        if (!is_word(c, p))
            continue;
        size_t n;
        const char *w = fold_cut(c, p, cut, &n);
        const char *cp = lex_nationality(w, n);
        if (!cp || strcmp(cp, country) != 0)
            continue;
        size_t si = doc_sentence_at(d, d->tokens[p].start);
        size_t a = sentence_first_tok(c, si), b = sentence_end_tok(c, si);
        int best = -1;
        for (size_t q = a; q < b && q < k; q++) {
            int ac = actors_at(d, d->tokens[q].start, d->tokens[q].end);
            if (ac >= 0 && d->out->actors[ac].type == ACTOR_PERSON) {
                best = ac;
                if (q > p)
                    break; /* the first person after it, when none before */
            }
        }
        if (best >= 0)
            return best;
    }
    return -1;
}

/* Does the name at [s,e) name an event, a law or a work ("Australian
 * Open", "Brisbane International", "Paris Agreement"), which says nothing? */
static bool names_thing(const struct ctx *c, size_t s, size_t e)
{
    char cut[WORD_MAX];
    size_t last = e;
    for (size_t k = s; k < e; k++)
        if (is_word(c, k))
            last = k;
    if (last == e || last == s)
        return false;
    size_t n;
    const char *w = fold_cut(c, last, cut, &n);
    if (lex_entity_find(w, n))
        return false;
    if (lex_word(w, n) & LW_THING)
        return true;
    if (n == 13 && !memcmp(w, "international", 13) && count_name_words(c, s, e) == 2) {
        w = fold_cut(c, s, cut, &n);
        const struct lex_entity *en = lex_entity_find(w, n);
        return en && en->type == ACTOR_PLACE;
    }
    return false;
}

/* A name at [s,e): expanded to its fullest form, then an actor. */
static int resolve_name(struct ctx *c, size_t s, size_t e)
{
    size_t fs, fe;
    if (e <= s || names_thing(c, s, e))
        return -1;
    if (e == s + 1) {
        const char *country = demonym_at(c, s);
        if (country)
            return resolve_demonym(c, s, country);
    }
    /* a lone surname the actors already know */
    if (count_name_words(c, s, e) == 1) {
        const struct doc *d = c->d;
        int a = actors_find(d, d->text + d->tokens[s].start, d->tokens[e - 1].end - d->tokens[s].start);
        if (a >= 0 && strchr(d->out->actors[a].name, ' ') && !titled(d->out->actors[a].name))
            return a;
    }
    expand_name(c, s, e, &fs, &fe);
    return add_name(c, fs, fe, s, e, guess_type(c, fs, fe));
}

static int resolve_ref(struct ctx *c, const struct ref *r, int depth);

/* A title ("le président russe", "le ministre iranien des Transports"):
 * the actor holding it as an alias, else the name given beside the same
 * words earlier ("Abbas Akhoundi, le ministre iranien des Transports,"). */
static int resolve_title(struct ctx *c, size_t s, size_t e)
{
    const struct doc *d = c->d;
    if (e <= s)
        return -1;
    /* the holder of the title, not a name in its complement: "le patron
     * de la SNCF" is a person, whoever the organisation is */
    int a = actors_at(d, d->tokens[s].start, d->tokens[s].end);
    if (a >= 0)
        return a;
    a = actors_find(d, d->text + d->tokens[s].start, d->tokens[e - 1].end - d->tokens[s].start);
    if (a >= 0)
        return a;
    int inner = actors_at(d, d->tokens[s].start, d->tokens[e - 1].end);
    if (inner >= 0 && d->out->actors[inner].type == ACTOR_PERSON)
        return inner;
    size_t len = e - s;
    size_t lo = s > TITLE_WINDOW ? s - TITLE_WINDOW : 0;
    for (size_t p = s; (p = prev_same(c, s, p, lo)) != (size_t)-1;) {
        size_t m = 1;
        while (m < len && p + m < s && same_fold(c, p + m, s + m))
            m++;
        bool partial = m < len;
        /* "NAME, le TITLE" */
        size_t b = p;
        if (b > 0 && (wc(c, b - 1) & LSC_DETERMINER))
            b--;
        if (b > 0 && is_apos(c, b - 1))
            b -= 2;
        if ((!partial || m >= 2) && b >= 2 && is_punct(c, b - 1, ',') && is_name_word(c, b - 2)) {
            size_t re = b - 1, rs = b - 2;
            while (rs > 0 && re - rs < MAX_NAME_WORDS && (is_name_word(c, rs - 1) ||
                                                           (rs >= 2 && is_name_word(c, rs - 2) &&
                                                            (wc(c, rs - 1) & LSC_CONNECTOR))))
                rs--;
            while (rs < re && !is_name_word(c, rs))
                rs++;
            strip_run(c, &rs, &re);
            if (re > rs && !all_titles(c, rs, re))
                return resolve_name(c, rs, re);
        }
        /* "le TITLE [de …], NAME", "son président, NAME": a title matched
         * only by its head must be followed by the comma at once */
        size_t q = p + m, lim = partial ? p + m + 1 : p + m + 10;
        while (q < d->n_tokens && q < lim && !is_punct(c, q, ',') && !is_clause_end(c, q) &&
               !line_break_before(c, q))
            q++;
        if (is_punct(c, q, ',')) {
            size_t n0 = q + 1;
            while (n0 < q + 5 && (is_apos(c, n0) ||
                                  (is_word(c, n0) && !(d->tokens[n0].flags & TF_CAP) &&
                                   (wc(c, n0) & (LSC_DETERMINER | LSC_TITLE)))))
                n0++;
            if (n0 < d->n_tokens && is_name_word(c, n0) && (d->tokens[n0].flags & TF_CAP)) {
                size_t re = run_end(c, n0, d->n_tokens), rs = n0;
                strip_run(c, &rs, &re);
                if (!all_titles(c, rs, re) && count_name_words(c, rs, re) >= 2)
                    return resolve_name(c, rs, re);
            }
        }
        /* "le ministre de la Santé Olivier Véran" */
        if (!partial && q > p + m) {
            struct ref r = analyze_np(c, p, q, false);
            if (r.kind == REF_NAME && count_name_words(c, r.s, r.e) >= 2)
                return resolve_name(c, r.s, r.e);
            if (r.alt_e > r.alt_s)
                return resolve_name(c, r.alt_s, r.alt_e);
        }
    }
    return -1;
}

/* A bare title ("the mayor-elect", "l'ex-ministre", "le porte-parole")
 * at tokens [s,e): the person the text last named with the same title,
 * written before the name ("Mayor Jane Holloway") or in the sentence
 * around it ("Jane Holloway was elected mayor", "Paul Vidal, ministre
 * de…"). -1 when the title was not used before. */
static int title_holder(struct ctx *c, size_t s, size_t e)
{
    struct doc *d = c->d;
    char wcut[WORD_MAX], xcut[WORD_MAX];
    const char *w = NULL;
    size_t h = e, hn = 0, hs = 0;
    for (size_t k = s; k < e; k++) {
        size_t n;
        const char *x = fold_cut(c, k, xcut, &n);
        if (is_word(c, k) && n >= 4 && (wc(c, k) & LSC_TITLE)) {
            h = k;
            memcpy(wcut, x, n + 1);
            w = wcut;
            hn = lex_speech_title_base(w, n, &hs);
        }
    }
    if (h == e)
        return -1;
    size_t lo = s > TITLE_WINDOW ? s - TITLE_WINDOW : 0;
    for (size_t p = s; p-- > lo;) {
        if (!is_word(c, p))
            continue;
        size_t pn, ps;
        const char *x = fold_cut(c, p, xcut, &pn);
        if (pn < 4 || x[0] != w[hs])
            continue;
        size_t pb = lex_speech_title_base(x, pn, &ps);
        if (pb != hn || memcmp(x + ps, w + hs, hn) != 0)
            continue;
        /* "Mayor Jane Holloway" */
        size_t q = p + 1;
        if (is_punct(c, q, '.'))
            q++;
        int a = q < d->n_tokens && is_name_word(c, q) ? actors_at(d, d->tokens[q].start, d->tokens[q].end) : -1;
        if (a >= 0 && d->out->actors[a].type == ACTOR_PERSON)
            return a;
        /* the person named last before it in its sentence */
        size_t si = doc_sentence_at(d, d->tokens[p].start);
        size_t a0 = sentence_first_tok(c, si);
        const struct actor_mention *m;
        size_t nm = actors_mentions_in(d, d->tokens[a0].start, d->tokens[p].start, &m);
        for (size_t i = nm; i-- > 0;)
            if (d->out->actors[m[i].actor].type == ACTOR_PERSON && stretch_at(c, doc_token_at(d, m[i].start)) < 0)
                return m[i].actor;
    }
    return -1;
}

/* A common noun for an organisation ("l'entreprise", "the company", "les
 * magistrats") at token h: the organisation the text named last before it,
 * one introduced with such a noun first ("la société Verdanex"); for a
 * court or its judges, the last court named. -1 when there is none. */
static int resolve_collective(struct ctx *c, size_t h, int kind)
{
    struct doc *d = c->d;
    char buf[256];
    size_t lo = h > TITLE_WINDOW ? h - TITLE_WINDOW : 0;
    const struct actor_mention *m;
    size_t nm = actors_mentions_in(d, d->tokens[lo].start, d->tokens[h].start, &m);
    int latest = -1;
    for (size_t i = nm; i-- > 0;) {
        const struct actor *ac = &d->out->actors[m[i].actor];
        if (ac->type == ACTOR_PERSON)
            continue;
        size_t t = doc_token_at(d, m[i].start);
        size_t b = t > 0 ? t - 1 : t;
        /* "la société Verdanex", "the airline Qantas" */
        unsigned bc = wc(c, b);
        bool same_noun = t > 0 && is_word(c, b) &&
                         (same_fold(c, b, h) ||
                          (bc & LSC_COURT ? 2 : bc & LSC_COLLECTIVE ? 1 : 0) == kind);
        if (kind == 2) {
            size_t bl = utf8_fold_into(ac->name, strlen(ac->name), buf, sizeof buf);
            bool court = (bl >= 5 && !memcmp(buf, "cour ", 5)) ||
                         (bl >= 6 && !memcmp(buf, "court", 5)) || strstr(buf, " court") ||
                         (bl >= 9 && !memcmp(buf, "tribunal", 8)) ||
                         (bl >= 8 && !memcmp(buf, "parquet", 7));
            if (court && ac->type == ACTOR_ORGANIZATION)
                return m[i].actor;
            continue;
        }
        if (same_noun)
            return m[i].actor;
        if (latest < 0 && ac->type == ACTOR_ORGANIZATION)
            latest = m[i].actor;
    }
    return latest;
}

/* An organisation named by a lower-case head alone ("le ministère"): the
 * latest full form before ("le ministère de l'Intérieur"). */
static int resolve_org_head(struct ctx *c, size_t h)
{
    size_t lo = h > TITLE_WINDOW ? h - TITLE_WINDOW : 0;
    for (size_t p = h; (p = prev_same(c, h, p, lo)) != (size_t)-1;) {
        size_t m = p + 1;
        if (!is_preposition(c, m))
            continue;
        m++;
        if (wc(c, m) & LSC_DETERMINER)
            m++;
        if (is_apos(c, m))
            m++;
        if (is_name_word(c, m)) {
            size_t e = run_end(c, m, c->d->n_tokens);
            return add_name(c, p, e, h, h + 1, ACTOR_ORGANIZATION);
        }
    }
    return -1;
}

static void add_event(struct ctx *c, size_t pos, int actor)
{
    if (actor < 0)
        return;
    if (grow((void **)&c->ev, &c->ev_cap, c->n_ev, sizeof *c->ev)) {
        c->oom = 1;
        return;
    }
    c->ev[c->n_ev++] = (struct event){pos, actor};
}

static size_t sentence_first_tok(const struct ctx *c, size_t si)
{
    return doc_token_at(c->d, c->d->sentences[si].start);
}

static size_t sentence_end_tok(const struct ctx *c, size_t si)
{
    return si + 1 < c->d->n_sentences ? doc_token_at(c->d, c->d->sentences[si + 1].start)
                                      : c->d->n_tokens;
}

static int speech_event_in(struct ctx *c, size_t lo, size_t hi, int depth);

/* The person a pronoun at token k stands for. */
static int resolve_pronoun(struct ctx *c, size_t k, int depth)
{
    const struct doc *d = c->d;
    if (depth > 2 || d->n_sentences == 0)
        return -1;
    size_t si = doc_sentence_at(d, d->tokens[k].start);
    size_t budget = LOOKBACK_TOKENS;
    for (size_t back = 0; back < LOOKBACK_SENTENCES && budget > 0; back++) {
        if (back > si)
            break;
        size_t s = si - back;
        size_t lo = sentence_first_tok(c, s), hi = back == 0 ? k : sentence_end_tok(c, s);
        if (hi > lo + budget)
            lo = hi - budget;
        budget -= hi - lo < budget ? hi - lo : budget;
        size_t lo_b = d->tokens[lo].start, hi_b = hi < d->n_tokens ? d->tokens[hi].start : d->len;
        /* the latest attributed quote in that sentence */
        size_t a = 0, b = c->n_ev;
        while (a < b) {
            size_t mid = a + (b - a) / 2;
            if (c->ev[mid].pos < hi_b)
                a = mid + 1;
            else
                b = mid;
        }
        if (a > 0 && c->ev[a - 1].pos >= lo_b)
            return c->ev[a - 1].actor;
        /* a speech verb with a named subject in the narration */
        int e = speech_event_in(c, lo, hi, depth + 1);
        if (e >= 0)
            return e;
        if (c->oom)
            return -1;
        /* the sentence's subject, when it is a person */
        struct ref r = clause_subject(c, lo, hi);
        if (r.kind == REF_NAME) {
            int act = actors_at(d, d->tokens[r.s].start, d->tokens[r.e - 1].end);
            if (act >= 0 && !actor_named(c, act, r.s, r.e))
                act = -1; /* the actors pass read another name there */
            if (act >= 0 && d->out->actors[act].type == ACTOR_PLACE)
                continue;
            if (count_name_words(c, r.s, r.e) >= 2 || act >= 0 ||
                !(d->tokens[r.s].flags & TF_SENT_START))
                return resolve_name(c, r.s, r.e);
        }
        /* else, in an earlier sentence, the last person it names in full
         * ("… à l'ancien Premier ministre Lionel Agbodjan, qui …") */
        if (back > 0) {
            for (size_t j = hi; j-- > lo;) {
                int sj = stretch_at(c, j);
                if (sj >= 0) {
                    j = c->st[sj].open_tok;
                    continue;
                }
                if (!is_name_word(c, j) || !(d->tokens[j].flags & TF_CAP))
                    continue;
                size_t rs = j;
                while (rs > lo && is_name_word(c, rs - 1))
                    rs--;
                size_t re = run_end(c, rs, hi), s2 = rs;
                strip_run(c, &s2, &re);
                j = rs;
                if (count_name_words(c, s2, re) < 2 || all_titles(c, s2, re) || prep_before(c, rs, lo))
                    continue;
                int act = actors_at(d, d->tokens[s2].start, d->tokens[re - 1].end);
                if (act >= 0 && actor_named(c, act, s2, re) && d->out->actors[act].type != ACTOR_PERSON)
                    continue;
                if (guess_type(c, s2, re) != ACTOR_PERSON)
                    continue;
                return resolve_name(c, s2, re);
            }
        }
    }
    return -1;
}

/* The antecedent of a relative pronoun at k: the nearest name before it in
 * the sentence ("Alex Greenwich who said", "le ministère de la Justice,
 * selon lequel"). */
static int resolve_relative(struct ctx *c, size_t k)
{
    const struct doc *d = c->d;
    size_t lo = k > 40 ? k - 40 : 0;
    for (size_t j = k; j-- > lo;) {
        if (is_clause_end(c, j) && !is_punct(c, j, '(') && !is_punct(c, j, ')'))
            break;
        int si = stretch_at(c, j);
        if (si >= 0) {
            j = c->st[si].open_tok;
            continue;
        }
        if (!is_name_word(c, j) || !(d->tokens[j].flags & TF_CAP))
            continue;
        size_t e = j + 1, s = j;
        while (s > lo && (is_name_word(c, s - 1) ||
                          (s >= 2 && is_name_word(c, s - 2) && (wc(c, s - 1) & LSC_CONNECTOR))))
            s--;
        e = run_end(c, s, k);
        /* "le ministère de la Justice" */
        size_t wb = word_before(c, s, lo);
        if (wb < d->n_tokens && is_preposition(c, wb) && wb > 0) {
            size_t h = wb - 1;
            if (is_word(c, h) && !(d->tokens[h].flags & TF_CAP) && (wc(c, h) & LSC_ORG_HEAD))
                return add_name(c, h, e, h, e, ACTOR_ORGANIZATION);
        }
        size_t s2 = s, e2 = e;
        strip_run(c, &s2, &e2);
        if (!all_titles(c, s2, e2))
            return resolve_name(c, s2, e2);
    }
    return -1;
}

static int resolve_ref(struct ctx *c, const struct ref *r, int depth)
{
    int a = -1;
    switch (r->kind) {
    case REF_NAME:
        a = resolve_name(c, r->s, r->e);
        break;
    case REF_ORG:
        a = add_name(c, r->s, r->e, r->s, r->e, ACTOR_ORGANIZATION);
        break;
    case REF_TITLE: {
        /* "l'entreprise", "the company", "les magistrats": an organisation
         * named before */
        if (r->e <= r->s + 2 && is_word(c, r->s) && !(c->d->tokens[r->s].flags & TF_CAP)) {
            unsigned sc = wc(c, r->s);
            int kind = sc & LSC_COURT ? 2 : sc & LSC_COLLECTIVE ? 1 : 0;
            if (kind && r->e == r->s + 1) {
                a = resolve_collective(c, r->s, kind);
                if (a >= 0)
                    break;
            }
        }
        /* a bare title ("le ministre", "the minister") refers back like a
         * pronoun; a fuller one ("le ministre de la Santé") is looked up */
        bool bare = r->e <= r->s + 5, has_title = false;
        for (size_t k = r->s; k < r->e && bare; k++) {
            if (is_preposition(c, k))
                bare = false;
            else if (wc(c, k) & LSC_TITLE)
                has_title = true;
        }
        if (r->alt_e > r->alt_s)
            a = resolve_name(c, r->alt_s, r->alt_e);
        if (a < 0 && bare && has_title)
            a = title_holder(c, r->s, r->e);
        if (a < 0 && bare && has_title)
            a = resolve_pronoun(c, r->s, depth);
        if (a < 0)
            a = resolve_title(c, r->s, r->e);
        if (a < 0 && r->e == r->s + 1 && (wc(c, r->s) & LSC_ORG_HEAD))
            a = resolve_org_head(c, r->s);
        break;
    }
    case REF_PRONOUN:
        a = resolve_pronoun(c, r->s, depth);
        break;
    case REF_RELATIVE:
        a = resolve_relative(c, r->s);
        break;
    case REF_NONE:
        if (r->alt_e > r->alt_s)
            a = resolve_name(c, r->alt_s, r->alt_e);
        break;
    }
    return a;
}

/* The subject of the verb group starting at gs, searched before it down to
 * lo: "Le chef de la diplomatie française, Jean-Yves Le Drian, a estimé",
 * "Wynnum coach Matt Myers said", "he told", "qui précise". */
static struct ref subject_before(const struct ctx *c, size_t gs, size_t lo)
{
    struct ref none = {REF_NONE, 0, 0, 0, 0, false};
    if (gs <= lo)
        return none;
    size_t j = gs - 1;
    /* step back over adverbs and object pronouns: "Pastor l'avait annoncé" */
    while (j > lo) {
        size_t n;
        const char *w = fold(c, j, &n);
        if (is_apos(c, j) ||
            (is_word(c, j) && !(c->d->tokens[j].flags & TF_CAP) &&
             ((wc(c, j) & LSC_ADVERB) ||
              (c->d->lang == LANG_FR && (fold_is(w, n, "l") || fold_is(w, n, "le") || fold_is(w, n, "la") ||
                                         fold_is(w, n, "les") || fold_is(w, n, "lui") || fold_is(w, n, "leur") ||
                                         fold_is(w, n, "se") || fold_is(w, n, "s") || fold_is(w, n, "y") ||
                                         fold_is(w, n, "en") || fold_is(w, n, "ne") || fold_is(w, n, "n")))))) {
            j--;
            continue;
        }
        break;
    }
    /* "The governor (who visited…) said": step over the brackets */
    if (is_punct(c, j, ')')) {
        size_t b = j;
        while (b > lo && b + 40 > j && !is_punct(c, b, '('))
            b--;
        if (is_punct(c, b, '(') && b > lo) {
            j = b - 1;
            while (j > lo && is_apos(c, j))
                j--;
        }
    }
    size_t n;
    const char *w = fold(c, j, &n);
    unsigned jc = wc(c, j);
    if (is_word(c, j) && (fold_is(w, n, "et") || fold_is(w, n, "and")))
        return clause_subject(c, lo, j);
    if (jc & LSC_PRONOUN) {
        struct ref r = {REF_PRONOUN, j, j + 1, 0, 0, false};
        return r;
    }
    if (jc & LSC_RELATIVE) {
        struct ref r = {REF_RELATIVE, j, j + 1, 0, 0, false};
        return r;
    }
    /* the name right before the verb: "Matt Myers said", "Lam said" */
    if (is_name_word(c, j) && (c->d->tokens[j].flags & TF_CAP)) {
        size_t s = j;
        while (s > lo && (is_name_word(c, s - 1) ||
                          (is_punct(c, s - 1, '.') && s >= 2 && is_abbrev_title(c, s - 2)) ||
                          (is_word(c, s - 1) && s >= 2 && is_name_word(c, s - 2) &&
                           !(c->d->tokens[s - 1].flags & TF_CAP) && (wc(c, s - 1) & LSC_CONNECTOR))))
            s--;
        while (s < j && !is_name_word(c, s))
            s++;
        /* the tail of an organisation's name that the actors pass read
         * whole: "the Office of the Information Commissioner said" */
        {
            const struct actor_mention *m;
            size_t from = c->d->tokens[lo].start, nm;
            nm = actors_mentions_in(c->d, from, c->d->tokens[s].start, &m);
            for (size_t i = 0; i < nm; i++)
                if (m[i].end >= c->d->tokens[j].end && c->d->out->actors[m[i].actor].type == ACTOR_ORGANIZATION) {
                    size_t os = doc_token_at(c->d, m[i].start), oe = doc_token_at(c->d, m[i].end);
                    if (os < s && oe == j + 1 && is_name_word(c, os)) {
                        struct ref r = {REF_NAME, os, oe, 0, 0, false};
                        return r;
                    }
                }
        }
        size_t s2 = s, e2 = j + 1;
        strip_run(c, &s2, &e2);
        if (!all_titles(c, s2, e2)) {
            size_t nw = count_name_words(c, s2, e2);
            bool governed = s2 == s && prep_before(c, s, lo);
            if (!governed) {
                struct ref r = {REF_NAME, s2, e2, 0, 0, false};
                return r;
            }
            if (nw >= 3) { /* "President of Ukraine Volodymyr Zelenskyy" */
                size_t a = s2 + 1;
                while (a < e2 && !is_word(c, a))
                    a++;
                struct ref r = {REF_NAME, a, e2, 0, 0, false};
                return r;
            }
        }
    }
    /* a noun phrase ending right before the verb: "dans lequel le maire
     * écrivait", "Le ministère s'est dit" */
    if (is_word(c, j) && !(c->d->tokens[j].flags & TF_CAP) && !(jc & LSC_FUNCTION)) {
        for (size_t b = j; b > lo && b + 6 > j; b--) {
            size_t p = b - 1;
            if (is_apos(c, p) && p > lo)
                p--;
            if (!is_word(c, p))
                break;
            const struct speech_word *pe = sw_of(c, p);
            if ((pe->cls & LSC_DETERMINER) && !(p > lo && is_preposition(c, p - 1))) {
                struct ref r = analyze_np(c, p, j + 1, false);
                if (r.kind == REF_NAME || r.kind == REF_ORG || r.kind == REF_TITLE)
                    return r;
                break;
            }
            if ((pe->cls & LSC_FUNCTION) || pe->verb)
                break;
        }
    }
    /* walk back over comma-separated phrases: appositions and descriptions */
    size_t seg_end = j + 1;
    struct ref title = none;
    for (int seg = 0; seg < 5; seg++) {
        size_t s = seg_end;
        while (s > lo && !is_punct(c, s - 1, ',') && !is_clause_end(c, s - 1)) {
            int si = stretch_at(c, s - 1);
            if (si >= 0)
                break;
            s--;
        }
        size_t f = s;
        while (f < seg_end && !is_word(c, f))
            f++;
        if (f < seg_end) {
            bool descr = is_preposition(c, f) || (wc(c, f) & LSC_RELATIVE);
            /* "un parent d'élève a déclaré": an indefinite subject right before
             * the verb names no one; only between commas is it a description */
            size_t fn;
            w = fold(c, f, &fn);
            if (seg == 0 && seg_end == j + 1 && is_word(c, j) &&
                ((fn == 2 && !memcmp(w, "un", 2)) || (fn == 3 && !memcmp(w, "une", 3)) ||
                 (c->d->lang == LANG_EN && ((fn == 1 && w[0] == 'a') || (fn == 2 && !memcmp(w, "an", 2)))))) {
                none.unnamed = true;
                return none;
            }
            if (!descr) {
                struct ref r = analyze_np(c, f, seg_end, true);
                if (r.kind == REF_NAME || r.kind == REF_ORG || r.kind == REF_PRONOUN)
                    return r;
                if (r.kind == REF_TITLE && title.kind == REF_NONE)
                    title = r;
                if (r.kind == REF_NONE && r.alt_e > r.alt_s && title.kind == REF_NONE)
                    title = r;
            }
        }
        if (s <= lo || !is_punct(c, s - 1, ','))
            break;
        seg_end = s - 1;
    }
    return title;
}

/* Is the cue at q inverted ("…, affirme Rami Abd al-Rahman", "», a dit X"),
 * with its subject after it? */
static bool inverted_at(const struct ctx *c, const struct cue *q, size_t lo)
{
    if (q->inverted || q->marker)
        return false;
    size_t p = q->gs;
    if (p <= lo)
        return true;
    p--;
    return is_punct(c, p, ',') || is_quote_mark(c, p) || is_clause_end(c, p);
}

/* The subject of cue q: resolved actor, or -1. `lo` bounds the search
 * before, `hi` after. */
static bool starts_subject(const struct ctx *c, size_t k, size_t hi);

static int cue_speaker(struct ctx *c, const struct cue *q, size_t lo, size_t hi, int depth,
                       struct ref *out_ref)
{
    struct ref r = {REF_NONE, 0, 0, 0, 0, false};
    if (q->marker) {
        r = subject_after(c, q->ge, hi);
    } else if (q->inverted) {
        r.kind = REF_PRONOUN;
        r.s = q->gs;
        r.e = q->gs + 1;
    } else if (q->as_saying) {
        /* "Politico quoted Tim Manning, formerly…, as saying" */
        for (size_t k = q->gs; k-- > lo;) {
            const struct speech_verb *v = sw_of(c, k)->verb;
            if (v && (!strcmp(v->lemma, "quote") || !strcmp(v->lemma, "cite"))) {
                r = subject_after(c, k + 1, q->gs);
                break;
            }
        }
    } else if (inverted_at(c, q, lo) && q->ge < hi && starts_subject(c, q->ge, hi)) {
        /* "…, affirme Rami Abd al-Rahman", "», a dit Vladimir Poutine" */
        r = subject_after(c, q->ge, hi);
        int a = (r.kind != REF_NONE || r.alt_e > r.alt_s) ? resolve_ref(c, &r, depth) : -1;
        if (a >= 0 || c->oom || q->gs <= lo) {
            if (out_ref)
                *out_ref = r;
            return a;
        }
        r = subject_before(c, q->gs, lo);
    } else {
        r = subject_before(c, q->gs, lo);
    }
    if (out_ref)
        *out_ref = r;
    if (r.kind == REF_NONE && !(r.alt_e > r.alt_s))
        return -1;
    return resolve_ref(c, &r, depth);
}

/* The latest speech event with a resolvable subject in tokens [lo,hi) of
 * the narration (quoted words are skipped). */
static int speech_event_in(struct ctx *c, size_t lo, size_t hi, int depth)
{
    if (depth > 2)
        return -1;
    for (size_t k = hi; k-- > lo;) {
        int si = stretch_at(c, k);
        if (si >= 0) {
            if (c->st[si].open_tok <= lo)
                break;
            k = c->st[si].open_tok;
            continue;
        }
        struct cue q;
        if (!is_word(c, k) || !cue_at(c, k, lo, &q))
            continue;
        if (q.form == SF_GERUND || (q.form & SF_FINITE) == 0) {
            if (!(q.form & SF_PARTICIPLE))
                continue;
        }
        int a = cue_speaker(c, &q, lo, hi, depth, NULL);
        if (a >= 0 || c->oom)
            return a;
        k = q.gs;
    }
    return -1;
}

/* ---- Attribution of one stretch ------------------------------------------- */

static void set_cue(struct ctx *c, struct stretch *s, const struct cue *q)
{
    const struct doc *d = c->d;
    s->cue_start = d->tokens[q->gs].start;
    s->cue_end = d->tokens[q->ge - 1].end;
}

static double ref_confidence(enum ref_kind k)
{
    switch (k) {
    case REF_NAME: return 0.9;
    case REF_ORG: return 0.85;
    case REF_TITLE: return 0.75;
    case REF_RELATIVE: return 0.8;
    case REF_PRONOUN: return 0.7;
    case REF_NONE: return 0.5;
    }
    return 0.5;
}

static bool all_adverbs_between(const struct ctx *c, size_t a, size_t b)
{
    return all_words(c, a, b, LSC_ADVERB);
}

/* After the closing mark: the clause that follows, up to a few words. */
static bool attribute_after(struct ctx *c, size_t i)
{
    struct stretch *s = &c->st[i];
    const struct doc *d = c->d;
    size_t k = s->close_tok + 1;
    if (k >= d->n_tokens)
        return false;
    /* "— Préfecture des Bouches-du-Rhône" under a quote standing alone */
    if (line_break_before(c, k)) {
        if (line_break_before(c, s->open_tok) && d->tokens[k].kind == TOK_PUNCT &&
            (d->tokens[k].cp == 0x2014 || d->tokens[k].cp == 0x2013) && k + 1 < d->n_tokens &&
            !line_break_before(c, k + 1)) {
            size_t e = segment_end(c, k + 1, d->n_tokens);
            struct ref r = analyze_np(c, k + 1, e, false);
            if (r.kind == REF_NAME || r.kind == REF_ORG) {
                int a = resolve_ref(c, &r, 0);
                if (a >= 0) {
                    s->speaker = a;
                    s->confidence = 0.8;
                    s->cue_start = d->tokens[k].start;
                    s->cue_end = d->tokens[k].end;
                    return true;
                }
            }
        }
        return false;
    }
    /* ""…" — Mayor John Carter, speaking at…" */
    if (d->tokens[k].kind == TOK_PUNCT && (d->tokens[k].cp == 0x2014 || d->tokens[k].cp == 0x2013) &&
        k + 1 < d->n_tokens && !line_break_before(c, k + 1)) {
        size_t e = segment_end(c, k + 1, d->n_tokens);
        struct ref r = analyze_np(c, k + 1, e, false);
        if (r.kind == REF_NAME || r.kind == REF_ORG) {
            int a = resolve_ref(c, &r, 0);
            if (a >= 0) {
                s->speaker = a;
                s->confidence = 0.8;
                s->own_cue = true;
                s->cue_start = d->tokens[k].start;
                s->cue_end = d->tokens[k].end;
                return true;
            }
        }
    }
    size_t start = k;
    if (is_punct(c, start, ','))
        start++;
    size_t words = 0, lim = start;
    /* the clause after the quote: no other clause punctuation before the verb */
    while (lim < d->n_tokens && words < AFTER_WORDS + 8 && !line_break_before(c, lim)) {
        if (stretch_at(c, lim) >= 0)
            break; /* the next quote: what follows is its attribution */
        if (is_clause_end(c, lim) && !abbrev_dot(c, lim))
            break;
        words += is_word(c, lim);
        lim++;
    }
    words = 0;
    /* "told reporters: "…"": that verb introduces the next quote */
    if (lim < d->n_tokens && is_punct(c, lim, ':'))
        return false;
    for (size_t j = start; j < lim; j++) {
        if (is_punct(c, j, ',')) {
            /* an apposition after the name: "Ahmet Yilmaz, 52, told", "Tom
             * Baker, an aid worker, said" */
            size_t b = j + 1;
            if (j > start && (is_name_word(c, j - 1) || is_abbrev_title(c, j - 1))) {
                while (b < lim && b < j + 10 && !is_punct(c, b, ','))
                    b++;
                if (b < lim && is_punct(c, b, ',')) {
                    j = b;
                    continue;
                }
            }
            return false; /* another clause before any verb */
        }
        if (!is_word(c, j))
            continue;
        if (++words > AFTER_WORDS)
            return false;
        size_t n;
        const char *w = fold(c, j, &n);
        /* a passive agent right after the quote: "» par les Nations unies" */
        if (j == start && (fold_is(w, n, "par") || fold_is(w, n, "by"))) {
            size_t e = segment_end(c, j + 1, lim);
            struct ref r = analyze_np(c, j + 1, e, false);
            if (r.kind == REF_NAME || r.kind == REF_ORG) {
                int a = resolve_ref(c, &r, 0);
                if (a >= 0) {
                    s->speaker = a;
                    s->confidence = 0.6;
                    return true;
                }
            }
            return false;
        }
        if (!(d->tokens[j].flags & TF_CAP) && (wc(c, j) & LSC_FUNCTION) &&
            (fold_is(w, n, "que") || fold_is(w, n, "qu") || fold_is(w, n, "that") || fold_is(w, n, "qui") ||
             fold_is(w, n, "who") || fold_is(w, n, "which") || fold_is(w, n, "alors") ||
             fold_is(w, n, "while") || fold_is(w, n, "when") || fold_is(w, n, "but") ||
             fold_is(w, n, "mais") || fold_is(w, n, "car")))
            return false;
        struct cue q;
        if (!cue_at(c, j, start, &q))
            continue;
        if (q.form == SF_GERUND && !q.marker)
            return false;
        if (q.gs < start)
            q.gs = start;
        struct ref r;
        int a;
        if (q.marker) {
            r = subject_after(c, q.ge, lim);
            a = (r.kind != REF_NONE || r.alt_e > r.alt_s) ? resolve_ref(c, &r, 0) : -1;
        } else if (q.inverted) {
            r.kind = REF_PRONOUN;
            r.s = q.gs;
            a = resolve_pronoun(c, q.gs, 0);
        } else if (q.gs == start || (q.gs > start && all_adverbs_between(c, start, q.gs))) {
            r = subject_after(c, q.ge, lim);
            a = (r.kind != REF_NONE || r.alt_e > r.alt_s) ? resolve_ref(c, &r, 0) : -1;
        } else {
            r = subject_before(c, q.gs, start);
            a = (r.kind != REF_NONE || r.alt_e > r.alt_s) ? resolve_ref(c, &r, 0) : -1;
        }
        set_cue(c, s, &q);
        s->own_cue = true;
        s->speaker = a;
        s->named_elsewhere =
            a < 0 && (r.unnamed || r.kind == REF_TITLE || r.kind == REF_NAME || r.kind == REF_ORG);
        s->confidence = a >= 0 ? ref_confidence(r.kind) * (0.6 + 0.4 * q.weight) : 0.0;
        return true;
    }
    return false;
}

/* Does the phrase at k open a subject after an inverted verb: a name, a
 * determiner, a complement "à l'AFP", or adverbs before one of those? */
static bool starts_subject(const struct ctx *c, size_t k, size_t hi)
{
    for (int guard = 0; guard < 4 && k < hi; guard++, k++) {
        if (!is_word(c, k))
            return false;
        size_t n;
        const char *w = fold(c, k, &n);
        unsigned kc = wc(c, k);
        if (is_name_word(c, k) && (c->d->tokens[k].flags & TF_CAP))
            return true;
        if ((kc & LSC_DETERMINER) ||
            (c->d->lang == LANG_FR && (fold_is(w, n, "a") || fold_is(w, n, "au") || fold_is(w, n, "aux"))))
            return true;
        if (!(kc & (LSC_ADVERB | LSC_TITLE)))
            return false;
        if (kc & LSC_TITLE)
            return true;
    }
    return false;
}

/* Resolve the subject of cue q found before a quote or in the narration.
 * Sets *kind to how the speaker was named. */
static int cue_subject(struct ctx *c, const struct cue *q, size_t lo, size_t hi, enum ref_kind *kind,
                       bool *unnamed)
{
    struct ref r = {REF_NONE, 0, 0, 0, 0, false};
    int a = cue_speaker(c, q, lo, hi, 0, &r);
    *kind = r.kind;
    *unnamed = r.unnamed;
    return a;
}

/* Before the opening mark: the nearest cue in the same sentence. */
static bool attribute_before(struct ctx *c, size_t i)
{
    struct stretch *s = &c->st[i];
    const struct doc *d = c->d;
    if (d->n_sentences == 0)
        return false;
    size_t open = s->open_tok;
    size_t lo = sentence_first_tok(c, doc_sentence_at(d, d->tokens[open].start));
    if (open > lo + BEFORE_WINDOW)
        lo = open - BEFORE_WINDOW;
    for (size_t k = open; k-- > lo;) {
        int sj = stretch_at(c, k);
        if (sj >= 0) {
            k = c->st[sj].open_tok;
            continue;
        }
        struct cue q;
        if (!is_word(c, k) || !cue_at(c, k, lo, &q))
            continue;
        enum ref_kind kind = REF_NONE;
        bool unnamed = false;
        int a = -1;
        if (!q.marker && !q.inverted && !q.as_saying && !(q.form & (SF_FINITE | SF_PARTICIPLE))) {
            /* a gerund ("ajoutant", "telling"): the subject of the main verb */
            struct cue q2;
            bool found = false;
            for (size_t m = q.gs; m-- > lo;) {
                int sm = stretch_at(c, m);
                if (sm >= 0) {
                    m = c->st[sm].open_tok;
                    continue;
                }
                if (is_word(c, m) && cue_at(c, m, lo, &q2) &&
                    (q2.marker || q2.inverted || (q2.form & (SF_FINITE | SF_PARTICIPLE)))) {
                    found = true;
                    break;
                }
            }
            if (found) {
                a = cue_subject(c, &q2, lo, q.gs, &kind, &unnamed);
            } else {
                struct ref r = clause_subject(c, lo, q.gs);
                kind = r.kind;
                if (r.kind != REF_NONE)
                    a = resolve_ref(c, &r, 0);
            }
        } else {
            a = cue_subject(c, &q, lo, open, &kind, &unnamed);
        }
        if (c->oom)
            return false;
        set_cue(c, s, &q);
        s->speaker = a;
        s->own_cue = a >= 0;
        s->named_elsewhere = a < 0 && (unnamed || kind == REF_TITLE || kind == REF_NAME || kind == REF_ORG);
        s->confidence = a >= 0 ? ref_confidence(kind) * (0.6 + 0.4 * q.weight) : 0.0;
        return true;
    }
    return false;
}

/* Does the stretch's own text end a sentence ("… this mistake.")? */
static bool ends_sentence(const struct ctx *c, const struct stretch *s)
{
    size_t k = s->close_tok;
    while (k > s->open_tok + 1 && c->d->tokens[k - 1].kind == TOK_PUNCT &&
           (c->d->tokens[k - 1].cp == ')' || c->d->tokens[k - 1].cp == ']'))
        k--;
    if (k <= s->open_tok + 1 || c->d->tokens[k - 1].kind != TOK_PUNCT)
        return false;
    uint32_t cp = c->d->tokens[k - 1].cp;
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* No line break, and no sentence end outside quotes, between tokens a and b. */
static bool same_sentence(const struct ctx *c, size_t a, size_t b)
{
    for (size_t k = a + 1; k <= b && k < c->d->n_tokens; k++) {
        if (line_break_before(c, k))
            return false;
        if (k == b)
            break;
        int si = stretch_at(c, k);
        if (si >= 0) {
            k = c->st[si].close_tok;
            continue;
        }
        if (c->d->tokens[k].kind == TOK_PUNCT) {
            uint32_t cp = c->d->tokens[k].cp;
            if (cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == 0x2026)
                return false;
        }
    }
    return true;
}

/* Number of paragraph breaks between tokens a and b, counting up to `cap`. */
static int breaks_between(const struct ctx *c, size_t a, size_t b, int cap)
{
    int n = 0;
    for (size_t k = a + 1; k <= b && k < c->d->n_tokens && n < cap; k++)
        n += line_break_before(c, k);
    return n;
}

int speakers_attribute(struct doc *d, const struct speech_words *sw, struct stretch *st, size_t n)
{
    struct ctx c = {.d = d, .sw = sw, .st = st, .n = n};
    int rc = -1;
    if (n == 0)
        return 0;
    c.stretch_of = malloc(d->n_tokens * sizeof *c.stretch_of);
    if (!c.stretch_of)
        return -1;
    /* the last stretch opened at or before each token, when it is not closed yet */
    for (size_t k = 0; k < d->n_tokens; k++)
        c.stretch_of[k] = -1;
    for (size_t i = 0; i < n; i++) {
        size_t next = i + 1 < n ? st[i + 1].open_tok : d->n_tokens;
        for (size_t k = st[i].open_tok; k < next && k <= st[i].close_tok; k++)
            c.stretch_of[k] = (int)i;
    }
    /* 1. the stretch's own attribution, in text order (pronouns look back
     *    at the attributions already made) */
    for (size_t i = 0; i < n; i++) {
        struct stretch *s = &st[i];
        s->speaker = -1;
        s->confidence = 0.0;
        /* a quote that ends its sentence is attributed by what precedes
         * it first ("X said, "A." Y told reporters…") */
        bool before_first = ends_sentence(&c, s) && s->close_tok + 1 < d->n_tokens &&
                            (d->tokens[s->close_tok + 1].flags & TF_CAP);
        if (before_first && attribute_before(&c, i) && s->speaker >= 0) {
            /* done */
        } else if (!attribute_after(&c, i) || s->speaker < 0) {
            struct stretch keep = *s;
            if (c.oom)
                goto done;
            if (!before_first && !attribute_before(&c, i) && keep.cue_end > keep.cue_start)
                *s = keep;
        }
        if (c.oom)
            goto done;
        if (s->speaker >= 0)
            add_event(&c, s->start, s->speaker);
        if (c.oom)
            goto done;
    }
    /* 2. a stretch without one takes the next stretch's speaker in the same
     *    sentence ("« Sur le fond » …, il « ne répondra … », précise-t-il") */
    for (size_t i = n - 1; i-- > 0;)
        if (st[i].speaker < 0 && !st[i].named_elsewhere && st[i + 1].speaker >= 0 &&
            !ends_sentence(&c, &st[i]) &&
            same_sentence(&c, st[i].close_tok, st[i + 1].open_tok)) {
            st[i].speaker = st[i + 1].speaker;
            st[i].confidence = 0.6;
        }
    /* 3. else the previous stretch's in the same paragraph ("A," he said. "B"),
     *    4. else, weakly, the latest speaker of the two paragraphs before */
    for (size_t i = 1; i < n; i++) {
        if (st[i].speaker >= 0 || st[i].named_elsewhere)
            continue;
        if (st[i - 1].speaker >= 0) {
            int br = breaks_between(&c, st[i - 1].close_tok, st[i].open_tok, 4);
            if (br == 0) {
                st[i].speaker = st[i - 1].speaker;
                st[i].confidence = 0.6;
            } else if (br <= 2) {
                st[i].speaker = st[i - 1].speaker;
                st[i].confidence = 0.3;
            }
        }
    }
    rc = 0;
done:
    free(c.ev);
    free(c.stretch_of);
    free(c.first_of);
    free(c.next_of);
    return rc;
}
