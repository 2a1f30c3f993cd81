/* actors.c — turns the names found by actors_scan.c into actors: merges the
 * forms that name the same one, types it, binds titles to persons, and
 * answers the other passes (actors_at, actors_find, actors_add).
 *
 * Forms (distinct folded names) are merged longest first, so that a short
 * form meets the full name it abbreviates:
 *   - the same known entity ("UE" and "Union européenne", "US" and
 *     "United States"; lexicon groups);
 *   - a person's surname, first name or any run of its words ("Erdogan",
 *     "Le Drian", "Ana Pastor");
 *   - initials ("Recep T. Erdogan");
 *   - an acronym of an organisation's or place's words, or written in
 *     brackets after it ("Forces démocratiques syriennes (FDS)");
 *   - a lone cue word for the organisation that holds it ("the Society").
 * A title phrase ("le président turc", "the chief executive of Hong Kong")
 * becomes an alias of the person it is apposed to, or, with a nationality,
 * of the nearest person around it, one person per nationality.
 *
 * After extraction an index (names, person words, mentions sorted by
 * offset) answers the queries in logarithmic or constant time; it lives in
 * d->actors_ix and is released by actors_release(). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actors_int.h"
#include "utf8.h"

/* The folds of the names and aliases build_output() writes, in the order it
 * writes them (every name, then the aliases as they are added), so that
 * build_index() keys the lookup index on them without folding again. */
struct name_fold {
    int actor;          /* index into d->out->actors */
    uint32_t off, len;  /* the fold, at name_folds.buf + off (NUL-terminated) */
    int prev;           /* the same actor's fold before it, -1 for none */
};
struct name_folds {
    struct name_fold *v;
    size_t n, cap;
    char *buf;
    size_t used, buf_cap;
};

struct actors_index {
    /* made on the first actors_find() or actors_add(), which most
     * documents never call: until then `keyed` is false and the folds of
     * the pass's names and aliases wait in nf */
    bool keyed;
    struct name_folds nf;
    struct strmap keys;         /* 'n' name, 'w' person words (tagged) -> actor */
    struct actor_mention *ments;  /* sorted by start */
    size_t n_ments, ments_cap;
    size_t max_len;             /* longest mention, bounds the overlap search */
    /* mentions added by actors_add() since the last merge, sorted: kept
     * apart so that an addition costs O(pending), not O(all mentions) */
    struct actor_mention *pend;
    size_t n_pend, pend_cap;
};

/* ---------------------------------------------------------------------- */
/* Small helpers. */

/* The tagged keys of the merge and of the lookup index (strmap_put_tagged()):
 * tag, then s[0..n), whose strmap_hash() is h. Absurdly long names are not
 * indexed. key_put(): 0, or -1 on allocation failure; key_get(): the value,
 * or -1. */
enum { KEY_MAX = 298 };

static int key_put_h(struct strmap *m, char tag, const char *s, size_t n, unsigned h, int v)
{
    if (n > KEY_MAX)
        return 0;
    return strmap_put_tagged(m, tag, s, n, h, v) ? 0 : -1;
}

static int key_put(struct strmap *m, char tag, const char *s, size_t n, int v)
{
    return n > KEY_MAX ? 0 : key_put_h(m, tag, s, n, strmap_hash(s, n), v);
}

static int key_get_h(const struct strmap *m, char tag, const char *s, size_t n, unsigned h)
{
    if (n > KEY_MAX)
        return -1;
    const int *v = strmap_get_tagged(m, tag, s, n, h);
    return v ? *v : -1;
}

static int key_get(const struct strmap *m, char tag, const char *s, size_t n)
{
    return n > KEY_MAX ? -1 : key_get_h(m, tag, s, n, strmap_hash(s, n));
}

/* Split folded `s` at spaces into at most `cap` words; returns the count. */
static int split_words(const char *s, const char *w[], size_t wl[], int cap)
{
    int n = 0;
    while (*s && n < cap) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        w[n] = s;
        wl[n] = (size_t)(e - s);
        n++;
        s = e;
    }
    return n;
}

/* The words of form f, as split_words() gives them; returns f->nwords. */
static int form_words(const struct form *f, const char *w[], size_t wl[])
{
    for (int i = 0; i < f->nwords; i++) {
        w[i] = f->fold + f->woff[i];
        wl[i] = f->wlen[i];
    }
    return f->nwords;
}

/* lex_word() of each word of form f (f->nwords of them), looked up on
 * first use. */
static const unsigned *form_word_flags(struct form *f)
{
    if (!f->wlw_known) {
        for (int i = 0; i < f->nwords; i++)
            f->wlw[i] = lex_word(f->fold + f->woff[i], f->wlen[i]);
        f->wlw_known = true;
    }
    return f->wlw;
}

static bool lower_particle(const char *w, size_t n)
{
    return (lex_word(w, n) & LW_PARTICLE) != 0;
}

static bool is_initial(const char *w, size_t n)
{
    return n == 2 && w[1] == '.';
}

static int best_type(const float v[3])
{
    int t = ACTOR_PERSON;
    if (v[ACTOR_ORGANIZATION] > v[t])
        t = ACTOR_ORGANIZATION;
    if (v[ACTOR_PLACE] > v[t])
        t = ACTOR_PLACE;
    return t;
}

/* ---------------------------------------------------------------------- */
/* Forms. */

/* utf8_fold_into() of candidate c's text into buf (cap bytes). When c is
 * whole tokens apart by nothing or one plain space, that is their stored
 * folds joined as the text joins them, as long as it fits. */
static size_t cand_fold(const struct actx *ctx, const struct cand *c, char *buf, size_t cap)
{
    const struct doc *d = ctx->d;
    const struct token *tk = d->tokens;
    if (c->t0 < c->t1 && c->t1 <= d->n_tokens && tk[c->t0].start == c->start && tk[c->t1 - 1].end == c->end) {
        size_t n = 0, k = c->t0;
        for (; k < c->t1; k++) {
            size_t gap = k > c->t0 ? tk[k].start - tk[k - 1].end : 0;
            size_t fl = tk[k].flen;
            if (fl == 0 || gap > 1 || (gap == 1 && d->text[tk[k].start - 1] != ' ') || n + gap + fl + 1 > cap)
                break;
            if (gap)
                buf[n++] = ' ';
            memcpy(buf + n, d->fold + tk[k].foff, fl);
            n += fl;
        }
        if (k == c->t1) {
            buf[n] = '\0';
            return n;
        }
    }
    return utf8_fold_into(d->text + c->start, c->end - c->start, buf, cap);
}

/* The slot of fold s[0..n) (hash h) in the forms' index: the form's index
 * + 1, or 0 where it belongs when there is no such form yet. */
