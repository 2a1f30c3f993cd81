/* db_schema.c — the schema as a list of migrations. Version N of the
 * database is the first N entries of `migrations` applied in order;
 * PRAGMA user_version records N. To change the schema, append an entry:
 * never edit one that has shipped.
 *
 * Full-text search: quotes_fts keeps its own copy of each quote (so
 * highlight() works) and the speaker's name; articles_fts is contentless.
 * Both index the FTS_FOLD form of the text (œ → oe, same byte length) with
 * unicode61 remove_diacritics 2, and triggers keep them in step with the
 * tables, including on cascaded deletes. Other triggers keep each actor's
 * quote and mention counts, which order the actor list. Migration 2 adds
 * the same for figures: a full-text table, a date key and a folded unit.
 * Migration 3 keeps the number of quotes in `counts`. Migration 4 drops
 * the full-text insert triggers: new rows are indexed at commit. Migration
 * 5 drops an index no query uses. Migration 6 rebuilds the two contentless
 * full-text tables without the token counts no query reads. Migration 7
 * drops the counting insert triggers: the insert adds its counts itself. */
#include <stdio.h>

#include "db_internal.h"

#define Q_FTS_TEXT(t) FTS_FOLD(t)
#define Q_FTS_SPEAKER(id) FTS_FOLD("coalesce((SELECT name FROM actors WHERE id = " id "), '')")

