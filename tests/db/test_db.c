/* test_db.c — the storage layer against a temporary database file: schema
 * migration, insert/get/list/delete, deduplication, cursors, full-text
 * search, and one actor per person across articles. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "db/db.h"
#include "db/db_internal.h"
#include "extract.h"
#include "test.h"
#include "db_fixture.h"

/* ---- fixtures ------------------------------------------------------------ */


/* Insert `text` through the real extractor. Returns the article id. */
static int64_t ingest(struct db *w, const char *text, const char *lang, const char *url, const char *date)
{
    struct extraction x;
    struct article_input in = {.text = text, .len = strlen(text), .lang = lang};
    if (extract_article(&in, &x) != EXTRACT_OK)
        return -1;
    struct db_article_in a = {.url = url, .title = "Titre", .lang = extract_lang_name(x.lang),
                              .published_at = date, .source = "test", .text = text, .len = strlen(text)};
    int64_t id = 0;
    bool existed = false;
    enum db_status st = db_article_insert(w, &a, &x, &id, &existed);
    extraction_free(&x);
    return st == DB_OK ? id : -1;
}

/* A hand-made extraction: one person (name, aliases) quoted once. */
struct one_quote {
    struct actor actor;
    struct quote quote;
    struct extraction x;
    char *aliases[4];
};

static void one_quote_init(struct one_quote *o, const char *name, const char *alias1, const char *alias2,
                           const char *text, size_t qstart)
{
    memset(o, 0, sizeof *o);
    o->aliases[0] = (char *)alias1;
    o->aliases[1] = (char *)alias2;
    o->actor.name = (char *)name;
    o->actor.type = ACTOR_PERSON;
    o->actor.aliases = o->aliases;
    o->actor.n_aliases = alias2 ? 2 : alias1 ? 1 : 0;
    o->actor.n_mentions = 1;
    o->quote.span = (struct span){qstart, qstart + strlen(text)};
    o->quote.text = (char *)text;
    o->quote.speaker = 0;
    o->quote.occurrences = 1;
    o->quote.confidence = 0.9;
    o->x.actors = &o->actor;
    o->x.n_actors = 1;
    o->x.quotes = &o->quote;
    o->x.n_quotes = 1;
}

/* Store an article whose text is `body` with a hand-made extraction. */
static int64_t store(struct db *w, const char *body, const char *date, struct extraction *x)
{
    struct db_article_in a = {.lang = "fr", .published_at = date, .text = body, .len = strlen(body)};
    int64_t id = 0;
    bool existed = false;
    if (db_article_insert(w, &a, x, &id, &existed) != DB_OK || existed)
        return -1;
    return id;
}

/* Store an article quoting `name` (with aliases) saying `said`. */
static int64_t store_quote(struct db *w, const char *name, const char *alias1, const char *alias2,
                           const char *said, const char *date)
{
    char body[512];
    snprintf(body, sizeof body, "« %s », a dit %s le %s.", said, name, date ? date : "?");
    struct one_quote o;
    one_quote_init(&o, name, alias1, alias2, said, strlen("« "));
    return store(w, body, date, &o.x);
}

static int64_t speaker_of(struct db *r, int64_t quote_id)
{
    json_t *q = NULL;
    int64_t id = 0;
    if (db_quote_get(r, quote_id, &q) == DB_OK)
        id = json_integer_value(json_object_get(json_object_get(q, "speaker"), "id"));
    json_decref(q);
    return id;
}

/* The id of the first quote of an article. */
static int64_t first_quote(struct db *r, int64_t article)
{
    json_t *a = NULL;
    int64_t id = 0;
    if (db_article_get(r, article, &a) == DB_OK)
        id = json_integer_value(json_object_get(json_array_get(json_object_get(a, "quotes"), 0), "id"));
    json_decref(a);
    return id;
}

static int64_t count_quotes(struct db *r, const struct db_quote_filter *f)
{
    struct db_list l;
    struct db_page p = {.limit = 100};
    if (db_quotes_list(r, f, &p, &l) != DB_OK)
        return -1;
    int64_t n = l.total;
    if ((int64_t)json_array_size(l.items) != (n < 100 ? n : 100))
        n = -2;
    db_list_free(&l);
    return n;
}

static int64_t count_actors(struct db *r, const char *q)
{
    struct db_list l;
    struct db_page p = {.limit = 100};
    struct db_actor_filter f = {.q = q};
    if (db_actors_list(r, &f, &p, &l) != DB_OK)
        return -1;
    int64_t n = l.total;
    db_list_free(&l);
    return n;
}

static const char *FR_TEXT =
    "Le président turc Recep Tayyip Erdogan a rencontré Vladimir Poutine à Sotchi. « Nous avons "
    "trouvé un accord sur le cœur du problème », a déclaré Recep Tayyip Erdogan. Selon Vladimir "
    "Poutine, environ 3,7 millions de réfugiés sont concernés.";
static const char *EN_TEXT =
    "Boris Johnson met Angela Merkel in Berlin. \"We will not give up,\" said Boris Johnson. "
    "Angela Merkel said the talks were \"constructive and open\".";

/* ---- tests --------------------------------------------------------------- */

TEST(test_open_migrate_reopen)
{
    struct db *w = fresh_db();
    CHECK(w != NULL);
    CHECK_INT(db_schema_version(w), 5);
    CHECK_INT(db_ping(w), DB_OK);
    db_close(w);
    char err[256];
    w = NULL;
    CHECK_INT(db_open(db_path, DB_WRITE, &w, err, sizeof err), DB_OK);
    CHECK_INT(db_schema_version(w), 5);
    struct db *r = reader();
    CHECK(r != NULL);
    CHECK_INT(db_ping(r), DB_OK);
    /* a reader cannot write */
    struct db_article_in a = {.lang = "fr", .text = "x", .len = 1};
    int64_t id;
    bool existed;
    CHECK(db_article_insert(r, &a, NULL, &id, &existed) != DB_OK);
    db_close(r);
    drop_db(w);

    /* a reader on a file with no schema is refused, with a message */
    struct db *none = NULL;
    CHECK_INT(db_open("/tmp/quoted-test-no-such-dir/x.db", DB_READ, &none, err, sizeof err), DB_ERROR);
    CHECK(none == NULL && err[0]);
}

