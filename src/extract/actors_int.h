/* actors_int.h — the actors pass's working state, shared by its two halves:
 * actors_scan.c finds the candidate names and the titles in the text and
 * weighs their type; actors.c merges the candidates into actors (aliases,
 * acronyms, titles) and answers the queries of the other passes. */
#ifndef QUOTED_ACTORS_INT_H
#define QUOTED_ACTORS_INT_H

#include <stdbool.h>

#include "doc.h"
#include "lexicon_names.h"
#include "strmap.h"

/* Per token: its folded text (in actx.fold) and lexicon flags. */
struct tinfo {
    uint32_t foff;      /* offset of the folded word in actx.fold */
    uint16_t flen;      /* folded length (at most 0xFFFF), 0 for
                         * punctuation and numbers */
    bool cap;           /* capitalised word, or "al-Assad"-like name word */
    uint8_t ahead;      /* entity_ahead() from this token, memoised: 0 not
                         * yet known, else the token after it - this + 1 */
    unsigned lw;        /* lex_word() flags of the folded word (LW_ENTITY:
                         * alone, it is a known entity; LW_NATION: a
                         * nationality adjective) */
};

/* A known entity looked up at tokens [t0,t1): the result (NULL for none)
 * of that very lookup, so that it is not folded and hashed again. */
struct ent_memo {
    uint32_t t0, t1;    /* t1 == 0: an empty slot */
    const struct lex_entity *e;
};

/* One place where a name is written. */
struct cand {
    size_t start, end;  /* the name itself, without title or honorific */
    size_t mstart;      /* start of the mention, with a capitalised title
                         * ("President Trump"); == start when none */
    size_t t0, t1;      /* token range of the name, t1 exclusive */
    float v[3];         /* type evidence, indexed by enum actor_type */
    int form;           /* index into actx.forms */
    bool titled;        /* a title or honorific came right before */
    bool generic;       /* a lone cue word ("Society", "Parliament") */
    bool weak;          /* an unknown capital that starts a sentence: an
                         * actor only if it names one found elsewhere */
};

/* A title used for a person: "le président turc", "the crown prince". */
struct title_ref {
    size_t start, end;  /* the title words (and nationality adjective) */
    size_t alias_end;   /* end of the whole title phrase, for the alias text */
    const char *country;/* from a nationality adjective, or NULL */
    size_t after_tok;   /* first token after the phrase */
    size_t before_tok;  /* first token of the phrase (its determiner excluded) */
};

/* A distinct folded name and what is known about it. */
struct form {
    char *fold;         /* in actx.folds, NUL-terminated */
    size_t flen;        /* its length */
    unsigned hash;      /* strmap_hash() of the fold */
    size_t start, end;  /* first place it is written (for display) */
    size_t mstart;      /* with its title prefix, when it had one */
    int nwords;         /* words of fold split at spaces, at most 16 ... */
    uint16_t woff[16], wlen[16];    /* ... at fold + woff[i], wlen[i] bytes */
    bool wlw_known;     /* wlw is set (form_word_flags()) */
    unsigned wlw[16];   /* lex_word() of each word */
    float v[3];         /* summed evidence of its candidates */
    int actor;          /* -1 until merged */
    int first;          /* index of its first candidate */
    const struct lex_entity *ent;
    bool acronym;
    bool initials;      /* a word of it is an initial ("t.") */
    bool generic;
    bool weak;          /* every candidate of the form is weak */
};

struct actx {
    struct doc *d;
    const struct token *tk; /* d->tokens and d->n_tokens, at hand */
    size_t nt;
    struct tinfo *ti;
    const char *fold;   /* the folded tokens, d->fold (borrowed) */
    struct winfo *words;    /* per word id (token.word, doc.words); the
                             * block that also holds ti, marks and dets */
    size_t block_cap;       /* bytes of that block */
    uint32_t *marks;    /* the tokens where a name may start, in order:
                         * "@", capitalised words, French organisation
                         * heads, lower-case words with a hyphen */
    size_t n_marks;
    uint32_t *dets;     /* the tokens that may open a title phrase ("le",
                         * "la", "l", "the"), in order */
    size_t n_dets;
    struct ent_memo *memo;  /* (first token, end token) -> entity written
                             * there, open addressing; see entity_memo() */
    size_t memo_mask, memo_count;
    struct cand *cands;
    size_t n_cands, cands_cap;
    struct title_ref *titles;
    size_t n_titles, titles_cap;
    struct form *forms;    /* at most one per candidate */
    size_t n_forms, forms_cap;
    uint32_t *form_slots;  /* open addressing over the forms' folds:
                            * index + 1, 0 empty (see build_forms()) */
    size_t slots_cap;      /* entries of form_slots */
    char *folds;           /* the forms' folds, in the order of the forms */
    size_t folds_used, folds_cap;
};

/* winfo.seen bits: how a word is written in the article. */
enum { SEEN_LOWER = 1, SEEN_CAP_MID = 2 };

/* What the pass knows of one distinct word of the article, found at its
 * first token so that each is looked up in the lexicon once. */
struct winfo {
    unsigned lw;        /* lexicon flags (see word_flags()) */
    uint8_t seen;       /* SEEN_* bits, over all its tokens */
    int8_t name_ok;     /* capitalised, it can be part of a name (1) or
                         * not (0); -1 until a capitalised token asks */
    bool det;           /* "le", "la", "l", "the": may open a title phrase */
    bool particle;      /* a particle that always belongs to the name
                         * around it ("von", "bin", "al"; name_particle()) */
    int8_t collective;  /* lex_speech_collective() == 1 (1) or not (0),
                         * -1 until asked */
    bool ent_known;     /* ent is set */
    const struct lex_entity *ent;   /* the known entity the word alone
                                     * names, its case aside, or NULL */
};

/* actors_scan.c: fill ctx->ti, ctx->words, ctx->cands and ctx->titles.
 * ctx holds only its document (the rest zero); its arrays come from the
 * calling thread's last actx_free() when it kept them. 0, or -1 on
 * allocation failure (ctx is then released by the caller with
 * actx_free()). */
int actors_scan(struct actx *ctx);

/* Release everything ctx owns: its arrays go to the calling thread's spare
 * for its next document when they are small enough and the spare is empty
 * (freed at thread exit), else to free(); ctx is left zeroed. */
void actx_free(struct actx *ctx);

/* Folded word of token i (not NUL-terminated), its length in *n. */
const char *actx_word(const struct actx *ctx, size_t i, size_t *n);

/* lex_entity_find() of the folded word of token i (a word), NULL when it
 * is 256 bytes or longer; looked up once per word id. */
const struct lex_entity *actx_word_entity(struct actx *ctx, size_t i);

#endif
