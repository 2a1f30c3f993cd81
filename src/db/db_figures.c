/* db_figures.c — the figure list across articles: filters on unit (folded),
 * value bounds, article, language, dates and words (figures_fts), four
 * orders, each paged by a keyset cursor that an index walks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "utf8.h"

#define FIGURE_COLS                                                                      \
    "f.id, f.text, f.value, f.unit, f.approx, f.start, f.\"end\", coalesce(f.sentence, ''),"  \
    " a.id, a.title, a.url, a.published_at, f.date_key"

static json_t *figure_item(sqlite3_stmt *st)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(sqlite3_column_int64(st, 0)));
    json_object_set_new(o, "text", col_json_text(st, 1));
    json_object_set_new(o, "value", json_real(sqlite3_column_double(st, 2)));
    json_object_set_new(o, "unit", col_json_text(st, 3));
    json_object_set_new(o, "approx", json_boolean(sqlite3_column_int(st, 4)));
    json_object_set_new(o, "start", json_integer(sqlite3_column_int64(st, 5)));
    json_object_set_new(o, "end", json_integer(sqlite3_column_int64(st, 6)));
    json_object_set_new(o, "sentence", col_json_text(st, 7));
    json_object_set_new(o, "article", json_pack("{s:I, s:o, s:o, s:o}",
        "id", (json_int_t)sqlite3_column_int64(st, 8), "title", col_json_text(st, 9),
        "url", col_json_text(st, 10), "published_at", col_json_text(st, 11)));
    return o;
}

/* FROM and WHERE of a figure query for f, appended to b. `unit` (folded)
 * and `fq` (FTS query) are borrowed and must outlive the statement. */
static void figures_from_where(struct sqlbuf *b, const struct db_figure_filter *f, const char *unit,
                               const char *fq, int *rc)
{
    sb_add(b, " FROM figures f JOIN articles a ON a.id = f.article_id WHERE 1", rc);
    if (unit) {
        sb_add(b, " AND f.unit_folded = ", rc);
        sb_text(b, unit, rc);
    }
    if (f->has_min) {
        sb_add(b, " AND f.value >= ", rc);
        sb_f64(b, f->min, rc);
    }
    if (f->has_max) {
        sb_add(b, " AND f.value <= ", rc);
        sb_f64(b, f->max, rc);
    }
    if (f->article_id) {
        sb_add(b, " AND f.article_id = ", rc);
        sb_i64(b, f->article_id, rc);
    }
    sb_article_dates(b, f->lang, f->from, f->to, rc);
    if (fq) {
        sb_add(b, " AND f.id IN (SELECT rowid FROM figures_fts WHERE figures_fts MATCH ", rc);
        sb_text(b, fq, rc);
        sb_add(b, ")", rc);
    }
}

static bool filter_ok(const struct db_figure_filter *f)
{
    return (!f->from || iso_date_ok(f->from)) && (!f->to || iso_date_ok(f->to)) &&
           (!f->lang || !strcmp(f->lang, "fr") || !strcmp(f->lang, "en")) && f->article_id >= 0 &&
           f->sort >= FIGURES_BY_DATE_DESC && f->sort <= FIGURES_BY_VALUE_ASC &&
           (!f->has_min || isfinite(f->min)) && (!f->has_max || isfinite(f->max));
}

/* The cursor key of a value: "%.17g" reads back to the same double. */
static bool value_key_parse(const char *key, double *v)
{
    char *end;
    *v = strtod(key, &end);
    return *key && !*end && isfinite(*v);
}