static uint32_t *form_slot(const struct actx *ctx, size_t mask, const char *s, size_t n, unsigned h)
{
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t *slot = &ctx->form_slots[i];
        if (!*slot)
            return slot;
        const struct form *f = &ctx->forms[*slot - 1];
        if (f->hash == h && f->flen == n && strmap_same_bytes(f->fold, s, n))
            return slot;
    }
}

/* A NUL-terminated copy of s[0..n) at the end of ctx->folds, for the form
 * being added (the last of ctx->forms); the folds of the forms before it lie
 * in order before it, and follow the buffer when it moves. NULL on
 * allocation failure. */
static char *keep_fold(struct actx *ctx, const char *s, size_t n)
{
    if (ctx->folds_cap - ctx->folds_used < n + 1) {
        size_t nc = ctx->folds_cap ? 2 * ctx->folds_cap : 4096;
        while (nc - ctx->folds_used < n + 1)
            nc *= 2;
        char *p = realloc(ctx->folds, nc);
        if (!p)
            return NULL;
        ctx->folds = p;
        ctx->folds_cap = nc;
        for (size_t k = 0, off = 0; k + 1 < ctx->n_forms; k++) {
            ctx->forms[k].fold = p + off;
            off += ctx->forms[k].flen + 1;
        }
    }
    char *p = ctx->folds + ctx->folds_used;
    memcpy(p, s, n);
    p[n] = '\0';
    ctx->folds_used += n + 1;
    return p;
}

/* Group the candidates by their fold into ctx->forms, in the order they are
 * first written. 0, or -1 on allocation failure. */
static int build_forms(struct actx *ctx)
{
    /* at most one form per candidate: the forms and a half-empty index of
     * them are sized once */
    size_t slots = 16;
    while (slots < 2 * ctx->n_cands)
        slots *= 2;
    size_t nf = ctx->n_cands ? ctx->n_cands : 1;
    if (ctx->forms_cap < nf) {
        free(ctx->forms);
        ctx->forms_cap = 0;
        if (!(ctx->forms = malloc(nf * sizeof *ctx->forms)))
            return -1;
        ctx->forms_cap = nf;
    }
    if (ctx->slots_cap < slots) {
        free(ctx->form_slots);
        ctx->slots_cap = 0;
        if (!(ctx->form_slots = malloc(slots * sizeof *ctx->form_slots)))
            return -1;
        ctx->slots_cap = slots;
    }
    memset(ctx->form_slots, 0, slots * sizeof *ctx->form_slots);
    for (size_t i = 0; i < ctx->n_cands; i++) {
        struct cand *c = &ctx->cands[i];
        char buf[512];
        size_t n = cand_fold(ctx, c, buf, sizeof buf);
        if (n == 0) {
            c->form = -1;
            continue;
        }
        unsigned h = strmap_hash(buf, n);
        uint32_t *slot = form_slot(ctx, slots - 1, buf, n, h);
        if (!*slot) {
            struct form *f = &ctx->forms[ctx->n_forms++];
            *slot = (uint32_t)ctx->n_forms;
            memset(f, 0, sizeof *f);
            f->fold = keep_fold(ctx, buf, n);
            if (!f->fold)
                return -1;
            f->flen = n;
            f->hash = h;
            f->start = c->start;
            f->end = c->end;
            f->mstart = c->mstart;
            f->actor = -1;
            f->first = (int)i;
            const struct token *t = &ctx->d->tokens[c->t0];
            /* a single word: buf is its fold (see cand_fold()) */
            bool word = c->t1 == c->t0 + 1 && t->kind == TOK_WORD && t->start == c->start && t->end == c->end;
            f->ent = word && n < 256 ? actx_word_entity(ctx, c->t0) : lex_entity_find(buf, n);
            const char *w[16];
            size_t wl[16];
            f->nwords = split_words(f->fold, w, wl, 16);
            for (int k = 0; k < f->nwords; k++) {
                f->woff[k] = (uint16_t)(w[k] - f->fold); /* a fold is under 512 bytes */
                f->wlen[k] = (uint16_t)wl[k];
                f->initials = f->initials || is_initial(w[k], wl[k]);
            }
            f->acronym = f->nwords == 1 && (t->flags & TF_ALLCAPS);
            f->generic = c->generic;
            f->weak = c->weak;
        }
        struct form *f = &ctx->forms[*slot - 1];
        c->form = (int)(*slot - 1);
        for (int k = 0; k < 3; k++)
            f->v[k] += c->v[k];
        f->generic = f->generic && c->generic;
        f->weak = f->weak && c->weak;
    }
    return 0;
}

/* Rank of form f in the merge order: more words first, full words before
 * initials (then the first written). */
static size_t form_rank(const struct form *f)
{
    return (size_t)(16 - f->nwords) * 2 + f->initials;
}

/* The forms' indexes in idx[], in merge order. build_forms() makes the
 * forms in the order they are first written, so a stable counting sort by
 * rank gives it. */
static void sort_forms(int *idx, const struct actx *ctx)
{
    size_t start[34] = {0};
    for (size_t i = 0; i < ctx->n_forms; i++)
        start[form_rank(&ctx->forms[i])]++;
    for (size_t r = 0, sum = 0; r < 34; r++) {
        size_t c = start[r];
        start[r] = sum;
        sum += c;
    }
    for (size_t i = 0; i < ctx->n_forms; i++)
        idx[start[form_rank(&ctx->forms[i])]++] = (int)i;
}

/* Working state of one actor while merging. */
struct wactor {
    float v[3];
    int name_form;
    int first_cand;
    const char *country;    /* nationality bound by a title */
    bool apposed;           /* a title stands next to one of its names */
    int n_title_aliases;
};

struct merge {
    struct actx *ctx;
    struct wactor *acts;
    size_t n_acts, acts_cap;
    struct strmap keys;     /* 'g', 'w', 'a', 'c'... tagged keys -> actor */
};

/* Acronym of a name's words: "union europeenne" -> "ue",
 * "organisation des nations unies" -> "onu", "hewlett-packard" -> "hp". */
static size_t acronym_of(struct form *f, char *out, size_t cap)
{
    const char *w[16];
    size_t wl[16];
    int n = form_words(f, w, wl);
    const unsigned *lw = form_word_flags(f);
    size_t k = 0;
    for (int i = 0; i < n && k + 1 < cap; i++) {
        size_t len = wl[i];
        const char *s = w[i];
        if (len >= 2 && s[len - 1] == '\'' )
            continue; /* "l'", "d'" */
        if ((lw[i] & (LW_PARTICLE | LW_STOP)) && i > 0)
            continue;
        for (size_t j = 0; j < len && k + 1 < cap; j++) {
            if (j == 0 || s[j - 1] == '-' || s[j - 1] == '\'')
                if ((s[j] >= 'a' && s[j] <= 'z'))
                    out[k++] = s[j];
        }
    }
    out[k] = '\0';
    return k;
}

