/* test_stats.c — the figure list, the statistics and the quote timeline of
 * the storage layer, against a temporary database file: filters, the four
 * orders with their cursors, totals and rankings with and without filters,
 * ISO weeks across a year's end, migration 2 filling in figures stored
 * before it, migration 4 (full-text rows written at commit), migration 6
 * (full-text tables without token counts) and migration 7 (counters kept by
 * the insert). */
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/db_internal.h"
#include "test.h"
#include "db_fixture.h"

/* ---- fixtures ------------------------------------------------------------ */


struct fig {
    const char *text;
    double value;
    const char *unit;
    const char *sentence;
};

/* Store an article in `lang` dated `date` (NULL: none) with the figures
 * `figs` and, when `speaker` is given, n_said quotes of that person. Each
 * call stores a new text. Returns the article id, or -1. */
static int64_t store(struct db *w, const char *lang, const char *date, const char *speaker,
                     const char *const *said, size_t n_said, const struct fig *figs, size_t n_figs)
{
    static int serial;
    char body[256];
    snprintf(body, sizeof body, "Article %d, dated %s.", ++serial, date ? date : "never");
    struct actor actor = {.name = (char *)speaker, .type = ACTOR_PERSON, .n_mentions = 1};
    struct quote quotes[4] = {{{0, 0}, NULL, QUOTE_DIRECT, 0, NULL, 1, 0.9}};
    struct figure figures[8];
    struct extraction x = {.lang = !strcmp(lang, "en") ? LANG_EN : LANG_FR};
    if (speaker) {
        x.actors = &actor;
        x.n_actors = 1;
        for (size_t i = 0; i < n_said && i < 4; i++)
            quotes[i] = (struct quote){{0, strlen(said[i])}, (char *)said[i], QUOTE_DIRECT, 0, NULL, 1, 0.9};
        x.quotes = quotes;
        x.n_quotes = n_said;
    }
    for (size_t i = 0; i < n_figs && i < 8; i++)
        figures[i] = (struct figure){{i, i + 1}, (char *)figs[i].text, figs[i].value, (char *)figs[i].unit,
                                     i % 2 == 1, (char *)figs[i].sentence};
    x.figures = figures;
    x.n_figures = n_figs;
    struct db_article_in a = {.lang = lang, .title = "Titre", .published_at = date, .text = body,
                              .len = strlen(body)};
    int64_t id = 0;
    bool existed = false;
    if (db_article_insert(w, &a, &x, &id, &existed) != DB_OK || existed)
        return -1;
    return id;
}

/* The collection most tests read:
 *   a1 fr 2026-01-15T10:00:00Z  Sophie Marchand x2  120 écoles, 42000000 euros
 *   a2 en 2026-02-10            Mary Stone x1       5000 trees, 2000000 pounds, 15 Euros
 *   a3 fr (no date)             -                   30 Écoles, 3 (no unit)
 *   a4 fr 2027-01-01            Sophie Marchand x1  7 %, 15 % */
static int64_t a1, a2, a3, a4;

static struct db *collection(void)
{
    struct db *w = fresh_db();
    static const char *const sophie[] = {"Chaque école sera chauffée", "Nous tiendrons le budget"};
    static const char *const mary[] = {"Every street deserves shade"};
    static const char *const sophie2[] = {"Une nouvelle année commence"};
    const struct fig f1[] = {{"120 écoles", 120, "écoles", "Environ 120 écoles sont concernées."},
                             {"42 millions d'euros", 42e6, "euros", "Un budget de 42 millions d'euros."}};
    const struct fig f2[] = {{"5,000 trees", 5000, "trees", "Leeds will plant 5,000 trees."},
                             {"2 million pounds", 2e6, "pounds", "It costs 2 million pounds."},
                             {"15 Euros", 15, "Euros", "A ticket costs 15 Euros."}};
    const struct fig f3[] = {{"30 Écoles", 30, "Écoles", "Trente Écoles ferment à Nîmes."},
                             {"3", 3, "", "Il en reste 3."}};
    const struct fig f4[] = {{"7 %", 7, "%", "Une hausse de 7 %."}, {"15 %", 15, "%", "Puis de 15 %."}};
    a1 = store(w, "fr", "2026-01-15T10:00:00Z", "Sophie Marchand", sophie, 2, f1, 2);
    a2 = store(w, "en", "2026-02-10", "Mary Stone", mary, 1, f2, 3);
    a3 = store(w, "fr", NULL, NULL, NULL, 0, f3, 2);
    a4 = store(w, "fr", "2027-01-01", "Sophie Marchand", sophie2, 1, f4, 2);
    CHECK(a1 > 0 && a2 > 0 && a3 > 0 && a4 > 0);
    return w;
}

/* Total of the figure list under f (first page of 100), or -1. */
static int64_t count_figures(struct db *r, const struct db_figure_filter *f)
{
    struct db_list l;
    struct db_page p = {.limit = 100};
    if (db_figures_list(r, f, &p, &l) != DB_OK)
        return -1;
    int64_t n = l.total;
    if ((int64_t)json_array_size(l.items) != n)
        n = -2;
    db_list_free(&l);
    return n;
}

