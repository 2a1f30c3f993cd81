/* http.h — what a handler sees of HTTP: a request struct in, a reply struct
 * out. No libmicrohttpd here: server.c fills the request and sends the
 * reply, so handlers can be called directly by unit tests.
 *
 * Errors are replies too: reply_problem() builds an RFC 9457
 * application/problem+json body; bad parameters are collected in a
 * `struct problems` and answered in one 400 with errors:[{param, reason}]. */
#ifndef QUOTED_HTTP_H
#define QUOTED_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct app;
struct db;

enum http_method {
    HTTP_GET = 1 << 0,
    HTTP_HEAD = 1 << 1,
    HTTP_POST = 1 << 2,
    HTTP_DELETE = 1 << 3,
    HTTP_OPTIONS = 1 << 4,
    HTTP_PUT = 1 << 5,
    HTTP_PATCH = 1 << 6,
    HTTP_OTHER = 1 << 7,
};

struct param {
    const char *key, *value; /* borrowed for the request's lifetime */
};

enum body_format { FORMAT_JSON = 0, FORMAT_CSV, FORMAT_NDJSON };

struct request {
    enum http_method method;
    const char *path;          /* without the query string */
    const char *query;         /* raw query string ("" if none), for links */
    const char *path_id;       /* the {id} segment of the route, or NULL */
    const struct param *params;
    size_t n_params;
    const char *content_type;  /* media type, lower case, no parameters; NULL if absent */
    const char *body;          /* the whole body, NUL-terminated; NULL if none */
    size_t body_len;
    enum body_format format;   /* from ?format= or Accept (lists only) */
    struct app *app;
    struct db *db;             /* this thread's read connection */
};

struct reply {
    int status;
    json_t *json;              /* JSON body (owned), or NULL */
    char *body;                /* raw body (owned), used when json is NULL */
    size_t body_len;
    const char *content_type;  /* static string; default application/json */
    char *location;            /* Location header (owned), or NULL */
    char *link_next;           /* URL for Link: <...>; rel="next" (owned), or NULL */
    const char *allow;         /* Allow header (static), or NULL */
    bool www_authenticate;     /* add WWW-Authenticate: Bearer */
    int retry_after;           /* seconds for Retry-After, 0 = none */
    char etag[24];             /* precomputed ETag (quoted), "" = computed when sent */
};

typedef void (*handler_fn)(const struct request *req, struct reply *rep);

/* Release what a reply owns and zero it. */
void reply_free(struct reply *rep);

/* Set a JSON reply; steals the reference to `body`. */
void reply_json(struct reply *rep, int status, json_t *body);

/* Set a raw reply; takes ownership of `body` (malloc'd). */
void reply_raw(struct reply *rep, int status, const char *content_type, char *body, size_t len);

/* Set an application/problem+json reply {type, title, status, detail}.
 * `detail` is printf-style. */
void reply_problem(struct reply *rep, int status, const char *detail, ...)
    __attribute__((format(printf, 3, 4)));

/* The standard title of an HTTP status ("Not Found"). */
const char *http_status_title(int status);

/* Bad request parameters or body fields, answered together. */
struct problems {
    json_t *errors; /* array of {param, reason}; NULL while empty */
};
void problems_add(struct problems *p, const char *param, const char *reason, ...)
    __attribute__((format(printf, 3, 4)));
/* If any problem was added: set a 400 reply listing them, free them and
 * return true. Otherwise return false. */
bool problems_reply(struct problems *p, struct reply *rep, const char *detail);

/* Query parameter value (last occurrence) or NULL. */
const char *req_param(const struct request *req, const char *key);

/* Parse typed parameters; on a bad value add a problem and return false.
 * A missing parameter leaves *out at its default and returns true. */
bool param_int(const struct request *req, const char *key, int64_t min, int64_t max,
               int64_t *out, struct problems *p);
bool param_double(const struct request *req, const char *key, double *out, bool *present,
                  struct problems *p);
bool param_enum(const struct request *req, const char *key, const char *const *allowed,
                const char **out, struct problems *p);
/* An ISO 8601 date YYYY-MM-DD (or YYYY-MM, YYYY). */
bool param_date(const struct request *req, const char *key, const char **out, struct problems *p);
/* A path id: positive integer. */
bool path_id(const struct request *req, int64_t *out);

/* Append the request's query to `path` with `cursor` replaced; new string. */
char *url_with_cursor(const struct request *req, const char *cursor);

#endif