enum db_status db_figures_list(struct db *r, const struct db_figure_filter *f,
                               const struct db_page *p, struct db_list *out)
{
    static const struct db_figure_filter none = {0};
    static const char *const tags[] = {"fd", "fa", "fv", "fw"};
    int rc = 0;
    memset(out, 0, sizeof *out);
    r->err[0] = '\0';
    if (!f)
        f = &none;
    if (!p || p->limit < 1 || p->limit > 100 || !filter_ok(f)) {
        db_fail(r, &rc, RC_EINVAL, "bad limit or filter value");
        return DB_EINVAL;
    }
    const char *tag = tags[f->sort];
    bool by_value = f->sort == FIGURES_BY_VALUE_DESC || f->sort == FIGURES_BY_VALUE_ASC;
    bool desc = f->sort == FIGURES_BY_DATE_DESC || f->sort == FIGURES_BY_VALUE_DESC;
    char *key = NULL;
    int64_t cid = 0;
    double cval = 0;
    if (p->cursor && (!cursor_parse(p->cursor, tag, &key, &cid) || (by_value && !value_key_parse(key, &cval)))) {
        free(key);
        db_fail(r, &rc, RC_EINVAL, "bad cursor");
        return DB_EINVAL;
    }
    char *unit = f->unit ? utf8_fold(f->unit, strlen(f->unit)) : NULL;
    char *fq = f->q ? fts_query(f->q) : NULL;
    out->items = json_array();
    if ((f->unit && !unit) || (f->q && !fq) || !out->items)
        db_fail(r, &rc, SQLITE_NOMEM, "out of memory");
    /* a query with no word in it matches nothing */
    bool empty = fq && !*fq;

    struct sqlbuf cnt = {0}, lst = {0};
    sb_add(&cnt, "SELECT count(*)", &rc);
    figures_from_where(&cnt, f, unit, fq, &rc);
    sb_add(&lst, "SELECT " FIGURE_COLS, &rc);
    figures_from_where(&lst, f, unit, fq, &rc);
    if (p->cursor) {
        /* a row value: SQLite walks figures_date or figures_value from there */
        sb_add(&lst, by_value ? " AND (f.value, f.id) " : " AND (f.date_key, f.id) ", &rc);
        sb_add(&lst, desc ? "< (" : "> (", &rc);
        if (by_value)
            sb_f64(&lst, cval, &rc);
        else
            sb_text(&lst, key, &rc);
        sb_add(&lst, ", ", &rc);
        sb_i64(&lst, cid, &rc);
        sb_add(&lst, ")", &rc);
    }
    switch (f->sort) {
    case FIGURES_BY_DATE_DESC: sb_add(&lst, " ORDER BY f.date_key DESC, f.id DESC", &rc); break;
    case FIGURES_BY_DATE_ASC: sb_add(&lst, " ORDER BY f.date_key ASC, f.id ASC", &rc); break;
    case FIGURES_BY_VALUE_DESC: sb_add(&lst, " ORDER BY f.value DESC, f.id DESC", &rc); break;
    case FIGURES_BY_VALUE_ASC: sb_add(&lst, " ORDER BY f.value ASC, f.id ASC", &rc); break;
    }
    sb_add(&lst, " LIMIT ", &rc);
    sb_i64(&lst, p->limit + 1, &rc);

    if (!empty && !rc) {
        out->total = sb_count(r, &cnt, &rc);

        sqlite3_stmt *st = db_stmt(r, lst.sql, &rc);
        sb_bind(r, st, &lst, &rc);
        int n = 0;
        int64_t last = 0;
        char *last_key = NULL;
        while (db_step(r, st, &rc)) {
            if (n == p->limit) {
                out->next_cursor = cursor_make(tag, last_key ? last_key : "", last);
                if (!out->next_cursor)
                    db_fail(r, &rc, SQLITE_NOMEM, "out of memory");
                break;
            }
            last = sqlite3_column_int64(st, 0);
            free(last_key);
            if (by_value) {
                char num[40];
                snprintf(num, sizeof num, "%.17g", sqlite3_column_double(st, 2));
                last_key = strdup(num);
            } else {
                last_key = col_strdup(st, 12);
            }
            json_array_append_new(out->items, figure_item(st));
            n++;
        }
        free(last_key);
        db_done(st);
    }
    free(key);
    free(unit);
    free(fq);
    sb_free(&cnt);
    sb_free(&lst);
    if (rc)
        db_list_free(out);
    return db_status_of(r, rc);
}