TEST(test_insert_get_extracted)
{
    struct db *w = fresh_db();
    int64_t fr = ingest(w, FR_TEXT, "fr", "https://example.org/fr", "2024-03-01");
    int64_t en = ingest(w, EN_TEXT, NULL, "https://example.org/en", "2024-03-02T10:00:00Z");
    CHECK(fr > 0 && en > 0 && fr != en);
    struct db *r = reader();
    json_t *a = NULL;
    CHECK_INT(db_article_get(r, fr, &a), DB_OK);
    CHECK_STR(json_string_value(json_object_get(a, "lang")), "fr");
    CHECK_STR(json_string_value(json_object_get(a, "url")), "https://example.org/fr");
    CHECK_STR(json_string_value(json_object_get(a, "text")), FR_TEXT);
    json_t *quotes = json_object_get(a, "quotes");
    CHECK_INT(json_array_size(quotes), 1);
    json_t *q0 = json_array_get(quotes, 0);
    CHECK_STR(json_string_value(json_object_get(q0, "text")), "Nous avons trouvé un accord sur le cœur du problème");
    CHECK_STR(json_string_value(json_object_get(json_object_get(q0, "speaker"), "name")), "Recep Tayyip Erdogan");
    CHECK(json_object_get(q0, "article") == NULL);
    json_t *actors = json_object_get(a, "actors");
    CHECK_INT(json_array_size(actors), 3); /* Erdogan, Poutine, Sotchi */
    json_t *erdogan = NULL;
    size_t ai;
    json_t *av;
    json_array_foreach(actors, ai, av) {
        if (strcmp(json_string_value(json_object_get(av, "name")), "Recep Tayyip Erdogan") == 0)
            erdogan = av;
    }
    CHECK(erdogan != NULL);
    CHECK_INT(json_integer_value(json_object_get(erdogan, "mentions")), 3); /* with "président turc" */
    CHECK(json_is_array(json_object_get(erdogan, "aliases")));
    CHECK_INT(json_array_size(json_object_get(a, "figures")), 1);
    json_t *counts = json_object_get(a, "counts");
    CHECK_INT(json_integer_value(json_object_get(counts, "quotes")), 1);
    CHECK_INT(json_integer_value(json_object_get(counts, "actors")), 3);
    CHECK_INT(json_integer_value(json_object_get(counts, "figures")), 1);
    CHECK(json_is_string(json_object_get(a, "ingested_at")));

    /* one quote with its context and article */
    int64_t qid = json_integer_value(json_object_get(q0, "id"));
    json_t *q = NULL;
    CHECK_INT(db_quote_get(r, qid, &q), DB_OK);
    const char *ctx = json_string_value(json_object_get(q, "context"));
    CHECK(ctx && strstr(ctx, "accord sur le cœur") != NULL);
    CHECK_INT(json_integer_value(json_object_get(json_object_get(q, "article"), "id")), fr);
    CHECK_STR(json_string_value(json_object_get(json_object_get(q, "article"), "published_at")), "2024-03-01");
    CHECK_STR(json_string_value(json_object_get(q, "lang")), "fr");
    json_decref(q);
    json_decref(a);

    CHECK_INT(db_article_get(r, 999, &a), DB_NOTFOUND);
    CHECK(a == NULL);
    CHECK_INT(db_quote_get(r, 999, &q), DB_NOTFOUND);
    CHECK_INT(db_actor_get(r, 999, &q), DB_NOTFOUND);

    /* the English article: two quotes, one with no speaker */
    CHECK_INT(db_article_get(r, en, &a), DB_OK);
    CHECK_STR(json_string_value(json_object_get(a, "lang")), "en");
    CHECK_INT(json_array_size(json_object_get(a, "quotes")), 2);
    json_decref(a);

    /* filters on the lists */
    struct db_quote_filter fl = {.lang = "en"};
    CHECK_INT(count_quotes(r, &fl), 2);
    struct db_quote_filter ff = {.from = "2024-03-02"};
    CHECK_INT(count_quotes(r, &ff), 2);
    struct db_quote_filter ft = {.to = "2024-03-01"};
    CHECK_INT(count_quotes(r, &ft), 1);
    struct db_quote_filter fa = {.article_id = fr};
    CHECK_INT(count_quotes(r, &fa), 1);
    struct db_quote_filter fk = {.kind = "partial"};
    CHECK_INT(count_quotes(r, &fk), 1); /* "constructive and open" */
    struct db_quote_filter bad = {.kind = "weird"};
    struct db_list l;
    struct db_page p = {.limit = 10};
    CHECK_INT(db_quotes_list(r, &bad, &p, &l), DB_EINVAL);
    struct db_article_filter af = {.to = "2024-03-02"};
    CHECK_INT(db_articles_list(r, &af, &p, &l), DB_OK);
    CHECK_INT(l.total, 2); /* the 10:00 article still falls on the `to` day */
    db_list_free(&l);
    struct db_article_filter aq = {.q = "Sotchi réfugiés"};
    CHECK_INT(db_articles_list(r, &aq, &p, &l), DB_OK);
    CHECK_INT(l.total, 1);
    db_list_free(&l);
    db_close(r);
    drop_db(w);
}