static int register_form(struct merge *m, int fi, int a)
{
    struct actx *ctx = m->ctx;
    struct form *f = &ctx->forms[fi];
    f->actor = a;
    size_t fl = f->flen;
    if (f->ent && f->ent->group && key_put(&m->keys, 'g', f->ent->group, strlen(f->ent->group), a))
        return -1;
    if (f->ent && !f->ent->group && key_put(&m->keys, 'g', f->ent->key, strlen(f->ent->key), a))
        return -1;
    int t = best_type(f->v);
    const char *w[16];
    size_t wl[16];
    int n = form_words(f, w, wl);
    if (t == ACTOR_PERSON && !f->ent && n >= 2) {
        const unsigned *lw = form_word_flags(f);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                /* "le drian", "von der leyen" may start a run, a particle
                 * never ends one */
                if (lw[j] & LW_PARTICLE)
                    continue;
                size_t len = (size_t)(w[j] + wl[j] - w[i]);
                if (key_put(&m->keys, 'w', w[i], len, a))
                    return -1;
            }
            if (wl[i] > 3 && (memcmp(w[i], "al-", 3) == 0 || memcmp(w[i], "el-", 3) == 0) &&
                key_put(&m->keys, 'w', w[i] + 3, wl[i] - 3, a))
                return -1;
        }
    }
    if (t != ACTOR_PERSON && n >= 2) {
        char acr[32];
        size_t k = acronym_of(f, acr, sizeof acr);
        if (k >= 2 && key_put(&m->keys, 'a', acr, k, a))
            return -1;
        const unsigned *lw = form_word_flags(f);
        for (int i = 0; i < n; i++)
            if ((lw[i] & (LW_ORGCUE | LW_PLACECUE)) && key_put(&m->keys, 'c', w[i], wl[i], a))
                return -1;
    }
    if (t != ACTOR_PERSON && n >= 2) {
        /* "united states democratic party" also answers to "democratic party" */
        for (int i = 1; i < n; i++) {
            const struct lex_entity *e = lex_entity_find(f->fold, (size_t)(w[i - 1] + wl[i - 1] - f->fold));
            if (e && n - i >= 2) {
                if (key_put(&m->keys, 'S', w[i], fl - (size_t)(w[i] - f->fold), a))
                    return -1;
                break;
            }
        }
        /* "office federal des transports" also answers to "office
         * federal", the same name cut before its complement */
        for (int i = 2; i < n; i++) {
            bool de = (wl[i] == 2 && (!memcmp(w[i], "de", 2) || !memcmp(w[i], "du", 2) ||
                                      !memcmp(w[i], "of", 2))) ||
                      (wl[i] == 3 && (!memcmp(w[i], "des", 3) || !memcmp(w[i], "aux", 3))) ||
                      (wl[i] > 2 && !memcmp(w[i], "d'", 2));
            if (de) {
                if (key_put(&m->keys, 'P', f->fold, (size_t)(w[i - 1] + wl[i - 1] - f->fold), a))
                    return -1;
                break;
            }
        }
        /* "burisma holdings" also answers to "burisma" */
        const unsigned *lw = form_word_flags(f);
        bool cues = true;
        for (int i = 1; i < n; i++)
            cues = cues && (lw[i] & LW_CORP);
        if (cues && key_put(&m->keys, 'p', w[0], wl[0], a))
            return -1;
    }
    if (t != ACTOR_PERSON && n == 1 && strchr(f->fold, '-')) {
        char acr[32];
        size_t k = acronym_of(f, acr, sizeof acr);
        if (k >= 2 && key_put(&m->keys, 'a', acr, k, a))
            return -1;
    }
    return 0;
}

/* The actor whose name, written in full, matches a form with initials
 * ("recep t. erdogan" ~ "recep tayyip erdogan"), or -1. */
static int initials_match(struct merge *m, const struct form *f)
{
    const char *w[16], *x[16];
    size_t wl[16], xl[16];
    int n = form_words(f, w, wl);
    int a = key_get(&m->keys, 'w', w[n - 1], wl[n - 1]);
    if (a < 0)
        return -1;
    const struct form *g = &m->ctx->forms[m->acts[a].name_form];
    int gn = form_words(g, x, xl);
    if (gn != n)
        return -1;
    for (int i = 0; i < n; i++) {
        if (is_initial(w[i], wl[i]) ? x[i][0] != w[i][0] : (wl[i] != xl[i] || memcmp(w[i], x[i], wl[i])))
            return -1;
    }
    return a;
}

/* A form made of a country and one cue word ("u.s. house") names the
 * organisation that holds that cue word, if there is one; else -1. (Only
 * countries, which have a group in the lexicon: "Boston University" is not
 * "the University".) */
static int after_place_cue(struct merge *m, const struct form *f)
{
    const char *w[16];
    size_t wl[16];
    int n = form_words(f, w, wl);
    const struct lex_entity *e = lex_entity_find(f->fold, (size_t)(w[n - 2] + wl[n - 2] - f->fold));
    if (!e || e->type != ACTOR_PLACE || !e->group || !(lex_word(w[n - 1], wl[n - 1]) & LW_ORGCUE))
        return -1;
    return key_get(&m->keys, 'c', w[n - 1], wl[n - 1]);
}

/* An acronym written in brackets right after a name: "Name (ACR)". */
static int bracket_match(struct merge *m, int fi)
{
    struct actx *ctx = m->ctx;
    for (size_t i = 0; i < ctx->n_cands; i++) {
        const struct cand *c = &ctx->cands[i];
        if (c->form != fi || i == 0 || c->t0 < 2)
            continue;
        const struct token *tk = ctx->d->tokens;
        if (!(tk[c->t0 - 1].kind == TOK_PUNCT && tk[c->t0 - 1].cp == '('))
            continue;
        const struct cand *p = &ctx->cands[i - 1];
        /* the name may go on in lower case: "Office central de lutte
         * contre les atteintes à l'environnement (OCLAESP)" */
        size_t gap = c->t0 - 1 - p->t1;
        bool lower = p->t1 < c->t0 && gap <= 15;
        for (size_t k = p->t1; lower && k + 1 < c->t0; k++)
            lower = tk[k].kind == TOK_WORD ? !(tk[k].flags & TF_CAP)
                                            : (tk[k].cp == '\'' || tk[k].cp == 0x2019);
        bool initial = gap == 0 || ((ctx->d->text[p->start] | 0x20) == (ctx->d->text[c->start] | 0x20));
        /* "Alfredo Pérez Rubalcaba (PSOE)" gives the party, not an alias */
        if (lower && initial && p->form >= 0 && ctx->forms[p->form].actor >= 0 &&
            best_type(m->acts[ctx->forms[p->form].actor].v) != ACTOR_PERSON)
            return ctx->forms[p->form].actor;
    }
    return -1;
}