/* ---- figures --------------------------------------------------------------- */

TEST(test_figures_filters)
{
    struct db *w = collection();
    struct db *r = reader();
    CHECK_INT(count_figures(r, NULL), 9);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.unit = "ecoles"}), 2);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.unit = "ÉCOLES"}), 2);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.unit = "EUROS"}), 2);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.unit = "euro"}), 0);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.has_min = true, .min = 100}), 4);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.has_max = true, .max = 15}), 4);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.has_min = true, .min = 15, .has_max = true, .max = 15}), 2);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.has_min = true, .min = 10, .has_max = true, .max = 1}), 0);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.unit = "%", .has_min = true, .min = 10}), 1);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.article_id = a2}), 3);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "nimes"}), 1);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "BUDGET"}), 1);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "trees OR pounds"}), 2);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "!!!"}), 0);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.lang = "en"}), 3);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.from = "2026-02"}), 5);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.to = "2026-01-15"}), 2);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.lang = "fr", .to = "2026-12"}), 2);

    /* an item: the figure, its sentence and its article */
    struct db_list l;
    struct db_page p = {.limit = 1};
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.q = "budget"}, &p, &l), DB_OK);
    json_t *it = json_array_get(l.items, 0);
    CHECK_STR(json_string_value(json_object_get(it, "text")), "42 millions d'euros");
    CHECK_NEAR(json_real_value(json_object_get(it, "value")), 42e6);
    CHECK_STR(json_string_value(json_object_get(it, "unit")), "euros");
    CHECK(json_is_true(json_object_get(it, "approx")));
    CHECK_INT(json_integer_value(json_object_get(it, "start")), 1);
    CHECK_INT(json_integer_value(json_object_get(it, "end")), 2);
    CHECK_STR(json_string_value(json_object_get(it, "sentence")), "Un budget de 42 millions d'euros.");
    json_t *art = json_object_get(it, "article");
    CHECK_INT(json_integer_value(json_object_get(art, "id")), a1);
    CHECK_STR(json_string_value(json_object_get(art, "title")), "Titre");
    CHECK(json_is_null(json_object_get(art, "url")));
    CHECK_STR(json_string_value(json_object_get(art, "published_at")), "2026-01-15T10:00:00Z");
    CHECK(l.next_cursor == NULL);
    db_list_free(&l);

    /* values the database refuses */
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.lang = "de"}, &p, &l), DB_EINVAL);
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.from = "soon"}, &p, &l), DB_EINVAL);
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.has_min = true, .min = NAN}, &p, &l), DB_EINVAL);
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.sort = (enum db_figure_sort)9}, &p, &l), DB_EINVAL);
    CHECK_INT(db_figures_list(r, NULL, &(struct db_page){.limit = 0}, &l), DB_EINVAL);
    /* deleting an article takes its figures out of the list and the search */
    CHECK_INT(db_article_delete(w, a3), DB_OK);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "nimes"}), 0);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.unit = "ecoles"}), 1);
    db_close(r);
    drop_db(w);
}

/* Walk every page of the list in `sort` (2 a page); the ids in order into
 * ids (at most cap); returns how many, -1 on an error. */
static int walk(struct db *r, enum db_figure_sort sort, int64_t *ids, int cap)
{
    struct db_figure_filter f = {.sort = sort};
    char *cursor = NULL;
    int n = 0;
    for (int pages = 0; pages < 20; pages++) {
        struct db_list l;
        struct db_page p = {.limit = 2, .cursor = cursor};
        enum db_status st = db_figures_list(r, &f, &p, &l);
        free(cursor);
        cursor = NULL;
        if (st != DB_OK)
            return -1;
        size_t i;
        json_t *it;
        json_array_foreach(l.items, i, it) {
            if (n < cap)
                ids[n] = json_integer_value(json_object_get(it, "id"));
            n++;
        }
        cursor = l.next_cursor;
        l.next_cursor = NULL;
        db_list_free(&l);
        if (!cursor)
            break;
    }
    free(cursor);
    return n;
}

/* The id of the figure with `text`. */
static int64_t fig_id(struct db *r, const char *text)
{
    struct db_list l;
    struct db_page p = {.limit = 100};
    int64_t id = 0;
    if (db_figures_list(r, NULL, &p, &l) != DB_OK)
        return 0;
    size_t i;
    json_t *it;
    json_array_foreach(l.items, i, it)
        if (!strcmp(json_string_value(json_object_get(it, "text")), text))
            id = json_integer_value(json_object_get(it, "id"));
    db_list_free(&l);
    return id;
}