TEST(test_dedupe)
{
    struct db *w = fresh_db();
    int64_t id = ingest(w, FR_TEXT, "fr", "https://example.org/a", NULL);
    CHECK(id > 0);
    struct db_article_in a = {.url = "https://example.org/other", .lang = "fr", .text = FR_TEXT,
                              .len = strlen(FR_TEXT)};
    int64_t got = 0;
    bool existed = false;
    CHECK_INT(db_article_insert(w, &a, NULL, &got, &existed), DB_OK);
    CHECK(existed);
    CHECK_INT(got, id);
    struct db_article_in b = {.url = "https://example.org/a", .lang = "fr", .text = "Autre texte.", .len = 12};
    existed = false;
    CHECK_INT(db_article_insert(w, &b, NULL, &got, &existed), DB_OK);
    CHECK(existed);
    CHECK_INT(got, id);
    /* no URL: only the content counts */
    struct db_article_in c = {.lang = "fr", .text = "Autre texte.", .len = 12};
    CHECK_INT(db_article_insert(w, &c, NULL, &got, &existed), DB_OK);
    CHECK(!existed && got != id);
    CHECK_INT(db_article_insert(w, &c, NULL, &got, &existed), DB_OK);
    CHECK(existed);
    struct db_list l;
    struct db_page p = {.limit = 10};
    CHECK_INT(db_articles_list(w, NULL, &p, &l), DB_OK);
    CHECK_INT(l.total, 2);
    db_list_free(&l);
    /* invalid UTF-8 is refused */
    struct db_article_in bad = {.lang = "fr", .text = "a\xFF", .len = 2};
    CHECK_INT(db_article_insert(w, &bad, NULL, &got, &existed), DB_EINVAL);
    drop_db(w);
}

/* Follow a quote list's cursors; every quote of `n` must come exactly once. */
static void walk_quotes(struct db *r, enum db_quote_sort sort, const char *q, int limit, int n)
{
    char *seen = calloc((size_t)n + 64, 1);
    char *cursor = NULL;
    int got = 0, pages = 0;
    const char *prev_date = NULL;
    char prev_buf[64] = "";
    for (;;) {
        struct db_quote_filter f = {.sort = sort, .q = q};
        struct db_page p = {.limit = limit, .cursor = cursor};
        struct db_list l;
        enum db_status st = db_quotes_list(r, &f, &p, &l);
        CHECK_INT(st, DB_OK);
        free(cursor);
        cursor = NULL;
        if (st != DB_OK)
            break;
        CHECK_INT(l.total, n);
        pages++;
        for (size_t i = 0; i < json_array_size(l.items); i++) {
            json_t *it = json_array_get(l.items, i);
            int64_t id = json_integer_value(json_object_get(it, "id"));
            CHECK(id > 0 && id <= n + 63);
            if (id > 0 && id <= n + 63) {
                CHECK(!seen[id]);
                seen[id] = 1;
            }
            const char *d = json_string_value(json_object_get(json_object_get(it, "article"), "published_at"));
            if (sort == QUOTES_BY_DATE_DESC && prev_date && d)
                CHECK(strcmp(d, prev_buf) <= 0);
            if (sort == QUOTES_BY_DATE_ASC && prev_date && d)
                CHECK(strcmp(d, prev_buf) >= 0);
            if (d) {
                snprintf(prev_buf, sizeof prev_buf, "%s", d);
                prev_date = prev_buf;
            }
            if (q)
                CHECK(json_is_string(json_object_get(it, "highlight")));
            got++;
        }
        cursor = l.next_cursor;
        l.next_cursor = NULL;
        db_list_free(&l);
        if (!cursor || pages > n + 2)
            break;
    }
    free(cursor);
    CHECK_INT(got, n);
    free(seen);
}

TEST(test_pagination)
{
    struct db *w = fresh_db();
    const char *people[] = {"Anne Martin", "Paul Durand", "Jean Petit"};
    int n = 25;
    for (int i = 0; i < n; i++) {
        char said[64], date[16];
        snprintf(said, sizeof said, "nous parlons de budget numéro %d", i);
        /* dates repeat so ties on the date are broken by id */
        snprintf(date, sizeof date, "2024-01-%02d", 1 + i % 7);
        CHECK(store_quote(w, people[i % 3], NULL, NULL, said, i == 5 ? NULL : date) > 0);
    }
    struct db *r = reader();
    walk_quotes(r, QUOTES_BY_ID, NULL, 7, n);
    walk_quotes(r, QUOTES_BY_DATE_DESC, NULL, 4, n);
    walk_quotes(r, QUOTES_BY_DATE_ASC, NULL, 6, n);
    walk_quotes(r, QUOTES_BY_RELEVANCE, "budget", 7, n);
    walk_quotes(r, QUOTES_BY_ID, "budget", 100, n);

    /* articles */
    char *cursor = NULL;
    int got = 0;
    int64_t prev = INT64_MAX;
    do {
        struct db_page p = {.limit = 10, .cursor = cursor};
        struct db_list l;
        CHECK_INT(db_articles_list(r, NULL, &p, &l), DB_OK);
        free(cursor);
        CHECK_INT(l.total, n);
        for (size_t i = 0; i < json_array_size(l.items); i++) {
            int64_t id = json_integer_value(json_object_get(json_array_get(l.items, i), "id"));
            CHECK(id < prev);
            prev = id;
            got++;
        }
        cursor = l.next_cursor;
        l.next_cursor = NULL;
        db_list_free(&l);
    } while (cursor && got <= n);
    CHECK_INT(got, n);

    /* actors, by quote count: 9, 8, 8 */
    struct db_list l;
    struct db_page p1 = {.limit = 1};
    CHECK_INT(db_actors_list(r, NULL, &p1, &l), DB_OK);
    CHECK_INT(l.total, 3);
    json_t *top = json_array_get(l.items, 0);
    CHECK_STR(json_string_value(json_object_get(top, "name")), "Anne Martin");
    CHECK_INT(json_integer_value(json_object_get(top, "quotes")), 9);
    CHECK_STR(json_string_value(json_object_get(top, "first_quoted")), "2024-01-01");
    CHECK_STR(json_string_value(json_object_get(top, "last_quoted")), "2024-01-07");
    int seen = 1;
    while (l.next_cursor) {
        struct db_page pn = {.limit = 1, .cursor = l.next_cursor};
        struct db_list next;
        CHECK_INT(db_actors_list(r, NULL, &pn, &next), DB_OK);
        seen += (int)json_array_size(next.items);
        CHECK_INT(json_integer_value(json_object_get(json_array_get(next.items, 0), "quotes")), 8);
        db_list_free(&l);
        l = next;
        if (seen > 5)
            break;
    }
    db_list_free(&l);
    CHECK_INT(seen, 3);
    db_close(r);
    drop_db(w);
}

