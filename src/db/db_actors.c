/* db_actors.c — actors: one row per real-world actor across articles, and
 * the actor list and page.
 *
 * Identity. An extracted actor joins a stored actor of the same type when,
 * on folded forms (lower case, no accents):
 *   1. its name is the stored name, or a stored alias that is not a title;
 *   2. one of its aliases (not a title) is the stored name;
 *   3. (people) it has first name and surname of the stored name, middle
 *      names agreeing or given as initials: `Recep T. Erdogan` is
 *      `Recep Tayyip Erdogan`;
 *   4. (people) it is the end of the stored name, a bare surname such as
 *      `Erdogan` or `Le Pen`.
 * Except for the same name, a merge needs exactly one stored actor to
 * qualify, and a person's name that ends the names of two stored people is
 * never merged: `Le Pen` stays apart while both `Marine Le Pen` and
 * `Jean-Marie Le Pen` are known. Different first names never merge. Titles (`le président
 * turc`) are kept as aliases but never used to merge: their holder changes.
 * When merging, a fuller name replaces the stored one, which becomes an
 * alias. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "utf8.h"

/* ---- name forms ----------------------------------------------------------- */

#define MAX_WORDS 12

/* Split a folded name into words (pointers into buf, a copy). */
static size_t split_words(const char *folded, char *buf, size_t cap, char *w[MAX_WORDS])
{
    size_t len = strlen(folded);
    if (len >= cap)
        len = cap - 1;
    memcpy(buf, folded, len);
    buf[len] = '\0';
    size_t n = 0;
    char *save = NULL;
    for (char *s = strtok_r(buf, " ", &save); s && n < MAX_WORDS; s = strtok_r(NULL, " ", &save))
        w[n++] = s;
    return n;
}

static bool is_initial(const char *w)
{
    size_t n = strlen(w);
    return n == 1 || (n == 2 && w[1] == '.');
}

static bool word_agrees(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    if (is_initial(a))
        return b[0] == a[0];
    if (is_initial(b))
        return a[0] == b[0];
    return false;
}

/* How much of a name is given: whole words count, initials do not. */
static size_t fullness(const char *folded)
{
    char buf[512], *w[MAX_WORDS];
    size_t n = split_words(folded, buf, sizeof buf, w), full = 0;
    for (size_t i = 0; i < n; i++)
        full += is_initial(w[i]) ? 0 : 1;
    return full * 1000 + strlen(folded);
}

/* Rule 3: same first name and surname, middles agreeing. */
static bool names_compatible(const char *a, const char *b)
{
    char ba[512], bb[512], *wa[MAX_WORDS], *wb[MAX_WORDS];
    size_t na = split_words(a, ba, sizeof ba, wa), nb = split_words(b, bb, sizeof bb, wb);
    if (na < 2 || nb < 2 || strcmp(wa[0], wb[0]) != 0 || strcmp(wa[na - 1], wb[nb - 1]) != 0)
        return false;
    if (na == 2 || nb == 2) /* one side gives no middle name */
        return true;
    if (na != nb)
        return false;
    for (size_t i = 1; i + 1 < na; i++)
        if (!word_agrees(wa[i], wb[i]))
            return false;
    return true;
}

static const char *last_word(const char *folded)
{
    const char *sp = strrchr(folded, ' ');
    return sp ? sp + 1 : folded;
}

/* A title, not a name: starts lower case, or starts with a determiner and
 * goes on with a lower-case word (`Le président turc`, `The French
 * president`), where `Le Pen` is a name. */
static bool alias_is_title(const char *alias)
{
    static const char *const det[] = {"le", "la", "les", "l'", "the", "a", "an", "un", "une", "ce", "cette",
                                      "son", "sa", "ses", "his", "her", "their", "its", "this", "that", NULL};
    size_t n = strlen(alias), i = 0;
    if (!cp_is_upper(utf8_next(alias, n, &i)))
        return true;
    /* the first word, with its apostrophe when elided (L'…) */
    size_t k = 0;
    while (k < n) {
        size_t j = k;
        uint32_t c = utf8_next(alias, n, &j);
        if (cp_is_space(c))
            break;
        k = j;
        if (c == '\'' || c == 0x2019)
            break;
    }
    char first[32];
    utf8_fold_into(alias, k, first, sizeof first);
    bool is_det = false;
    for (const char *const *d = det; *d && !is_det; d++)
        is_det = strcmp(first, *d) == 0;
    if (!is_det)
        return false;
    while (k < n) { /* the next word: lower case makes a title */
        size_t j = k;
        uint32_t c = utf8_next(alias, n, &j);
        if (cp_is_letter(c))
            return !cp_is_upper(c);
        k = j;
    }
    return false;
}