TEST(test_figures_orders_and_cursors)
{
    struct db *w = collection();
    struct db *r = reader();
    static const char *const by_value[] = {"3", "7 %", "15 Euros", "15 %", "30 Écoles", "120 écoles",
                                           "5,000 trees", "2 million pounds", "42 millions d'euros"};
    /* -date: newest article first, ids descending within one; undated last */
    static const char *const by_date_desc[] = {"15 %", "7 %", "15 Euros", "2 million pounds", "5,000 trees",
                                               "42 millions d'euros", "120 écoles", "3", "30 Écoles"};
    int64_t want_value[9], want_date[9], got[16];
    for (int i = 0; i < 9; i++) {
        want_value[i] = fig_id(r, by_value[i]);
        want_date[i] = fig_id(r, by_date_desc[i]);
    }
    /* ties on value (15) go by id: "15 Euros" was stored first */
    CHECK(want_value[2] < want_value[3]);

    CHECK_INT(walk(r, FIGURES_BY_VALUE_ASC, got, 16), 9);
    for (int i = 0; i < 9; i++)
        CHECK_INT(got[i], want_value[i]);
    CHECK_INT(walk(r, FIGURES_BY_VALUE_DESC, got, 16), 9);
    for (int i = 0; i < 9; i++)
        CHECK_INT(got[i], want_value[8 - i]);
    CHECK_INT(walk(r, FIGURES_BY_DATE_DESC, got, 16), 9);
    for (int i = 0; i < 9; i++)
        CHECK_INT(got[i], want_date[i]);
    CHECK_INT(walk(r, FIGURES_BY_DATE_ASC, got, 16), 9);
    for (int i = 0; i < 9; i++)
        CHECK_INT(got[i], want_date[8 - i]);

    /* a cursor of another order, of another list, or forged is refused */
    struct db_list l;
    struct db_page p = {.limit = 2};
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.sort = FIGURES_BY_VALUE_ASC}, &p, &l), DB_OK);
    char *value_cursor = l.next_cursor;
    l.next_cursor = NULL;
    db_list_free(&l);
    CHECK(value_cursor != NULL);
    p.cursor = value_cursor;
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.sort = FIGURES_BY_DATE_DESC}, &p, &l), DB_EINVAL);
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.sort = FIGURES_BY_VALUE_DESC}, &p, &l), DB_EINVAL);
    CHECK_INT(db_quotes_list(r, NULL, &p, &l), DB_EINVAL);
    free(value_cursor);
    char *forged = cursor_make("fw", "abc", 3);
    p.cursor = forged;
    CHECK_INT(db_figures_list(r, &(struct db_figure_filter){.sort = FIGURES_BY_VALUE_ASC}, &p, &l), DB_EINVAL);
    free(forged);
    p.cursor = "garbage";
    CHECK_INT(db_figures_list(r, NULL, &p, &l), DB_EINVAL);
    db_close(r);
    drop_db(w);
}

/* ---- statistics -------------------------------------------------------------- */

static int64_t total(json_t *stats, const char *key)
{
    return json_integer_value(json_object_get(json_object_get(stats, "totals"), key));
}

/* The "a":n pairs of an array of objects as "a=n a=n", into buf. */
static const char *pairs(json_t *arr, const char *k, const char *v, char *buf, size_t cap)
{
    size_t i, n = 0;
    json_t *it;
    buf[0] = '\0';
    json_array_foreach(arr, i, it)
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s=%lld", i ? " " : "",
                              json_string_value(json_object_get(it, k)),
                              (long long)json_integer_value(json_object_get(it, v)));
    return buf;
}

TEST(test_stats_all)
{
    struct db *w = collection();
    struct db *r = reader();
    char buf[512];
    json_t *s = NULL;
    CHECK_INT(db_stats(r, NULL, &s), DB_OK);
    CHECK_INT(total(s, "articles"), 4);
    CHECK_INT(total(s, "quotes"), 4);
    CHECK_INT(total(s, "actors"), 2);
    CHECK_INT(total(s, "speakers"), 2);
    CHECK_INT(total(s, "figures"), 9);
    CHECK_STR(pairs(json_object_get(s, "top_speakers"), "name", "quotes", buf, sizeof buf),
              "Sophie Marchand=3 Mary Stone=1");
    CHECK(json_integer_value(json_object_get(json_array_get(json_object_get(s, "top_speakers"), 0), "id")) > 0);
    CHECK_STR(pairs(json_object_get(s, "quotes_per_month"), "month", "quotes", buf, sizeof buf),
              "2026-01=2 2026-02=1 2027-01=1");
    json_t *langs = json_object_get(s, "per_language");
    CHECK_STR(pairs(langs, "lang", "articles", buf, sizeof buf), "fr=3 en=1");
    CHECK_STR(pairs(langs, "lang", "quotes", buf, sizeof buf), "fr=3 en=1");
    /* écoles and Écoles count together, named in lower case; the figure
     * with no unit is left out */
    CHECK_STR(pairs(json_object_get(s, "figures_per_unit"), "unit", "figures", buf, sizeof buf),
              "%=2 écoles=2 euros=2 pounds=1 trees=1");
    json_decref(s);

    /* the same numbers through the filtered statements, with a filter that keeps everything */
    CHECK_INT(db_stats(r, &(struct db_stats_filter){.from = "1900"}, &s), DB_OK);
    CHECK_INT(total(s, "articles"), 3); /* the undated article has no date to compare */
    CHECK_INT(total(s, "quotes"), 4);
    CHECK_INT(total(s, "actors"), 2);
    CHECK_INT(total(s, "speakers"), 2);
    CHECK_INT(total(s, "figures"), 7);
    CHECK_STR(pairs(json_object_get(s, "top_speakers"), "name", "quotes", buf, sizeof buf),
              "Sophie Marchand=3 Mary Stone=1");
    json_decref(s);
    db_close(r);
    drop_db(w);
}