/* A filtered count stops at DB_QUOTES_COUNT_CAP and says so; the count
 * with no filter stays exact. */
TEST(test_count_cap)
{
    struct db *w = fresh_db();
    int n = DB_QUOTES_COUNT_CAP + 3;
    CHECK_INT(db_batch_begin(w), DB_OK);
    for (int i = 0; i < n; i++) {
        char said[64];
        snprintf(said, sizeof said, "le budget de la commune numéro %d", i);
        CHECK(store_quote(w, "Anne Martin", NULL, NULL, said, "2024-02-01") > 0);
    }
    CHECK_INT(db_batch_commit(w), DB_OK);
    struct db *r = reader();
    struct db_list l;
    struct db_page p = {.limit = 5};
    CHECK_INT(db_quotes_list(r, &(struct db_quote_filter){.q = "budget"}, &p, &l), DB_OK);
    CHECK_INT(l.total, DB_QUOTES_COUNT_CAP);
    CHECK(l.total_is_lower_bound);
    CHECK_INT(json_array_size(l.items), 5);
    db_list_free(&l);
    CHECK_INT(db_quotes_list(r, &(struct db_quote_filter){.q = "numéro 7"}, &p, &l), DB_OK);
    CHECK(!l.total_is_lower_bound);
    CHECK_INT(l.total, 1);
    db_list_free(&l);
    CHECK_INT(db_quotes_list(r, NULL, &p, &l), DB_OK);
    CHECK_INT(l.total, n);
    CHECK(!l.total_is_lower_bound);
    db_list_free(&l);
    db_close(r);
    drop_db(w);
}

TEST(test_bad_cursor)
{
    struct db *w = fresh_db();
    for (int i = 0; i < 3; i++) {
        char said[32];
        snprintf(said, sizeof said, "phrase %d", i);
        store_quote(w, "Anne Martin", NULL, NULL, said, "2024-01-01");
    }
    struct db_page p = {.limit = 1};
    struct db_list l;
    CHECK_INT(db_quotes_list(w, NULL, &p, &l), DB_OK);
    char *good = l.next_cursor;
    l.next_cursor = NULL;
    db_list_free(&l);
    CHECK(good != NULL);

    const char *bad[] = {"", "garbage", "!!!!", "AAAA", "qi|1|0", "eyJpZCI6MX0", "%00", "a", "____",
                         "cWl8fDF8MDAwMDAwMDA"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct db_page pb = {.limit = 5, .cursor = bad[i]};
        CHECK_INT(db_quotes_list(w, NULL, &pb, &l), DB_EINVAL);
        CHECK_INT(db_articles_list(w, NULL, &pb, &l), DB_EINVAL);
        CHECK_INT(db_actors_list(w, NULL, &pb, &l), DB_EINVAL);
    }
    /* tampered: one character changed */
    char *t = strdup(good);
    t[2] = t[2] == 'A' ? 'B' : 'A';
    struct db_page pt = {.limit = 5, .cursor = t};
    CHECK_INT(db_quotes_list(w, NULL, &pt, &l), DB_EINVAL);
    free(t);
    /* a cursor of another list or another order */
    struct db_page pg = {.limit = 5, .cursor = good};
    CHECK_INT(db_articles_list(w, NULL, &pg, &l), DB_EINVAL);
    struct db_quote_filter by_date = {.sort = QUOTES_BY_DATE_DESC};
    CHECK_INT(db_quotes_list(w, &by_date, &pg, &l), DB_EINVAL);
    CHECK_INT(db_quotes_list(w, NULL, &pg, &l), DB_OK);
    CHECK_INT(json_array_size(l.items), 2);
    db_list_free(&l);
    free(good);
    /* limits */
    struct db_page p0 = {.limit = 0}, p101 = {.limit = 101};
    CHECK_INT(db_quotes_list(w, NULL, &p0, &l), DB_EINVAL);
    CHECK_INT(db_articles_list(w, NULL, &p101, &l), DB_EINVAL);
    CHECK_INT(db_actors_list(w, NULL, &p0, &l), DB_EINVAL);
    struct db_article_filter bad_date = {.from = "yesterday"};
    CHECK_INT(db_articles_list(w, &bad_date, &p, &l), DB_EINVAL);
    struct db_article_filter bad_lang = {.lang = "de"};
    CHECK_INT(db_articles_list(w, &bad_lang, &p, &l), DB_EINVAL);
    struct db_actor_filter bad_type = {.type = "animal"};
    CHECK_INT(db_actors_list(w, &bad_type, &p, &l), DB_EINVAL);
    drop_db(w);
}