static int new_actor(struct merge *m, int fi)
{
    if (grow((void **)&m->acts, &m->acts_cap, m->n_acts, sizeof *m->acts))
        return -1;
    struct wactor *w = &m->acts[m->n_acts];
    memset(w, 0, sizeof *w);
    w->name_form = fi;
    w->first_cand = m->ctx->forms[fi].first;
    return (int)m->n_acts++;
}

static int merge_forms(struct merge *m)
{
    struct actx *ctx = m->ctx;
    size_t n = ctx->n_forms;
    int *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx)
        return -1;
    sort_forms(idx, ctx);
    /* one or two keys per form on average (its entity, its words, its
     * acronym...): room for them at once spares most rehashes without
     * clearing a table many times too large (a failure here only costs
     * the rehashes) */
    strmap_reserve(&m->keys, 2 * n, 24 * n);
    int rc = 0;
    for (size_t k = 0; k < n && !rc; k++) {
        int fi = idx[k];
        struct form *f = &ctx->forms[fi];
        int a = -1;
        if (f->ent) {
            const char *g = f->ent->group ? f->ent->group : f->ent->key;
            a = key_get(&m->keys, 'g', g, strlen(g));
        }
        size_t fl = f->flen;
        unsigned h = f->hash; /* for every key of the fold */
        if (a < 0)
            a = key_get_h(&m->keys, 'S', f->fold, fl, h);
        if (a < 0 && !f->ent && !f->acronym)
            a = key_get_h(&m->keys, 'w', f->fold, fl, h);
        if (a < 0 && !f->ent && f->nwords == 1)
            a = key_get_h(&m->keys, 'p', f->fold, fl, h);
        if (a < 0 && !f->ent && f->nwords >= 2)
            a = after_place_cue(m, f); /* "U.S. House" */
        if (a < 0 && !f->ent && f->nwords >= 2 && best_type(f->v) != ACTOR_PERSON)
            a = key_get_h(&m->keys, 'P', f->fold, fl, h);
        if (a < 0 && !f->ent && f->nwords == 1 && fl > 3 && f->fold[fl - 1] == 's')
            a = key_get(&m->keys, 'w', f->fold, fl - 1); /* "the Bidens" */
        if (a < 0 && f->initials && f->nwords >= 2)
            a = initials_match(m, f);
        if (a < 0 && f->acronym) {
            a = key_get_h(&m->keys, 'a', f->fold, fl, h);
            if (a < 0)
                a = bracket_match(m, fi);
        }
        if (a < 0 && f->weak) {
            f->actor = -2; /* a capital that only starts a sentence */
            continue;
        }
        if (a < 0 && f->generic) {
            a = key_get_h(&m->keys, 'c', f->fold, fl, h);
            if (a < 0) {
                f->actor = -2; /* a lone cue word that names nothing */
                continue;
            }
        }
        if (a < 0)
            a = new_actor(m, fi);
        if (a < 0) {
            rc = -1;
            break;
        }
        struct wactor *w = &m->acts[a];
        for (int t = 0; t < 3; t++)
            w->v[t] += f->v[t];
        if (f->first < w->first_cand)
            w->first_cand = f->first;
        const struct form *nf = &ctx->forms[w->name_form];
        if (f->nwords > nf->nwords && !f->initials)
            w->name_form = fi;
        rc = register_form(m, fi, a);
    }
    free(idx);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Titles. */

static int cand_actor(const struct actx *ctx, const struct cand *c)
{
    return c->form >= 0 ? ctx->forms[c->form].actor : -1;
}

/* Index of the first candidate starting at or after token t (binary
 * search: candidates are in text order of their start). */
