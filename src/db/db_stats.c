/* db_stats.c — numbers about the collection: totals, the most quoted
 * speakers, quotes per month, per language and figures per unit (db_stats),
 * and quotes per day, week or month under the quote filters
 * (db_quotes_timeline). Everything is aggregated in SQL; with no filter the
 * totals and the top speakers read the counts triggers keep on actors. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

/* Run `pre` + the conditions of f + `post` and call `row` on each row
 * (with `acc`). Nothing once *rc is set. */
static void stats_query(struct db *r, const struct db_stats_filter *f, const char *pre, const char *post,
                        void (*row)(sqlite3_stmt *st, json_t *acc), json_t *acc, int *rc)
{
    struct sqlbuf b = {0};
    sb_add(&b, pre, rc);
    sb_article_dates(&b, f->lang, f->from, f->to, rc);
    sb_add(&b, post, rc);
    sqlite3_stmt *st = db_stmt(r, b.sql, rc);
    sb_bind(r, st, &b, rc);
    while (db_step(r, st, rc))
        row(st, acc);
    db_done(st);
    sb_free(&b);
}

/* ---- row builders: each appends to or sets into acc ----------------------- */

static void row_totals(sqlite3_stmt *st, json_t *acc)
{
    static const char *const keys[] = {"articles", "quotes", "actors", "speakers", "figures"};
    for (int i = 0; i < 5; i++)
        json_object_set_new(acc, keys[i], json_integer(sqlite3_column_int64(st, i)));
}

static void row_speaker(sqlite3_stmt *st, json_t *acc)
{
    json_array_append_new(acc, json_pack("{s:I, s:o, s:I}", "id", (json_int_t)sqlite3_column_int64(st, 0),
                                         "name", col_json_text(st, 1),
                                         "quotes", (json_int_t)sqlite3_column_int64(st, 2)));
}

static void row_month(sqlite3_stmt *st, json_t *acc)
{
    json_array_append_new(acc, json_pack("{s:o, s:I}", "month", col_json_text(st, 0),
                                         "quotes", (json_int_t)sqlite3_column_int64(st, 1)));
}

static void row_lang(sqlite3_stmt *st, json_t *acc)
{
    json_array_append_new(acc, json_pack("{s:o, s:I, s:I}", "lang", col_json_text(st, 0),
                                         "articles", (json_int_t)sqlite3_column_int64(st, 1),
                                         "quotes", (json_int_t)sqlite3_column_int64(st, 2)));
}

static void row_unit(sqlite3_stmt *st, json_t *acc)
{
    json_array_append_new(acc, json_pack("{s:o, s:I}", "unit", col_json_text(st, 0),
                                         "figures", (json_int_t)sqlite3_column_int64(st, 1)));
}

/* The totals of the articles under f: one statement of five counts, each
 * repeating the conditions of f. */
static void totals_filtered(struct db *r, const struct db_stats_filter *f, json_t *totals, int *rc)
{
    static const char *const parts[] = {
        "SELECT (SELECT count(*) FROM articles a WHERE 1",
        "), (SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1",
        "), (SELECT count(DISTINCT m.actor_id) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE 1",
        "), (SELECT count(DISTINCT q.speaker_id) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1",
        "), (SELECT count(*) FROM figures g JOIN articles a ON a.id = g.article_id WHERE 1",
    };
    struct sqlbuf b = {0};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        sb_add(&b, parts[i], rc);
        sb_article_dates(&b, f->lang, f->from, f->to, rc);
    }
    sb_add(&b, ")", rc);
    sqlite3_stmt *st = db_stmt(r, b.sql, rc);
    sb_bind(r, st, &b, rc);
    if (db_step(r, st, rc))
        row_totals(st, totals);
    db_done(st);
    sb_free(&b);
}

/* A published_at that names a month at least: YYYY-MM... */
#define HAS_MONTH(x) x " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"

enum db_status db_stats(struct db *r, const struct db_stats_filter *f, json_t **out)
{
    static const struct db_stats_filter none = {0};
    int rc = 0;
    *out = NULL;
    r->err[0] = '\0';
    if (!f)
        f = &none;
    if ((f->from && !iso_date_ok(f->from)) || (f->to && !iso_date_ok(f->to)) ||
        (f->lang && strcmp(f->lang, "fr") && strcmp(f->lang, "en"))) {
        db_fail(r, &rc, RC_EINVAL, "bad date or lang");
        return DB_EINVAL;
    }
    bool all = !f->lang && !f->from && !f->to;
    json_t *totals = json_object(), *top = json_array(), *months = json_array(), *langs = json_array(),
           *units = json_array();
    json_t *o = json_pack("{s:o, s:o, s:o, s:o, s:o}", "totals", totals, "top_speakers", top,
                          "quotes_per_month", months, "per_language", langs, "figures_per_unit", units);
    if (!o)
        db_fail(r, &rc, SQLITE_NOMEM, "out of memory");

