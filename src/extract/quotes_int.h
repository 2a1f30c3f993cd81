/* quotes_int.h — what the quote finder (quotes.c) hands to the speaker
 * search (speakers.c): the stretches of quoted words found in the text, in
 * text order, and what the speech lexicon says of each word of the
 * document. Private to src/extract/. */
#ifndef QUOTED_QUOTES_INT_H
#define QUOTED_QUOTES_INT_H

#include "doc.h"
#include "lexicon_speech.h"

struct stretch {
    size_t open_tok, close_tok; /* token indices of the opening and closing marks */
    size_t start, end;          /* byte span of the words between them, trimmed */
    enum quote_kind kind;
    int first;                  /* index of the first stretch with the same words, or -1 */
    bool fragment;              /* quoted words too short to be a quote, kept so that the
                                   speaker search knows they are not narration */
    /* filled by speakers_attribute() */
    int speaker;                /* actor index, or -1 */
    double confidence;
    size_t cue_start, cue_end;  /* byte span of the attribution as written; empty if none */
    bool own_cue;               /* the attribution was found around this stretch itself */
    bool named_elsewhere;       /* its attribution names someone not resolved ("a martelé la
                                   ministre"): not to be filled from the stretches around */
};

/* What both passes ask of a word, looked up once per distinct word of the
 * document (by token.word), when it is first asked. The lookups read the
 * word's fold cut to SPEECH_WORD_MAX - 1 bytes, as tok_fold() cuts it. */
#define SPEECH_WORD_MAX 64

enum {
    SW_INVERTED = 1 << 29, /* ends with an inverted subject ("dit-il", "a-t-elle") */
    SW_BASE_AUX = 1 << 30, /* ... after an auxiliary ("a-t-il", "est-elle") */
};

struct speech_word {
    unsigned cls;           /* LSC_* classes in the document's language, SW_* */
    uint8_t form;           /* SF_* bits of verb */
    uint8_t base_form;      /* SF_* bits of base_verb */
    const struct speech_verb *verb;      /* the word as a speech verb, or NULL */
    const struct speech_verb *base_verb; /* SW_INVERTED: the word without its subject
                                            ("affirme-t-il" → "affirme") as one, or NULL */
};

/* The words of one document, by id; owned by quotes_extract(), which hands
 * them to speakers_attribute(). */
struct speech_words {
    const struct doc *d;
    struct speech_word *w; /* d->n_words entries, each set when first asked */
    uint8_t *known;        /* d->n_words flags, zeroed: w[id] is set */
};

/* Look up the word of token k (a word) into its entry. */
void speech_word_fill(const struct speech_words *sw, size_t k);

/* The entry of token k, looked up on first use; a zeroed entry for a token
 * that is not a word and for k >= n_tokens. */
static inline const struct speech_word *speech_word(const struct speech_words *sw, size_t k)
{
    static const struct speech_word none;
    if (k >= sw->d->n_tokens || sw->d->tokens[k].kind != TOK_WORD)
        return &none;
    uint32_t id = sw->d->tokens[k].word;
    if (!sw->known[id])
        speech_word_fill(sw, k);
    return &sw->w[id];
}

/* Resolve the speaker of every stretch s[0..n) (text order) against the
 * actors of d, adding actors for speakers the actors pass did not find.
 * Returns 0, or -1 on allocation failure. */
int speakers_attribute(struct doc *d, const struct speech_words *sw, struct stretch *s, size_t n);

#endif
