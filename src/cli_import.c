/* cli_import.c — `quoted import [--db PATH] FILE|DIR ...`: loads articles
 * into a database without a server. A .json file holds one article object
 * (or an array of them), a .ndjson/.jsonl file one per line, a .txt file one
 * plain-text article whose first line is its title; a directory is read
 * file by file in name order. Fields other than text, lang, title, url,
 * date and source are ignored, so annotated corpus files import as they
 * are. Prints a progress bar on a terminal and one summary line. */
#include <dirent.h>
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

static void store(struct db *db, const struct article_fields *f, struct import_stats *s, const char *where)
{
    struct article_input in = {.text = f->text, .len = f->len, .lang = f->lang, .title = f->title, .date = f->date};
    struct extraction x;
    enum extract_status xst = extract_article(&in, &x);
    if (xst != EXTRACT_OK) {
        fprintf(stderr, "%s%s: %s\n", s->tty ? "\n" : "", where, extract_strerror(xst));
        s->failed++;
        return;
    }
    struct db_article_in a = {.url = f->url, .title = f->title, .lang = extract_lang_name(x.lang),
                              .published_at = f->date, .source = f->source, .text = f->text, .len = f->len};
    int64_t id;
    bool existed = false;
    enum db_status st = db_article_insert(db, &a, &x, &id, &existed);
    extraction_free(&x);
    if (st != DB_OK) {
        fprintf(stderr, "%s%s: cannot store: %s\n", s->tty ? "\n" : "", where, db_errmsg(db));
        s->failed++;
    } else if (existed) {
        s->duplicates++;
    } else {
        s->inserted++;
        if (++s->pending >= IMPORT_BATCH)
            batch_flush(db, s, true);
    }
}

static void import_object(struct db *db, json_t *obj, struct import_stats *s, const char *where)
{
    struct article_fields f;
    struct problems p = {0};
    if (!article_from_json(obj, false, &f, &p)) {
        json_t *e = json_array_get(p.errors, 0);
        fprintf(stderr, "%s%s: %s %s\n", s->tty ? "\n" : "", where, json_string_value(json_object_get(e, "param")),
                json_string_value(json_object_get(e, "reason")));
        json_decref(p.errors);
        s->failed++;
        return;
    }
    store(db, &f, s, where);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void import_file(struct db *db, const char *path, struct import_stats *s)
{
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) {
        fprintf(stderr, "%s%s: cannot read\n", s->tty ? "\n" : "", path);
        s->failed++;
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
                fprintf(stderr, "%s%s: invalid JSON: %s\n", s->tty ? "\n" : "", where, jerr.text);
                s->failed++;
                continue;
            }
            import_object(db, obj, s, where);
            json_decref(obj);
        }
    } else if (ends_with(path, ".json")) {
        json_error_t jerr;
        json_t *root = json_loadb(buf, len, 0, &jerr);
        if (!root) {
            fprintf(stderr, "%s%s: invalid JSON (line %d): %s\n", s->tty ? "\n" : "", path, jerr.line, jerr.text);
            s->failed++;
        } else if (json_is_array(root)) {
            size_t i;
            json_t *obj;
            json_array_foreach(root, i, obj) {
                snprintf(where, sizeof where, "%s[%zu]", path, i);
                import_object(db, obj, s, where);
            }
        } else {
            import_object(db, root, s, path);
        }
        json_decref(root);
    } else {
        /* plain text: the first line is the title when it is short */
        struct article_fields f = {.text = buf, .len = len};
        char *nl = strchr(buf, '\n');
        char title[300] = "";
        if (nl && nl - buf > 0 && nl - buf < (long)sizeof title) {
            memcpy(title, buf, (size_t)(nl - buf));
            title[nl - buf] = '\0';
            f.title = title;
        }
        store(db, &f, s, path);
    }
    free(buf);
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
    for (size_t i = 0; i < n; i++) {
        progress(&s, files[i]);
        import_file(db, files[i], &s);
        s.done++;
    }
    if (n)
        batch_flush(db, &s, false);
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
