/* actors_scan.c — finds where an article writes a name, and weighs whether
 * each is a person, an organisation or a place.
 *
 * A name is a run of capitalised words, held together by name particles
 * ("Jean-Yves Le Drian", "Ursula von der Leyen", "Mohammad bin Salman"),
 * initials ("Recep T. Erdogan"), and, where the left part calls for a
 * complement, by "de"/"of" ("Corée du Nord", "University of East Anglia"),
 * "for"/"and" inside organisation names, and, in French, by the lower-case
 * adjectives of an organisation ("Union européenne", "Cour pénale
 * internationale"). Lower-case heads start one too ("ministère de
 * l'Intérieur"). Titles, honorifics and nationality adjectives in front are
 * cut off and counted as evidence ("President Trump", "Iranian President
 * Hassan Rouhani"). A capital that only starts a sentence does not make a
 * name: a function word there is dropped, and an unknown word is kept only
 * when the article also writes it capitalised mid-sentence (or, leading a
 * longer name, never writes it in lower case).
 *
 * Type evidence comes from the known-entity table, cue words of the name
 * ("Parti", "Council", "Street"), first names, titles and honorifics,
 * acronyms, and the words around it (a place preposition before, a speech
 * verb after, a French article before). Titles used as references
 * ("le président turc", "le secrétaire général de l'Otan") are recorded for
 * actors.c, which binds them to a person. */
#include <stdlib.h>
#include <string.h>

#include "actors_int.h"
#include "lexicon_speech.h"
#include "utf8.h"

/* Evidence weights: a known entity wins over everything; a title or a cue
 * word over a first name; context words only tip a balance. */
#define W_LEXICON 10.0f
#define W_TITLE 6.0f
#define W_CUE_LAST 5.0f
#define W_CUE 3.0f
#define W_FIRSTNAME 3.0f
#define W_ACRONYM 2.0f
#define W_PREP 2.0f
#define W_SPEECH 1.5f
#define W_ARTICLE 1.0f

const char *actx_word(const struct actx *ctx, size_t i, size_t *n)
{
    *n = ctx->ti[i].flen;
    return ctx->fold + ctx->ti[i].foff;
}

const struct lex_entity *actx_word_entity(struct actx *ctx, size_t i)
{
    struct winfo *w = &ctx->words[ctx->tk[i].word];
    if (!w->ent_known) {
        size_t n;
        const char *f = actx_word(ctx, i, &n);
        w->ent = n < 256 ? lex_entity_find(f, n) : NULL;
        w->ent_known = true;
    }
    return w->ent;
}

/* Is token i the folded word w[0..wn)? word_is() takes a string literal. */
static bool word_is_n(const struct actx *ctx, size_t i, const char *w, size_t wn)
{
    if (i >= ctx->nt || ctx->ti[i].flen != wn)
        return false;
    return memcmp(ctx->fold + ctx->ti[i].foff, w, wn) == 0;
}
#define word_is(ctx, i, lit) word_is_n(ctx, i, "" lit, sizeof(lit) - 1)

static bool is_word(const struct actx *ctx, size_t i)
{
    return i < ctx->nt && ctx->tk[i].kind == TOK_WORD;
}

static bool is_cap(const struct actx *ctx, size_t i)
{
    return is_word(ctx, i) && ctx->ti[i].cap;
}

static bool is_punct(const struct actx *ctx, size_t i, uint32_t c)
{
    return i < ctx->nt && ctx->tk[i].kind == TOK_PUNCT && ctx->tk[i].cp == c;
}

static inline bool is_apos(const struct actx *ctx, size_t i)
{
    return i < ctx->nt && ctx->tk[i].kind == TOK_PUNCT && (ctx->tk[i].cp == '\'' || ctx->tk[i].cp == 0x2019);
}

static bool sent_start(const struct actx *ctx, size_t i)
{
    return i < ctx->nt && (ctx->tk[i].flags & TF_SENT_START);
}

/* sent_initial() past its quick tests: token i does not start a sentence
 * and follows punctuation. */
static bool sent_initial_after_punct(const struct actx *ctx, size_t i)
{
    const struct token *tk = ctx->tk;
    while (i > 0 && !(tk[i].flags & TF_SENT_START)) {
        const struct token *p = &tk[i - 1];
        if (p->kind != TOK_PUNCT)
            return false;
        uint32_t c = p->cp;
        if (c == ':' || c == 0x2022 || c == '*')
            return true;
        if (c == ')') { /* "((WN)) Thank you": step over a bracketed label */
            size_t k = i - 1, depth = 0;
            while (k > 0 && i - k < 12) {
                if (tk[k].kind == TOK_PUNCT && tk[k].cp == ')')
                    depth++;
                else if (tk[k].kind == TOK_PUNCT && tk[k].cp == '(' && --depth == 0)
                    break;
                k--;
            }
            if (depth != 0 || (tk[k].kind == TOK_PUNCT && tk[k].cp != '('))
                return false;
            i = k;
            continue;
        }
        if (!(c == 0xAB || c == 0x201C || c == '"' || c == 0x2018 || c == '(' || c == '[' ||
              c == 0x2014 || c == 0x2013 || c == '-' || c == '\''))
            return false;
        /* an opening quote mark: what follows starts the quoted sentence */
        if ((c == 0xAB || c == 0x201C || c == 0x2018 || c == '"' || c == '\'') && (p->flags & TF_SPACE_BEFORE) &&
            ((c != '"' && c != '\'') || !(tk[i].flags & TF_SPACE_BEFORE)))
            return true;
        i--;
    }
    return true;
}

/* Token i begins a sentence, possibly after opening marks, a dash or a
 * colon: its capital says nothing about it being a name. */
static inline bool sent_initial(const struct actx *ctx, size_t i)
{
    const struct token *tk = ctx->tk;
    if (i == 0 || (tk[i].flags & TF_SENT_START))
        return true;
    return tk[i - 1].kind == TOK_PUNCT && sent_initial_after_punct(ctx, i);
}

/* Token i ends in a possessive "'s" / "’s": bytes to drop from its end. */
static size_t possessive_len(const struct actx *ctx, size_t i)
{
    const struct token *t = &ctx->tk[i];
    const char *s = ctx->d->text;
    size_t n = t->end - t->start;
    if (n > 2 && s[t->end - 1] == 's' && s[t->end - 2] == '\'')
        return 2;
    if (n > 4 && s[t->end - 1] == 's' && memcmp(s + t->end - 4, "\xE2\x80\x99", 3) == 0)
        return 4;
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Pre-pass: fold every word once, look it up, note how it is written. */

/* Can folded word w[0..n), capitalised, be part of a name? Not with a digit
 * ("A320", "G7" are models and groups, not actors) and not a contraction
 * ("I'm", "We've", "Don't"). */
static bool name_word(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] >= '0' && w[i] <= '9')
            return false;
    const char *ap = memchr(w, '\'', n);
    if (!ap)
        return true;
    size_t before = (size_t)(ap - w), after = n - before - 1;
    if (after == 1 && ap[1] == 't')
        return false;
    return !(lex_word(w, before) & LW_STOP) || before > 4;
}

/* utf8_fold_into with a fast path for plain ASCII words, the most common. */
static size_t fold_word(const char *s, size_t n, char *out, size_t cap)
{
    if (n < cap) {
        size_t i = 0;
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x80)
                break;
            out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (i == n)
            return n;
    }
    return utf8_fold_into(s, n, out, cap);
}

/* lex_word() flags of a folded word, without its possessive "'s"; a
 * compound of two first names ("jean-yves", "marie-claude") is a first
 * name too. `hyphen`: the word may hold a '-' (false: it holds none, see
 * TF_HYPHEN). `hash` is strmap_hash(w, n). */
static unsigned word_flags(const char *w, size_t n, bool hyphen, unsigned hash)
{
    unsigned lw;
    if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') {
        n -= 2; /* "House's" has the flags of "House" */
        lw = lex_word(w, n);
    } else {
        lw = lex_word_hashed(w, n, hash);
    }
    const char *h = hyphen ? memchr(w, '-', n) : NULL;
    if (h && !(lw & LW_FIRSTNAME) && (lex_word(w, (size_t)(h - w)) & LW_FIRSTNAME) &&
        (lex_word(h + 1, n - (size_t)(h - w) - 1) & LW_FIRSTNAME))
        lw |= LW_FIRSTNAME;
    /* a title for someone elected or appointed to it, or who held it:
     * "mayor-elect", "ex-ministre", "then-coach" */
    if (h && !(lw & LW_TITLE) && lex_speech_is_title(w, n))
        lw |= LW_TITLE;
    return lw;
}

/* SEEN_* bits of word w[0..n), 0 when the article does not write it. */
static int seen_word(const struct actx *ctx, const char *w, size_t n)
{
    long id = doc_word_find(ctx->d, w, n);
    return id < 0 ? 0 : ctx->words[id].seen;
}

/* Is folded word f[0..n) a particle that always belongs to the name around
 * it ("von", "bin", "al")? */
static bool particle_word(const char *f, size_t n)
{
    static const struct { char w[6]; unsigned char n; } p[] = {
        {"von", 3}, {"van", 3}, {"der", 3}, {"den", 3}, {"ter", 3}, {"bin", 3}, {"ben", 3},
        {"ibn", 3}, {"bint", 4}, {"al", 2}, {"el", 2}, {"dos", 3}, {"das", 3}, {"del", 3},
        {"della", 5}, {"zu", 2}, {"di", 2}, {"da", 2}};
    for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
        if (p[k].n == n && p[k].w[0] == f[0] && strmap_same_bytes(p[k].w, f, n))
            return true;
    return false;
}

