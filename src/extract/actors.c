/* actors.c — finds the people, organisations and places an article names
 * and merges the forms that refer to the same one.
 *
 * A name is a run of capitalised words that does not start a sentence. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "utf8.h"

static int add_mention(struct actor *a, size_t start, size_t end)
{
    size_t cap = a->n_mentions; /* grow one at a time: mentions are few */
    void *p = realloc(a->mentions, (cap + 1) * sizeof *a->mentions);
    if (!p)
        return -1;
    a->mentions = p;
    a->mentions[a->n_mentions++] = (struct span){start, end};
    return 0;
}

int actors_find(const struct doc *d, const char *s, size_t n)
{
    char key[256], buf[256];
    utf8_fold_into(s, n, key, sizeof key);
    for (size_t i = 0; i < d->out->n_actors; i++) {
        const struct actor *a = &d->out->actors[i];
        utf8_fold_into(a->name, strlen(a->name), buf, sizeof buf);
        if (strcmp(buf, key) == 0)
            return (int)i;
        const char *sp = strrchr(buf, ' ');
        if (sp && strcmp(sp + 1, key) == 0)
            return (int)i;
        for (size_t k = 0; k < a->n_aliases; k++) {
            utf8_fold_into(a->aliases[k], strlen(a->aliases[k]), buf, sizeof buf);
            if (strcmp(buf, key) == 0)
                return (int)i;
        }
    }
    return -1;
}

int actors_at(const struct doc *d, size_t start, size_t end)
{
    for (size_t i = 0; i < d->out->n_actors; i++) {
        const struct actor *a = &d->out->actors[i];
        for (size_t k = 0; k < a->n_mentions; k++)
            if (a->mentions[k].start < end && start < a->mentions[k].end)
                return (int)i;
    }
    return -1;
}

int actors_add(struct doc *d, const char *s, size_t n, enum actor_type t, size_t start, size_t end)
{
    int idx = actors_find(d, s, n);
    if (idx < 0) {
        struct extraction *x = d->out;
        if (grow((void **)&x->actors, &d->actors_cap, x->n_actors, sizeof *x->actors))
            return -1;
        struct actor *a = &x->actors[x->n_actors];
        memset(a, 0, sizeof *a);
        a->name = xstrndup(s, n);
        if (!a->name)
            return -1;
        a->type = t;
        idx = (int)x->n_actors++;
    }
    return add_mention(&d->out->actors[idx], start, end) ? -1 : idx;
}

int actors_extract(struct doc *d)
{
    for (size_t i = 0; i < d->n_tokens; i++) {
        const struct token *t = &d->tokens[i];
        if (t->kind != TOK_WORD || !(t->flags & TF_CAP) || (t->flags & TF_SENT_START))
            continue;
        size_t j = i + 1;
        while (j < d->n_tokens && d->tokens[j].kind == TOK_WORD && (d->tokens[j].flags & TF_CAP))
            j++;
        if (j - i >= 2) {
            size_t st = t->start, en = d->tokens[j - 1].end;
            if (actors_add(d, d->text + st, en - st, ACTOR_PERSON, st, en) < 0)
                return -1;
        }
        i = j - 1;
    }
    return 0;
}
