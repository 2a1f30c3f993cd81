/* http.c — building replies and reading parameters, shared by every
 * handler and by the server for the errors it answers itself. */
#include "http.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/utf8.h"

/* Make s valid UTF-8 in place: each byte that does not start a well-formed
 * sequence becomes '?'. Problem texts quote what the client sent (a
 * parameter name, a method, a path cut at the buffer's end), and jansson
 * refuses to build a string that is not UTF-8: the answer would lose its
 * body. */
static char *utf8_scrub(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t st = i;
        utf8_next(s, n, &i);
        if (!utf8_valid(s + st, i - st)) {
            s[st] = '?';
            i = st + 1;
        }
    }
    return s;
}

void reply_free(struct reply *rep)
{
    json_decref(rep->json);
    free(rep->body);
    free(rep->location);
    free(rep->link_next);
    memset(rep, 0, sizeof *rep);
}

void reply_json(struct reply *rep, int status, json_t *body)
{
    json_decref(rep->json);
    rep->json = body;
    rep->status = status;
    rep->content_type = "application/json";
}

void reply_raw(struct reply *rep, int status, const char *content_type, char *body, size_t len)
{
    free(rep->body);
    json_decref(rep->json);
    rep->json = NULL;
    rep->body = body;
    rep->body_len = len;
    rep->status = status;
    rep->content_type = content_type;
}

const char *http_status_title(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    }
    return status < 500 ? "Client Error" : "Server Error";
}

/* The `type` URI of each problem: a stable, documented identifier. */
static const char *problem_type(int status)
{
    switch (status) {
    case 400: return "/problems/bad-request";
    case 401: return "/problems/unauthorized";
    case 403: return "/problems/forbidden";
    case 404: return "/problems/not-found";
    case 405: return "/problems/method-not-allowed";
    case 413: return "/problems/body-too-large";
    case 414: return "/problems/uri-too-long";
    case 415: return "/problems/unsupported-media-type";
    case 429: return "/problems/rate-limited";
    case 503: return "/problems/unavailable";
    }
    return status >= 500 ? "/problems/internal-error" : "about:blank";
}

static void problem_v(struct reply *rep, int status, json_t *errors, const char *fmt, va_list ap)
{
    char detail[1024];
    vsnprintf(detail, sizeof detail, fmt, ap);
    utf8_scrub(detail);
    json_t *body = json_pack("{s:s, s:s, s:i, s:s}", "type", problem_type(status), "title",
                             http_status_title(status), "status", status, "detail", detail);
    if (errors)
        json_object_set_new(body, "errors", errors);
    reply_json(rep, status, body);
    rep->content_type = "application/problem+json";
}

void reply_problem(struct reply *rep, int status, const char *detail, ...)
{
    va_list ap;
    va_start(ap, detail);
    problem_v(rep, status, NULL, detail, ap);
    va_end(ap);
}

void problems_add(struct problems *p, const char *param, const char *reason, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, reason);
    vsnprintf(buf, sizeof buf, reason, ap);
    va_end(ap);
    utf8_scrub(buf);
    char name[256];
    snprintf(name, sizeof name, "%s", param);
    utf8_scrub(name);
    if (!p->errors)
        p->errors = json_array();
    json_array_append_new(p->errors, json_pack("{s:s, s:s}", "param", name, "reason", buf));
}

static void problem_with_errors(struct reply *rep, json_t *errors, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    problem_v(rep, 400, errors, fmt, ap);
    va_end(ap);
}

bool problems_reply(struct problems *p, struct reply *rep, const char *detail)
{
    if (!p->errors)
        return false;
    if (detail) {
        problem_with_errors(rep, p->errors, "%s", detail);
    } else {
        json_t *first = json_array_get(p->errors, 0);
        problem_with_errors(rep, p->errors, "invalid parameter '%s': %s",
                            json_string_value(json_object_get(first, "param")),
                            json_string_value(json_object_get(first, "reason")));
    }
    p->errors = NULL;
    return true;
}

