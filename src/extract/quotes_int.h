/* quotes_int.h — what the quote finder (quotes.c) hands to the speaker
 * search (speakers.c): the stretches of quoted words found in the text, in
 * text order. Private to src/extract/. */
#ifndef QUOTED_QUOTES_INT_H
#define QUOTED_QUOTES_INT_H

#include "doc.h"

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

/* Resolve the speaker of every stretch s[0..n) (text order) against the
 * actors of d, adding actors for speakers the actors pass did not find.
 * Returns 0, or -1 on allocation failure. */
int speakers_attribute(struct doc *d, struct stretch *s, size_t n);

#endif