TEST(test_fts_never_errors)
{
    struct db *w = fresh_db();
    store_quote(w, "Anne Martin", NULL, NULL, "le budget (et la dette) AND le reste", "2024-01-01");
    const char *qs[] = {"\"unbalanced", "(budget", "budget)", "AND", "OR", "NOT", "*", "budget AND dette",
                        "budget OR", "OR budget", "NEAR(budget dette)", "-budget", "\"", "text:budget",
                        "^budget", "{text}: budget", "budget*", "bud*", "a'b", "« budget »", "''", ":",
                        "\"le budget\"", "\"\"", "budget NOT dette", "+", "\\", "\x01\x02"};
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        struct db_quote_filter f = {.q = qs[i], .sort = QUOTES_BY_RELEVANCE};
        struct db_page p = {.limit = 10};
        struct db_list l;
        enum db_status st = db_quotes_list(w, &f, &p, &l);
        if (st != DB_OK)
            fprintf(stderr, "  q=[%s]: %d %s\n", qs[i], st, db_errmsg(w));
        CHECK_INT(st, DB_OK);
        db_list_free(&l);
        struct db_article_filter af = {.q = qs[i]};
        CHECK_INT(db_articles_list(w, &af, &p, &l), DB_OK);
        db_list_free(&l);
    }
    /* random strings over the characters FTS5 gives meaning to */
    static const char *const bits[] = {"\"", "(", ")", "*", "^", ":", "+", "-", "{", "}", "AND", "OR",
                                       "NOT", "NEAR", " ", "budget", "é", "œ", "\xFF", "'", ",", "\\"};
    unsigned seed = 12345;
    int failures = 0;
    for (int i = 0; i < 500; i++) {
        char q[128] = "";
        int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 8;
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(q, bits[(seed >> 16) % (sizeof bits / sizeof bits[0])]);
        }
        struct db_quote_filter rf = {.q = q, .sort = QUOTES_BY_RELEVANCE};
        struct db_page p = {.limit = 10};
        struct db_list l;
        if (db_quotes_list(w, &rf, &p, &l) != DB_OK) {
            if (!failures++)
                fprintf(stderr, "  q=[%s]: %s\n", q, db_errmsg(w));
            continue;
        }
        db_list_free(&l);
    }
    CHECK_INT(failures, 0);
    struct db_quote_filter f = {.q = "bud*"};
    CHECK_INT(count_quotes(w, &f), 1);
    struct db_quote_filter ph = {.q = "\"la dette\""};
    CHECK_INT(count_quotes(w, &ph), 1);
    struct db_quote_filter ph2 = {.q = "\"dette la\""};
    CHECK_INT(count_quotes(w, &ph2), 0);
    struct db_quote_filter o = {.q = "absent OR dette"};
    CHECK_INT(count_quotes(w, &o), 1);
    struct db_quote_filter a = {.q = "absent dette"};
    CHECK_INT(count_quotes(w, &a), 0);
    drop_db(w);
}

TEST(test_accents_and_speaker)
{
    struct db *w = fresh_db();
    int64_t a1 = store_quote(w, "Recep Tayyip Erdoğan", "Erdoğan", NULL, "la Turquie a du cœur <b>", "2024-02-01");
    int64_t a2 = store_quote(w, "Anne Martin", NULL, NULL, "rien à voir", "2024-02-02");
    CHECK(a1 > 0 && a2 > 0);
    struct db *r = reader();
    struct db_quote_filter f1 = {.q = "Erdogan"};   /* the speaker column */
    CHECK_INT(count_quotes(r, &f1), 1);
    struct db_quote_filter f2 = {.q = "coeur"};
    CHECK_INT(count_quotes(r, &f2), 1);
    struct db_quote_filter f3 = {.q = "CŒUR"};
    CHECK_INT(count_quotes(r, &f3), 1);
    struct db_quote_filter f4 = {.q = "turquie"};
    CHECK_INT(count_quotes(r, &f4), 1);

    struct db_list l;
    struct db_page p = {.limit = 5};
    CHECK_INT(db_quotes_list(r, &f2, &p, &l), DB_OK);
    CHECK_STR(json_string_value(json_object_get(json_array_get(l.items, 0), "highlight")),
              "la Turquie a du <mark>cœur</mark> &lt;b&gt;");
    db_list_free(&l);

    /* a random quote under the same filters */
    json_t *rq = NULL;
    struct db_quote_filter only_anne = {.speaker_name = "anne martin"};
    CHECK_INT(db_quote_random(r, &only_anne, &rq), DB_OK);
    CHECK_STR(json_string_value(json_object_get(rq, "text")), "rien à voir");
    CHECK(json_is_string(json_object_get(rq, "context")));
    json_decref(rq);
    struct db_quote_filter nobody = {.speaker_name = "personne"};
    CHECK_INT(db_quote_random(r, &nobody, &rq), DB_NOTFOUND);
    CHECK_INT(db_quote_random(r, NULL, &rq), DB_OK);
    json_decref(rq);

    /* speaker by name, accent/case-insensitive, and by id */
    struct db_quote_filter s1 = {.speaker_name = "erdogan"};
    CHECK_INT(count_quotes(r, &s1), 1);
    struct db_quote_filter s2 = {.speaker_name = "RECEP TAYYIP ERDOGAN"};
    CHECK_INT(count_quotes(r, &s2), 1);
    struct db_quote_filter s3 = {.speaker_name = "Martin"};
    CHECK_INT(count_quotes(r, &s3), 1);
    struct db_quote_filter s4 = {.speaker_name = "nobody%"};
    CHECK_INT(count_quotes(r, &s4), 0);
    int64_t sid = speaker_of(r, first_quote(r, a1));
    CHECK(sid > 0);
    struct db_quote_filter s5 = {.speaker_id = sid};
    CHECK_INT(count_quotes(r, &s5), 1);

    /* actors by prefix, accent-insensitive, on name, alias and any word */
    CHECK_INT(count_actors(r, "erdo"), 1);
    CHECK_INT(count_actors(r, "Recep"), 1);
    CHECK_INT(count_actors(r, "TAYY"), 1);
    CHECK_INT(count_actors(r, "a"), 1);
    CHECK_INT(count_actors(r, "%"), 0);
    CHECK_INT(count_actors(r, "_"), 0);
    db_close(r);
    drop_db(w);
}

TEST(test_delete_cascade)
{
    struct db *w = fresh_db();
    int64_t a1 = store_quote(w, "Anne Martin", NULL, NULL, "premier cœur", "2024-01-01");
    int64_t a2 = store_quote(w, "Paul Durand", NULL, NULL, "second", "2024-01-02");
    int64_t a3 = store_quote(w, "Anne Martin", NULL, NULL, "troisième", "2024-01-03");
    int64_t q1 = first_quote(w, a1), q2 = first_quote(w, a2);
    int64_t anne = speaker_of(w, q1), paul = speaker_of(w, q2);
    CHECK(anne > 0 && paul > 0 && anne != paul);

    CHECK_INT(db_article_delete(w, a2), DB_OK);
    json_t *j = NULL;
    CHECK_INT(db_article_get(w, a2, &j), DB_NOTFOUND);
    CHECK_INT(db_quote_get(w, q2, &j), DB_NOTFOUND);
    CHECK_INT(db_actor_get(w, paul, &j), DB_NOTFOUND); /* no quote, no mention left */
    CHECK_INT(db_article_delete(w, a2), DB_NOTFOUND);

    CHECK_INT(db_article_delete(w, a1), DB_OK);
    struct db_quote_filter f = {.q = "coeur"};
    CHECK_INT(count_quotes(w, &f), 0); /* the FTS row went with the quote */
    struct db_article_filter af = {.q = "premier"};
    struct db_list l;
    struct db_page p = {.limit = 5};
    CHECK_INT(db_articles_list(w, &af, &p, &l), DB_OK);
    CHECK_INT(l.total, 0);
    db_list_free(&l);
    CHECK_INT(db_actor_get(w, anne, &j), DB_OK); /* still quoted in a3 */
    CHECK_INT(json_integer_value(json_object_get(j, "quotes")), 1);
    CHECK_INT(json_integer_value(json_object_get(j, "articles")), 1);
    json_decref(j);
    CHECK_INT(count_quotes(w, NULL), 1);
    CHECK_INT(db_article_delete(w, a3), DB_OK);
    CHECK_INT(count_quotes(w, NULL), 0); /* the kept total follows deletes */
    CHECK_INT(count_actors(w, NULL), 0);
    drop_db(w);
}