static size_t cand_lower_bound(const struct actx *ctx, size_t t)
{
    size_t lo = 0, hi = ctx->n_cands;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ctx->cands[mid].t0 < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The candidate that starts at token t, or NULL. */
static const struct cand *cand_starting(const struct actx *ctx, size_t t)
{
    size_t lo = cand_lower_bound(ctx, t);
    return lo < ctx->n_cands && ctx->cands[lo].t0 == t ? &ctx->cands[lo] : NULL;
}

/* The candidate that ends at token t (exclusive), or NULL. Candidates are
 * sorted by start only (a name inside a name comes after it), so look at
 * the few that start before t. */
static const struct cand *cand_ending(const struct actx *ctx, size_t t)
{
    size_t lo = cand_lower_bound(ctx, t);
    for (size_t i = lo, k = 0; i-- > 0 && k < 8; k++)
        if (ctx->cands[i].t1 == t)
            return &ctx->cands[i];
    return NULL;
}

static bool is_person(const struct merge *m, int a)
{
    return a >= 0 && best_type(m->acts[a].v) == ACTOR_PERSON;
}

/* The nearest person mentioned within two sentences of byte `at`, before
 * it first, that no other nationality claims; -1 if none. */
static int nearest_person(const struct merge *m, size_t at, const char *country)
{
    const struct actx *ctx = m->ctx;
    const struct doc *d = ctx->d;
    size_t s = doc_sentence_at(d, at);
    size_t lo_off = d->sentences[s >= 2 ? s - 2 : 0].start;
    size_t hi_off = d->sentences[s + 2 < d->n_sentences ? s + 2 : d->n_sentences - 1].end;
    /* first candidate at or after `at` */
    size_t lo = 0, hi = ctx->n_cands;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ctx->cands[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i-- > 0 && ctx->cands[i].start >= lo_off;) {
        int a = cand_actor(ctx, &ctx->cands[i]);
        if (is_person(m, a) && !m->acts[a].apposed &&
            (!m->acts[a].country || strcmp(m->acts[a].country, country) == 0))
            return a;
    }
    for (size_t i = lo; i < ctx->n_cands && ctx->cands[i].start <= hi_off; i++) {
        int a = cand_actor(ctx, &ctx->cands[i]);
        if (is_person(m, a) && !m->acts[a].apposed &&
            (!m->acts[a].country || strcmp(m->acts[a].country, country) == 0))
            return a;
    }
    return -1;
}

/* The person a title phrase is apposed to ("le secrétaire général de
 * l'Otan, Jens Stoltenberg", "Carrie Lam, the chief executive"), or -1. */
static int apposed_person(const struct merge *m, const struct title_ref *t)
{
    const struct actx *ctx = m->ctx;
    const struct token *tk = ctx->d->tokens;
    size_t k = t->after_tok;
    const struct cand *c = cand_starting(ctx, k);
    if (!c && k < ctx->d->n_tokens && tk[k].kind == TOK_PUNCT && tk[k].cp == ',')
        c = cand_starting(ctx, k + 1);
    if (c && is_person(m, cand_actor(ctx, c)))
        return cand_actor(ctx, c);
    if (t->before_tok >= 3) {
        size_t b = t->before_tok - 1; /* the determiner */
        if (b > 0 && tk[b - 1].kind == TOK_PUNCT && (tk[b - 1].cp == '\'' || tk[b - 1].cp == 0x2019))
            b -= 2;
        if (b > 0 && tk[b - 1].kind == TOK_PUNCT && tk[b - 1].cp == ',') {
            const struct cand *p = cand_ending(ctx, b - 1);
            if (p && is_person(m, cand_actor(ctx, p)))
                return cand_actor(ctx, p);
        }
    }
    return -1;
}

/* Bind each title phrase to a person; returns the actor per title in
 * `bind` (caller-allocated, ctx->n_titles entries). Apposed titles first,
 * so that a person named with a title is not taken for another one. */
static void bind_titles(struct merge *m, int *bind)
{
    struct actx *ctx = m->ctx;
    struct strmap *keys = &m->keys;
    for (size_t i = 0; i < ctx->n_titles; i++) {
        const struct title_ref *t = &ctx->titles[i];
        bind[i] = apposed_person(m, t);
        if (bind[i] < 0)
            continue;
        struct wactor *w = &m->acts[bind[i]];
        w->apposed = true;
        /* "le président turc Recep Tayyip Erdogan": the nationality is his */
        if (t->country && !w->country && key_get(keys, 'N', t->country, strlen(t->country)) < 0) {
            w->country = t->country;
            if (key_put(keys, 'N', t->country, strlen(t->country), bind[i]))
                w->country = NULL; /* out of memory: only a weaker binding */
        }
    }
    for (size_t i = 0; i < ctx->n_titles; i++) {
        const struct title_ref *t = &ctx->titles[i];
        int a = bind[i];
        if (t->country) {
            int known = key_get(keys, 'N', t->country, strlen(t->country));
            if (a < 0)
                a = known >= 0 ? known : nearest_person(m, t->start, t->country);
            if (a >= 0 && known < 0 && !m->acts[a].country) {
                m->acts[a].country = t->country;
                if (key_put(keys, 'N', t->country, strlen(t->country), a))
                    a = -1; /* out of memory: leave the title unbound */
            }
        }
        bind[i] = a;
    }
}

/* ---------------------------------------------------------------------- */
/* Output. */

/* Append a copy of s[0..n) to a's aliases. The array grows geometrically:
 * its capacity is never stored, it is 4 slots and then the power of two
 * at or above n_aliases, so a reallocation is due exactly when n_aliases
 * is 0 or a power of two of at least 4. */
static int push_alias(struct actor *a, const char *s, size_t n)
{
    size_t k = a->n_aliases;
    if (k == 0 || (k >= 4 && (k & (k - 1)) == 0)) {
        char **p = realloc(a->aliases, (k ? 2 * k : 4) * sizeof *p);
        if (!p)
            return -1;
        a->aliases = p;
    }
    if (!(a->aliases[k] = xstrndup(s, n)))
        return -1;
    a->n_aliases++;
    return 0;
}

/* Add s[0..n) as an alias of a unless it folds equal to a's name or to
 * one of its aliases. Folds the name and every alias again: for an actor
 * added after the actors pass (actors_add()); the pass itself uses
 * add_alias_noted(). */
static int add_alias(struct actor *a, const char *s, size_t n)
{
    char f1[512], f2[512];
    size_t fl = utf8_fold_into(s, n, f1, sizeof f1);
    if (fl == 0)
        return 0;
    size_t nl = utf8_fold_into(a->name, strlen(a->name), f2, sizeof f2);
    if (nl == fl && memcmp(f1, f2, fl) == 0)
        return 0;
    for (size_t i = 0; i < a->n_aliases; i++) {
        nl = utf8_fold_into(a->aliases[i], strlen(a->aliases[i]), f2, sizeof f2);
        if (nl == fl && memcmp(f1, f2, fl) == 0)
            return 0;
    }
    return push_alias(a, s, n);
}

/* Record fold[0..fl) as the fold of the name or of a new alias of
 * `actor`: *last is the index in nf of the actor's latest fold (-1 for
 * none), and becomes this one's. 0, or -1 on allocation failure. */
static int note_fold(struct name_folds *nf, int actor, const char *fold, size_t fl, int *last)
{
    if (nf->n >= nf->cap && grow((void **)&nf->v, &nf->cap, nf->n, sizeof *nf->v))
        return -1;
    if (nf->used + fl + 1 > nf->buf_cap) {
        size_t nc = nf->buf_cap ? nf->buf_cap : 1024;
        while (nc < nf->used + fl + 1)
            nc *= 2;
        char *p = realloc(nf->buf, nc);
        if (!p)
            return -1;
        nf->buf = p;
        nf->buf_cap = nc;
    }
    memcpy(nf->buf + nf->used, fold, fl);
    nf->buf[nf->used + fl] = '\0';
    nf->v[nf->n] = (struct name_fold){actor, (uint32_t)nf->used, (uint32_t)fl, *last};
    *last = (int)nf->n++;
    nf->used += fl + 1;
    return 0;
}

/* Does an actor whose latest fold in nf is `last` have a name or an alias
 * folding to fold[0..fl)? (An actor has few of them.) */
static bool fold_noted(const struct name_folds *nf, int last, const char *fold, size_t fl)
{
    for (int r = last; r >= 0; r = nf->v[r].prev)
        if (nf->v[r].len == fl && memcmp(nf->buf + nf->v[r].off, fold, fl) == 0)
            return true;
    return false;
}

static void name_folds_free(struct name_folds *nf)
{
    free(nf->v);
    free(nf->buf);
    memset(nf, 0, sizeof *nf);
}

/* add_alias() for actor `ai` of the pass, whose folds nf holds (its
 * latest at *last, see note_fold()): the same result, without folding the
 * name and the aliases again. `f`: NULL, or the form whose fold s[0..n)
 * folds to. */
static int add_alias_noted(struct name_folds *nf, int *last, struct actor *a, int ai, const char *s, size_t n,
                           const struct form *f)
{
    char buf[512];
    const char *fold = buf;
    size_t fl;
    if (f) {
        fold = f->fold;
        fl = f->flen;
    } else {
        fl = utf8_fold_into(s, n, buf, sizeof buf);
    }
    if (fl == 0 || fold_noted(nf, *last, fold, fl))
        return 0; /* empty, or the name or an alias already */
    return note_fold(nf, ai, fold, fl, last) || push_alias(a, s, n) ? -1 : 0;
}

static int cmp_ment(const void *a, const void *b)
{
    const struct actor_mention *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : x->actor - y->actor;
}

/* Sort m[0..n) by cmp_ment() with tmp[0..n) for room: insertion sort of
 * short stretches, merged bottom-up. Each actor's mentions come sorted,
 * so the merges are short; O(n log n) at worst. */
static void sort_ments_with(struct actor_mention *m, struct actor_mention *tmp, size_t n)
{
    enum { RUN = 16 };
    for (size_t lo = 0; lo < n; lo += RUN) {
        size_t hi = lo + RUN < n ? lo + RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            struct actor_mention x = m[i];
            size_t k = i;
            for (; k > lo && cmp_ment(&m[k - 1], &x) > 0; k--)
                m[k] = m[k - 1];
            m[k] = x;
        }
    }
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo + w < n; lo += 2 * w) {
            size_t mid = lo + w, hi = lo + 2 * w < n ? lo + 2 * w : n;
            if (cmp_ment(&m[mid - 1], &m[mid]) <= 0)
                continue; /* already in order */
            size_t i = lo, j = mid, k = 0;
            while (i < mid && j < hi)
                tmp[k++] = cmp_ment(&m[j], &m[i]) < 0 ? m[j++] : m[i++];
            while (i < mid)
                tmp[k++] = m[i++];
            memcpy(m + lo, tmp, k * sizeof *m);
        }
    }
}