/* The arrays of an actors pass the thread's next pass reuses, in their
 * spare_arrays slots (doc.h); block and folds count bytes, the others
 * elements. */
enum { SP_BLOCK, SP_MEMO, SP_CANDS, SP_TITLES, SP_FORMS, SP_FORM_SLOTS, SP_FOLDS };

/* Move the spare arrays into ctx (none when there are none), empty: the
 * memo is cleared, the other arrays are written before they are read. */
static void take_spare(struct actx *ctx)
{
    struct spare_arrays sa;
    spare_take(SPARE_ACTORS, &sa);
    ctx->words = sa.p[SP_BLOCK];
    ctx->block_cap = sa.cap[SP_BLOCK];
    ctx->memo = sa.p[SP_MEMO];
    ctx->memo_mask = sa.cap[SP_MEMO] ? sa.cap[SP_MEMO] - 1 : 0;
    if (ctx->memo)
        memset(ctx->memo, 0, sa.cap[SP_MEMO] * sizeof *ctx->memo);
    ctx->cands = sa.p[SP_CANDS];
    ctx->cands_cap = sa.cap[SP_CANDS];
    ctx->titles = sa.p[SP_TITLES];
    ctx->titles_cap = sa.cap[SP_TITLES];
    ctx->forms = sa.p[SP_FORMS];
    ctx->forms_cap = sa.cap[SP_FORMS];
    ctx->form_slots = sa.p[SP_FORM_SLOTS];
    ctx->slots_cap = sa.cap[SP_FORM_SLOTS];
    ctx->folds = sa.p[SP_FOLDS];
    ctx->folds_cap = sa.cap[SP_FOLDS];
}

/* Set every field of *w from the word of token t, its fold cut to fl
 * bytes. */
static void word_info(const struct actx *ctx, const struct token *t, size_t fl, struct winfo *w)
{
    const char *f = ctx->fold + t->foff;
    unsigned hash = fl == t->flen ? ctx->d->words[t->word].hash : strmap_hash(f, fl);
    unsigned lw = word_flags(f, fl, t->flags & TF_HYPHEN, hash);
    bool det = (lw & LW_STOP) && ((fl == 2 && f[0] == 'l' && (f[1] == 'e' || f[1] == 'a')) ||
                                  (fl == 1 && f[0] == 'l') || (fl == 3 && memcmp(f, "the", 3) == 0));
    *w = (struct winfo){.lw = lw,
                        .name_ok = -1,
                        .det = det,
                        .particle = (lw & LW_PARTICLE) && fl <= 5 && particle_word(f, fl),
                        .collective = -1};
}

static int prepare(struct actx *ctx)
{
    struct doc *d = ctx->d;
    size_t nt = d->n_tokens ? d->n_tokens : 1;
    bool fr = d->lang == LANG_FR;
    ctx->fold = d->fold;
    ctx->tk = d->tokens;
    ctx->nt = d->n_tokens;
    /* one block, in order of alignment: words (each entry is set at the
     * first token of its word), ti (every entry is written below: zero for
     * punctuation and numbers), then marks and dets */
    size_t nw = d->n_words ? d->n_words : 1;
    size_t block = nw * sizeof *ctx->words + nt * sizeof *ctx->ti + 2 * nt * sizeof *ctx->marks;
    take_spare(ctx);
    if (ctx->block_cap < block) {
        free(ctx->words);
        ctx->block_cap = 0;
        if (!(ctx->words = malloc(block)))
            return -1;
        ctx->block_cap = block;
    }
    ctx->ti = (struct tinfo *)(void *)(ctx->words + nw);
    ctx->marks = (uint32_t *)(void *)(ctx->ti + nt);
    ctx->dets = ctx->marks + nt;
    /* locals, not ctx's or d's fields, which every byte store might alias */
    const struct token *tk = d->tokens;
    const struct doc_word *dwords = d->words;
    const char *fold = d->fold, *text = d->text;
    struct tinfo *ti = ctx->ti;
    struct winfo *words = ctx->words;
    uint32_t *marks = ctx->marks, *dets = ctx->dets;
    size_t n_marks = 0, n_dets = 0, n_tokens = d->n_tokens;
    for (size_t i = 0; i < n_tokens; i++) {
        const struct token *t = &tk[i];
        struct tinfo *x = &ti[i];
        if (t->kind != TOK_WORD) {
            *x = (struct tinfo){0};
            if (t->kind == TOK_PUNCT && t->cp == '@')
                marks[n_marks++] = (uint32_t)i;
            continue;
        }
        size_t fl = t->flen < 0xFFFF ? t->flen : 0xFFFF;
        /* one lexicon lookup per distinct word, at its first token (the
         * one whose fold is the word's key) */
        struct winfo *w = &words[t->word];
        if (t->foff == dwords[t->word].foff)
            word_info(ctx, t, fl, w);
        unsigned lw = w->lw;
        bool cap = (t->flags & TF_CAP) != 0;
        const char *f = fold + t->foff;
        /* (a fold holding a '-' is a token with TF_HYPHEN) */
        if (!cap && (t->flags & TF_HYPHEN) && fl > 3 && (f[0] == 'a' || f[0] == 'e') && f[1] == 'l' && f[2] == '-') {
            /* "al-Assad", "el-Sissi", "al-Bab": a name word despite its case */
            size_t k = t->start + 3;
            cap = k < t->end && cp_is_upper(utf8_next(text, t->end, &k));
        }
        if (cap) {
            if (w->name_ok < 0)
                w->name_ok = name_word(f, fl);
            cap = w->name_ok;
        }
        *x = (struct tinfo){t->foff, (uint16_t)fl, cap, 0, lw};
        if (!cap)
            w->seen |= SEEN_LOWER;
        else if (!(w->seen & SEEN_CAP_MID) && !sent_initial(ctx, i))
            w->seen |= SEEN_CAP_MID;
        if (cap || (t->flags & TF_HYPHEN) || (fr && (lw & LW_ORGHEAD)))
            marks[n_marks++] = (uint32_t)i;
        if (w->det)
            dets[n_dets++] = (uint32_t)i;
    }
    ctx->n_marks = n_marks;
    ctx->n_dets = n_dets;
    return 0;
}

static int seen(const struct actx *ctx, size_t i)
{
    return is_word(ctx, i) ? ctx->words[ctx->tk[i].word].seen : 0;
}

/* ---------------------------------------------------------------------- */
/* Runs of name words. */

/* Is the possessor of token i ("Trump" of "Trump's") written capitalised
 * on its own elsewhere mid-sentence, i.e. a name rather than a word of an
 * organisation's name ("People's Protection Units")? */
static bool stem_seen_alone(const struct actx *ctx, size_t i)
{
    size_t n;
    const char *w = actx_word(ctx, i, &n);
    if (n < 3)
        return false;
    return (seen_word(ctx, w, n - 2) & SEEN_CAP_MID) != 0;
}

/* A French or English adjective that can sit inside an organisation name
 * after its head ("européenne", "démocratiques", "libre"). */
static bool org_adjective(const struct actx *ctx, size_t i)
{
    if (!is_word(ctx, i) || ctx->ti[i].cap)
        return false;
    if (ctx->ti[i].lw & LW_ORGADJ)
        return true;
    if (ctx->ti[i].lw & (LW_STOP | LW_SPEECH | LW_TITLE))
        return false;
    if (ctx->ti[i].lw & LW_NATION)
        return true;
    size_t n;
    const char *w = actx_word(ctx, i, &n);
    const char *h = memchr(w, '-', n);
    if (h) { /* "libéral-démocrate": judge by its last part */
        size_t k = (size_t)(h - w) + 1;
        w += k;
        n -= k;
        if (lex_word(w, n) & LW_ORGADJ)
            return true;
    }
    static const char *const suffixes[] = {"ique", "iques", "ale", "ales", "aux", "ienne", "iennes",
                                           "iens", "aise", "aises", "oise", "oises", "aire", "aires",
                                           "iste", "istes", "enne", "ennes", "eenne", "aine", "aines",
                                           "ive", "ives", "elle", "elles", "ois", "ien", "nel",
                                           "al", "if"};
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t sl = strlen(suffixes[k]);
        if (n > sl + 2 && memcmp(w + n - sl, suffixes[k], sl) == 0)
            return true;
    }
    return false;
}

/* Token i is a particle that always belongs to the name around it
 * (particle_word()), in lower case. */
static inline bool name_particle(const struct actx *ctx, size_t i)
{
    /* (the lexicon flags of a token that is no word are 0) */
    return i < ctx->nt && (ctx->ti[i].lw & LW_PARTICLE) && !ctx->ti[i].cap && ctx->words[ctx->tk[i].word].particle;
}

/* Number of tokens of a French "de" complement starting at i and ending on
 * a capitalised word: "de X", "du X", "des X", "d' X", "de la X", "de l' X";
 * 0 when there is none. */
/* Number of tokens of a French "de" with its article at i: "de", "de la",
 * "de l'", "du", "des", "d'", and with `au` also "au", "aux"; 0 if none. */