/* Migration 1: the initial schema, one statement per string. */
static const char *const m1[] = {
    "CREATE TABLE articles ("
    "  id INTEGER PRIMARY KEY,"
    "  url TEXT UNIQUE,"
    "  title TEXT,"
    "  lang TEXT NOT NULL,"
    "  published_at TEXT,"
    "  source TEXT,"
    "  text TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL UNIQUE,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ");",
    "CREATE INDEX articles_lang ON articles(lang, id);",
    "CREATE INDEX articles_published ON articles(published_at, id);",
    "CREATE INDEX articles_source ON articles(source, id);",
    "CREATE TABLE actors ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  name_folded TEXT NOT NULL,"
    "  last_folded TEXT NOT NULL," /* last word of name_folded: surname lookups */
    "  type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),"
    /* kept by triggers on quotes and mentions: the actor list's order */
    "  n_quotes INTEGER NOT NULL DEFAULT 0,"
    "  n_mentions INTEGER NOT NULL DEFAULT 0"
    ");",
    "CREATE INDEX actors_name ON actors(name_folded);",
    "CREATE INDEX actors_rank ON actors(n_quotes DESC, n_mentions DESC, id);",
    "CREATE INDEX actors_last ON actors(type, last_folded);",
    "CREATE TABLE actor_aliases ("
    "  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,"
    "  alias TEXT NOT NULL,"
    "  alias_folded TEXT NOT NULL,"
    "  is_title INTEGER NOT NULL DEFAULT 0," /* a function ('le président turc'): never merges */
    "  PRIMARY KEY (actor_id, alias_folded)"
    ") WITHOUT ROWID;",
    "CREATE INDEX actor_aliases_folded ON actor_aliases(alias_folded);",
    "CREATE TABLE mentions ("
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,"
    "  count INTEGER NOT NULL,"
    "  PRIMARY KEY (article_id, actor_id)"
    ") WITHOUT ROWID;",
    "CREATE INDEX mentions_actor ON mentions(actor_id, article_id);",
    "CREATE TABLE quotes ("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  speaker_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,"
    "  text TEXT NOT NULL,"
    "  text_folded TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('direct', 'partial')),"
    "  start INTEGER NOT NULL,"
    "  \"end\" INTEGER NOT NULL,"
    "  occurrences INTEGER NOT NULL DEFAULT 1,"
    "  cue TEXT,"
    "  confidence REAL NOT NULL,"
    /* the article's published_at ('' when unknown), copied so the date
     * orders of the quote list walk an index instead of sorting */
    "  date_key TEXT NOT NULL DEFAULT ''"
    ");",
    "CREATE INDEX quotes_article ON quotes(article_id, start);",
    "CREATE INDEX quotes_speaker ON quotes(speaker_id, id);",
    "CREATE INDEX quotes_speaker_date ON quotes(speaker_id, date_key);",
    "CREATE INDEX quotes_kind ON quotes(kind, id);",
    "CREATE INDEX quotes_date ON quotes(date_key, id);",
    "CREATE TABLE figures ("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  value REAL NOT NULL,"
    "  unit TEXT NOT NULL,"
    "  approx INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  start INTEGER NOT NULL,"
    "  \"end\" INTEGER NOT NULL,"
    "  sentence TEXT"
    ");",
    "CREATE INDEX figures_article ON figures(article_id, start);",
    "CREATE INDEX figures_unit ON figures(unit, value);",
    "CREATE INDEX figures_value ON figures(value);",
    "CREATE TRIGGER quotes_count_ai AFTER INSERT ON quotes WHEN new.speaker_id IS NOT NULL BEGIN"
    "  UPDATE actors SET n_quotes = n_quotes + 1 WHERE id = new.speaker_id;"
    "END;",
    "CREATE TRIGGER quotes_count_ad AFTER DELETE ON quotes WHEN old.speaker_id IS NOT NULL BEGIN"
    "  UPDATE actors SET n_quotes = n_quotes - 1 WHERE id = old.speaker_id;"
    "END;",
    "CREATE TRIGGER quotes_count_au AFTER UPDATE OF speaker_id ON quotes BEGIN"
    "  UPDATE actors SET n_quotes = n_quotes - 1 WHERE id = old.speaker_id;"
    "  UPDATE actors SET n_quotes = n_quotes + 1 WHERE id = new.speaker_id;"
    "END;",
    "CREATE TRIGGER mentions_count_ai AFTER INSERT ON mentions BEGIN"
    "  UPDATE actors SET n_mentions = n_mentions + new.count WHERE id = new.actor_id;"
    "END;",
    "CREATE TRIGGER mentions_count_ad AFTER DELETE ON mentions BEGIN"
    "  UPDATE actors SET n_mentions = n_mentions - old.count WHERE id = old.actor_id;"
    "END;",
    "CREATE TRIGGER mentions_count_au AFTER UPDATE OF count, actor_id ON mentions BEGIN"
    "  UPDATE actors SET n_mentions = n_mentions - old.count WHERE id = old.actor_id;"
    "  UPDATE actors SET n_mentions = n_mentions + new.count WHERE id = new.actor_id;"
    "END;",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker,"
    "  tokenize = 'unicode61 remove_diacritics 2');",
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN"
    "  INSERT INTO quotes_fts(rowid, text, speaker)"
    "  VALUES (new.id, " Q_FTS_TEXT("new.text") ", " Q_FTS_SPEAKER("new.speaker_id") ");"
    "END;",
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN"
    "  DELETE FROM quotes_fts WHERE rowid = old.id;"
    "END;",
    "CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text, speaker_id ON quotes BEGIN"
    "  UPDATE quotes_fts SET text = " Q_FTS_TEXT("new.text") ","
    "    speaker = " Q_FTS_SPEAKER("new.speaker_id") " WHERE rowid = new.id;"
    "END;",
    "CREATE TRIGGER actors_fts_au AFTER UPDATE OF name ON actors BEGIN"
    "  UPDATE quotes_fts SET speaker = " FTS_FOLD("new.name")
    "  WHERE rowid IN (SELECT id FROM quotes WHERE speaker_id = new.id);"
    "END;",
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content = '',"
    "  tokenize = 'unicode61 remove_diacritics 2');",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, text)"
    "  VALUES (new.id, " FTS_FOLD("coalesce(new.title, '')") ", " FTS_FOLD("new.text") ");"
    "END;",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    "  VALUES ('delete', old.id, " FTS_FOLD("coalesce(old.title, '')") ", " FTS_FOLD("old.text") ");"
    "END;",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    "  VALUES ('delete', old.id, " FTS_FOLD("coalesce(old.title, '')") ", " FTS_FOLD("old.text") ");"
    "  INSERT INTO articles_fts(rowid, title, text)"
    "  VALUES (new.id, " FTS_FOLD("coalesce(new.title, '')") ", " FTS_FOLD("new.text") ");"
    "END;",
    NULL,
};