/* Sort m[0..n) by cmp_ment(); 0, or -1 on allocation failure. */
static int sort_ments(struct actor_mention *m, size_t n)
{
    if (n <= 16) {
        sort_ments_with(m, NULL, n);
        return 0;
    }
    struct actor_mention *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return -1;
    sort_ments_with(m, tmp, n);
    free(tmp);
    return 0;
}

/* Merge the pending mentions into the main sorted array (linear). */
static int flush_pending(struct actors_index *ix)
{
    if (!ix->n_pend)
        return 0;
    size_t total = ix->n_ments + ix->n_pend;
    if (grow((void **)&ix->ments, &ix->ments_cap, total - 1, sizeof *ix->ments))
        return -1;
    size_t i = ix->n_ments, j = ix->n_pend, k = total;
    while (j > 0) {
        if (i > 0 && cmp_ment(&ix->ments[i - 1], &ix->pend[j - 1]) > 0)
            ix->ments[--k] = ix->ments[--i];
        else
            ix->ments[--k] = ix->pend[--j];
    }
    ix->n_ments = total;
    ix->n_pend = 0;
    return 0;
}

static int index_mention(struct actors_index *ix, size_t start, size_t end, int actor)
{
    if (grow((void **)&ix->pend, &ix->pend_cap, ix->n_pend, sizeof *ix->pend))
        return -1;
    struct actor_mention m = {start, end, actor};
    size_t k = ix->n_pend;
    while (k > 0 && cmp_ment(&ix->pend[k - 1], &m) > 0) {
        ix->pend[k] = ix->pend[k - 1];
        k--;
    }
    ix->pend[k] = m;
    ix->n_pend++;
    if (end - start > ix->max_len)
        ix->max_len = end - start;
    /* merge once the pending list is as long as the square root of the
     * whole, so additions stay cheap and queries search few lists */
    if (ix->n_pend * ix->n_pend > ix->n_ments + 4096)
        return flush_pending(ix);
    return 0;
}

/* First mention in m[0..n) that overlaps [start,end), or NULL. */
static const struct actor_mention *overlap_in(const struct actor_mention *m, size_t n, size_t max_len,
                                              size_t start, size_t end)
{
    size_t from = start > max_len ? start - max_len : 0;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].start < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < n && m[i].start < end; i++)
        if (start < m[i].end)
            return &m[i];
    return NULL;
}

/* The capacity of an actor's mentions when it holds n of them: 4, then
 * the power of two at or above n (it is not stored). */
static size_t rule_cap(size_t n)
{
    size_t c = 4;
    while (c < n)
        c *= 2;
    return c;
}

static void mention_insert(struct actor *a, size_t start, size_t end);

/* Append a mention to actor `a`, keeping its mentions sorted. */
static int actor_mention(struct actor *a, size_t start, size_t end)
{
    /* the capacity is rule_cap(): grow when n is 0 or a power of two of at
     * least 4 */
    size_t n = a->n_mentions;
    if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) {
        void *p = realloc(a->mentions, (n ? 2 * n : 4) * sizeof *a->mentions);
        if (!p)
            return -1;
        a->mentions = p;
    }
    mention_insert(a, start, end);
    return 0;
}

/* Insert a mention into a's sorted mentions, which have room for it. */
static void mention_insert(struct actor *a, size_t start, size_t end)
{
    size_t k = a->n_mentions;
    while (k > 0 && a->mentions[k - 1].start > start) {
        a->mentions[k] = a->mentions[k - 1];
        k--;
    }
    a->mentions[k] = (struct span){start, end};
    a->n_mentions++;
}


/* Key actor `idx` (a) in ix: its name and aliases folded, and a person's
 * words. The folds come from nf when `first` is not SIZE_MAX: nf->v[first]
 * is the name's, and next[] leads from each to the actor's next alias's,
 * in the order of a->aliases; else they are folded here. */
static int index_keys_for(struct actors_index *ix, const struct actor *a, int idx, const struct name_folds *nf,
                          size_t first, const size_t *next)
{
    char buf[512], abuf[512];
    const char *name = buf;
    size_t n;
    if (first != SIZE_MAX) {
        name = nf->buf + nf->v[first].off;
        n = nf->v[first].len;
    } else {
        n = utf8_fold_into(a->name, strlen(a->name), buf, sizeof buf);
    }
    if (key_put(&ix->keys, 'n', name, n, idx))
        return -1;
    for (size_t k = 0, r = first; k < a->n_aliases; k++) {
        const char *af = abuf;
        size_t an;
        if (first != SIZE_MAX) {
            r = next[r];
            af = nf->buf + nf->v[r].off;
            an = nf->v[r].len;
        } else {
            an = utf8_fold_into(a->aliases[k], strlen(a->aliases[k]), abuf, sizeof abuf);
        }
        if (key_put(&ix->keys, 'n', af, an, idx))
            return -1;
    }
    if (a->type != ACTOR_PERSON)
        return 0;
    /* name is the folded name, NUL-terminated */
    const char *w[16];
    size_t wl[16];
    int nw = split_words(name, w, wl, 16);
    bool part[16];
    for (int i = 0; i < nw && nw >= 2; i++)
        part[i] = lower_particle(w[i], wl[i]);
    for (int i = 0; i < nw && nw >= 2; i++) {
        for (int j = i; j < nw; j++) {
            if (part[i] || part[j])
                continue;
            if (key_put(&ix->keys, 'w', w[i], (size_t)(w[j] + wl[j] - w[i]), idx))
                return -1;
        }
        if (wl[i] > 3 && (memcmp(w[i], "al-", 3) == 0 || memcmp(w[i], "el-", 3) == 0) &&
            key_put(&ix->keys, 'w', w[i] + 3, wl[i] - 3, idx))
            return -1;
    }
    return 0;
}