/* ---- lookups ------------------------------------------------------------- */

/* Collect distinct ids from a statement's column 0 into ids (max 2). */
static size_t collect(struct db *db, sqlite3_stmt *st, int64_t ids[2], size_t n, int *rc)
{
    while (db_step(db, st, rc)) {
        int64_t v = sqlite3_column_int64(st, 0);
        if (n > 0 && ids[0] == v)
            continue;
        if (n > 1 && ids[1] == v)
            continue;
        if (n < 2)
            ids[n] = v;
        n = n < 2 ? n + 1 : 2;
    }
    db_done(st);
    return n;
}

static int64_t find_by_name(struct db *db, const char *type, const char *folded, int *rc)
{
    int64_t id = 0;
    sqlite3_stmt *st = db_stmt(db, "SELECT id FROM actors WHERE name_folded = ?1 AND type = ?2 ORDER BY id LIMIT 1", rc);
    db_bind_text(db, st, 1, folded, rc);
    db_bind_text(db, st, 2, type, rc);
    if (db_step(db, st, rc))
        id = sqlite3_column_int64(st, 0);
    db_done(st);
    return id;
}

/* Stored people whose name ends with `name` as whole words, or agrees with
 * it as a full name (rules 3 and 4); at most two distinct ids in ids. */
static size_t same_surname(struct db *db, const char *name, int64_t ids[2], int *rc)
{
    bool multi = strchr(name, ' ') != NULL;
    size_t n = 0, nl = strlen(name);
    sqlite3_stmt *st = db_stmt(db, "SELECT id, name_folded FROM actors WHERE type = 'person' AND last_folded = ?1", rc);
    db_bind_text(db, st, 1, last_word(name), rc);
    while (db_step(db, st, rc)) {
        int64_t v = sqlite3_column_int64(st, 0);
        const char *stored = (const char *)sqlite3_column_text(st, 1);
        size_t sl = stored ? strlen(stored) : 0;
        if (!stored)
            continue;
        bool match = (multi && names_compatible(name, stored)) ||
                     (sl > nl + 1 && strcmp(stored + sl - nl, name) == 0 && stored[sl - nl - 1] == ' ');
        if (match && !(n > 0 && ids[0] == v)) {
            if (n < 2)
                ids[n] = v;
            n = n < 2 ? n + 1 : 2;
        }
    }
    db_done(st);
    return n;
}

static int64_t find_actor(struct db *db, const struct actor *a, const char *type, const char *name,
                          char **aliases, const bool *titles, int *rc)
{
    /* 1: same name */
    int64_t id = find_by_name(db, type, name, rc);
    if (id || *rc)
        return id;
    int64_t ids[2], sur[2];
    size_t n, nsur = 0;
    /* a name two stored people could carry (`Le Pen`) never merges */
    if (a->type == ACTOR_PERSON) {
        nsur = same_surname(db, name, sur, rc);
        if (nsur > 1)
            return 0;
    }
    /* 1b: our name is a stored alias. CROSS JOIN keeps the alias index
     * first: without statistics SQLite would walk every actor of the type */
    sqlite3_stmt *st = db_stmt(db, "SELECT al.actor_id FROM actor_aliases al CROSS JOIN actors ac ON ac.id = al.actor_id"
                                   " WHERE al.alias_folded = ?1 AND al.is_title = 0 AND ac.type = ?2", rc);
    db_bind_text(db, st, 1, name, rc);
    db_bind_text(db, st, 2, type, rc);
    n = collect(db, st, ids, 0, rc);
    if (n == 1)
        return ids[0];
    if (n > 1)
        return 0;
    /* 2: one of our aliases is a stored name, unless two stored people
     * could carry that alias too */
    for (size_t i = 0; i < a->n_aliases; i++) {
        if (titles[i] || !aliases[i][0])
            continue;
        int64_t other[2];
        if (a->type == ACTOR_PERSON && same_surname(db, aliases[i], other, rc) > 1)
            continue;
        st = db_stmt(db, "SELECT id FROM actors WHERE name_folded = ?1 AND type = ?2", rc);
        db_bind_text(db, st, 1, aliases[i], rc);
        db_bind_text(db, st, 2, type, rc);
        n = collect(db, st, ids, n, rc);
    }
    if (n == 1)
        return ids[0];
    /* 3 and 4: the one person with that full name or surname */
    return n == 0 && nsur == 1 ? sur[0] : 0;
}