static size_t fr_de_len(const struct actx *ctx, size_t i, bool au)
{
    if (word_is(ctx, i, "de")) {
        if (word_is(ctx, i + 1, "la"))
            return 2;
        if (word_is(ctx, i + 1, "l") && is_apos(ctx, i + 2))
            return 3;
        return 1;
    }
    if (word_is(ctx, i, "du") || word_is(ctx, i, "des") ||
        (au && (word_is(ctx, i, "aux") || word_is(ctx, i, "au"))))
        return 1;
    if (word_is(ctx, i, "d") && is_apos(ctx, i + 1))
        return 2;
    return 0;
}

static size_t fr_de_complement(const struct actx *ctx, size_t i)
{
    size_t n = fr_de_len(ctx, i, false);
    if (!n)
        return 0;
    size_t k = i + n;
    return is_cap(ctx, k) && !sent_start(ctx, k) ? k - i : 0;
}

/* A complement naming a kind before the place or body: "d'appel" in "cour
 * d'appel de Paris", "de commerce" in "chambre de commerce de Lyon". Its
 * length when a capitalised complement follows it, else 0. */
static size_t fr_noun_complement(const struct actx *ctx, size_t i)
{
    size_t k = i;
    if (word_is(ctx, k, "de") || word_is(ctx, k, "du") || word_is(ctx, k, "des"))
        k++;
    else if (word_is(ctx, k, "d") && is_apos(ctx, k + 1))
        k += 2;
    else
        return 0;
    if (!is_word(ctx, k) || ctx->ti[k].cap || (ctx->ti[k].lw & (LW_STOP | LW_SPEECH)))
        return 0;
    return fr_de_complement(ctx, k + 1) ? k + 1 - i : 0;
}

/* A complement in lower case that an acronym in brackets closes: "des
 * transports" in "Office fédéral des transports (OFT)", "des affaires
 * étrangères" in "Département fédéral des affaires étrangères (DFAE)".
 * Its length up to the bracket, else 0. */
static size_t fr_complement_to_acronym(const struct actx *ctx, size_t i)
{
    size_t n = fr_de_len(ctx, i, true);
    if (!n)
        return 0;
    size_t k = i + n, first = k;
    while (k < first + 4 && is_word(ctx, k) && !ctx->ti[k].cap && !(ctx->ti[k].lw & (LW_STOP | LW_SPEECH)))
        k++;
    if (k == first || !is_punct(ctx, k, '(') || !is_word(ctx, k + 1) ||
        !(ctx->tk[k + 1].flags & TF_ALLCAPS) || !is_punct(ctx, k + 2, ')'))
        return 0;
    return k - i;
}

/* The same for English "of X", "of the X". */
static size_t en_of_complement_n(const struct actx *ctx, size_t i, const char *prep, size_t pn)
{
    size_t k = i;
    if (!word_is_n(ctx, k, prep, pn))
        return 0;
    k++;
    if (word_is(ctx, k, "the"))
        k++;
    return is_cap(ctx, k) && !sent_start(ctx, k) ? k - i : 0;
}
#define en_of_complement(ctx, i, lit) en_of_complement_n(ctx, i, "" lit, sizeof(lit) - 1)

/* Does the run of capitalised words starting at i end on an organisation
 * cue word ("Rescue Service", "Protection Units")? */
static bool cap_run_ends_org(const struct actx *ctx, size_t i)
{
    size_t last = i;
    while (is_cap(ctx, i) && !sent_start(ctx, i))
        last = i++;
    return is_cap(ctx, last) && (ctx->ti[last].lw & LW_ORGCUE);
}

/* A capitalised word that is a pronoun, article or preposition, not part
 * of the name before it ("We", "Our", "The"); name particles ("Le Drian")
 * and adjectives that open names ("New York") are not. */
static bool capital_function_word(const struct actx *ctx, size_t i)
{
    static const char *const open_names[] = {"new", "old", "first", "last", "late", "early",
                                             "former", "next", "second", "third", "saint", "st"};
    unsigned lw = ctx->ti[i].lw;
    if (!(lw & LW_STOP) || (lw & (LW_PARTICLE | LW_FIRSTNAME)) || (ctx->tk[i].flags & TF_ALLCAPS))
        return false;
    if (ctx->tk[i].end - ctx->tk[i].start == 1)
        return false;
    for (size_t k = 0; k < sizeof open_names / sizeof open_names[0]; k++)
        if (word_is_n(ctx, i, open_names[k], strlen(open_names[k])))
            return false;
    return true;
}

struct run_state {
    bool orgcue;        /* the run has an organisation cue word */
    bool firstname;     /* its first word is a first name */
    bool joined_prep;   /* it took an of/for/de complement */
    bool head_cue;      /* its first word is an organisation cue ("Conseil") */
    bool ends_cue;      /* its last word is one ("Rescue Service") */
    int nwords;
    unsigned last_lw;
};

static void run_add_word(const struct actx *ctx, struct run_state *rs, size_t i)
{
    unsigned lw = ctx->ti[i].lw;
    if (rs->nwords == 0) {
        rs->firstname = (lw & LW_FIRSTNAME) != 0;
        rs->head_cue = (lw & LW_ORGCUE) != 0;
    }
    rs->ends_cue = (lw & LW_ORGCUE) != 0;
    if (lw & LW_ORGCUE)
        rs->orgcue = true;
    rs->last_lw = lw;
    rs->nwords++;
}

/* Extend the name run that starts at token i (a capitalised word or an
 * organisation head); returns the token after it. */
/* The longest name run read, in tokens. The longest real names
 * ("Organisation des Nations unies pour l'alimentation et l'agriculture")
 * take about ten; the bound keeps the work per run constant when a text
 * strings capitalised words together without end. */
#define MAX_RUN_TOKENS 24

static size_t extend_run(const struct actx *ctx, size_t i, struct run_state *rs)
{
    bool fr = ctx->d->lang == LANG_FR;
    size_t j = i;
    run_add_word(ctx, rs, j++);
    int adjectives = 0;
    bool last_adj = false;
    for (;;) {
        if (j >= ctx->nt || sent_start(ctx, j) || j - i >= MAX_RUN_TOKENS)
            break;
        if (is_cap(ctx, j) && last_adj)
            break; /* "Conseil européen | Charles Michel" */
        last_adj = false;
        if (is_cap(ctx, j)) {
            /* "People's Protection Units" goes on, "Trump's White House" not */
            if (possessive_len(ctx, j - 1) && (!cap_run_ends_org(ctx, j) || stem_seen_alone(ctx, j - 1)))
                break;
            if (capital_function_word(ctx, j))
                break; /* "MS We did not…" */
            run_add_word(ctx, rs, j++);
            continue;
        }
        /* initials: "Recep T. Erdogan", "U.S. House" */
        if (is_punct(ctx, j, '.') && is_cap(ctx, j - 1) &&
            ctx->tk[j - 1].end - ctx->tk[j - 1].start == 1) {
            if (is_cap(ctx, j + 1) && !(ctx->tk[j].flags & TF_SPACE_BEFORE)) {
                j++;
                continue;
            }
            if (j >= 2 && is_punct(ctx, j - 2, '.')) /* "U.S." at the end of the run */
                j++;
            break;
        }
        if ((is_punct(ctx, j, '&') || (!fr && word_is(ctx, j, "and"))) && is_cap(ctx, j + 1) &&
            (rs->joined_prep || (cap_run_ends_org(ctx, j + 1) && !rs->ends_cue) || is_punct(ctx, j, '&'))) {
            j++;
            continue;
        }
        /* "Kurdistan Workers' Party" */
        if (is_apos(ctx, j) && !(ctx->tk[j].flags & TF_SPACE_BEFORE) && j > i &&
            ctx->d->text[ctx->tk[j].start - 1] == 's' && cap_run_ends_org(ctx, j + 1)) {
            j++;
            continue;
        }
        if (!is_word(ctx, j))
            break;
        if (name_particle(ctx, j)) {
            size_t k = j;
            while (name_particle(ctx, k))
                k++;
            if (is_cap(ctx, k) && !sent_start(ctx, k)) {
                j = k;
                continue;
            }
            break;
        }
        if (fr) {
            size_t c = ctx->ti[j].flen <= 3 ? fr_de_complement(ctx, j) : 0; /* "de", "du", "des", "d'" */
            if (c && (rs->orgcue || (rs->last_lw & LW_DEJOIN) || (rs->firstname && rs->nwords <= 2))) {
                rs->joined_prep = true;
                j += c;
                continue;
            }
            /* "des droits de l'homme" after an organisation head */
            if (rs->orgcue && word_is(ctx, j, "des") && word_is(ctx, j + 1, "droits") &&
                word_is(ctx, j + 2, "de") && word_is(ctx, j + 3, "l") && is_apos(ctx, j + 4) &&
                word_is(ctx, j + 5, "homme")) {
                j += 6;
                continue;
            }
            c = rs->head_cue ? fr_complement_to_acronym(ctx, j) : 0;
            if (c) {
                rs->joined_prep = true;
                j += c;
                break;
            }
            if (rs->head_cue && adjectives < 3 && org_adjective(ctx, j)) {
                adjectives++;
                last_adj = true;
                j++;
                continue;
            }
        } else {
            if (ctx->ti[j].flen > 3)
                break; /* none of "of", "on", "for" */
            size_t c = en_of_complement(ctx, j, "of");
            if (c && ((rs->last_lw & LW_DEJOIN) || rs->orgcue)) {
                rs->joined_prep = true;
                j += c;
                continue;
            }
            c = en_of_complement(ctx, j, "on");
            if (c && (rs->last_lw & LW_ORGCUE)) { /* "Committee on Foreign Affairs" */
                rs->joined_prep = true;
                j += c;
                continue;
            }
            c = en_of_complement(ctx, j, "for");
            if (c && rs->orgcue) {
                rs->joined_prep = true;
                j += c;
                continue;
            }
        }
        break;
    }
    return j;
}