static int build_output(struct merge *m, const int *bind, struct name_folds *folds)
{
    struct actx *ctx = m->ctx;
    struct doc *d = ctx->d;
    struct extraction *x = d->out;
    const char *text = d->text;
    /* actors in the order of their first mention (order[]), their index
     * in x (out_of[]), their number of mentions (n_ment[]) and their
     * latest fold in `folds` (last[], see note_fold()) */
    size_t na = m->n_acts ? m->n_acts : 1;
    int *order = malloc(4 * na * sizeof *order);
    if (!order)
        return -1;
    int *out_of = order + na, *n_ment = out_of + na, *last = n_ment + na;
    size_t no = 0;
    for (size_t i = 0; i < m->n_acts; i++) {
        out_of[i] = -1;
        n_ment[i] = 0;
        last[i] = -1;
    }
    for (size_t i = 0; i < ctx->n_cands; i++) {
        int a = cand_actor(ctx, &ctx->cands[i]);
        if (a >= 0 && out_of[a] < 0) {
            out_of[a] = (int)(x->n_actors + no);
            order[no++] = a;
        }
        if (a >= 0)
            n_ment[a]++;
    }
    for (size_t i = 0; i < ctx->n_titles; i++)
        if (bind[i] >= 0 && out_of[bind[i]] >= 0)
            n_ment[bind[i]]++;
    int rc = 0;
    for (size_t k = 0; k < no && !rc; k++) {
        struct wactor *w = &m->acts[order[k]];
        if (grow((void **)&x->actors, &d->actors_cap, x->n_actors, sizeof *x->actors)) {
            rc = -1;
            break;
        }
        struct actor *a = &x->actors[x->n_actors];
        memset(a, 0, sizeof *a);
        const struct form *nf = &ctx->forms[w->name_form];
        a->name = xstrndup(text + nf->start, nf->end - nf->start);
        a->type = (enum actor_type)best_type(w->v);
        /* room for every mention at once, as actor_mention() would grow it */
        a->mentions = malloc(rule_cap((size_t)n_ment[order[k]]) * sizeof *a->mentions);
        x->n_actors++;
        if (!a->mentions) {
            rc = -1;
            break;
        }
        /* a->name folds to nf->fold (see cand_fold()) */
        if (!a->name || note_fold(folds, (int)(x->n_actors - 1), nf->fold, nf->flen, &last[order[k]]))
            rc = -1;
    }
    /* aliases and mentions, in text order */
    for (size_t i = 0; i < ctx->n_cands && !rc; i++) {
        const struct cand *c = &ctx->cands[i];
        int a = cand_actor(ctx, c);
        if (a < 0)
            continue;
        struct actor *ac = &x->actors[out_of[a]];
        const struct form *f = &ctx->forms[c->form];
        if (f->first == (int)i && add_alias_noted(folds, &last[a], ac, out_of[a], text + f->start, f->end - f->start, f))
            rc = -1;
        if (!rc && c->mstart < c->start &&
            add_alias_noted(folds, &last[a], ac, out_of[a], text + c->mstart, c->end - c->mstart, NULL))
            rc = -1;
        if (!rc)
            mention_insert(ac, c->mstart, c->end);
    }
    for (size_t i = 0; i < ctx->n_titles && !rc; i++) {
        if (bind[i] < 0 || out_of[bind[i]] < 0)
            continue;
        const struct title_ref *t = &ctx->titles[i];
        struct actor *ac = &x->actors[out_of[bind[i]]];
        if (add_alias_noted(folds, &last[bind[i]], ac, out_of[bind[i]], text + t->start, t->alias_end - t->start,
                            NULL))
            rc = -1;
        else
            mention_insert(ac, t->start, t->end);
    }
    free(order);
    return rc;
}

/* Build d->actors_ix from d->out->actors: its mentions now, its keys on
 * first use (index_keys()), from the folds in nf (NULL, or moved into the
 * index: nf is left empty). 0, or -1 on allocation failure. */
static int build_index(struct doc *d, struct name_folds *nf)
{
    struct actors_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return -1;
    d->actors_ix = ix;
    if (nf) {
        ix->nf = *nf;
        memset(nf, 0, sizeof *nf);
    }
    struct extraction *x = d->out;
    size_t total = 0;
    for (size_t i = 0; i < x->n_actors; i++)
        total += x->actors[i].n_mentions;
    ix->ments = malloc((total ? total : 1) * sizeof *ix->ments);
    if (!ix->ments)
        return -1;
    ix->ments_cap = total ? total : 1;
    for (size_t i = 0; i < x->n_actors; i++) {
        const struct actor *a = &x->actors[i];
        for (size_t k = 0; k < a->n_mentions; k++) {
            ix->ments[ix->n_ments++] = (struct actor_mention){a->mentions[k].start, a->mentions[k].end, (int)i};
            if (a->mentions[k].end - a->mentions[k].start > ix->max_len)
                ix->max_len = a->mentions[k].end - a->mentions[k].start;
        }
    }
    return sort_ments(ix->ments, ix->n_ments);
}

/* Key ix on the actors of x (see index_keys_for()), unless it is keyed
 * already: with the folds of ix->nf for an actor whose name and aliases it
 * holds all of, else folded here; then ix->nf is released. 0, or -1 on
 * allocation failure (the index is then not keyed). */