    if (all) {
        stats_query(r, f,
                    "SELECT (SELECT count(*) FROM articles), (SELECT n FROM counts WHERE name = 'quotes'),"
                    " (SELECT count(*) FROM actors), (SELECT count(*) FROM actors WHERE n_quotes > 0),"
                    " (SELECT count(*) FROM figures)", "", row_totals, totals, &rc);
        /* walks the index actors_rank */
        stats_query(r, f, "SELECT id, name, n_quotes FROM actors WHERE n_quotes > 0",
                    " ORDER BY n_quotes DESC, n_mentions DESC, id LIMIT 10", row_speaker, top, &rc);
    } else {
        totals_filtered(r, f, totals, &rc);
        stats_query(r, f,
                    "SELECT s.id, s.name, count(*) AS c FROM quotes q JOIN articles a ON a.id = q.article_id"
                    " JOIN actors s ON s.id = q.speaker_id WHERE 1",
                    " GROUP BY s.id ORDER BY c DESC, s.n_mentions DESC, s.id LIMIT 10", row_speaker, top, &rc);
    }
    stats_query(r, f,
                all ? "SELECT substr(q.date_key, 1, 7) AS m, count(*) FROM quotes q WHERE " HAS_MONTH("q.date_key")
                    : "SELECT substr(q.date_key, 1, 7) AS m, count(*) FROM quotes q"
                      " JOIN articles a ON a.id = q.article_id WHERE " HAS_MONTH("q.date_key"),
                " GROUP BY m ORDER BY m", row_month, months, &rc);
    stats_query(r, f,
                "SELECT a.lang, count(*) AS n, sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.id))"
                " FROM articles a WHERE 1",
                " GROUP BY a.lang ORDER BY n DESC, a.lang", row_lang, langs, &rc);
    /* a unit written in several ways is named by its greatest form, in
     * practice the lower-case one ("euros" over "Euros") */
    stats_query(r, f,
                all ? "SELECT max(g.unit), count(*) AS n FROM figures g WHERE g.unit_folded <> ''"
                    : "SELECT max(g.unit), count(*) AS n FROM figures g JOIN articles a ON a.id = g.article_id"
                      " WHERE g.unit_folded <> ''",
                " GROUP BY g.unit_folded ORDER BY n DESC, g.unit_folded LIMIT 20", row_unit, units, &rc);
    if (rc) {
        json_decref(o);
        return db_status_of(r, rc);
    }
    *out = o;
    return DB_OK;
}

/* ---- timeline -------------------------------------------------------------- */

/* A published_at that names a day: YYYY-MM-DD... */
#define HAS_DAY(x) x " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
/* The Thursday of the ISO 8601 week of the day x: its year is the week's. */
#define THURSDAY(x) "substr(" x ", 1, 10), '-3 days', 'weekday 4'"

enum db_status db_quotes_timeline(struct db *r, const struct db_quote_filter *f, enum db_interval interval,
                                  json_t **out)
{
    static const struct db_quote_filter none = {0};
    static const char *const names[] = {"month", "week", "day"};
    static const char *const periods[] = {
        "substr(q.date_key, 1, 7)",
        "strftime('%Y', " THURSDAY("q.date_key") ") || '-W' ||"
        " printf('%02d', (CAST(strftime('%j', " THURSDAY("q.date_key") ") AS INTEGER) - 1) / 7 + 1)",
        "substr(q.date_key, 1, 10)",
    };
    static const char *const dated[] = {
        " AND " HAS_MONTH("q.date_key"),
        " AND " HAS_DAY("q.date_key"),
        " AND " HAS_DAY("q.date_key"),
    };
    int rc = 0;
    *out = NULL;
    r->err[0] = '\0';
    if (!f)
        f = &none;
    if (interval < DB_BY_MONTH || interval > DB_BY_DAY) {
        db_fail(r, &rc, RC_EINVAL, "bad interval");
        return DB_EINVAL;
    }
    struct db_quote_filter qf = *f;
    qf.sort = QUOTES_BY_ID;
    struct quote_query qq;
    quote_query_init(r, &qf, &qq, &rc);
    json_t *buckets = json_array();
    json_t *o = json_pack("{s:s, s:o}", "interval", names[interval], "buckets", buckets);
    if (!o)
        db_fail(r, &rc, SQLITE_NOMEM, "out of memory");

    struct sqlbuf b = {0};
    sb_add(&b, "SELECT ", &rc);
    sb_add(&b, periods[interval], &rc);
    sb_add(&b, " AS period, count(*)", &rc);
    quotes_from_where(&b, &qf, &qq, &rc);
    sb_add(&b, dated[interval], &rc);
    sb_add(&b, " GROUP BY period HAVING period IS NOT NULL ORDER BY period", &rc);
    if (!qq.empty && !rc) {
        sqlite3_stmt *st = db_stmt(r, b.sql, &rc);
        sb_bind(r, st, &b, &rc);
        while (db_step(r, st, &rc))
            json_array_append_new(buckets, json_pack("{s:o, s:I}", "period", col_json_text(st, 0),
                                                     "quotes", (json_int_t)sqlite3_column_int64(st, 1)));
        db_done(st);
    }
    quote_query_free(&qq);
    sb_free(&b);
    if (rc) {
        json_decref(o);
        return db_status_of(r, rc);
    }
    *out = o;
    return DB_OK;
}
