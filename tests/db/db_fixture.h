/* db_fixture.h — a temporary database file for the storage tests: one per
 * test, created fresh, removed with its WAL and shared-memory files. Header
 * only, included once by each test program. */
#ifndef QUOTED_DB_FIXTURE_H
#define QUOTED_DB_FIXTURE_H

#include <stdio.h>
#include <unistd.h>

#include "db/db.h"

static char db_path[64];

/* A fresh database file; the writer is returned open (NULL on failure,
 * with the reason printed). */
static struct db *fresh_db(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/quoted-test-db-XXXXXX");
    int fd = mkstemp(db_path);
    if (fd >= 0)
        close(fd);
    struct db *w = NULL;
    char err[256];
    if (db_open(db_path, DB_WRITE, &w, err, sizeof err) != DB_OK)
        fprintf(stderr, "  db_open: %s\n", err);
    return w;
}

/* Close the writer and remove the file and its companions. */
static void drop_db(struct db *w)
{
    db_close(w);
    char p[80];
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

/* A read connection on the current test database. */
static struct db *reader(void)
{
    struct db *r = NULL;
    char err[256];
    if (db_open(db_path, DB_READ, &r, err, sizeof err) != DB_OK)
        fprintf(stderr, "  db_open (read): %s\n", err);
    return r;
}

#endif
