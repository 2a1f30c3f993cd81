/* extract.c — the extractor's entry point: validates the input, picks the
 * language, tokenises once and runs the passes (actors, then quotes, whose
 * speakers resolve against the actors, then figures). */
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "utf8.h"

char *xstrndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ---- per-thread spare arrays (doc.h) ---- */

static _Thread_local struct spare_arrays spares[SPARE_SETS];
static _Thread_local bool spares_registered; /* spare_key set for this thread */
static pthread_key_t spare_key;
static bool spare_key_ok;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;

static void spare_arrays_free(struct spare_arrays *sa)
{
    for (size_t k = 0; k < SPARE_SLOTS; k++)
        free(sa->p[k]);
    memset(sa, 0, sizeof *sa);
}

/* The thread's exit: free every set it kept. */
static void spares_free(void *p)
{
    struct spare_arrays *sets = p;
    for (size_t w = 0; w < SPARE_SETS; w++)
        spare_arrays_free(&sets[w]);
}

static void spare_key_create(void)
{
    spare_key_ok = pthread_key_create(&spare_key, spares_free) == 0;
}

void spare_take(enum spare_set which, struct spare_arrays *out)
{
    *out = spares[which];
    memset(&spares[which], 0, sizeof spares[which]);
}

void spare_keep(enum spare_set which, struct spare_arrays *in, size_t bytes)
{
    bool empty = true;
    for (size_t k = 0; k < SPARE_SLOTS; k++)
        empty = empty && !spares[which].p[k];
    bool keep = bytes <= SPARE_MAX && empty;
    if (keep && !spares_registered) {
        pthread_once(&spare_once, spare_key_create);
        keep = spares_registered = spare_key_ok && pthread_setspecific(spare_key, spares) == 0;
    }
    if (keep)
        spares[which] = *in;
    else
        spare_arrays_free(in);
    memset(in, 0, sizeof *in);
}

struct arena_chunk {
    struct arena_chunk *next;
    max_align_t data[]; /* the blocks */
};

void *arena_alloc(struct arena *a, size_t n)
{
    size_t al = sizeof(max_align_t);
    n = (n + al - 1) / al * al;
    if (!a->head || a->cap - a->used < n) {
        size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        struct arena_chunk *c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->next = a->head;
        a->head = c;
        a->used = 0;
        a->cap = cap;
    }
    void *p = (char *)a->head->data + a->used;
    a->used += n;
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_free(struct arena *a)
{
    while (a->head) {
        struct arena_chunk *c = a->head;
        a->head = c->next;
        free(c);
    }
    a->used = a->cap = 0;
}

int grow(void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc <= n)
        nc *= 2;
    void *p = realloc(*arr, nc * size);
    if (!p)
        return -1;
    *arr = p;
    *cap = nc;
    return 0;
}

const char *extract_lang_name(enum extract_lang lang)
{
    return lang == LANG_EN ? "en" : "fr";
}

const char *actor_type_name(enum actor_type t)
{
    return t == ACTOR_ORGANIZATION ? "organization" : t == ACTOR_PLACE ? "place" : "person";
}

const char *quote_kind_name(enum quote_kind k)
{
    return k == QUOTE_PARTIAL ? "partial" : "direct";
}

const char *extract_strerror(enum extract_status st)
{
    switch (st) {
    case EXTRACT_OK: return "ok";
    case EXTRACT_EUTF8: return "text is not valid UTF-8";
    case EXTRACT_ELANG: return "lang must be \"fr\" or \"en\"";
    case EXTRACT_ENOMEM: return "out of memory";
    }
    return "unknown error";
}

void extraction_free(struct extraction *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->n_actors; i++) {
        struct actor *a = &x->actors[i];
        free(a->name);
        for (size_t k = 0; k < a->n_aliases; k++)
            free(a->aliases[k]);
        free(a->aliases);
        free(a->mentions);
    }
    for (size_t i = 0; i < x->n_quotes; i++) {
        free(x->quotes[i].text);
        free(x->quotes[i].cue);
    }
    for (size_t i = 0; i < x->n_figures; i++) {
        free(x->figures[i].text);
        free(x->figures[i].unit);
        free(x->figures[i].sentence);
    }
    free(x->actors);
    free(x->quotes);
    free(x->figures);
    memset(x, 0, sizeof *x);
}

enum extract_status extract_article(const struct article_input *in, struct extraction *out)
{
    memset(out, 0, sizeof *out);
    const char *text = in->text ? in->text : "";
    size_t len = in->text ? in->len : 0;

    if (!utf8_valid(text, len))
        return EXTRACT_EUTF8;
    if (in->lang && *in->lang) {
        if (strcmp(in->lang, "fr") == 0)
            out->lang = LANG_FR;
        else if (strcmp(in->lang, "en") == 0)
            out->lang = LANG_EN;
        else
            return EXTRACT_ELANG;
    } else {
        out->lang = extract_detect_lang(text, len);
    }

    struct doc d = {.text = text, .len = len, .lang = out->lang, .title = in->title, .out = out};
    if (doc_tokenize(&d) || actors_extract(&d) || quotes_extract(&d) || figures_extract(&d)) {
        actors_release(&d);
        doc_free_tokens(&d);
        extraction_free(out);
        return EXTRACT_ENOMEM;
    }
    actors_release(&d);
    doc_free_tokens(&d);
    return EXTRACT_OK;
}