/* Migration 2: what the figure list and the statistics need.
 * - figures.unit_folded (quoted_fold(unit), see db.c) so a unit matches
 *   without regard to case or accents, and figures group by it;
 * - figures.date_key, the article's published_at ('' when unknown), as
 *   quotes have it, so the date orders of the figure list walk an index;
 * - figures_fts over the figure's text and sentence, contentless like
 *   articles_fts, kept by triggers (cascaded deletes included).
 * Rows stored before this step are filled in here. */
static const char *const m2[] = {
    "ALTER TABLE figures ADD COLUMN unit_folded TEXT NOT NULL DEFAULT '';",
    "ALTER TABLE figures ADD COLUMN date_key TEXT NOT NULL DEFAULT '';",
    "UPDATE figures SET unit_folded = quoted_fold(unit),"
    "  date_key = coalesce((SELECT published_at FROM articles WHERE id = figures.article_id), '');",
    "CREATE INDEX figures_unit_folded ON figures(unit_folded, value);",
    "CREATE INDEX figures_date ON figures(date_key, id);",
    "CREATE VIRTUAL TABLE figures_fts USING fts5(text, sentence, content = '',"
    "  tokenize = 'unicode61 remove_diacritics 2');",
    "INSERT INTO figures_fts(rowid, text, sentence)"
    "  SELECT id, " FTS_FOLD("text") ", " FTS_FOLD("coalesce(sentence, '')") " FROM figures;",
    "CREATE TRIGGER figures_fts_ai AFTER INSERT ON figures BEGIN"
    "  INSERT INTO figures_fts(rowid, text, sentence)"
    "  VALUES (new.id, " FTS_FOLD("new.text") ", " FTS_FOLD("coalesce(new.sentence, '')") ");"
    "END;",
    "CREATE TRIGGER figures_fts_ad AFTER DELETE ON figures BEGIN"
    "  INSERT INTO figures_fts(figures_fts, rowid, text, sentence)"
    "  VALUES ('delete', old.id, " FTS_FOLD("old.text") ", " FTS_FOLD("coalesce(old.sentence, '')") ");"
    "END;",
    "CREATE TRIGGER figures_fts_au AFTER UPDATE OF text, sentence ON figures BEGIN"
    "  INSERT INTO figures_fts(figures_fts, rowid, text, sentence)"
    "  VALUES ('delete', old.id, " FTS_FOLD("old.text") ", " FTS_FOLD("coalesce(old.sentence, '')") ");"
    "  INSERT INTO figures_fts(rowid, text, sentence)"
    "  VALUES (new.id, " FTS_FOLD("new.text") ", " FTS_FOLD("coalesce(new.sentence, '')") ");"
    "END;",
    NULL,
};

/* Migration 3: the number of quotes, kept by triggers in a one-row-per-name
 * table, so the unfiltered quote list and the statistics read their total
 * instead of counting a million rows on each request. */
static const char *const m3[] = {
    "CREATE TABLE counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;",
    "INSERT INTO counts (name, n) SELECT 'quotes', count(*) FROM quotes;",
    "CREATE TRIGGER quotes_total_ai AFTER INSERT ON quotes BEGIN"
    "  UPDATE counts SET n = n + 1 WHERE name = 'quotes';"
    "END;",
    "CREATE TRIGGER quotes_total_ad AFTER DELETE ON quotes BEGIN"
    "  UPDATE counts SET n = n - 1 WHERE name = 'quotes';"
    "END;",
    NULL,
};