TEST(test_stats_filtered)
{
    struct db *w = collection();
    struct db *r = reader();
    char buf[512];
    json_t *s = NULL;
    CHECK_INT(db_stats(r, &(struct db_stats_filter){.lang = "en"}, &s), DB_OK);
    CHECK_INT(total(s, "articles"), 1);
    CHECK_INT(total(s, "quotes"), 1);
    CHECK_INT(total(s, "actors"), 1);
    CHECK_INT(total(s, "speakers"), 1);
    CHECK_INT(total(s, "figures"), 3);
    CHECK_STR(pairs(json_object_get(s, "top_speakers"), "name", "quotes", buf, sizeof buf), "Mary Stone=1");
    CHECK_STR(pairs(json_object_get(s, "quotes_per_month"), "month", "quotes", buf, sizeof buf), "2026-02=1");
    CHECK_STR(pairs(json_object_get(s, "per_language"), "lang", "articles", buf, sizeof buf), "en=1");
    CHECK_STR(pairs(json_object_get(s, "figures_per_unit"), "unit", "figures", buf, sizeof buf),
              "Euros=1 pounds=1 trees=1");
    json_decref(s);

    CHECK_INT(db_stats(r, &(struct db_stats_filter){.lang = "fr", .from = "2026-01", .to = "2026-12-31"}, &s), DB_OK);
    CHECK_INT(total(s, "articles"), 1);
    CHECK_INT(total(s, "quotes"), 2);
    CHECK_STR(pairs(json_object_get(s, "top_speakers"), "name", "quotes", buf, sizeof buf), "Sophie Marchand=2");
    CHECK_STR(pairs(json_object_get(s, "quotes_per_month"), "month", "quotes", buf, sizeof buf), "2026-01=2");
    json_decref(s);

    /* nothing matches: zeros and empty lists */
    CHECK_INT(db_stats(r, &(struct db_stats_filter){.from = "2030"}, &s), DB_OK);
    CHECK_INT(total(s, "articles"), 0);
    CHECK_INT(total(s, "figures"), 0);
    CHECK_INT(json_array_size(json_object_get(s, "top_speakers")), 0);
    CHECK_INT(json_array_size(json_object_get(s, "per_language")), 0);
    json_decref(s);

    CHECK_INT(db_stats(r, &(struct db_stats_filter){.lang = "de"}, &s), DB_EINVAL);
    CHECK(s == NULL);
    CHECK_INT(db_stats(r, &(struct db_stats_filter){.to = "x"}, &s), DB_EINVAL);
    db_close(r);
    drop_db(w);
}

/* ---- timeline ------------------------------------------------------------------ */

/* The buckets of a timeline as "period=n ...", into buf; "error" on failure. */
static const char *timeline(struct db *r, const struct db_quote_filter *f, enum db_interval iv, char *buf,
                            size_t cap)
{
    json_t *t = NULL;
    if (db_quotes_timeline(r, f, iv, &t) != DB_OK)
        return "error";
    pairs(json_object_get(t, "buckets"), "period", "quotes", buf, cap);
    json_decref(t);
    return buf;
}

