/* cli_import.c — `quoted import [--db PATH] FILE|DIR ...`: loads articles
 * into a database without a server. A .json file holds one article object
 * (or an array of them), a .ndjson/.jsonl file one per line, a .txt file one
 * plain-text article whose first line is its title; a directory is read
 * file by file in name order. Fields other than text, lang, title, url,
 * date and source are ignored, so annotated corpus files import as they
 * are. Prints a progress bar on a terminal and one summary line.
 *
 * Two threads: a reader parses and extracts articles (and hashes their
 * text), file by file, and hands them through a bounded queue to the main
 * thread, which stores them in batches. Messages and counts follow the
 * input order. */
#include <dirent.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "db/db.h"
#include "extract/extract.h"
#include "handlers/article_input.h"
#include "util.h"

/* Articles stored per transaction: one flush of the disk per batch. */
#define IMPORT_BATCH 500

struct import_stats {
    int inserted, duplicates, failed, done, total;
    int pending;     /* inserted in the open batch, not yet committed */
    bool tty;
};

/* Commit the open batch; on failure its articles count as failed. Opens
 * the next batch when `reopen`. False when the database cannot go on. */
static bool batch_flush(struct db *db, struct import_stats *s, bool reopen)
{
    enum db_status st = db_batch_commit(db);
    if (st != DB_OK) {
        fprintf(stderr, "%scannot commit %d articles: %s\n", s->tty ? "\n" : "", s->pending, db_errmsg(db));
        s->inserted -= s->pending;
        s->failed += s->pending;
    }
    s->pending = 0;
    if (reopen && db_batch_begin(db) != DB_OK) {
        fprintf(stderr, "%scannot start a transaction: %s\n", s->tty ? "\n" : "", db_errmsg(db));
        return false;
    }
    return true;
}

static void progress(const struct import_stats *s, const char *name)
{
    if (!s->tty)
        return;
    int width = 30, filled = s->total ? s->done * width / s->total : width;
    fprintf(stderr, "\r[%.*s%*s] %d/%d %-40.40s", filled, "##############################", width - filled, "",
            s->done, s->total, name);
    fflush(stderr);
}

/* ---- the reader thread: parse and extract ------------------------------ */

/* What the reader hands to the storing thread, in input order. */
enum item_kind { ITEM_ARTICLE, ITEM_FAILED, ITEM_FILE_DONE, ITEM_END };

struct item {
    enum item_kind kind;
    char *msg;                  /* ITEM_FAILED: the line to print; ITEM_ARTICLE: where */
    json_t *obj;                /* owns the strings f borrows (JSON input) */
    char *buf;                  /* owns them for a plain-text file */
    char *title;
    struct article_fields f;
    struct extraction x;
    char hash[65];              /* db_content_hash of the text */
};

/* Extracted articles waiting to be stored: enough to keep the storing
 * thread busy, few enough to bound memory. */
#define QUEUE_LEN 64

struct queue {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    struct item items[QUEUE_LEN];
    size_t head, n;
};