const char *req_param(const struct request *req, const char *key)
{
    const char *v = NULL;
    for (size_t i = 0; i < req->n_params; i++)
        if (strcmp(req->params[i].key, key) == 0)
            v = req->params[i].value ? req->params[i].value : "";
    return v;
}

bool param_int(const struct request *req, const char *key, int64_t min, int64_t max, int64_t *out,
               struct problems *p)
{
    const char *v = req_param(req, key);
    if (!v)
        return true;
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (!*v || *end || errno || !isdigit((unsigned char)v[strspn(v, "-+")]) || n < min || n > max) {
        problems_add(p, key, "must be an integer from %lld to %lld", (long long)min, (long long)max);
        return false;
    }
    *out = n;
    return true;
}

bool param_double(const struct request *req, const char *key, double *out, bool *present,
                  struct problems *p)
{
    const char *v = req_param(req, key);
    *present = false;
    if (!v)
        return true;
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (!*v || *end || errno || !isfinite(d)) {
        problems_add(p, key, "must be a number");
        return false;
    }
    *out = d;
    *present = true;
    return true;
}

bool param_enum(const struct request *req, const char *key, const char *const *allowed,
                const char **out, struct problems *p)
{
    const char *v = req_param(req, key);
    if (!v)
        return true;
    char list[256] = "";
    for (size_t i = 0; allowed[i]; i++) {
        if (strcmp(v, allowed[i]) == 0) {
            *out = allowed[i];
            return true;
        }
        if (strlen(list) + strlen(allowed[i]) + 3 < sizeof list) {
            if (i)
                strcat(list, ", ");
            strcat(list, allowed[i]);
        }
    }
    problems_add(p, key, "must be one of: %s", list);
    return false;
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

bool param_date(const struct request *req, const char *key, const char **out, struct problems *p)
{
    const char *v = req_param(req, key);
    if (!v)
        return true;
    size_t n = strlen(v);
    bool ok = (n == 4 && digits(v, 4)) ||
              (n == 7 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2)) ||
              (n == 10 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2) && v[7] == '-' && digits(v + 8, 2));
    if (ok && n >= 7) {
        int m = atoi(v + 5);
        ok = m >= 1 && m <= 12;
        if (ok && n == 10) {
            int d = atoi(v + 8);
            ok = d >= 1 && d <= 31;
        }
    }
    if (!ok) {
        problems_add(p, key, "must be a date YYYY-MM-DD (or YYYY-MM, YYYY)");
        return false;
    }
    *out = v;
    return true;
}

bool path_id(const struct request *req, int64_t *out)
{
    const char *s = req->path_id;
    if (!s || !*s || strlen(s) > 18 || !digits(s, strlen(s)))
        return false;
    long long n = strtoll(s, NULL, 10);
    if (n <= 0)
        return false;
    *out = n;
    return true;
}

/* Percent-encode `s` for a query value. */
static void append_encoded(char **buf, size_t *len, size_t *cap, const char *s, bool raw)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (*len + 4 >= *cap) {
            *cap *= 2;
            *buf = realloc(*buf, *cap);
        }
        if (raw || isalnum(c) || strchr("-_.~", c))
            (*buf)[(*len)++] = (char)c;
        else
            *len += (size_t)sprintf(*buf + *len, "%%%02X", c);
    }
    (*buf)[*len] = '\0';
}

char *url_with_cursor(const struct request *req, const char *cursor)
{
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    buf[0] = '\0';
    append_encoded(&buf, &len, &cap, req->path, true);
    char sep = '?';
    for (size_t i = 0; i < req->n_params; i++) {
        if (strcmp(req->params[i].key, "cursor") == 0)
            continue;
        append_encoded(&buf, &len, &cap, sep == '?' ? "?" : "&", true);
        sep = '&';
        append_encoded(&buf, &len, &cap, req->params[i].key, false);
        append_encoded(&buf, &len, &cap, "=", true);
        append_encoded(&buf, &len, &cap, req->params[i].value ? req->params[i].value : "", false);
    }
    if (cursor) {
        append_encoded(&buf, &len, &cap, sep == '?' ? "?cursor=" : "&cursor=", true);
        append_encoded(&buf, &len, &cap, cursor, false);
    }
    return buf;
}
