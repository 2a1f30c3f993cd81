/* quotes.c — finds the stretches between quotation marks that report what
 * someone said, and who said it.
 *
 * A quote is at least three words between matching marks; its speaker is
 * the nearest named actor in the same sentence. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "utf8.h"

static uint32_t closing_for(uint32_t open)
{
    switch (open) {
    case 0xAB: return 0xBB;
    case 0x201C: return 0x201D;
    case '"': return '"';
    }
    return 0;
}

static int count_words(const char *s, size_t n)
{
    int w = 0;
    bool in = false;
    for (size_t i = 0; i < n;) {
        uint32_t c = utf8_next(s, n, &i);
        bool l = cp_is_letter(c) || cp_is_digit(c);
        if (l && !in)
            w++;
        in = l;
    }
    return w;
}

static int nearest_speaker(const struct doc *d, size_t qs, size_t qe)
{
    size_t si = doc_sentence_at(d, qs);
    struct span sent = d->sentences[si];
    size_t sent_end = d->sentences[doc_sentence_at(d, qe)].end;
    int best = -1;
    size_t best_dist = (size_t)-1;
    for (size_t i = 0; i < d->out->n_actors; i++) {
        const struct actor *a = &d->out->actors[i];
        for (size_t k = 0; k < a->n_mentions; k++) {
            struct span m = a->mentions[k];
            size_t dist;
            if (m.start >= qe && m.end <= sent_end)
                dist = m.start - qe;
            else if (m.end <= qs && m.start >= sent.start)
                dist = qs - m.end;
            else
                continue;
            if (dist < best_dist) {
                best_dist = dist;
                best = (int)i;
            }
        }
    }
    return best;
}

int quotes_extract(struct doc *d)
{
    struct extraction *x = d->out;
    size_t cap = 0;
    for (size_t i = 0; i < d->len;) {
        uint32_t c = utf8_next(d->text, d->len, &i);
        uint32_t close = closing_for(c);
        if (!close)
            continue;
        size_t j = i, close_at = 0;
        bool found = false;
        while (j < d->len) {
            size_t k = j;
            uint32_t c2 = utf8_next(d->text, d->len, &j);
            if (c2 == close) {
                close_at = k;
                found = true;
                break;
            }
        }
        if (!found)
            break;
        size_t qs = i, qe = close_at;
        for (size_t k = qs; qs < qe && cp_is_space(utf8_next(d->text, qe, &k)); qs = k)
            ;
        while (qe > qs) {
            size_t k;
            if (!cp_is_space(utf8_prev(d->text, qe, &k)))
                break;
            qe = k;
        }
        i = j;
        if (count_words(d->text + qs, qe - qs) < 3)
            continue;
        if (grow((void **)&x->quotes, &cap, x->n_quotes, sizeof *x->quotes))
            return -1;
        struct quote *q = &x->quotes[x->n_quotes];
        memset(q, 0, sizeof *q);
        q->span = (struct span){qs, qe};
        q->text = xstrndup(d->text + qs, qe - qs);
        if (!q->text)
            return -1;
        q->occurrences = 1;
        q->speaker = nearest_speaker(d, qs, qe);
        q->confidence = q->speaker >= 0 ? 0.5 : 0.0;
        x->n_quotes++;
    }
    return 0;
}