/* ---------------------------------------------------------------------- */
/* Candidates: strip what is not the name, decide, weigh. */

/* Fold tokens [t0,t1) into buf from their already folded words, one space
 * where the text has any; ends[k - t0] gets the length after token k (ends
 * may be NULL). Returns the length, or (size_t)-1 when buf is too small. */
static size_t fold_tokens(const struct actx *ctx, size_t t0, size_t t1, char *buf, size_t cap, size_t *ends)
{
    const struct token *tk = ctx->tk;
    size_t n = 0;
    for (size_t k = t0; k < t1; k++) {
        if (k > t0 && (tk[k].flags & TF_SPACE_BEFORE)) {
            if (n + 1 >= cap)
                return (size_t)-1;
            buf[n++] = ' ';
        }
        if (tk[k].kind == TOK_WORD) {
            size_t fl;
            const char *f = actx_word(ctx, k, &fl);
            if (n + fl >= cap)
                return (size_t)-1;
            memcpy(buf + n, f, fl);
            n += fl;
        } else {
            size_t tl = tk[k].end - tk[k].start;
            if (n + 4 * tl + 1 >= cap)
                return (size_t)-1;
            n += fold_word(ctx->d->text + tk[k].start, tl, buf + n, cap - n);
        }
        if (ends)
            ends[k - t0] = n;
    }
    return n;
}

/* The memo slot of tokens [t0,t1): its own, or the empty slot where it
 * belongs; NULL when there is no memo (it could not be allocated). The
 * memo doubles when half full. */
static struct ent_memo *entity_memo(struct actx *ctx, size_t t0, size_t t1)
{
    if ((ctx->memo_count + 1) * 2 > ctx->memo_mask + 1 || !ctx->memo) {
        size_t nc = ctx->memo ? 2 * (ctx->memo_mask + 1) : 64;
        struct ent_memo *nm = calloc(nc, sizeof *nm);
        if (!nm)
            return NULL;
        for (size_t i = 0; ctx->memo && i <= ctx->memo_mask; i++)
            if (ctx->memo[i].t1) {
                size_t j = (ctx->memo[i].t0 * 0x9E3779B1u + ctx->memo[i].t1) & (nc - 1);
                while (nm[j].t1)
                    j = (j + 1) & (nc - 1);
                nm[j] = ctx->memo[i];
            }
        free(ctx->memo);
        ctx->memo = nm;
        ctx->memo_mask = nc - 1;
    }
    size_t j = ((uint32_t)t0 * 0x9E3779B1u + (uint32_t)t1) & ctx->memo_mask;
    while (ctx->memo[j].t1 && (ctx->memo[j].t0 != t0 || ctx->memo[j].t1 != t1))
        j = (j + 1) & ctx->memo_mask;
    return &ctx->memo[j];
}

/* Record e as the entity written at [t0,t1) in the empty slot m (may be
 * NULL: nothing is kept). */
static void memo_set(struct actx *ctx, struct ent_memo *m, size_t t0, size_t t1, const struct lex_entity *e)
{
    if (!m)
        return;
    *m = (struct ent_memo){(uint32_t)t0, (uint32_t)t1, e};
    ctx->memo_count++;
}

/* Is entity e, found for tokens [t0,t1), really written there? An acronym
 * entry needs capitals ("Un" is not "UN"), and an entry that starts with an
 * article needs a capital after it ("La presse internationale" is not La
 * Presse). */
static bool entity_ok(const struct actx *ctx, size_t t0, size_t t1, const struct lex_entity *e)
{
    const struct token *tk = ctx->tk;
    if (t1 - t0 >= 2 && (word_is(ctx, t0, "le") || word_is(ctx, t0, "la") || word_is(ctx, t0, "les") ||
                         word_is(ctx, t0, "l") || word_is(ctx, t0, "the"))) {
        size_t k = t0 + 1;
        while (k < t1 && !is_word(ctx, k))
            k++;
        if (k < t1 && !ctx->ti[k].cap)
            return false;
    }
    if (e->acronym)
        for (size_t k = t0; k < t1; k++)
            if (tk[k].kind == TOK_WORD && !(tk[k].flags & TF_ALLCAPS) && tk[k].end - tk[k].start > 1)
                return false;
    return true;
}

/* entity_of() past its quick tests: through the memo, else folded and
 * looked up. */
static bool entity_at(struct actx *ctx, size_t t0, size_t t1, const struct lex_entity **e)
{
    char buf[256];
    if (t1 - t0 == 1) {
        /* one word: the lexicon's answer is the same at each of its tokens */
        const struct lex_entity *we = actx_word_entity(ctx, t0);
        *e = we && entity_ok(ctx, t0, t1, we) ? we : NULL;
        return *e != NULL;
    }
    struct ent_memo *m = entity_memo(ctx, t0, t1);
    if (m && m->t1) {
        *e = m->e;
        return *e != NULL;
    }
    size_t n = fold_tokens(ctx, t0, t1, buf, sizeof buf, NULL);
    if (n == (size_t)-1)
        return false; /* not memoised: a longer fold fails as well */
    *e = lex_entity_find(buf, n);
    if (*e && !entity_ok(ctx, t0, t1, *e))
        *e = NULL;
    memo_set(ctx, m, t0, t1, *e);
    return *e != NULL;
}

/* The known entity written exactly at tokens [t0,t1), in *e; false (and
 * *e NULL) when there is none. */
static inline bool entity_of(struct actx *ctx, size_t t0, size_t t1, const struct lex_entity **e)
{
    *e = NULL;
    /* most names are no known entity: rule them out without folding (the
     * flags are 0 for punctuation and numbers) */
    if (t1 <= t0 || (t1 - t0 == 1 ? !(ctx->ti[t0].lw & LW_ENTITY) : !(ctx->ti[t0].lw & LW_ENTSTART)))
        return false;
    return entity_at(ctx, t0, t1, e);
}

/* entity_ahead() from a word that may start a known entity of several
 * words. */
static size_t entity_ahead_long(struct actx *ctx, size_t i)
{
    const struct lex_entity *e;
    /* only words that occur in entity names can continue one */
    size_t end = i + 1;
    while (end < ctx->nt && end < i + 8 && !sent_start(ctx, end) &&
           (is_word(ctx, end) ? (ctx->ti[end].lw & LW_ENTWORD) != 0
                              : (is_apos(ctx, end) || is_punct(ctx, end, '.') || is_punct(ctx, end, '&'))))
        end++;
    char buf[256];
    size_t ends[8];
    if (fold_tokens(ctx, i, end, buf, sizeof buf, ends) == (size_t)-1)
        return i;
    for (size_t k = end; k > i; k--) {
        if (!is_word(ctx, k - 1))
            continue;
        /* the same lookup as entity_of() but for the one-word filter: the
         * memo holds what this lookup gives */
        struct ent_memo *m = entity_memo(ctx, i, k);
        if (m && m->t1) {
            e = m->e;
        } else {
            e = lex_entity_find(buf, ends[k - 1 - i]);
            if (e && !entity_ok(ctx, i, k, e))
                e = NULL;
            memo_set(ctx, m, i, k, e);
        }
        if (e)
            return k;
    }
    return i;
}

/* The longest known entity written from token i on (up to 8 tokens, within
 * the sentence): the token after it, or i when there is none. */
static size_t entity_ahead(struct actx *ctx, size_t i)
{
    const struct lex_entity *e;
    if (!is_word(ctx, i))
        return i;
    if (!(ctx->ti[i].lw & LW_ENTSTART))
        return entity_of(ctx, i, i + 1, &e) ? i + 1 : i;
    if (!ctx->ti[i].ahead)
        ctx->ti[i].ahead = (uint8_t)(entity_ahead_long(ctx, i) - i + 1);
    return i + ctx->ti[i].ahead - 1u;
}

static size_t skip_back_det(const struct actx *ctx, size_t i, bool *det)
{
    /* i is the first token of the name; return the token before any
     * article ("le", "la", "l'", "les", "the") that precedes it */
    *det = false;
    if (i == 0)
        return (size_t)-1;
    size_t k = i - 1;
    if (is_apos(ctx, k) && k > 0 && word_is(ctx, k - 1, "l")) {
        *det = true;
        return k >= 2 ? k - 2 : (size_t)-1;
    }
    if (word_is(ctx, k, "le") || word_is(ctx, k, "la") || word_is(ctx, k, "les") || word_is(ctx, k, "the")) {
        *det = true;
        return k >= 1 ? k - 1 : (size_t)-1;
    }
    return k;
}

/* Weigh the type of the name at tokens [t0,t1) from itself and its
 * neighbours; `known` is entity_of() those tokens. */