static int index_keys(struct actors_index *ix, const struct extraction *x)
{
    if (ix->keyed)
        return 0;
    const struct name_folds *nf = &ix->nf;
    size_t aliases = 0;
    for (size_t i = 0; i < x->n_actors; i++)
        aliases += x->actors[i].n_aliases;
    /* the names, the aliases and a person's words: a failure here only
     * costs rehashes */
    strmap_reserve(&ix->keys, 2 * x->n_actors + aliases, 32 * (2 * x->n_actors + aliases));
    /* per actor, its folds in nf as a chain: first[], then next[] */
    size_t *first = NULL, *next = NULL, *last = NULL, *count = NULL;
    if (nf->n) {
        size_t na = x->n_actors ? x->n_actors : 1;
        first = malloc(na * sizeof *first);
        last = malloc(na * sizeof *last);
        count = calloc(na, sizeof *count);
        next = malloc(nf->n * sizeof *next);
        if (!first || !last || !count || !next) {
            free(first);
            free(last);
            free(count);
            free(next);
            return -1;
        }
        for (size_t i = 0; i < x->n_actors; i++)
            first[i] = SIZE_MAX;
        for (size_t r = 0; r < nf->n; r++) {
            size_t a = (size_t)nf->v[r].actor;
            next[r] = SIZE_MAX;
            if (first[a] == SIZE_MAX)
                first[a] = r;
            else
                next[last[a]] = r;
            last[a] = r;
            count[a]++;
        }
        /* only an actor with the fold of its name and of every alias */
        for (size_t i = 0; i < x->n_actors; i++)
            if (count[i] != 1 + x->actors[i].n_aliases)
                first[i] = SIZE_MAX;
    }
    int rc = 0;
    for (size_t i = 0; i < x->n_actors && !rc; i++)
        rc = index_keys_for(ix, &x->actors[i], (int)i, nf, first ? first[i] : SIZE_MAX, next);
    free(first);
    free(last);
    free(count);
    free(next);
    if (rc)
        return -1;
    name_folds_free(&ix->nf);
    ix->keyed = true;
    return 0;
}

int actors_extract(struct doc *d)
{
    struct actx ctx = {.d = d};
    struct merge m = {.ctx = &ctx};
    int *bind = NULL;
    int rc = actors_scan(&ctx) || build_forms(&ctx) || merge_forms(&m) ? -1 : 0;
    if (!rc) {
        bind = malloc((ctx.n_titles ? ctx.n_titles : 1) * sizeof *bind);
        if (!bind)
            rc = -1;
    }
    struct name_folds nf = {0};
    if (!rc) {
        bind_titles(&m, bind);
        rc = build_output(&m, bind, &nf);
    }
    if (!rc && !d->actors_ix)
        rc = build_index(d, &nf);
    name_folds_free(&nf);
    free(bind);
    free(m.acts);
    strmap_free(&m.keys);
    actx_free(&ctx);
    return rc;
}

void actors_release(struct doc *d)
{
    struct actors_index *ix = d->actors_ix;
    if (!ix)
        return;
    name_folds_free(&ix->nf);
    strmap_free(&ix->keys);
    free(ix->ments);
    free(ix->pend);
    free(ix);
    d->actors_ix = NULL;
}

/* ---------------------------------------------------------------------- */
/* Queries of the other passes. */

static struct actors_index *index_of(struct doc *d)
{
    if (!d->actors_ix && build_index(d, NULL)) {
        actors_release(d);
        return NULL;
    }
    return d->actors_ix;
}

/* With an index, also -1 when it cannot be keyed for lack of memory: then
 * actors_add() fails too. */
int actors_find(const struct doc *d, const char *s, size_t n)
{
    struct actors_index *ix = d->actors_ix;
    char buf[512];
    size_t fl = utf8_fold_into(s, n, buf, sizeof buf);
    if (!fl)
        return -1;
    if (!ix) {
        /* no index yet: compare with every actor */
        for (size_t i = 0; i < d->out->n_actors; i++) {
            const struct actor *a = &d->out->actors[i];
            char f2[512];
            size_t l2 = utf8_fold_into(a->name, strlen(a->name), f2, sizeof f2);
            if (l2 == fl && memcmp(f2, buf, fl) == 0)
                return (int)i;
            const char *sp = memchr(f2, ' ', l2) ? strrchr(f2, ' ') : NULL;
            if (sp && a->type == ACTOR_PERSON && (size_t)(f2 + l2 - sp - 1) == fl && memcmp(sp + 1, buf, fl) == 0)
                return (int)i;
            for (size_t k = 0; k < a->n_aliases; k++) {
                l2 = utf8_fold_into(a->aliases[k], strlen(a->aliases[k]), f2, sizeof f2);
                if (l2 == fl && memcmp(f2, buf, fl) == 0)
                    return (int)i;
            }
        }
        return -1;
    }
    if (index_keys(ix, d->out))
        return -1;
    unsigned h = strmap_hash(buf, fl);
    int a = key_get_h(&ix->keys, 'n', buf, fl, h);
    if (a < 0)
        a = key_get_h(&ix->keys, 'w', buf, fl, h);
    return a;
}

int actors_at(const struct doc *d, size_t start, size_t end)
{
    const struct actors_index *ix = d->actors_ix;
    if (!ix) {
        for (size_t i = 0; i < d->out->n_actors; i++) {
            const struct actor *a = &d->out->actors[i];
            for (size_t k = 0; k < a->n_mentions; k++)
                if (a->mentions[k].start < end && start < a->mentions[k].end)
                    return (int)i;
        }
        return -1;
    }
    const struct actor_mention *a = overlap_in(ix->ments, ix->n_ments, ix->max_len, start, end);
    const struct actor_mention *b = overlap_in(ix->pend, ix->n_pend, ix->max_len, start, end);
    if (a && b)
        return cmp_ment(a, b) <= 0 ? a->actor : b->actor;
    return a ? a->actor : b ? b->actor : -1;
}

size_t actors_mentions_in(struct doc *d, size_t start, size_t end, const struct actor_mention **first)
{
    struct actors_index *ix = index_of(d);
    *first = NULL;
    if (!ix || start >= end || flush_pending(ix))
        return 0;
    size_t lo = 0, hi = ix->n_ments;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->ments[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    hi = ix->n_ments;
    while (k < hi) {
        size_t mid = k + (hi - k) / 2;
        if (ix->ments[mid].start < end)
            k = mid + 1;
        else
            hi = mid;
    }
    *first = ix->ments + lo;
    return k - lo;
}

int actors_add(struct doc *d, const char *s, size_t n, enum actor_type t, size_t start, size_t end)
{
    struct actors_index *ix = index_of(d);
    if (!ix || index_keys(ix, d->out))
        return -1;
    int idx = actors_find(d, s, n);
    struct extraction *x = d->out;
    if (idx < 0) {
        if (grow((void **)&x->actors, &d->actors_cap, x->n_actors, sizeof *x->actors))
            return -1;
        struct actor *a = &x->actors[x->n_actors];
        memset(a, 0, sizeof *a);
        a->name = xstrndup(s, n);
        if (!a->name)
            return -1;
        a->type = t;
        idx = (int)x->n_actors++;
        if (index_keys_for(ix, a, idx, NULL, SIZE_MAX, NULL))
            return -1;
    } else {
        /* a new written form of a known actor becomes an alias */
        if (add_alias(&x->actors[idx], s, n))
            return -1;
        char buf[512];
        size_t fl = utf8_fold_into(s, n, buf, sizeof buf);
        if (key_put(&ix->keys, 'n', buf, fl, idx))
            return -1;
    }
    if (actor_mention(&x->actors[idx], start, end) || index_mention(ix, start, end, idx))
        return -1;
    return idx;
}