/* Migration 4: the full-text tables are no longer filled by insert
 * triggers. FTS5 writes its pending terms to disk at the start of every
 * statement that opens a statement savepoint (any insert that fires a
 * trigger), so indexing row by row wrote one tiny segment per quote and per
 * figure and merged them again. New rows are now indexed in one statement
 * per table when their transaction commits (fts_index_pending, db_articles.c).
 * Rows stored before this step are already indexed; the delete and update
 * triggers stay. */
static const char *const m4[] = {
    "DROP TRIGGER IF EXISTS quotes_fts_ai;",
    "DROP TRIGGER IF EXISTS articles_fts_ai;",
    "DROP TRIGGER IF EXISTS figures_fts_ai;",
    NULL,
};

/* Migration 5: figures_unit (unit, value) serves no query since migration 2
 * (units are matched and grouped by unit_folded); every figure paid for it. */
static const char *const m5[] = {
    "DROP INDEX figures_unit;",
    NULL,
};

/* Migration 6: articles_fts and figures_fts without their per-row token
 * counts (columnsize = 0). Only bm25 reads them, and only quotes_fts is
 * ranked; each figure paid an extra row in figures_fts_docsize. A full-text
 * table's options are fixed when it is created, so both are created again
 * and filled from the stored rows, indexed as fts_index_pending does. */
static const char *const m6[] = {
    "DROP TABLE articles_fts;",
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content = '', columnsize = 0,"
    "  tokenize = 'unicode61 remove_diacritics 2');",
    "INSERT INTO articles_fts(rowid, title, text)"
    "  SELECT id, quoted_fts_text(coalesce(title, '')), quoted_fts_text(text) FROM articles;",
    "DROP TABLE figures_fts;",
    "CREATE VIRTUAL TABLE figures_fts USING fts5(text, sentence, content = '', columnsize = 0,"
    "  tokenize = 'unicode61 remove_diacritics 2');",
    "INSERT INTO figures_fts(rowid, text, sentence)"
    "  SELECT id, quoted_fts_text(text), quoted_fts_text(coalesce(sentence, '')) FROM figures;",
    NULL,
};

/* Migration 7: the counters of quotes and mentions are no longer kept by
 * insert triggers. A statement that fires a trigger opens a statement
 * journal, which copies every page it changes before changing it, and each
 * quote added one to its speaker and to the total, one row at a time.
 * db_article_insert now adds each article's counts once per actor and once
 * to the total. The delete and update triggers stay. */
static const char *const m7[] = {
    "DROP TRIGGER quotes_count_ai;",
    "DROP TRIGGER quotes_total_ai;",
    "DROP TRIGGER mentions_count_ai;",
    NULL,
};

/* Version N = the first N migrations applied. */
static const char *const *const migrations[] = {m1, m2, m3, m4, m5, m6, m7};

int db_schema_target(void)
{
    return (int)(sizeof migrations / sizeof migrations[0]);
}

static int read_version(struct db *db, int *rc)
{
    int v = 0;
    sqlite3_stmt *st = db_stmt(db, "PRAGMA user_version", rc);
    if (db_step(db, st, rc))
        v = sqlite3_column_int(st, 0);
    db_done(st);
    return v;
}

/* Apply the missing migrations, each in its own IMMEDIATE transaction that
 * re-reads the version, so two writers starting at once cannot both apply
 * the same step. A database newer than this code is refused. */
void db_migrate(struct db *db, int *rc)
{
    int target = db_schema_target();
    for (;;) {
        if (*rc)
            return;
        db_exec(db, "BEGIN IMMEDIATE", rc);
        int v = read_version(db, rc);
        if (!*rc && v > target) {
            db_fail(db, rc, SQLITE_ERROR, "database schema is newer than this program");
        } else if (!*rc && v < target) {
            for (const char *const *sql = migrations[v]; *sql; sql++)
                db_exec(db, *sql, rc);
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
            db_exec(db, sql, rc);
        }
        if (*rc) {
            sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
            return;
        }
        db_exec(db, "COMMIT", rc);
        if (v >= target)
            return;
    }
}