static void weigh(struct actx *ctx, struct cand *c, bool acronym, const struct lex_entity *known)
{
    size_t t0 = c->t0, t1 = c->t1;
    const struct lex_entity *e;
    if (known)
        c->v[known->type] += W_LEXICON;
    if (c->titled)
        c->v[ACTOR_PERSON] += W_TITLE;
    size_t last = t1 - 1;
    while (last > t0 && !is_word(ctx, last))
        last--;
    int words = 0;
    bool org_head = false;
    /* A head word that is also a given name is no organisation evidence when
     * the rest reads as a surname: "Marine Le Pen", not "Marine nationale"
     * (a lower-case word) or "Marine Corps" (a cue at the end). */
    bool surname_rest = last > t0 && !(ctx->ti[last].lw & LW_ORGCUE);
    for (size_t k = t0; k < t1; k++)
        if (is_word(ctx, k) && !ctx->ti[k].cap && !name_particle(ctx, k))
            surname_rest = false;
    for (size_t k = t0; k < t1; k++) {
        if (!is_word(ctx, k))
            continue;
        unsigned lw = ctx->ti[k].lw;
        bool edge = k == last || (k == t0 && ctx->d->lang == LANG_FR);
        bool given_head = k == t0 && (lw & LW_FIRSTNAME) && surname_rest;
        if ((lw & LW_ORGCUE) && !given_head)
            c->v[ACTOR_ORGANIZATION] += edge ? W_CUE_LAST : W_CUE;
        if (lw & LW_PLACECUE)
            c->v[ACTOR_PLACE] += edge ? W_CUE_LAST - 0.5f : W_CUE - 1;
        if ((lw & LW_ORGHEAD) && k == t0)
            org_head = true;
        if (ctx->ti[k].cap)
            words++;
    }
    if (org_head && word_is(ctx, t0, "zoo"))
        c->v[ACTOR_PLACE] += W_CUE_LAST + 1;
    else if (org_head)
        c->v[ACTOR_ORGANIZATION] += W_CUE_LAST;
    if ((ctx->ti[t0].lw & LW_FIRSTNAME) && words >= 2)
        c->v[ACTOR_PERSON] += W_FIRSTNAME;
    else if (ctx->ti[t0].lw & LW_FIRSTNAME)
        c->v[ACTOR_PERSON] += 1.0f;
    if (acronym)
        c->v[ACTOR_ORGANIZATION] += W_ACRONYM;
    for (size_t k = t0; k < t1; k++)
        if (name_particle(ctx, k) && !word_is(ctx, k, "al") && !word_is(ctx, k, "el"))
            c->v[ACTOR_PERSON] += 1.0f;
    if (words >= 2) {
        c->v[ACTOR_PERSON] += 0.8f; /* "Firstname Lastname" is the usual case */
    } else {
        /* a lone unknown word that no full name explains is more often a
         * place than a person */
        c->v[ACTOR_PERSON] += 0.4f;
        c->v[ACTOR_PLACE] += 0.5f;
    }
    /* "HP France": a known organisation in front */
    if (words >= 2 && entity_of(ctx, t0, t0 + 1, &e) && e->type == ACTOR_ORGANIZATION)
        c->v[ACTOR_ORGANIZATION] += W_CUE;
    /* "WalesOnline", "PolitiFact": a capital inside a word */
    if (words == 1 && !acronym) {
        const char *s = ctx->d->text;
        for (size_t k = ctx->tk[t0].start + 1; k + 1 < ctx->tk[t0].end; k++)
            if (s[k] >= 'a' && s[k] <= 'z' && s[k + 1] >= 'A' && s[k + 1] <= 'Z') {
                c->v[ACTOR_ORGANIZATION] += W_ACRONYM;
                break;
            }
    }

    /* "AFP Jean Vanhoutte", "AFP Vanhoutte": a name written right after a
     * known organisation or medium, in the same run, is the person who
     * speaks for it (the run was split there) */
    if (!known && t0 > 0 && is_cap(ctx, t0 - 1) && !sent_start(ctx, t0)) {
        for (size_t j = t0; j-- > 0 && t0 - j <= 4;) {
            if (!is_cap(ctx, j) && !is_punct(ctx, j, '-') && !is_apos(ctx, j))
                break;
            if (is_cap(ctx, j) && entity_of(ctx, j, t0, &e) && e->type == ACTOR_ORGANIZATION) {
                c->v[ACTOR_PERSON] += W_TITLE / 2;
                break;
            }
            if (sent_start(ctx, j))
                break;
        }
    }
    /* the words before */
    bool det;
    size_t p = skip_back_det(ctx, t0, &det);
    /* a capitalised article ("Le Drian est parti") may be part of the name */
    if (det && t0 > 0 && is_word(ctx, t0 - 1) && ctx->ti[t0 - 1].cap)
        det = false;
    if (det && !c->titled) {
        c->v[ACTOR_ORGANIZATION] += W_ARTICLE * 0.8f;
        c->v[ACTOR_PLACE] += W_ARTICLE;
        c->v[ACTOR_PERSON] -= W_ARTICLE;
    }
    if (p != (size_t)-1 && is_word(ctx, p)) {
        unsigned lw = ctx->ti[p].lw;
        if ((lw & LW_PLACEPREP) && !c->titled)
            c->v[ACTOR_PLACE] += det ? W_PREP / 2 : W_PREP;
        if (word_is(ctx, p, "selon") || word_is(ctx, p, "according"))
            c->v[ACTOR_PERSON] += 0.5f;
        /* "la société Verdanex", "the company Brantley", "le quotidien
         * X": a common noun for an organisation right before the name */
        if (p + 1 == t0 && !ctx->ti[p].cap) {
            struct winfo *w = &ctx->words[ctx->tk[p].word];
            if (w->collective < 0) {
                size_t pn;
                const char *pw = actx_word(ctx, p, &pn);
                w->collective = lex_speech_collective(pw, pn) == 1;
            }
            if (w->collective)
                c->v[ACTOR_ORGANIZATION] += W_TITLE;
        }
    }
    /* "X said in a statement", "X a indiqué dans un communiqué" */
    {
        size_t a = t1;
        if (word_is(ctx, a, "a") || word_is(ctx, a, "has"))
            a++;
        if (is_word(ctx, a) && (ctx->ti[a].lw & LW_SPEECH) &&
            ((word_is(ctx, a + 1, "in") && word_is(ctx, a + 2, "a") && word_is(ctx, a + 3, "statement")) ||
             (word_is(ctx, a + 1, "dans") && word_is(ctx, a + 2, "un") && word_is(ctx, a + 3, "communique"))))
            c->v[ACTOR_ORGANIZATION] += W_SPEECH + 1.0f;
        /* "le président du Conseil européen": the complement of a title */
        if (word_is(ctx, p, "de") || word_is(ctx, p, "du") || word_is(ctx, p, "des") || word_is(ctx, p, "of")) {
            if (p > 0 && is_word(ctx, p - 1) && (ctx->ti[p - 1].lw & LW_TITLE))
                c->v[ACTOR_PERSON] -= 2.0f;
        }
    }
    /* the words after: a speech verb, maybe after an auxiliary */
    size_t a = t1;
    if (is_word(ctx, a) && (word_is(ctx, a, "a") || word_is(ctx, a, "has") || word_is(ctx, a, "had") ||
                            word_is(ctx, a, "have") || word_is(ctx, a, "avait") || word_is(ctx, a, "aurait")))
        a++;
    if (is_word(ctx, a) && (ctx->ti[a].lw & LW_SPEECH))
        c->v[ACTOR_PERSON] += W_SPEECH;
    if (is_punct(ctx, t1, ',') && (word_is(ctx, t1 + 1, "who") || word_is(ctx, t1 + 1, "qui")))
        c->v[ACTOR_PERSON] += 1.0f;
}

static int push_cand(struct actx *ctx, const struct cand *c)
{
    if (ctx->n_cands >= ctx->cands_cap && grow((void **)&ctx->cands, &ctx->cands_cap, ctx->n_cands, sizeof *ctx->cands))
        return -1;
    ctx->cands[ctx->n_cands++] = *c;
    return 0;
}

/* A hyphenated word that joins names rather than being one: "Russie-Turquie",
 * "Trump-Ukraine", "Brout-Englert-Higgs", "Syrian-Turkish". */
static bool compound_of_names(const struct actx *ctx, size_t i)
{
    size_t n;
    const char *w = actx_word(ctx, i, &n);
    const char *text = ctx->d->text + ctx->tk[i].start;
    size_t tn = ctx->tk[i].end - ctx->tk[i].start;
    if (!memchr(w, '-', n) || (ctx->ti[i].lw & LW_ENTITY))
        return false;
    int parts = 0, named = 0, caps = 0;
    size_t p = 0, tp = 0;
    while (p <= n) {
        size_t q = p;
        while (q < n && w[q] != '-')
            q++;
        size_t tq = tp;
        while (tq < tn && text[tq] != '-')
            tq++;
        parts++;
        if (tp < tn) {
            size_t k = tp;
            caps += cp_is_upper(utf8_next(text, tn, &k));
        }
        if (lex_entity_find(w + p, q - p) || lex_nationality(w + p, q - p) ||
            (seen_word(ctx, w + p, q - p) & SEEN_CAP_MID))
            named++;
        p = q + 1;
        tp = tq + 1;
    }
    return parts >= 2 && caps == parts && (parts >= 3 || named == parts);
}

/* Is the word at token i of the kind that starts a sentence without being a
 * name ("Regarding", "Previously", "Given")? English only. */
static bool en_initial_form(const struct actx *ctx, size_t i)
{
    size_t n;
    const char *w = actx_word(ctx, i, &n);
    if (ctx->d->lang != LANG_EN || n < 5 || (ctx->ti[i].lw & LW_FIRSTNAME))
        return false;
    return memcmp(w + n - 3, "ing", 3) == 0 || memcmp(w + n - 2, "ly", 2) == 0 ||
           memcmp(w + n - 2, "ed", 2) == 0;
}