TEST(test_identity_by_hand)
{
    struct db *w = fresh_db();
    /* one person under four forms, the fuller name arriving second */
    int64_t a1 = store_quote(w, "Recep T. Erdogan", NULL, NULL, "premier propos", "2024-01-01");
    int64_t a2 = store_quote(w, "Recep Tayyip Erdogan", "Erdogan", "le président turc", "deuxième propos", "2024-01-02");
    int64_t a3 = store_quote(w, "Erdoğan", NULL, NULL, "troisième propos", "2024-01-03");
    int64_t a4 = store_quote(w, "Recep Tayyip Erdoğan", NULL, NULL, "quatrième propos", "2024-01-04");
    int64_t id = speaker_of(w, first_quote(w, a1));
    CHECK(id > 0);
    CHECK_INT(speaker_of(w, first_quote(w, a2)), id);
    CHECK_INT(speaker_of(w, first_quote(w, a3)), id);
    CHECK_INT(speaker_of(w, first_quote(w, a4)), id);
    json_t *j = NULL;
    CHECK_INT(db_actor_get(w, id, &j), DB_OK);
    CHECK_STR(json_string_value(json_object_get(j, "name")), "Recep Tayyip Erdogan");
    CHECK_INT(json_integer_value(json_object_get(j, "quotes")), 4);
    CHECK_INT(json_integer_value(json_object_get(j, "articles")), 4);
    CHECK_STR(json_string_value(json_object_get(j, "first_quoted")), "2024-01-01");
    CHECK_STR(json_string_value(json_object_get(j, "last_quoted")), "2024-01-04");
    json_t *al = json_object_get(j, "aliases");
    bool has_initial = false, has_title = false;
    for (size_t i = 0; i < json_array_size(al); i++) {
        const char *s = json_string_value(json_array_get(al, i));
        has_initial |= strcmp(s, "Recep T. Erdogan") == 0;
        has_title |= strcmp(s, "le président turc") == 0;
    }
    CHECK(has_initial && has_title);
    json_decref(j);
    struct db_quote_filter by_id = {.speaker_id = id};
    CHECK_INT(count_quotes(w, &by_id), 4);
    /* the full-text speaker column follows the rename to the fuller name */
    struct db_quote_filter by_word = {.q = "tayyip"};
    CHECK_INT(count_quotes(w, &by_word), 4);

    /* a title never merges: another president is another person */
    int64_t a5 = store_quote(w, "Abdullah Gül", "le président turc", NULL, "cinquième propos", "2024-01-05");
    CHECK(speaker_of(w, first_quote(w, a5)) != id);

    /* same surname, different first names: never merged */
    int64_t m = store_quote(w, "Marine Le Pen", "Le Pen", NULL, "propos de Marine", "2024-02-01");
    int64_t jm = store_quote(w, "Jean-Marie Le Pen", NULL, NULL, "propos de Jean-Marie", "2024-02-02");
    int64_t mid = speaker_of(w, first_quote(w, m)), jmid = speaker_of(w, first_quote(w, jm));
    CHECK(mid > 0 && jmid > 0 && mid != jmid);
    /* `Le Pen` alone could be either of them, even though Marine was once
     * called so: a row of its own */
    int64_t lp = store_quote(w, "Le Pen", NULL, NULL, "propos ambigu", "2024-02-03");
    int64_t lpid = speaker_of(w, first_quote(w, lp));
    CHECK(lpid > 0 && lpid != jmid && lpid != mid);
    int64_t m2 = store_quote(w, "Marine Le Pen", NULL, NULL, "encore Marine", "2024-02-04");
    CHECK_INT(speaker_of(w, first_quote(w, m2)), mid);
    /* a third Le Pen called `Le Pen` in her article does not take over the
     * ambiguous row */
    int64_t mar = store_quote(w, "Marion Le Pen", "Le Pen", NULL, "propos de Marion", "2024-02-05");
    int64_t marid = speaker_of(w, first_quote(w, mar));
    CHECK(marid > 0 && marid != lpid && marid != mid && marid != jmid);
    CHECK_INT(speaker_of(w, first_quote(w, lp)), lpid);

    int64_t h = store_quote(w, "Hillary Clinton", NULL, NULL, "propos de Hillary", "2024-03-01");
    int64_t b = store_quote(w, "Bill Clinton", NULL, NULL, "propos de Bill", "2024-03-02");
    CHECK(speaker_of(w, first_quote(w, h)) != speaker_of(w, first_quote(w, b)));
    /* `Clinton` alone: two people carry that surname, so a new row */
    int64_t c = store_quote(w, "Clinton", NULL, NULL, "propos de Clinton", "2024-03-03");
    int64_t cid = speaker_of(w, first_quote(w, c));
    CHECK(cid != speaker_of(w, first_quote(w, h)) && cid != speaker_of(w, first_quote(w, b)));
    drop_db(w);
}

