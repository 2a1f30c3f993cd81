/* article_input.h — reading an article submitted as JSON or plain text:
 * the fields, their types and their limits, checked in one place for the
 * API (POST /articles, POST /extract, NDJSON lines) and `quoted import`. */
#ifndef QUOTED_ARTICLE_INPUT_H
#define QUOTED_ARTICLE_INPUT_H

#include <jansson.h>

#include "http.h"

struct article_fields {
    const char *text;   /* borrowed from the JSON object or body */
    size_t len;
    const char *lang, *title, *url, *date, *source; /* NULL when absent */
};

/* Check fields already filled (lang, date, title and url limits, a text
 * that is not only white space), adding every problem to `p`. The readers
 * below call it; `quoted import` calls it for plain-text files. */
bool article_fields_check(const struct article_fields *f, struct problems *p);

/* Fill `f` from a JSON object; every problem (missing text, wrong types,
 * bad lang or date, and with `strict` unknown fields) is added to `p`.
 * Returns true when all is well. */
bool article_from_json(json_t *obj, bool strict, struct article_fields *f, struct problems *p);

/* Fill `f` from a text/plain body and the query parameters lang, title,
 * url, date, source. Returns true when all is well. */
bool article_from_text(const struct request *req, struct article_fields *f, struct problems *p);

/* Fill `f` from the request body: a JSON object (application/json) or
 * plain text (any other type the route accepts), adding every problem to
 * `p`. *obj receives the parsed JSON (the caller releases it with
 * json_decref once done with `f`, whose strings it holds), or NULL. Returns
 * false when the body is not JSON at all: then a 400 is set in `rep`. */
bool article_from_body(const struct request *req, struct reply *rep, struct article_fields *f, json_t **obj,
                       struct problems *p);

#endif