static void queue_push(struct queue *q, const struct item *it)
{
    pthread_mutex_lock(&q->mu);
    while (q->n == QUEUE_LEN)
        pthread_cond_wait(&q->not_full, &q->mu);
    q->items[(q->head + q->n) % QUEUE_LEN] = *it;
    q->n++;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

static void queue_pop(struct queue *q, struct item *it)
{
    pthread_mutex_lock(&q->mu);
    while (q->n == 0)
        pthread_cond_wait(&q->not_empty, &q->mu);
    *it = q->items[q->head];
    q->head = (q->head + 1) % QUEUE_LEN;
    q->n--;
    pthread_cond_signal(&q->not_full);
    pthread_mutex_unlock(&q->mu);
}

struct reader {
    struct queue *q;
    char **files;
    size_t n;
};

static void push_failed(struct queue *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void push_failed(struct queue *q, const char *fmt, ...)
{
    char msg[1400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct item it = {.kind = ITEM_FAILED, .msg = strdup(msg)};
    queue_push(q, &it);
}

/* Extract the article of `it` (fields filled) and queue it, or queue the
 * failure. Takes over the buffers of `it`. */
static void push_article(struct queue *q, struct item *it, const char *where)
{
    struct article_input in = {.text = it->f.text, .len = it->f.len, .lang = it->f.lang, .title = it->f.title,
                               .date = it->f.date};
    enum extract_status xst = extract_article(&in, &it->x);
    if (xst != EXTRACT_OK) {
        push_failed(q, "%s: %s", where, extract_strerror(xst));
        json_decref(it->obj);
        free(it->buf);
        free(it->title);
        return;
    }
    db_content_hash(it->f.text, it->f.len, it->hash);
    it->kind = ITEM_ARTICLE;
    it->msg = strdup(where);
    queue_push(q, it);
}

/* Report the first of `p`'s problems as the failure of `where`; frees them. */
static void push_problem(struct queue *q, struct problems *p, const char *where)
{
    json_t *e = json_array_get(p->errors, 0);
    push_failed(q, "%s: %s %s", where, json_string_value(json_object_get(e, "param")),
                json_string_value(json_object_get(e, "reason")));
    json_decref(p->errors);
    p->errors = NULL;
}

static void read_object(struct queue *q, json_t *obj, const char *where)
{
    struct item it = {.obj = json_incref(obj)};
    struct problems p = {0};
    if (!article_from_json(obj, false, &it.f, &p)) {
        push_problem(q, &p, where);
        json_decref(obj);
        return;
    }
    push_article(q, &it, where);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void read_one_file(struct queue *q, const char *path)
{
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) {
        push_failed(q, "%s: cannot read", path);
        return;
    }
    char where[1100];
    if (ends_with(path, ".ndjson") || ends_with(path, ".jsonl")) {
        int line = 0;
        for (char *p = buf, *nl; p && *p; p = nl ? nl + 1 : NULL) {
            nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            line++;
            if (strspn(p, " \t\r") >= n)
                continue;
            snprintf(where, sizeof where, "%s:%d", path, line);
            json_error_t jerr;
            json_t *obj = json_loadb(p, n, 0, &jerr);
            if (!obj) {
                push_failed(q, "%s: invalid JSON: %s", where, jerr.text);
                continue;
            }
            read_object(q, obj, where);
            json_decref(obj);
        }
    } else if (ends_with(path, ".json")) {
        json_error_t jerr;
        json_t *root = json_loadb(buf, len, 0, &jerr);
        if (!root) {
            push_failed(q, "%s: invalid JSON (line %d): %s", path, jerr.line, jerr.text);
        } else if (json_is_array(root)) {
            size_t i;
            json_t *obj;
            json_array_foreach(root, i, obj) {
                snprintf(where, sizeof where, "%s[%zu]", path, i);
                read_object(q, obj, where);
            }
        } else {
            read_object(q, root, path);
        }
        json_decref(root);
    } else {
        /* plain text: the first line is the title when it is short */
        struct item it = {.buf = buf, .f = {.text = buf, .len = len}};
        char *nl = strchr(buf, '\n');
        if (nl && nl - buf > 0 && nl - buf < 300) {
            it.title = strndup(buf, (size_t)(nl - buf));
            it.f.title = it.title;
        }
        struct problems p = {0};
        if (!article_fields_check(&it.f, &p)) {
            push_problem(q, &p, path);
            free(it.title);
            free(buf);
            return;
        }
        push_article(q, &it, path);
        return;
    }
    free(buf);
}

static void *reader_main(void *arg)
{
    struct reader *rd = arg;
    for (size_t i = 0; i < rd->n; i++) {
        read_one_file(rd->q, rd->files[i]);
        struct item done = {.kind = ITEM_FILE_DONE};
        queue_push(rd->q, &done);
    }
    struct item end = {.kind = ITEM_END};
    queue_push(rd->q, &end);
    return NULL;
}

/* ---- the main thread: store ------------------------------------------- */

static void store(struct db *db, struct item *it, struct import_stats *s)
{
    struct db_article_in a = {.url = it->f.url, .title = it->f.title, .lang = extract_lang_name(it->x.lang),
                              .published_at = it->f.date, .source = it->f.source, .text = it->f.text,
                              .len = it->f.len, .content_hash = it->hash};
    int64_t id;
    bool existed = false;
    enum db_status st = db_article_insert(db, &a, &it->x, &id, &existed);
    if (st != DB_OK) {
        fprintf(stderr, "%s%s: cannot store: %s\n", s->tty ? "\n" : "", it->msg, db_errmsg(db));
        s->failed++;
    } else if (existed) {
        s->duplicates++;
    } else {
        s->inserted++;
        if (++s->pending >= IMPORT_BATCH)
            batch_flush(db, s, true);
    }
}

/* Store what the reader queues until its end; progress by file. */
static void store_all(struct db *db, struct queue *q, char **files, struct import_stats *s)
{
    if (s->total)
        progress(s, files[0]);
    for (;;) {
        struct item it;
        queue_pop(q, &it);
        switch (it.kind) {
        case ITEM_END:
            return;
        case ITEM_FILE_DONE:
            s->done++;
            progress(s, s->done < s->total ? files[s->done] : "");
            break;
        case ITEM_FAILED:
            fprintf(stderr, "%s%s\n", s->tty ? "\n" : "", it.msg ? it.msg : "out of memory");
            s->failed++;
            break;
        case ITEM_ARTICLE:
            store(db, &it, s);
            extraction_free(&it.x);
            json_decref(it.obj);
            free(it.buf);
            free(it.title);
            break;
        }
        free(it.msg);
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append the importable files of `path` (a file, or a directory's files in
 * name order) to *list. */
static void collect(const char *path, char ***list, size_t *n, size_t *cap)
{
    struct stat stt;
    if (stat(path, &stt) != 0) {
        fprintf(stderr, "quoted import: %s: no such file or directory\n", path);
        return;
    }
    if (S_ISDIR(stt.st_mode)) {
        DIR *d = opendir(path);
        if (!d)
            return;
        char **names = NULL;
        size_t nn = 0, nc = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            if (!ends_with(e->d_name, ".json") && !ends_with(e->d_name, ".ndjson") &&
                !ends_with(e->d_name, ".jsonl") && !ends_with(e->d_name, ".txt"))
                continue;
            if (nn == nc) {
                nc = nc ? nc * 2 : 16;
                names = realloc(names, nc * sizeof *names);
            }
            size_t len = strlen(path) + strlen(e->d_name) + 2;
            names[nn] = malloc(len);
            snprintf(names[nn++], len, "%s/%s", path, e->d_name);
        }
        closedir(d);
        qsort(names, nn, sizeof *names, cmp_str);
        for (size_t i = 0; i < nn; i++) {
            if (*n == *cap) {
                *cap = *cap ? *cap * 2 : 16;
                *list = realloc(*list, *cap * sizeof **list);
            }
            (*list)[(*n)++] = names[i];
        }
        free(names);
        return;
    }
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *list = realloc(*list, *cap * sizeof **list);
    }
    (*list)[(*n)++] = strdup(path);
}

int cli_import(int argc, char **argv)
{
    const char *db_path = getenv("QUOTED_DB") && *getenv("QUOTED_DB") ? getenv("QUOTED_DB") : "quoted.db";
    char **files = NULL;
    size_t n = 0, cap = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--db") && i + 1 < argc) {
            db_path = argv[++i];
            continue;
        }
        if (!strcmp(argv[i], "--help")) {
            puts("usage: quoted import [--db PATH] FILE|DIR ...");
            return 0;
        }
        collect(argv[i], &files, &n, &cap);
    }
    if (n == 0) {
        fputs("usage: quoted import [--db PATH] FILE|DIR ...  (no article files found)\n", stderr);
        free(files);
        return 2;
    }
    struct db *db = NULL;
    char err[512];
    if (db_open(db_path, DB_WRITE, &db, err, sizeof err) != DB_OK) {
        fprintf(stderr, "quoted import: %s\n", err);
        for (size_t i = 0; i < n; i++)
            free(files[i]);
        free(files);
        return 1;
    }
    struct import_stats s = {.total = (int)n, .tty = isatty(STDERR_FILENO)};
    uint64_t t0 = now_us();
    size_t nfiles = n;
    if (db_batch_begin(db) != DB_OK) {
        fprintf(stderr, "quoted import: cannot start a transaction: %s\n", db_errmsg(db));
        s.failed++;
        n = 0;
    }
    if (n) {
        struct queue q = {.mu = PTHREAD_MUTEX_INITIALIZER, .not_empty = PTHREAD_COND_INITIALIZER,
                          .not_full = PTHREAD_COND_INITIALIZER};
        struct reader rd = {.q = &q, .files = files, .n = n};
        pthread_t th;
        if (pthread_create(&th, NULL, reader_main, &rd) != 0) {
            fputs("quoted import: cannot start a thread\n", stderr);
            s.failed++;
        } else {
            store_all(db, &q, files, &s);
            pthread_join(th, NULL);
        }
        batch_flush(db, &s, false);
    }
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    progress(&s, "");
    free(files);
    db_close(db);
    double secs = (double)(now_us() - t0) / 1e6;
    fprintf(stderr, "%simported %d articles (%d duplicates, %d failed) into %s in %.2f s\n", s.tty ? "\n" : "",
            s.inserted, s.duplicates, s.failed, db_path, secs);
    return s.failed ? 1 : 0;
}