TEST(test_timeline)
{
    struct db *w = collection();
    static const char *const one[] = {"Une fin d'année"};
    static const char *const two[] = {"Un mois sans jour"};
    static const char *const three[] = {"Une année seule"};
    /* Monday 2025-12-29 is in ISO week 1 of 2026; Friday 2027-01-01 in week 53 of 2026 */
    CHECK(store(w, "en", "2025-12-29", "Mary Stone", one, 1, NULL, 0) > 0);
    CHECK(store(w, "fr", "2026-03", "Sophie Marchand", two, 1, NULL, 0) > 0);
    CHECK(store(w, "fr", "2026", "Sophie Marchand", three, 1, NULL, 0) > 0);
    struct db *r = reader();
    char buf[512];
    CHECK_STR(timeline(r, NULL, DB_BY_MONTH, buf, sizeof buf), "2025-12=1 2026-01=2 2026-02=1 2026-03=1 2027-01=1");
    CHECK_STR(timeline(r, NULL, DB_BY_WEEK, buf, sizeof buf), "2026-W01=1 2026-W03=2 2026-W07=1 2026-W53=1");
    CHECK_STR(timeline(r, NULL, DB_BY_DAY, buf, sizeof buf), "2025-12-29=1 2026-01-15=2 2026-02-10=1 2027-01-01=1");
    CHECK_STR(timeline(r, &(struct db_quote_filter){.speaker_name = "sophie MARCHAND"}, DB_BY_MONTH, buf, sizeof buf),
              "2026-01=2 2026-03=1 2027-01=1");
    json_t *q = NULL;
    struct db_list l;
    struct db_page p = {.limit = 1};
    CHECK_INT(db_quotes_list(r, &(struct db_quote_filter){.speaker_name = "Mary Stone"}, &p, &l), DB_OK);
    int64_t mary = json_integer_value(json_object_get(json_object_get(json_array_get(l.items, 0), "speaker"), "id"));
    db_list_free(&l);
    CHECK_STR(timeline(r, &(struct db_quote_filter){.speaker_id = mary}, DB_BY_WEEK, buf, sizeof buf),
              "2026-W01=1 2026-W07=1");
    CHECK_STR(timeline(r, &(struct db_quote_filter){.q = "ANNÉE"}, DB_BY_MONTH, buf, sizeof buf),
              "2025-12=1 2027-01=1");
    CHECK_STR(timeline(r, &(struct db_quote_filter){.q = "budget", .lang = "fr"}, DB_BY_DAY, buf, sizeof buf),
              "2026-01-15=1");
    CHECK_STR(timeline(r, &(struct db_quote_filter){.from = "2026-01-16", .to = "2026-12"}, DB_BY_MONTH, buf,
                       sizeof buf), "2026-02=1 2026-03=1");
    CHECK_STR(timeline(r, &(struct db_quote_filter){.q = "zzzz"}, DB_BY_MONTH, buf, sizeof buf), "");
    CHECK_STR(timeline(r, &(struct db_quote_filter){.q = "()"}, DB_BY_MONTH, buf, sizeof buf), "");
    CHECK_INT(db_quotes_timeline(r, NULL, (enum db_interval)7, &q), DB_EINVAL);
    CHECK(q == NULL);
    CHECK_INT(db_quotes_timeline(r, &(struct db_quote_filter){.lang = "de"}, DB_BY_DAY, &q), DB_EINVAL);
    CHECK_INT(db_quotes_timeline(r, NULL, DB_BY_WEEK, &q), DB_OK);
    CHECK_STR(json_string_value(json_object_get(q, "interval")), "week");
    json_decref(q);
    db_close(r);
    drop_db(w);
}

/* ---- migration ------------------------------------------------------------------- */

/* The counting insert triggers of migrations 1 and 3, which migration 7 drops. */
#define COUNT_TRIGGERS_V1                                                                        \
    "CREATE TRIGGER quotes_count_ai AFTER INSERT ON quotes WHEN new.speaker_id IS NOT NULL BEGIN" \
    "  UPDATE actors SET n_quotes = n_quotes + 1 WHERE id = new.speaker_id;"                      \
    "END;"                                                                                      \
    "CREATE TRIGGER mentions_count_ai AFTER INSERT ON mentions BEGIN"                           \
    "  UPDATE actors SET n_mentions = n_mentions + new.count WHERE id = new.actor_id;"          \
    "END;"
#define COUNT_TRIGGER_V3                                                                         \
    "CREATE TRIGGER quotes_total_ai AFTER INSERT ON quotes BEGIN"                               \
    "  UPDATE counts SET n = n + 1 WHERE name = 'quotes';"                                      \
    "END;"

/* True when every kept counter agrees with the rows: each actor's n_quotes
 * and n_mentions, and the total of quotes. */
static bool counters_consistent(const char *path)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *st = NULL;
    int bad = -1;
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h,
                           "SELECT (SELECT count(*) FROM actors ac WHERE n_quotes <>"
                           "   (SELECT count(*) FROM quotes WHERE speaker_id = ac.id)"
                           "   OR n_mentions <> (SELECT coalesce(sum(count), 0) FROM mentions WHERE actor_id = ac.id))"
                           " + (SELECT n <> (SELECT count(*) FROM quotes) FROM counts WHERE name = 'quotes')",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        bad = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return bad == 0;
}

/* Take a database back to version 1: what migrations 2 and 3 added goes,
 * what migrations 5 and 7 dropped comes back. */
static bool back_to_version_1(const char *path)
{
    sqlite3 *h = NULL;
    bool ok = sqlite3_open(path, &h) == SQLITE_OK &&
              sqlite3_exec(h,
                           "DROP TRIGGER quotes_total_ad; DROP TABLE counts;" COUNT_TRIGGERS_V1
                           "DROP TRIGGER IF EXISTS figures_fts_ai; DROP TRIGGER figures_fts_ad; DROP TRIGGER figures_fts_au;"
                           "DROP TABLE figures_fts; DROP INDEX figures_unit_folded; DROP INDEX figures_date;"
                           "ALTER TABLE figures DROP COLUMN unit_folded; ALTER TABLE figures DROP COLUMN date_key;"
                           "CREATE INDEX figures_unit ON figures(unit, value);"
                           "PRAGMA user_version = 1;",
                           NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(h);
    return ok;
}

TEST(test_migration_fills_figures)
{
    struct db *w = collection();
    db_close(w);
    CHECK(back_to_version_1(db_path));
    char err[256];
    w = NULL;
    CHECK_INT(db_open(db_path, DB_WRITE, &w, err, sizeof err), DB_OK);
    CHECK_INT(db_schema_version(w), 7);
    struct db *r = reader();
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.unit = "ecoles"}), 2);
    /* migration 3 counted the quotes stored before it */
    struct db_list ql;
    int64_t nq = 0;
    CHECK_INT(db_quotes_list(r, NULL, &(struct db_page){.limit = 1}, &ql), DB_OK);
    sqlite3 *h = NULL;
    CHECK(sqlite3_open_v2(db_path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
    sqlite3_stmt *cs = NULL;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM quotes", -1, &cs, NULL) == SQLITE_OK && sqlite3_step(cs) == SQLITE_ROW)
        nq = sqlite3_column_int64(cs, 0);
    sqlite3_finalize(cs);
    sqlite3_close(h);
    CHECK(nq > 0);
    CHECK_INT(ql.total, nq);
    CHECK(!ql.total_is_lower_bound);
    db_list_free(&ql);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "nimes"}), 1);
    int64_t got[16];
    CHECK_INT(walk(r, FIGURES_BY_DATE_DESC, got, 16), 9);
    CHECK_INT(got[0], fig_id(r, "15 %"));
    /* the full-text rows of old figures go with them */
    CHECK_INT(db_article_delete(w, a3), DB_OK);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "nimes"}), 0);
    db_close(r);
    drop_db(w);
}

