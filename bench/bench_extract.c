/* bench_extract.c — extraction throughput on one core: extract_article()
 * (every pass: tokens, actors, quotes, figures) over a corpus of articles
 * repeated until it reaches a given volume, then over one long document made
 * of the same articles, which shows whether any pass grows faster than the
 * text.
 *
 *   bench_extract [-m MB] [-t MB/s target] [-a] [FILE.json|DIR ...]
 *
 * -a runs the first measure only (article by article), for profiling.
 *
 * Articles are JSON objects with "text" (and "lang"); a directory gives
 * every *.json file in it. A third figure splits the time between the passes
 * (through the extractor's internal pass interface, doc.h). With no article
 * given or readable, a generated
 * French and English text is used. Prints the figures and their ratio to
 * the target; never fails on a slow result (no pass/fail). */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/doc.h"
#include "extract/extract.h"

struct article {
    char *text;
    size_t len;
    char lang[3];
};

struct corpus {
    struct article *a;
    size_t n, cap, bytes;
};

static int add_article(struct corpus *c, const char *text, size_t len, const char *lang)
{
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 64;
        void *p = realloc(c->a, nc * sizeof *c->a);
        if (!p)
            return -1;
        c->a = p;
        c->cap = nc;
    }
    struct article *a = &c->a[c->n];
    a->text = malloc(len + 1);
    if (!a->text)
        return -1;
    memcpy(a->text, text, len);
    a->text[len] = '\0';
    a->len = len;
    snprintf(a->lang, sizeof a->lang, "%s", lang && strlen(lang) == 2 ? lang : "fr");
    c->n++;
    c->bytes += len;
    return 0;
}

static void load_file(struct corpus *c, const char *path)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root)
        return;
    json_t *text = json_object_get(root, "text");
    if (json_is_string(text))
        add_article(c, json_string_value(text), json_string_length(text),
                    json_string_value(json_object_get(root, "lang")));
    json_decref(root);
}

static void load_path(struct corpus *c, const char *path)
{
    DIR *dir = opendir(path);
    if (!dir) {
        load_file(c, path);
        return;
    }
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", path, e->d_name);
        load_file(c, full);
    }
    closedir(dir);
}

