/* figures.c — finds the quantities an article states: a number in digits
 * followed by the noun it counts. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"

int figures_extract(struct doc *d)
{
    struct extraction *x = d->out;
    size_t cap = 0;
    for (size_t i = 0; i + 1 < d->n_tokens; i++) {
        const struct token *t = &d->tokens[i], *u = &d->tokens[i + 1];
        if (t->kind != TOK_NUMBER || u->kind != TOK_WORD)
            continue;
        char num[64];
        size_t n = 0;
        for (size_t k = t->start; k < t->end && n + 1 < sizeof num; k++)
            num[n++] = d->text[k] == ',' ? (x->lang == LANG_FR ? '.' : '\0') : d->text[k];
        num[n] = '\0';
        /* English thousands separators were turned into NULs: squeeze them */
        size_t w = 0;
        for (size_t k = 0; k < n; k++)
            if (num[k])
                num[w++] = num[k];
        num[w] = '\0';
        if (grow((void **)&x->figures, &cap, x->n_figures, sizeof *x->figures))
            return -1;
        struct figure *f = &x->figures[x->n_figures];
        memset(f, 0, sizeof *f);
        f->span = (struct span){t->start, u->end};
        f->value = strtod(num, NULL);
        f->text = xstrndup(d->text + t->start, u->end - t->start);
        f->unit = xstrndup(d->text + u->start, u->end - u->start);
        struct span s = d->sentences[doc_sentence_at(d, t->start)];
        f->sentence = xstrndup(d->text + s.start, s.end - s.start);
        if (!f->text || !f->unit || !f->sentence) {
            x->n_figures++;
            return -1;
        }
        x->n_figures++;
    }
    return 0;
}