static void add_alias(struct db *db, int64_t actor, const char *alias, const char *folded, bool title, int *rc)
{
    if (!folded[0])
        return;
    sqlite3_stmt *st = db_stmt(db,
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, alias_folded, is_title)"
        " SELECT ?1, ?2, ?3, ?4 WHERE ?3 <> (SELECT name_folded FROM actors WHERE id = ?1)", rc);
    db_bind_i64(db, st, 1, actor, rc);
    db_bind_text(db, st, 2, alias, rc);
    db_bind_text(db, st, 3, folded, rc);
    db_bind_i64(db, st, 4, title, rc);
    db_step(db, st, rc);
    db_done(st);
}

/* Merge the extracted actor into stored row `id`: the fuller name wins,
 * the other becomes an alias. */
static void enrich(struct db *db, int64_t id, const struct actor *a, const char *name, int *rc)
{
    char *stored = NULL, *stored_folded = NULL;
    sqlite3_stmt *st = db_stmt(db, "SELECT name, name_folded FROM actors WHERE id = ?1", rc);
    db_bind_i64(db, st, 1, id, rc);
    if (db_step(db, st, rc)) {
        stored = col_strdup(st, 0);
        stored_folded = col_strdup(st, 1);
    }
    db_done(st);
    if (!*rc && (!stored || !stored_folded))
        db_fail(db, rc, SQLITE_NOMEM, "out of memory");
    if (!*rc && fullness(name) > fullness(stored_folded)) {
        st = db_stmt(db, "UPDATE actors SET name = ?2, name_folded = ?3, last_folded = ?4 WHERE id = ?1", rc);
        db_bind_i64(db, st, 1, id, rc);
        db_bind_text(db, st, 2, a->name, rc);
        db_bind_text(db, st, 3, name, rc);
        db_bind_text(db, st, 4, last_word(name), rc);
        db_step(db, st, rc);
        db_done(st);
        st = db_stmt(db, "DELETE FROM actor_aliases WHERE actor_id = ?1 AND alias_folded = ?2", rc);
        db_bind_i64(db, st, 1, id, rc);
        db_bind_text(db, st, 2, name, rc);
        db_step(db, st, rc);
        db_done(st);
        add_alias(db, id, stored, stored_folded, false, rc);
    } else if (!*rc) {
        add_alias(db, id, a->name, name, false, rc);
    }
    free(stored);
    free(stored_folded);
}

int64_t actor_resolve(struct db *db, const struct actor *a, int *rc)
{
    if (*rc)
        return 0;
    const char *type = actor_type_name(a->type);
    const char *raw = a->name ? a->name : "";
    char *name = utf8_fold(raw, strlen(raw));
    char **aliases = a->n_aliases ? calloc(a->n_aliases, sizeof *aliases) : NULL;
    bool *titles = a->n_aliases ? calloc(a->n_aliases, sizeof *titles) : NULL;
    bool oom = !name || (a->n_aliases && (!aliases || !titles));
    for (size_t i = 0; i < a->n_aliases && !oom; i++) {
        const char *al = a->aliases[i] ? a->aliases[i] : "";
        aliases[i] = utf8_fold(al, strlen(al));
        titles[i] = alias_is_title(al);
        oom = !aliases[i];
    }
    int64_t id = 0;
    if (oom)
        db_fail(db, rc, SQLITE_NOMEM, "out of memory");
    else
        id = find_actor(db, a, type, name, aliases, titles, rc);

    if (id) {
        enrich(db, id, a, name, rc);
    } else if (!*rc) {
        sqlite3_stmt *st = db_stmt(db, "INSERT INTO actors (name, name_folded, last_folded, type) VALUES (?1, ?2, ?3, ?4)", rc);
        db_bind_text(db, st, 1, raw, rc);
        db_bind_text(db, st, 2, name, rc);
        db_bind_text(db, st, 3, last_word(name), rc);
        db_bind_text(db, st, 4, type, rc);
        db_step(db, st, rc);
        db_done(st);
        if (!*rc)
            id = sqlite3_last_insert_rowid(db->h);
    }
    for (size_t i = 0; i < a->n_aliases && !*rc; i++)
        add_alias(db, id, a->aliases[i], aliases[i], titles[i], rc);
    for (size_t i = 0; aliases && i < a->n_aliases; i++)
        free(aliases[i]);
    free(aliases);
    free(titles);
    free(name);
    return *rc ? 0 : id;
}