/* Does the text after a name at token `a` say it is a person: a speech
 * verb ("Barroso a dit", "Myers said") or an apposed title ("Barroso, le
 * président de la Commission")? */
static bool person_context(const struct actx *ctx, size_t a)
{
    if (is_punct(ctx, a, ',')) {
        size_t k = a + 1;
        if (word_is(ctx, k, "l") && is_apos(ctx, k + 1))
            k += 2;
        else if (word_is(ctx, k, "le") || word_is(ctx, k, "la") || word_is(ctx, k, "the") ||
                 word_is(ctx, k, "un") || word_is(ctx, k, "une") || word_is(ctx, k, "a"))
            k++;
        while (is_word(ctx, k) && !ctx->ti[k].cap && k < a + 5) {
            if (ctx->ti[k].lw & LW_TITLE)
                return true;
            if (!(ctx->ti[k].lw & (LW_NATION | LW_STOP | LW_ORGADJ)))
                break;
            k++;
        }
        return false;
    }
    if (is_word(ctx, a) && (word_is(ctx, a, "a") || word_is(ctx, a, "has") || word_is(ctx, a, "had")))
        a++;
    return is_word(ctx, a) && (ctx->ti[a].lw & LW_SPEECH);
}

/* Decide on the name at tokens [t0,t1) and record it. `titled` says that a
 * title or honorific stood before it, from `mstart`. */
static int emit(struct actx *ctx, size_t t0, size_t t1, bool titled, size_t mstart)
{
    const struct token *tk = ctx->tk;
    while (t1 > t0 && !is_word(ctx, t1 - 1) && !is_punct(ctx, t1 - 1, '.'))
        t1--;
    while (t1 > t0 && is_word(ctx, t1 - 1) && !ctx->ti[t1 - 1].cap &&
           (ctx->ti[t1 - 1].lw & (LW_PARTICLE | LW_STOP)))
        t1--; /* a run never ends on a particle */
    while (t0 < t1 && !is_word(ctx, t0))
        t0++;
    if (t1 <= t0)
        return 0;
    const struct lex_entity *e = NULL;
    bool known = entity_of(ctx, t0, t1, &e);
    int words = 0;
    size_t last = t0;
    for (size_t k = t0; k < t1; k++)
        if (is_word(ctx, k)) {
            words++;
            last = k;
        }
    bool weak = false;
    if (!known && !titled && sent_initial(ctx, t0) && !(ctx->ti[t0].lw & LW_FIRSTNAME) &&
        is_cap(ctx, t0)) {
        int s = seen(ctx, t0);
        if (words == 1 && !person_context(ctx, t1))
            weak = true; /* kept only if it names an actor found elsewhere */
        else if ((s & SEEN_LOWER) || en_initial_form(ctx, t0)) {
            size_t k = t0 + 1;
            while (k < t1 && !is_cap(ctx, k))
                k++;
            return k < t1 ? emit(ctx, k, t1, false, tk[k].start) : 0;
        }
    }
    /* "Boeing 737", "Airbus A320": a model, not the maker */
    if ((!known || e->type != ACTOR_PLACE) && t1 < ctx->nt && tk[t1].kind == TOK_NUMBER &&
        !sent_start(ctx, t1) && !is_punct(ctx, t1 - 1, '.'))
        return 0;
    if (!known) {
        /* the name of a thing named after someone: "prix Nobel", "coupe Davis" */
        if (t0 > 0 && is_word(ctx, t0 - 1) && !ctx->ti[t0 - 1].cap && (ctx->ti[t0 - 1].lw & LW_THING))
            return 0;
        /* laws, events, works and products: "National Emergencies Act",
         * "Opération Barkhane", "Boeing 737" */
        if (((ctx->ti[t0].lw & LW_THING) && !(ctx->ti[t0].lw & LW_FIRSTNAME)) || (ctx->ti[last].lw & LW_THING))
            return 0;
        if (words >= 2 && ctx->ti[last].cap && (ctx->ti[last].lw & LW_NATION) && !(ctx->ti[last].lw & LW_FIRSTNAME))
            return 0; /* "Native American" */
        /* "Brisbane International": a city and "International" name a
         * tournament (an organisation would be known or carry a cue) */
        if (words == 2 && word_is(ctx, last, "international") && entity_of(ctx, t0, t0 + 1, &e) &&
            e->type == ACTOR_PLACE)
            return 0;
    }
    bool acronym = words == 1 && (tk[t0].flags & TF_ALLCAPS);
    if (t1 - t0 >= 3 && is_punct(ctx, t0 + 1, '.') && tk[t0].end - tk[t0].start == 1)
        acronym = true; /* "U.S." */
    struct cand c = {tk[t0].start, tk[t1 - 1].end, mstart, t0, t1, {0, 0, 0}, -1, titled, false, weak};
    if (words == 1 && !known) {
        unsigned lw = ctx->ti[t0].lw;
        size_t n;
        actx_word(ctx, t0, &n);
        if (lw & (LW_NEVER | LW_TIME | LW_TITLE | LW_HONORIFIC))
            return 0;
        if ((lw & LW_STOP) && !titled)
            return 0;
        if (n < 2 || (ctx->ti[t0].lw & LW_NATION) || compound_of_names(ctx, t0))
            return 0;
        if (tk[t0].end - tk[t0].start == 1)
            return 0;
        if ((lw & (LW_ORGCUE | LW_PLACECUE)) && !acronym)
            c.generic = true;
    }
    if (is_word(ctx, t1 - 1))
        c.end -= possessive_len(ctx, t1 - 1);
    weigh(ctx, &c, acronym, known ? e : NULL);
    if (push_cand(ctx, &c))
        return -1;
    /* a known entity inside a complement is named too:
     * "Préfecture des Bouches-du-Rhône", "Conseil des droits de l'Homme de l'ONU" */
    for (size_t k = t0 + 1; k < t1 && !known; k++) {
        if (!is_cap(ctx, k) || is_cap(ctx, k - 1) || (is_punct(ctx, k - 1, '.')))
            continue;
        size_t ea = entity_ahead(ctx, k);
        if (ea > k && ea <= t1) {
            struct cand in = {tk[k].start, tk[ea - 1].end, tk[k].start, k, ea, {0, 0, 0}, -1, false, false, false};
            const struct lex_entity *ie;
            entity_of(ctx, k, ea, &ie);
            weigh(ctx, &in, (tk[k].flags & TF_ALLCAPS) && ea == k + 1, ie);
            if (push_cand(ctx, &in))
                return -1;
            k = ea - 1;
        }
    }
    return 0;
}

/* Cut titles, honorifics, articles and nationality adjectives off the
 * front of the run [t0,t1), split it where a title, a first name or a
 * person after a known entity starts a new name inside it, and emit the
 * names. */
static int split_run(struct actx *ctx, size_t t0, size_t t1, const struct run_state *rs)
{
    const struct token *tk = ctx->tk;
    bool titled = false;
    size_t mstart = tk[t0].start;
    bool ends_org = rs->ends_cue;
    const struct lex_entity *e;
    /* "Hurricane Ian", "Opération Barkhane": the whole run names a thing */
    if (is_word(ctx, t0) && (ctx->ti[t0].lw & LW_THING) && !(ctx->ti[t0].lw & LW_FIRSTNAME) &&
        !entity_of(ctx, t0, t1, &e))
        return 0;
    for (;;) {
        if (t0 >= t1)
            return 0;
        if (!is_word(ctx, t0)) {
            t0++;
            continue;
        }
        if (entity_of(ctx, t0, t1, &e) || entity_ahead(ctx, t0) > t0 + 1)
            break; /* "New South Wales Police" keeps its "New" */
        unsigned lw = ctx->ti[t0].lw;
        bool more = t0 + 1 < t1;
        if (word_is(ctx, t0, "the") && more) {
            t0++;
            mstart = tk[t0].start;
            continue;
        }
        if ((lw & LW_STOP) && sent_initial(ctx, t0) && !(lw & (LW_FIRSTNAME | LW_HONORIFIC))) {
            t0++;
            mstart = tk[t0 < t1 ? t0 : t1 - 1].start;
            continue;
        }
        if ((lw & (LW_TITLE | LW_HONORIFIC)) && !ends_org && more &&
            !((tk[t0].flags & TF_ALLCAPS) && (lw & LW_HONORIFIC))) { /* "MS" is not "Ms" */
            titled = true;
            t0++;
            if (is_punct(ctx, t0, '.'))
                t0++;
            continue;
        }
        if ((lw & LW_TIME) && more) {
            t0++;
            mstart = tk[t0].start;
            continue;
        }
        if (more && !rs->orgcue && (ctx->ti[t0].lw & LW_NATION) && !(lw & LW_FIRSTNAME)) {
            t0++;
            mstart = tk[t0].start;
            continue;
        }
        break;
    }
    /* ("Office of the Information Commissioner" keeps its last word) */
    while (!ends_org && !(rs->joined_prep && rs->head_cue) && ctx->d->lang == LANG_EN && t1 > t0 + 1 &&
           is_cap(ctx, t1 - 1) &&
           (ctx->ti[t1 - 1].lw & LW_TITLE) && !(ctx->ti[t1 - 2].lw & LW_PARTICLE) && !entity_of(ctx, t0, t1, &e))
        t1--; /* "United States Senator" names the country */
    if (!ends_org && !entity_of(ctx, t0, t1, &e)) {
        /* the longest known organisation in front, before a person:
         * "Amnesty International Man-kei Tam" (but "HP France" stays) */
        for (size_t k = t1 - 1; k > t0; k--) {
            if (is_cap(ctx, k) && is_cap(ctx, k - 1) && entity_of(ctx, t0, k, &e) &&
                e->type == ACTOR_ORGANIZATION && entity_ahead(ctx, k) == k) {
                if (emit(ctx, t0, k, titled, titled ? mstart : tk[t0].start))
                    return -1;
                return split_run(ctx, k, t1, rs);
            }
        }
        bool lower = false;
        for (size_t k = t0 + 1; k < t1; k++) {
            if (is_word(ctx, k) && !ctx->ti[k].cap)
                lower = true;
            if (!is_cap(ctx, k))
                continue;
            unsigned lw = ctx->ti[k].lw;
            bool split = false;
            /* "Kremlin President Vladimir Putin", "Society President Ash Soni" */
            if ((lw & (LW_TITLE | LW_HONORIFIC)) && k + 1 < t1 && !lower)
                split = true;
            /* "Jababeka David Quentin", "State Mike Pompeo" (but "Sifan
             * Hassan": a first name can be a surname, so a full name must
             * follow) */
            else if ((lw & LW_FIRSTNAME) && is_cap(ctx, k - 1) && !(ctx->ti[k - 1].lw & LW_FIRSTNAME) &&
                     !(ctx->ti[k - 1].lw & (LW_TITLE | LW_HONORIFIC)) && k + 1 < t1 && is_cap(ctx, k + 1))
                split = true;
            /* "Amnesty International Man-kei Tam" */
            else if ((lw & LW_FIRSTNAME) && entity_of(ctx, t0, k, &e))
                split = true;
            if (split) {
                if (emit(ctx, t0, k, titled, titled ? mstart : tk[t0].start))
                    return -1;
                return split_run(ctx, k, t1, rs);
            }
        }
    }
    return emit(ctx, t0, t1, titled, titled ? mstart : tk[t0].start);
}