/* A small generated article when no corpus is at hand. */
static void generate(struct corpus *c)
{
    static const char fr[] =
        "Le ministre de l'Économie, Paul Durand, a présenté mardi un plan de 3,5 milliards "
        "d'euros. « Nous devons investir maintenant pour ne pas payer plus tard », a-t-il "
        "déclaré devant une trentaine de journalistes. Selon la Banque de France, la croissance "
        "« restera faible jusqu'à la fin de l'année ».\n\n"
        "Marie Leroy, porte-parole de l'opposition, a estimé qu'« un tel plan arrive trop "
        "tard ». Environ 20 % des entreprises sont concernées, d'après l'Insee.\n";
    static const char en[] =
        "Governor Rachel Moss announced a $5 million relief fund on Monday. \"We cannot wait "
        "for the next storm to act,\" she told reporters in Austin. More than 1,200 homes were "
        "damaged, according to the state emergency office.\n\n"
        "\"This is a good first step, but it is not enough,\" said Tom Reyes, a local council "
        "member. Nearly 40% of residents have no flood insurance.\n";
    add_article(c, fr, strlen(fr), "fr");
    add_article(c, en, strlen(en), "en");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    double target_mb = 50.0, target_rate = 20.0;
    struct corpus c = {0};
    int articles_only = 0;
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "-m") && i + 1 < argc)
            target_mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "-t") && i + 1 < argc)
            target_rate = atof(argv[++i]);
        else if (!strcmp(argv[i], "-a"))
            articles_only = 1;
        else
            load_path(&c, argv[i]);
    }
    if (c.n == 0)
        generate(&c);
    if (c.n == 0) {
        fprintf(stderr, "bench_extract: no memory for the corpus\n");
        return 1;
    }

    /* 1. article by article, until target_mb of text went through */
    size_t total = 0, quotes = 0, actors = 0, figures = 0, calls = 0;
    double t0 = now();
    while ((double)total < target_mb * 1e6) {
        for (size_t k = 0; k < c.n; k++) {
            struct article_input in = {.text = c.a[k].text, .len = c.a[k].len, .lang = c.a[k].lang};
            struct extraction x;
            if (extract_article(&in, &x) == EXTRACT_OK) {
                quotes += x.n_quotes;
                actors += x.n_actors;
                figures += x.n_figures;
            }
            extraction_free(&x);
            total += c.a[k].len;
            calls++;
        }
    }
    double secs = now() - t0;
    double rate = (double)total / 1e6 / secs;
    printf("extract: %zu articles (%zu distinct, %.1f kB), %.1f MB in %.2f s of CPU\n", calls, c.n,
           (double)c.bytes / 1e3, (double)total / 1e6, secs);
    printf("extract: %.1f MB/s on one core, %.2fx the %.0f MB/s target "
           "(%zu quotes, %zu actors, %zu figures)\n",
           rate, rate / target_rate, target_rate, quotes, actors, figures);

    if (articles_only)
        goto done;

    /* 2. the same articles pass by pass, about a fifth of the volume */
    double t_tok = 0, t_act = 0, t_quo = 0, t_fig = 0;
    size_t pass_total = 0;
    while ((double)pass_total < target_mb * 2e5) {
        for (size_t k = 0; k < c.n; k++) {
            struct extraction x = {0};
            x.lang = strcmp(c.a[k].lang, "en") == 0 ? LANG_EN : LANG_FR;
            struct doc d = {.text = c.a[k].text, .len = c.a[k].len, .lang = x.lang, .out = &x};
            double a = now();
            int bad = doc_tokenize(&d);
            double b = now();
            bad = bad || actors_extract(&d);
            double e = now();
            bad = bad || quotes_extract(&d);
            double f = now();
            bad = bad || figures_extract(&d);
            double g = now();
            t_tok += b - a;
            t_act += e - b;
            t_quo += f - e;
            t_fig += g - f;
            doc_free_tokens(&d);
            extraction_free(&x);
            pass_total += c.a[k].len;
            if (bad)
                break;
        }
    }
    double mb = (double)pass_total / 1e6;
    printf("passes:  tokens %.1f MB/s, actors %.1f MB/s, quotes+speakers %.1f MB/s, figures %.1f MB/s\n",
           mb / t_tok, mb / t_act, mb / t_quo, mb / t_fig);

    /* 3. one long document: the corpus concatenated up to 4 MB, French only
     *    (language detection aside), to see growth beyond article sizes */
    size_t cap = 4u << 20, n = 0;
    char *big = malloc(cap + 1);
    if (big) {
        for (size_t k = 0; n < cap; k = (k + 1) % c.n) {
            size_t l = c.a[k].len < cap - n ? c.a[k].len : cap - n;
            memcpy(big + n, c.a[k].text, l);
            n += l;
            if (n < cap)
                big[n++] = '\n';
        }
        /* do not cut a UTF-8 sequence in two */
        while (n > 0 && ((unsigned char)big[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0 && (unsigned char)big[n - 1] >= 0xC0)
            n--;
        struct article_input in = {.text = big, .len = n, .lang = "fr"};
        struct extraction x;
        t0 = now();
        enum extract_status st = extract_article(&in, &x);
        secs = now() - t0;
        printf("extract: one %.1f MB document in %.2f s: %.1f MB/s (%s)\n", (double)n / 1e6, secs,
               (double)n / 1e6 / secs, extract_strerror(st));
        extraction_free(&x);
        free(big);
    }
done:
    for (size_t k = 0; k < c.n; k++)
        free(c.a[k].text);
    free(c.a);
    return 0;
}