void actors_prune(struct db *db, const int64_t *ids, size_t n, int *rc)
{
    for (size_t i = 0; i < n && !*rc; i++) {
        sqlite3_stmt *st = db_stmt(db, "DELETE FROM actors WHERE id = ?1"
                                       " AND NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = ?1)"
                                       " AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = ?1)", rc);
        db_bind_i64(db, st, 1, ids[i], rc);
        db_step(db, st, rc);
        db_done(st);
    }
}

json_t *actor_aliases_json(struct db *db, int64_t id, int *rc)
{
    json_t *arr = json_array();
    sqlite3_stmt *st = db_stmt(db, "SELECT alias FROM actor_aliases WHERE actor_id = ?1 ORDER BY is_title, alias", rc);
    db_bind_i64(db, st, 1, id, rc);
    while (db_step(db, st, rc))
        json_array_append_new(arr, col_json_text(st, 0));
    db_done(st);
    return arr;
}

/* ---- reads ---------------------------------------------------------------- */

/* Add quotes, mentions, articles, first_quoted, last_quoted to o. */
/* Add quotes, mentions, articles, first_quoted, last_quoted to o. Dates
 * are the articles' published_at; null when never quoted with a date. */
static void actor_stats(struct db *db, int64_t id, json_t *o, int *rc)
{
    sqlite3_stmt *st = db_stmt(db,
        "SELECT n_quotes, n_mentions,"
        " (SELECT count(*) FROM (SELECT article_id FROM mentions WHERE actor_id = ?1"
        "   UNION SELECT article_id FROM quotes WHERE speaker_id = ?1)),"
        " (SELECT date_key FROM quotes WHERE speaker_id = ?1 AND date_key > '' ORDER BY date_key LIMIT 1),"
        " (SELECT date_key FROM quotes WHERE speaker_id = ?1 AND date_key > '' ORDER BY date_key DESC LIMIT 1)"
        " FROM actors WHERE id = ?1", rc);
    db_bind_i64(db, st, 1, id, rc);
    if (db_step(db, st, rc)) {
        json_object_set_new(o, "quotes", json_integer(sqlite3_column_int64(st, 0)));
        json_object_set_new(o, "mentions", json_integer(sqlite3_column_int64(st, 1)));
        json_object_set_new(o, "articles", json_integer(sqlite3_column_int64(st, 2)));
        json_object_set_new(o, "first_quoted", col_json_text(st, 3));
        json_object_set_new(o, "last_quoted", col_json_text(st, 4));
    }
    db_done(st);
}

static json_t *actor_json(struct db *db, sqlite3_stmt *st, int *rc)
{
    int64_t id = sqlite3_column_int64(st, 0);
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(id));
    json_object_set_new(o, "name", col_json_text(st, 1));
    json_object_set_new(o, "type", col_json_text(st, 2));
    json_object_set_new(o, "aliases", actor_aliases_json(db, id, rc));
    actor_stats(db, id, o, rc);
    return o;
}

enum db_status db_actor_get(struct db *r, int64_t id, json_t **out)
{
    int rc = 0;
    *out = NULL;
    r->err[0] = '\0';
    json_t *o = NULL;
    sqlite3_stmt *st = db_stmt(r, "SELECT id, name, type FROM actors WHERE id = ?1", &rc);
    db_bind_i64(r, st, 1, id, &rc);
    if (db_step(r, st, &rc))
        o = actor_json(r, st, &rc);
    else if (!rc)
        db_fail(r, &rc, RC_NOTFOUND, "no such actor");
    db_done(st);
    if (rc) {
        json_decref(o);
        return db_status_of(r, rc);
    }
    *out = o;
    return DB_OK;
}

static void actors_where(struct sqlbuf *b, const struct db_actor_filter *f, const char *pre,
                         const char *word, int *rc)
{
    sb_add(b, " FROM actors ac WHERE 1", rc);
    if (f->type) {
        sb_add(b, " AND ac.type = ", rc);
        sb_text(b, f->type, rc);
    }
    if (pre) {
        sb_add(b, " AND (ac.name_folded LIKE ", rc);
        sb_text(b, pre, rc);
        sb_add(b, " ESCAPE '\\' OR ac.name_folded LIKE ", rc);
        sb_text(b, word, rc);
        sb_add(b, " ESCAPE '\\' OR EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = ac.id"
                  " AND al.alias_folded LIKE ", rc);
        sb_text(b, pre, rc);
        sb_add(b, " ESCAPE '\\'))", rc);
    }
    if (f->quoted_only)
        sb_add(b, " AND ac.n_quotes > 0", rc);
}