/* Take a database back to version 3: the full-text insert triggers of
 * migrations 1 and 2, the index figures_unit and the counting triggers come
 * back as they were. */
static bool back_to_version_3(const char *path)
{
    sqlite3 *h = NULL;
    bool ok = sqlite3_open(path, &h) == SQLITE_OK &&
              sqlite3_exec(h,
                           "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN"
                           "  INSERT INTO quotes_fts(rowid, text, speaker)"
                           "  VALUES (new.id, " FTS_FOLD("new.text") ", "
                           FTS_FOLD("coalesce((SELECT name FROM actors WHERE id = new.speaker_id), '')") ");"
                           "END;"
                           "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
                           "  INSERT INTO articles_fts(rowid, title, text)"
                           "  VALUES (new.id, " FTS_FOLD("coalesce(new.title, '')") ", " FTS_FOLD("new.text") ");"
                           "END;"
                           "CREATE TRIGGER figures_fts_ai AFTER INSERT ON figures BEGIN"
                           "  INSERT INTO figures_fts(rowid, text, sentence)"
                           "  VALUES (new.id, " FTS_FOLD("new.text") ", " FTS_FOLD("coalesce(new.sentence, '')") ");"
                           "END;"
                           "CREATE INDEX figures_unit ON figures(unit, value);"
                           COUNT_TRIGGERS_V1 COUNT_TRIGGER_V3
                           "PRAGMA user_version = 3;",
                           NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(h);
    return ok;
}

/* Run FTS5's own consistency check on the three full-text tables. */
static bool fts_consistent(const char *path)
{
    sqlite3 *h = NULL;
    bool ok = sqlite3_open(path, &h) == SQLITE_OK &&
              sqlite3_exec(h,
                           "INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check');"
                           "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check');"
                           "INSERT INTO figures_fts(figures_fts) VALUES ('integrity-check');",
                           NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(h);
    return ok;
}

/* The quote list's total for a full-text query, and the first highlight. */
static int64_t search_quotes(struct db *r, const char *q, char *hl, size_t hlsize)
{
    struct db_list l;
    struct db_quote_filter f = {.q = q};
    if (db_quotes_list(r, &f, &(struct db_page){.limit = 10}, &l) != DB_OK)
        return -1;
    int64_t n = l.total;
    const char *h = json_string_value(json_object_get(json_array_get(l.items, 0), "highlight"));
    snprintf(hl, hlsize, "%s", h ? h : "");
    db_list_free(&l);
    return n;
}

static int64_t search_articles(struct db *r, const char *q)
{
    struct db_list l;
    struct db_article_filter f = {.q = q};
    if (db_articles_list(r, &f, &(struct db_page){.limit = 10}, &l) != DB_OK)
        return -1;
    int64_t n = l.total;
    db_list_free(&l);
    return n;
}

/* Migrations 4 and 5: rows indexed by the triggers of version 3 stay searchable,
 * new rows are indexed at commit (alone or in a batch), and deletes of
 * both kinds keep the full-text tables consistent. */
TEST(test_migration_index_at_commit)
{
    struct db *w = fresh_db();
    db_close(w);
    CHECK(back_to_version_3(db_path));
    /* a version 3 database written through its own triggers */
    sqlite3 *h = NULL;
    CHECK(sqlite3_open(db_path, &h) == SQLITE_OK);
    CHECK(sqlite3_exec(h,
                       "INSERT INTO articles (id, title, lang, text, content_hash)"
                       "  VALUES (1, 'Les vœux', 'fr', 'Le maire présente ses vœux.', 'h1');"
                       "INSERT INTO actors (id, name, name_folded, last_folded, type)"
                       "  VALUES (1, 'Anne Cœurdevey', 'anne coeurdevey', 'coeurdevey', 'person');"
                       "INSERT INTO quotes (article_id, speaker_id, text, text_folded, kind, start, \"end\","
                       "  confidence) VALUES (1, 1, 'Un vœu pieux <b>', 'un voeu pieux <b>', 'direct', 0, 5, 0.9);"
                       "INSERT INTO figures (article_id, value, unit, approx, text, start, \"end\", sentence,"
                       "  unit_folded) VALUES (1, 12, 'écoles', 0, '12 écoles', 0, 5, 'Douze écoles à Nœux.', 'ecoles');",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(h);

    char err[256];
    w = NULL;
    CHECK_INT(db_open(db_path, DB_WRITE, &w, err, sizeof err), DB_OK);
    CHECK_INT(db_schema_version(w), 7);
    struct db *r = reader();
    char hl[256];
    CHECK_INT(search_quotes(r, "voeu", hl, sizeof hl), 1);
    CHECK_STR(hl, "Un <mark>vœu</mark> pieux &lt;b&gt;");
    CHECK_INT(search_quotes(r, "coeurdevey", hl, sizeof hl), 1);
    CHECK_INT(search_articles(r, "voeux"), 1);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "noeux"}), 1);

    /* new rows: alone, then in a batch with a delete inside it */
    static const char *const said[] = {"Le cœur du budget"};
    const struct fig f1[] = {{"8 crèches", 8, "crèches", "Huit crèches à Lœuilly."}};
    int64_t b1 = store(w, "fr", "2026-03-01", "Paul Œillet", said, 1, f1, 1);
    CHECK(b1 > 0);
    CHECK_INT(search_quotes(r, "coeur", hl, sizeof hl), 1);
    CHECK_STR(hl, "Le <mark>cœur</mark> du budget");
    CHECK_INT(search_quotes(r, "oeillet", hl, sizeof hl), 1);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "loeuilly"}), 1);

    CHECK_INT(db_batch_begin(w), DB_OK);
    static const char *const said2[] = {"Un second cœur battant"};
    int64_t b2 = store(w, "fr", "2026-03-02", "Paul Œillet", said2, 1, f1, 1);
    int64_t b3 = store(w, "fr", "2026-03-03", NULL, NULL, 0, f1, 1);
    CHECK(b2 > 0 && b3 > b2);
    CHECK_INT(search_quotes(r, "battant", hl, sizeof hl), 0); /* not committed */
    CHECK_INT(db_article_delete(w, b3), DB_OK);               /* indexed, then deleted */
    CHECK_INT(db_article_delete(w, 1), DB_OK);                /* a version 3 row */
    int64_t b4 = store(w, "fr", "2026-03-04", NULL, NULL, 0, f1, 1);
    CHECK(b4 > 0);
    CHECK_INT(db_batch_commit(w), DB_OK);
    CHECK_INT(search_quotes(r, "battant", hl, sizeof hl), 1);
    CHECK_STR(hl, "Un second cœur <mark>battant</mark>");
    CHECK_INT(search_quotes(r, "coeur", hl, sizeof hl), 2);
    CHECK_INT(search_quotes(r, "voeu", hl, sizeof hl), 0);
    CHECK_INT(search_articles(r, "voeux"), 0);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "noeux"}), 0);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "loeuilly"}), 3);

    /* a rolled back batch leaves nothing to index */
    CHECK_INT(db_batch_begin(w), DB_OK);
    CHECK(store(w, "fr", "2026-03-05", "Paul Œillet", said, 1, f1, 1) > 0);
    db_batch_rollback(w);
    CHECK(store(w, "fr", "2026-03-06", NULL, NULL, 0, f1, 1) > 0);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "loeuilly"}), 4);
    db_close(r);
    db_close(w);
    CHECK(fts_consistent(db_path));
    CHECK(counters_consistent(db_path));
    w = NULL;
    CHECK_INT(db_open(db_path, DB_WRITE, &w, err, sizeof err), DB_OK);
    drop_db(w);
}