/* ---------------------------------------------------------------------- */
/* Titles used as references to a person. */

static int push_title(struct actx *ctx, const struct title_ref *t)
{
    if (ctx->n_titles >= ctx->titles_cap &&
        grow((void **)&ctx->titles, &ctx->titles_cap, ctx->n_titles, sizeof *ctx->titles))
        return -1;
    ctx->titles[ctx->n_titles++] = *t;
    return 0;
}

/* A title phrase at token i, right after a determiner: title words, an
 * optional nationality adjective, an optional complement ("de l'Otan",
 * "des Transports", "of State"). Returns the token after it, or i. */
static size_t title_phrase(struct actx *ctx, size_t i, struct title_ref *out)
{
    const struct token *tk = ctx->tk;
    size_t k = i;
    const char *before = NULL; /* "the Turkish president" */
    if (is_word(ctx, k) && (ctx->ti[k].lw & LW_NATION) && is_word(ctx, k + 1) && (ctx->ti[k + 1].lw & LW_TITLE)) {
        before = lex_nationality(ctx->fold + ctx->ti[k].foff, ctx->ti[k].flen);
        k++;
    }
    while (is_word(ctx, k) && (ctx->ti[k].lw & LW_TITLE) && k - i < 4)
        k++;
    /* "secrétaire général", "premier ministre" */
    while (is_word(ctx, k) && (word_is(ctx, k, "general") || word_is(ctx, k, "generale") ||
                               word_is(ctx, k, "adjoint") || word_is(ctx, k, "adjointe")))
        k++;
    if (k == i || (before && k == i + 1))
        return i;
    out->country = before;
    out->before_tok = i;
    if (is_word(ctx, k) && (ctx->ti[k].lw & LW_NATION) && !ctx->ti[k].cap) {
        out->country = lex_nationality(ctx->fold + ctx->ti[k].foff, ctx->ti[k].flen);
        k++;
    }
    out->start = tk[i].start;
    out->end = tk[k - 1].end;
    /* complements: "de l'Otan", "de la République de Nantes", "of State" */
    size_t after = k;
    for (int round = 0; round < 2; round++) {
        size_t c = ctx->d->lang == LANG_FR ? fr_de_complement(ctx, after) : en_of_complement(ctx, after, "of");
        if (!c)
            break;
        after += c;
        while (is_cap(ctx, after) && !sent_start(ctx, after))
            after++;
    }
    out->alias_end = tk[after - 1].end;
    out->after_tok = after;
    return after;
}

/* Record the title phrases after the determiners of ctx->dets. */
static int scan_titles(struct actx *ctx)
{
    size_t n = ctx->nt;
    for (size_t m = 0, next = 0; m < ctx->n_dets; m++) {
        size_t i = ctx->dets[m];
        if (i < next || i + 1 >= n)
            continue;
        if (word_is(ctx, i, "l") && !is_apos(ctx, i + 1))
            continue;
        size_t k = word_is(ctx, i, "l") ? i + 2 : i + 1;
        if (!is_word(ctx, k) || !(ctx->ti[k].lw & (LW_TITLE | LW_NATION)))
            continue;
        struct title_ref t;
        size_t after = title_phrase(ctx, k, &t);
        if (after == k)
            continue;
        if (push_title(ctx, &t))
            return -1;
        next = after;
    }
    return 0;
}

/* ---------------------------------------------------------------------- */

/* Is token k written "et", "and", "ou" or "or", in any case (not "où")? */
static bool list_conjunction(const struct actx *ctx, size_t k)
{
    const struct token *t = &ctx->tk[k];
    size_t n = t->end - t->start;
    if (n != 2 && n != 3)
        return false;
    return tok_is(ctx->d, t, "et") || tok_is(ctx->d, t, "and") || tok_is(ctx->d, t, "ou") || tok_is(ctx->d, t, "or");
}

/* Names listed together are of one kind: "Dolgellau, Harlech, Barmouth,
 * Bala, and Blaenau Ffestiniog" are places because some of them are known
 * places. Adds the known members' type to the unknown ones. */
static void share_list_types(struct actx *ctx)
{
    size_t i = 0;
    while (i < ctx->n_cands) {
        size_t j = i + 1;
        while (j < ctx->n_cands) {
            size_t a = ctx->cands[j - 1].t1, b = ctx->cands[j].t0;
            if (b <= a || b - a > 3)
                break;
            bool link = true;
            for (size_t k = a; k < b; k++)
                link = link && (is_punct(ctx, k, ',') || list_conjunction(ctx, k));
            if (!link)
                break;
            j++;
        }
        bool conj = false;
        for (size_t k = i + 1; k < j; k++)
            for (size_t q = ctx->cands[k - 1].t1; q < ctx->cands[k].t0; q++)
                conj = conj || ctx->tk[q].kind == TOK_WORD;
        /* "Otan, Jens Stoltenberg" is an apposition, not a list */
        if (j - i >= 3 || (j - i == 2 && conj)) {
            float known[3] = {0, 0, 0};
            const struct lex_entity *e;
            for (size_t k = i; k < j; k++)
                if (entity_of(ctx, ctx->cands[k].t0, ctx->cands[k].t1, &e))
                    known[e->type] += 1;
            /* "from Dolgellau, Harlech, Barmouth and Bala": the preposition
             * before the list governs every member */
            size_t p0 = ctx->cands[i].t0;
            if (p0 > 0 && is_word(ctx, p0 - 1) && (ctx->ti[p0 - 1].lw & LW_PLACEPREP) &&
                !ctx->cands[i].titled)
                known[ACTOR_PLACE] += 1;
            int t = known[ACTOR_PLACE] >= known[ACTOR_ORGANIZATION] ? ACTOR_PLACE : ACTOR_ORGANIZATION;
            if (known[t] > 0)
                for (size_t k = i; k < j; k++)
                    if (!entity_of(ctx, ctx->cands[k].t0, ctx->cands[k].t1, &e) &&
                        ctx->cands[k].v[ACTOR_PERSON] < W_FIRSTNAME)
                        ctx->cands[k].v[t] += W_TITLE;
        }
        i = j;
    }
}

/* A known place or organisation after a hyphen inside a lower-case word:
 * "ex-UK", "pro-Kremlin", "anti-OTAN". */
static int hyphen_entity(struct actx *ctx, size_t i)
{
    const struct token *t = &ctx->tk[i];
    const char *s = ctx->d->text;
    if (!(t->flags & TF_HYPHEN))
        return 0;
    const char *h = memchr(s + t->start, '-', t->end - t->start);
    if (!h)
        return 0;
    size_t st = (size_t)(h - s) + 1, k = st;
    if (st >= t->end || !cp_is_upper(utf8_next(s, t->end, &k)))
        return 0;
    char buf[128];
    size_t n = utf8_fold_into(s + st, t->end - st, buf, sizeof buf);
    const struct lex_entity *e = lex_entity_find(buf, n);
    if (!e)
        return 0;
    struct cand c = {st, t->end, st, i, i + 1, {0, 0, 0}, -1, false, false, false};
    c.v[e->type] += W_LEXICON;
    return push_cand(ctx, &c);
}

/* "Sydney-based", "Paris-born": a capitalised word made an adjective by
 * a participle after a hyphen. The place before the hyphen is named (its
 * end in *pend), the adjective is no actor. 1 for those, 2 for the kind
 * that says who leads or backs ("US-led", "state-owned"), whose first
 * part is named only when known; 0 otherwise. */