TEST(test_identity_le_pen_surname)
{
    struct db *w = fresh_db();
    /* only Marine known: `Le Pen` alone joins her */
    int64_t m = store_quote(w, "Marine Le Pen", NULL, NULL, "premier", "2024-01-01");
    int64_t lp = store_quote(w, "Le Pen", NULL, NULL, "second", "2024-01-02");
    CHECK_INT(speaker_of(w, first_quote(w, lp)), speaker_of(w, first_quote(w, m)));
    /* Jean-Marie arrives: separate, and `Le Pen` alone is now ambiguous */
    int64_t jm = store_quote(w, "Jean-Marie Le Pen", NULL, NULL, "troisième", "2024-01-03");
    CHECK(speaker_of(w, first_quote(w, jm)) != speaker_of(w, first_quote(w, m)));
    int64_t lp2 = store_quote(w, "Le Pen", NULL, NULL, "quatrième", "2024-01-04");
    int64_t lp2id = speaker_of(w, first_quote(w, lp2));
    CHECK(lp2id != speaker_of(w, first_quote(w, jm)));
    drop_db(w);
}

TEST(test_identity_extracted)
{
    struct db *w = fresh_db();
    int64_t fr = ingest(w, FR_TEXT, "fr", NULL, "2024-05-01");
    const char *en =
        "Ankara was calm on Monday when Recep Tayyip Erdoğan spoke. \"Turkey will not wait,\" said "
        "Recep Tayyip Erdoğan after meeting Vladimir Poutine.";
    int64_t e = ingest(w, en, "en", NULL, "2024-05-02");
    CHECK(fr > 0 && e > 0);
    int64_t s1 = speaker_of(w, first_quote(w, fr)), s2 = speaker_of(w, first_quote(w, e));
    CHECK(s1 > 0);
    CHECK_INT(s2, s1);
    struct db_quote_filter f = {.speaker_id = s1};
    CHECK_INT(count_quotes(w, &f), 2);
    struct db_quote_filter n = {.speaker_name = "Recep Tayyip Erdogan"};
    CHECK_INT(count_quotes(w, &n), 2);
    json_t *j = NULL;
    CHECK_INT(db_actor_get(w, s1, &j), DB_OK);
    CHECK_INT(json_integer_value(json_object_get(j, "articles")), 2);
    json_decref(j);
    /* Vladimir Poutine, mentioned in both, is one row too */
    CHECK_INT(count_actors(w, "poutine"), 1);
    drop_db(w);
}

TEST(test_context_utf8)
{
    struct db *w = fresh_db();
    /* 2-byte characters all around: ±300 bytes falls inside one of them */
    char body[2048] = "";
    for (int i = 0; i < 301; i++)
        strcat(body, "é");
    size_t qstart = strlen(body) + strlen(" « ");
    strcat(body, " « le propos » ");
    for (int i = 0; i < 301; i++)
        strcat(body, "œ");
    struct one_quote o;
    one_quote_init(&o, "Anne Martin", NULL, NULL, "le propos", qstart);
    int64_t a = store(w, body, NULL, &o.x);
    CHECK(a > 0);
    struct db *r = reader();
    json_t *q = NULL;
    CHECK_INT(db_quote_get(r, first_quote(r, a), &q), DB_OK);
    const char *ctx = json_string_value(json_object_get(q, "context"));
    CHECK(ctx != NULL);
    if (ctx) {
        CHECK(strstr(ctx, "« le propos »") != NULL);
        CHECK(strlen(ctx) >= 590 && strlen(ctx) <= 620);
        CHECK(strncmp(ctx, "é", 2) == 0);
    }
    json_decref(q);
    /* a reader sees what the writer commits after it opened */
    int64_t b = store_quote(w, "Paul Durand", NULL, NULL, "plus tard", "2024-01-01");
    json_t *j = NULL;
    CHECK_INT(db_article_get(r, b, &j), DB_OK);
    json_decref(j);
    db_close(r);
    drop_db(w);
}

static atomic_int writer_done; /* set by the writer when it has finished */

static void *read_loop(void *arg)
{
    struct db *r = arg;
    int *errors = calloc(1, sizeof *errors);
    int64_t last_total = 0;
    while (!atomic_load(&writer_done)) {
        struct db_page p = {.limit = 5};
        struct db_list l;
        if (db_quotes_list(r, NULL, &p, &l) != DB_OK) {
            (*errors)++;
            continue;
        }
        if (l.total < last_total) /* committed rows never disappear */
            (*errors)++;
        last_total = l.total;
        db_list_free(&l);
    }
    return errors;
}

TEST(test_reader_during_writes)
{
    struct db *w = fresh_db();
    struct db *r = reader();
    atomic_store(&writer_done, 0);
    pthread_t t;
    CHECK_INT(pthread_create(&t, NULL, read_loop, r), 0);
    for (int i = 0; i < 40; i++) {
        char said[32];
        snprintf(said, sizeof said, "propos %d", i);
        CHECK(store_quote(w, "Anne Martin", NULL, NULL, said, "2024-01-01") > 0);
    }
    atomic_store(&writer_done, 1);
    void *res = NULL;
    pthread_join(t, &res);
    CHECK(res != NULL && *(int *)res == 0);
    free(res);
    CHECK_INT(count_quotes(r, NULL), 40);
    db_close(r);
    drop_db(w);
}

/* A batch: one transaction for many articles, invisible to readers until
 * committed; a duplicate inside it is found; a rollback keeps nothing; a
 * failed write is undone alone. */