/* Take a database back to version 5: articles_fts and figures_fts as
 * migrations 1 and 2 created them, with their token counts, filled the way
 * rows were indexed then, and the counting triggers. */
static bool back_to_version_5(const char *path)
{
    sqlite3 *h = NULL;
    bool ok = sqlite3_open(path, &h) == SQLITE_OK &&
              sqlite3_exec(h,
                           "DROP TABLE articles_fts; DROP TABLE figures_fts;"
                           "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content = '',"
                           "  tokenize = 'unicode61 remove_diacritics 2');"
                           "INSERT INTO articles_fts(rowid, title, text) SELECT id, "
                           FTS_FOLD("coalesce(title, '')") ", " FTS_FOLD("text") " FROM articles;"
                           "CREATE VIRTUAL TABLE figures_fts USING fts5(text, sentence, content = '',"
                           "  tokenize = 'unicode61 remove_diacritics 2');"
                           "INSERT INTO figures_fts(rowid, text, sentence) SELECT id, "
                           FTS_FOLD("text") ", " FTS_FOLD("coalesce(sentence, '')") " FROM figures;"
                           COUNT_TRIGGERS_V1 COUNT_TRIGGER_V3
                           "PRAGMA user_version = 5;",
                           NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(h);
    return ok;
}

/* The number of per-row token count tables of articles_fts and figures_fts. */
static int docsize_tables(const char *path)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *st = NULL;
    int n = -1;
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                              " ('articles_fts_docsize', 'figures_fts_docsize')", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

/* Migration 6: the two contentless full-text tables are rebuilt without
 * token counts; what was searchable stays searchable, and new rows and
 * deletes keep them consistent. */
TEST(test_migration_columnsize)
{
    struct db *w = collection();
    db_close(w);
    CHECK(back_to_version_5(db_path));
    CHECK_INT(docsize_tables(db_path), 2);
    char err[256];
    w = NULL;
    CHECK_INT(db_open(db_path, DB_WRITE, &w, err, sizeof err), DB_OK);
    CHECK_INT(db_schema_version(w), 7);
    CHECK_INT(docsize_tables(db_path), 0);
    struct db *r = reader();
    CHECK_INT(search_articles(r, "dated"), 4);
    CHECK_INT(search_articles(r, "never"), 1);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "nimes"}), 1);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "\"42 millions\""}), 1);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "ecoles"}), 2);
    CHECK_INT(db_article_delete(w, a3), DB_OK);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "nimes"}), 0);
    CHECK_INT(search_articles(r, "never"), 0);
    const struct fig f[] = {{"9 crèches", 9, "crèches", "Neuf crèches à Lœuilly."}};
    CHECK(store(w, "fr", "2026-04-01", NULL, NULL, 0, f, 1) > 0);
    CHECK_INT(count_figures(r, &(struct db_figure_filter){.q = "loeuilly"}), 1);
    CHECK_INT(search_articles(r, "dated"), 4);
    db_close(r);
    db_close(w);
    CHECK(fts_consistent(db_path));
    CHECK(counters_consistent(db_path));
    w = NULL;
    CHECK_INT(db_open(db_path, DB_WRITE, &w, err, sizeof err), DB_OK);
    drop_db(w);
}