static int hyphen_adjective(const struct actx *ctx, size_t i, size_t *pend)
{
    static const char *const place_of[] = {"based", "born", "bred", "raised", "headquartered", "educated"};
    static const char *const by[] = {"led", "backed", "owned", "funded", "run", "sponsored", "made"};
    const struct token *t = &ctx->tk[i];
    const char *s = ctx->d->text;
    const char *h = NULL;
    if (!(t->flags & TF_HYPHEN))
        return 0;
    for (const char *p = s + t->start; p < s + t->end; p++)
        if (*p == '-')
            h = p;
    if (!h || h == s + t->start)
        return 0;
    size_t tl = (size_t)(s + t->end - h - 1);
    *pend = (size_t)(h - s);
    for (size_t k = 0; k < sizeof place_of / sizeof place_of[0]; k++)
        if (strlen(place_of[k]) == tl && memcmp(h + 1, place_of[k], tl) == 0)
            return 1;
    for (size_t k = 0; k < sizeof by / sizeof by[0]; k++)
        if (strlen(by[k]) == tl && memcmp(h + 1, by[k], tl) == 0)
            return 2;
    return 0;
}

/* A French noun for the people of a place, after an article or a number:
 * "les Rouennais", "des Lyonnaises", "deux Marseillais" (a plural form),
 * "un Nantais". Not an actor. */
static bool fr_demonym_noun(const struct actx *ctx, size_t i)
{
    static const char *const plural[] = {"ais", "aises", "ois", "oises", "iens", "iennes", "ains",
                                         "aines", "ins", "ines", "eens", "eennes", "ards", "ardes"};
    static const char *const single[] = {"ais", "aise", "ois", "oise", "ien", "ienne", "ain", "aine"};
    if (ctx->d->lang != LANG_FR || i == 0 ||
        (ctx->ti[i].lw & (LW_ENTITY | LW_NATION | LW_FIRSTNAME | LW_ENTSTART)) || is_cap(ctx, i + 1))
        return false;
    size_t n;
    const char *w = actx_word(ctx, i, &n);
    bool pl = word_is(ctx, i - 1, "les") || word_is(ctx, i - 1, "des") || word_is(ctx, i - 1, "aux") ||
              word_is(ctx, i - 1, "ces") || word_is(ctx, i - 1, "nos") || word_is(ctx, i - 1, "leurs") ||
              ctx->tk[i - 1].kind == TOK_NUMBER;
    bool sg = word_is(ctx, i - 1, "un") || word_is(ctx, i - 1, "une");
    const char *const *suf = pl ? plural : single;
    size_t ns = pl ? sizeof plural / sizeof plural[0] : sizeof single / sizeof single[0];
    if (!pl && !sg)
        return false;
    for (size_t k = 0; k < ns; k++) {
        size_t sl = strlen(suf[k]);
        if (n > sl + 2 && memcmp(w + n - sl, suf[k], sl) == 0)
            return true;
    }
    return false;
}

/* Read what starts at token i, one of ctx->marks (any other token starts
 * nothing): record its candidates; returns the token to go on from, or
 * SIZE_MAX on allocation failure. */
static size_t scan_at(struct actx *ctx, size_t i)
{
    struct doc *d = ctx->d;
    bool fr = d->lang == LANG_FR;
    const struct token *t = &d->tokens[i];
    /* "@handle" */
    if (t->kind == TOK_PUNCT && t->cp == '@' && is_word(ctx, i + 1) &&
        !(d->tokens[i + 1].flags & TF_SPACE_BEFORE)) {
        struct cand c = {t->start, d->tokens[i + 1].end, t->start, i, i + 2, {1, 0, 0}, -1, false, false, false};
        return push_cand(ctx, &c) ? SIZE_MAX : i + 2;
    }
    if (t->kind != TOK_WORD)
        return i + 1;
    struct run_state rs = {0};
    bool head = fr && !ctx->ti[i].cap && (ctx->ti[i].lw & LW_ORGHEAD);
    if (head) {
        /* "ministère de la Justice", "université américaine de Beyrouth" */
        size_t k = i + 1;
        while (org_adjective(ctx, k) && k - i < 3)
            k++;
        /* "police cantonale valaisanne": two adjectives make a name too */
        if (!fr_de_complement(ctx, k) && !fr_noun_complement(ctx, k) &&
            !(is_cap(ctx, k) && word_is(ctx, i, "ecole")) && k - i < 3)
            head = false;
    }
    /* "Les Forces démocratiques syriennes", "La Cour pénale…": the
     * article that starts the sentence is no part of the name */
    if (ctx->ti[i].cap && (ctx->ti[i].lw & LW_STOP) && !(ctx->ti[i].lw & LW_FIRSTNAME) &&
        sent_initial(ctx, i) && is_cap(ctx, i + 1) && !sent_start(ctx, i + 1) && entity_ahead(ctx, i) <= i + 1) {
        /* but "Le Maire a ajouté" may be Bruno Le Maire: a weak
         * candidate, kept only if it names a person found elsewhere */
        if (ctx->ti[i].lw & LW_PARTICLE) {
            struct cand c = {t->start, d->tokens[i + 1].end, t->start, i, i + 2, {1, 0, 0}, -1, false, false, true};
            if (push_cand(ctx, &c))
                return SIZE_MAX;
        }
        return i + 1;
    }
    if (!ctx->ti[i].cap && !head)
        return hyphen_entity(ctx, i) ? SIZE_MAX : i + 1;
    /* "US$", "C$": a currency, not the country */
    if (!head && i + 1 < d->n_tokens && d->tokens[i + 1].kind == TOK_PUNCT &&
        !(d->tokens[i + 1].flags & TF_SPACE_BEFORE) && (d->tokens[i + 1].cp == '$' ||
                                                        d->tokens[i + 1].cp == 0x20AC ||
                                                        d->tokens[i + 1].cp == 0xA3) &&
        t->end - t->start <= 3)
        return i + 1;
    size_t pend;
    int adj = head ? 0 : hyphen_adjective(ctx, i, &pend);
    if (adj) {
        char buf[128];
        size_t n = utf8_fold_into(d->text + t->start, pend - t->start, buf, sizeof buf);
        const struct lex_entity *e = lex_entity_find(buf, n);
        if (e || adj == 1) {
            struct cand c = {t->start, pend, t->start, i, i + 1, {0, 0, 0}, -1, false, false, false};
            if (e)
                c.v[e->type] += W_LEXICON;
            else
                c.v[ACTOR_PLACE] += W_CUE;
            if (push_cand(ctx, &c))
                return SIZE_MAX;
        }
        return i + 1;
    }
    if (!head && fr_demonym_noun(ctx, i))
        return i + 1;
    size_t j;
    if (head) {
        rs.orgcue = rs.head_cue = true;
        rs.nwords = 1;
        rs.last_lw = ctx->ti[i].lw | LW_DEJOIN;
        size_t k = i + 1;
        while (org_adjective(ctx, k) && k - i < 3)
            k++;
        j = k;
        if (!fr_de_complement(ctx, j))
            j += fr_noun_complement(ctx, j);
        size_t c = fr_de_complement(ctx, j);
        j += c;
        if (is_cap(ctx, j))
            j = extend_run(ctx, j, &rs);
    } else {
        j = extend_run(ctx, i, &rs);
    }
    size_t ea = entity_ahead(ctx, i);
    if (ea > j)
        j = ea; /* "Nations unies", "Arabie saoudite", "L'Oréal" */
    return split_run(ctx, i, j, &rs) ? SIZE_MAX : j;
}

int actors_scan(struct actx *ctx)
{
    if (prepare(ctx))
        return -1;
    /* the tokens between the marks start nothing: skip them */
    for (size_t m = 0, next = 0; m < ctx->n_marks; m++) {
        size_t i = ctx->marks[m];
        if (i < next)
            continue;
        next = scan_at(ctx, i);
        if (next == SIZE_MAX)
            return -1;
    }
    share_list_types(ctx);
    return scan_titles(ctx);
}

void actx_free(struct actx *ctx)
{
    size_t memo_cap = ctx->memo ? ctx->memo_mask + 1 : 0;
    struct spare_arrays sa = {
        .p = {[SP_BLOCK] = ctx->words, [SP_MEMO] = ctx->memo, [SP_CANDS] = ctx->cands, [SP_TITLES] = ctx->titles,
              [SP_FORMS] = ctx->forms, [SP_FORM_SLOTS] = ctx->form_slots, [SP_FOLDS] = ctx->folds},
        .cap = {[SP_BLOCK] = ctx->block_cap, [SP_MEMO] = memo_cap, [SP_CANDS] = ctx->cands_cap,
                [SP_TITLES] = ctx->titles_cap, [SP_FORMS] = ctx->forms_cap, [SP_FORM_SLOTS] = ctx->slots_cap,
                [SP_FOLDS] = ctx->folds_cap},
    };
    spare_keep(SPARE_ACTORS, &sa,
               ctx->block_cap + memo_cap * sizeof *ctx->memo + ctx->cands_cap * sizeof *ctx->cands +
                   ctx->titles_cap * sizeof *ctx->titles + ctx->forms_cap * sizeof *ctx->forms +
                   ctx->slots_cap * sizeof *ctx->form_slots + ctx->folds_cap);
    memset(ctx, 0, sizeof *ctx);
}