enum db_status db_actors_list(struct db *r, const struct db_actor_filter *f,
                              const struct db_page *p, struct db_list *out)
{
    static const struct db_actor_filter none = {0};
    int rc = 0;
    memset(out, 0, sizeof *out);
    r->err[0] = '\0';
    if (!f)
        f = &none;
    if (!p || p->limit < 1 || p->limit > 100 ||
        (f->type && strcmp(f->type, "person") && strcmp(f->type, "organization") && strcmp(f->type, "place"))) {
        db_fail(r, &rc, RC_EINVAL, "bad limit or type");
        return DB_EINVAL;
    }
    int64_t cid = 0, cq = 0, cm = 0;
    if (p->cursor) {
        char *key = NULL;
        long long a = 0, b = 0;
        char extra;
        bool ok = cursor_parse(p->cursor, "ac", &key, &cid) && sscanf(key, "%lld:%lld%c", &a, &b, &extra) == 2;
        free(key);
        if (!ok) {
            db_fail(r, &rc, RC_EINVAL, "bad cursor");
            return DB_EINVAL;
        }
        cq = a;
        cm = b;
    }
    char *folded = NULL, *pre = NULL, *word = NULL;
    if (f->q && *f->q) {
        folded = utf8_fold(f->q, strlen(f->q));
        pre = folded ? like_escape("", folded, "%") : NULL;
        word = folded ? like_escape("% ", folded, "%") : NULL;
        if (!folded || !pre || !word)
            rc = SQLITE_NOMEM;
        else if (!*folded) {
            free(pre);
            free(word);
            pre = word = NULL;
        }
    }
    out->items = json_array();
    if (!out->items)
        rc = SQLITE_NOMEM;

    struct sqlbuf cnt = {0}, lst = {0};
    sb_add(&cnt, "SELECT count(*)", &rc);
    actors_where(&cnt, f, pre, word, &rc);
    sb_add(&lst, "SELECT ac.id, ac.name, ac.type, ac.n_quotes, ac.n_mentions", &rc);
    actors_where(&lst, f, pre, word, &rc);
    if (p->cursor) { /* after (quotes, mentions, id) of the last row seen */
        sb_add(&lst, " AND (ac.n_quotes < ", &rc);
        sb_i64(&lst, cq, &rc);
        sb_add(&lst, " OR (ac.n_quotes = ", &rc);
        sb_i64(&lst, cq, &rc);
        sb_add(&lst, " AND (ac.n_mentions < ", &rc);
        sb_i64(&lst, cm, &rc);
        sb_add(&lst, " OR (ac.n_mentions = ", &rc);
        sb_i64(&lst, cm, &rc);
        sb_add(&lst, " AND ac.id > ", &rc);
        sb_i64(&lst, cid, &rc);
        sb_add(&lst, "))))", &rc);
    }
    sb_add(&lst, " ORDER BY ac.n_quotes DESC, ac.n_mentions DESC, ac.id LIMIT ", &rc);
    sb_i64(&lst, p->limit + 1, &rc);

    out->total = sb_count(r, &cnt, &rc);

    sqlite3_stmt *st = db_stmt(r, lst.sql, &rc);
    sb_bind(r, st, &lst, &rc);
    int n = 0;
    int64_t last = 0, lq = 0, lm = 0;
    while (db_step(r, st, &rc)) {
        if (n == p->limit) {
            char key[64];
            snprintf(key, sizeof key, "%lld:%lld", (long long)lq, (long long)lm);
            out->next_cursor = cursor_make("ac", key, last);
            if (!out->next_cursor)
                rc = SQLITE_NOMEM;
            break;
        }
        last = sqlite3_column_int64(st, 0);
        lq = sqlite3_column_int64(st, 3);
        lm = sqlite3_column_int64(st, 4);
        json_array_append_new(out->items, actor_json(r, st, &rc));
        n++;
    }
    db_done(st);
    free(folded);
    free(pre);
    free(word);
    sb_free(&cnt);
    sb_free(&lst);
    if (rc)
        db_list_free(out);
    return db_status_of(r, rc);
}