/* Migration 7: the insert counts quotes and mentions itself. Two extracted
 * actors that are one stored actor make one mention row with both counts,
 * in a batch or alone; deletes and rolled back batches leave the counters
 * right. */
TEST(test_counts_kept_by_insert)
{
    struct db *w = collection();
    CHECK(counters_consistent(db_path));
    struct span sp[5] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}};
    struct actor actors[3] = {
        {.name = "Sophie Marchand", .type = ACTOR_PERSON, .mentions = sp, .n_mentions = 2},
        {.name = "Marchand", .type = ACTOR_PERSON, .mentions = sp, .n_mentions = 3},
        {.name = "Mairie de Lyon", .type = ACTOR_ORGANIZATION, .mentions = sp, .n_mentions = 1},
    };
    struct quote quotes[4] = {
        {{0, 5}, "Un mot", QUOTE_DIRECT, 0, NULL, 1, 0.9},
        {{0, 5}, "Un autre", QUOTE_DIRECT, 1, NULL, 1, 0.9},
        {{0, 5}, "Sans auteur", QUOTE_PARTIAL, -1, NULL, 1, 0.5},
        {{0, 5}, "De la mairie", QUOTE_DIRECT, 2, NULL, 1, 0.7},
    };
    struct extraction x = {.lang = LANG_FR, .actors = actors, .n_actors = 3, .quotes = quotes, .n_quotes = 4};
    struct db_article_in a = {.lang = "fr", .text = "Marchand, encore.", .len = 17};
    int64_t id = 0, id2 = 0;
    bool existed = false;
    CHECK_INT(db_article_insert(w, &a, &x, &id, &existed), DB_OK);
    CHECK(counters_consistent(db_path));
    struct db *r = reader();
    json_t *art = NULL;
    CHECK_INT(db_article_get(r, id, &art), DB_OK);
    json_t *ac = json_object_get(art, "actors");
    CHECK_INT(json_array_size(ac), 2);
    CHECK_STR(json_string_value(json_object_get(json_array_get(ac, 0), "name")), "Sophie Marchand");
    CHECK_INT(json_integer_value(json_object_get(json_array_get(ac, 0), "mentions")), 5);
    json_decref(art);

    CHECK_INT(db_batch_begin(w), DB_OK);
    struct db_article_in b = {.lang = "fr", .text = "Marchand, toujours.", .len = 19};
    CHECK_INT(db_article_insert(w, &b, &x, &id2, &existed), DB_OK);
    db_batch_rollback(w);
    CHECK(counters_consistent(db_path));
    CHECK_INT(db_batch_begin(w), DB_OK);
    CHECK_INT(db_article_insert(w, &b, &x, &id2, &existed), DB_OK);
    CHECK_INT(db_article_delete(w, a1), DB_OK);
    CHECK_INT(db_batch_commit(w), DB_OK);
    CHECK(counters_consistent(db_path));
    CHECK_INT(db_article_delete(w, id), DB_OK);
    CHECK(counters_consistent(db_path));
    db_close(r);
    drop_db(w);
}

int main(void)
{
    RUN(test_figures_filters);
    RUN(test_figures_orders_and_cursors);
    RUN(test_stats_all);
    RUN(test_stats_filtered);
    RUN(test_timeline);
    RUN(test_migration_fills_figures);
    RUN(test_migration_index_at_commit);
    RUN(test_migration_columnsize);
    RUN(test_counts_kept_by_insert);
    TEST_SUMMARY();
}