TEST(test_batch)
{
    struct db *w = fresh_db();
    struct db *r = reader();
    int64_t id1 = 0, id2 = 0, id3 = 0;
    bool existed = false;
    struct db_article_in a1 = {.lang = "fr", .text = "premier article", .len = 15};
    struct db_article_in a2 = {.lang = "fr", .text = "second article", .len = 14};
    struct db_article_in bad = {.lang = "fr", .text = "x", .len = 1, .url = "http://example.org/a"};
    struct db_article_in bad2 = {.lang = NULL, .text = "y", .len = 1};

    CHECK_INT(db_batch_begin(w), DB_OK);
    CHECK_INT(db_batch_begin(w), DB_ERROR); /* no nesting */
    CHECK_INT(db_article_insert(w, &a1, NULL, &id1, &existed), DB_OK);
    CHECK(!existed && id1 > 0);
    CHECK_INT(db_article_insert(w, &a1, NULL, &id2, &existed), DB_OK);
    CHECK(existed && id2 == id1); /* a duplicate of the same batch */
    struct db_list l;
    struct db_page p = {.limit = 10};
    CHECK_INT(db_articles_list(r, NULL, &p, &l), DB_OK);
    CHECK_INT(l.total, 0); /* not committed yet */
    db_list_free(&l);
    db_batch_rollback(w);
    CHECK_INT(db_articles_list(w, NULL, &p, &l), DB_OK);
    CHECK_INT(l.total, 0);
    db_list_free(&l);

    CHECK_INT(db_batch_begin(w), DB_OK);
    CHECK_INT(db_article_insert(w, &a1, NULL, &id1, &existed), DB_OK);
    CHECK_INT(db_article_insert(w, &bad2, NULL, &id3, &existed), DB_EINVAL);
    CHECK_INT(db_article_insert(w, &bad, NULL, &id3, &existed), DB_OK);
    /* same URL, other text: a duplicate; deleting inside the batch works too */
    struct db_article_in same_url = {.lang = "fr", .text = "z", .len = 1, .url = "http://example.org/a"};
    CHECK_INT(db_article_insert(w, &same_url, NULL, &id2, &existed), DB_OK);
    CHECK(existed && id2 == id3);
    CHECK_INT(db_article_delete(w, id3), DB_OK);
    CHECK_INT(db_article_delete(w, id3), DB_NOTFOUND); /* undone alone */
    CHECK_INT(db_article_insert(w, &a2, NULL, &id2, &existed), DB_OK);
    CHECK_INT(db_batch_commit(w), DB_OK);
    CHECK_INT(db_batch_commit(w), DB_ERROR); /* no batch open */
    CHECK_INT(db_articles_list(r, NULL, &p, &l), DB_OK);
    CHECK_INT(l.total, 2);
    db_list_free(&l);
    /* outside a batch, writes commit alone again */
    CHECK_INT(db_article_delete(w, id2), DB_OK);
    CHECK_INT(db_articles_list(r, NULL, &p, &l), DB_OK);
    CHECK_INT(l.total, 1);
    db_list_free(&l);
    db_close(r);
    drop_db(w);
}

/* Prepare n statements no other test uses ("SELECT <base + i>"), each
 * pushing one older statement out of a full cache. */
static void prepare_fillers(struct db *r, int base, int n)
{
    for (int i = 0; i < n; i++) {
        char sql[32];
        int rc = 0;
        snprintf(sql, sizeof sql, "SELECT %d", base + i);
        sqlite3_stmt *st = db_stmt(r, sql, &rc);
        CHECK_INT(rc, 0);
        db_done(st);
    }
}

/* A statement being stepped is never evicted from a full statement cache:
 * reading an actor steps its row while the aliases and counts statements
 * are prepared, and the eviction that makes room for them once picked the
 * statement in use, finalizing it under the reader. */
TEST(test_stmt_cache_keeps_statements_in_use)
{
    struct db *w = fresh_db();
    CHECK(store_quote(w, "Ursula Garnier", "Garnier", NULL, "Nous devons agir", "2026-01-15") > 0);
    CHECK(store_quote(w, "Paul Garnaud", NULL, NULL, "Le port rouvrira", "2026-01-16") > 0);
    struct db *r = reader();
    struct db_list l;
    struct db_page p = {.limit = 10};
    struct db_actor_filter ursula = {.q = "ursula"};
    CHECK_INT(db_actors_list(r, &ursula, &p, &l), DB_OK);
    int64_t id = json_integer_value(json_object_get(json_array_get(l.items, 0), "id"));
    db_list_free(&l);
    CHECK(id > 0);
    for (int round = 0; round < 2; round++) {
        /* a full cache; the item statement cached alone (no row, so no
         * aliases), then the cache turned over until it is the next victim */
        prepare_fillers(r, 1000000 + round * 1000, DB_STMT_CACHE);
        json_t *o = NULL;
        CHECK_INT(db_actor_get(r, id + 1000, &o), DB_NOTFOUND);
        prepare_fillers(r, 1000500 + round * 1000, DB_STMT_CACHE - 1);
        CHECK_INT(db_actor_get(r, id, &o), DB_OK);
        CHECK_STR(json_string_value(json_object_get(o, "name")), "Ursula Garnier");
        json_decref(o);
        /* the same with the list: its statements cached by a search with no
         * hit, then the turn over */
        prepare_fillers(r, 2000000 + round * 1000, DB_STMT_CACHE);
        struct db_actor_filter none = {.q = "zzz"}, some = {.q = "garn"};
        CHECK_INT(db_actors_list(r, &none, &p, &l), DB_OK);
        db_list_free(&l);
        prepare_fillers(r, 2000500 + round * 1000, DB_STMT_CACHE - 2);
        CHECK_INT(db_actors_list(r, &some, &p, &l), DB_OK);
        CHECK_INT(json_array_size(l.items), 2);
        CHECK_STR(json_string_value(json_object_get(json_array_get(l.items, 1), "name")), "Paul Garnaud");
        db_list_free(&l);
    }
    db_close(r);
    drop_db(w);
}

int main(void)
{
    /* without lookaside memory every statement is its own heap block, so a
     * use after finalize shows under AddressSanitizer */
    sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
    RUN(test_open_migrate_reopen);
    RUN(test_insert_get_extracted);
    RUN(test_dedupe);
    RUN(test_pagination);
    RUN(test_count_cap);
    RUN(test_bad_cursor);
    RUN(test_fts_never_errors);
    RUN(test_accents_and_speaker);
    RUN(test_delete_cascade);
    RUN(test_identity_by_hand);
    RUN(test_identity_le_pen_surname);
    RUN(test_identity_extracted);
    RUN(test_context_utf8);
    RUN(test_reader_during_writes);
    RUN(test_batch);
    RUN(test_stmt_cache_keeps_statements_in_use);
    TEST_SUMMARY();
}
