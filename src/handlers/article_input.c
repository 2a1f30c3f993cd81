/* article_input.c — checks the fields of a submitted article. */
#include "article_input.h"

#include <ctype.h>
#include <string.h>

#include "extract/utf8.h"

#define MAX_TITLE 1000
#define MAX_URL 2048

/* YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by a time ("T..." or " ..."). */
static bool iso_date(const char *s)
{
    size_t n = strlen(s);
    if (n < 4 || n > 40)
        return false;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    if (n == 4)
        return true;
    if (s[4] != '-' || n < 7 || !isdigit((unsigned char)s[5]) || !isdigit((unsigned char)s[6]))
        return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    if (m < 1 || m > 12)
        return false;
    if (n == 7)
        return true;
    if (s[7] != '-' || n < 10 || !isdigit((unsigned char)s[8]) || !isdigit((unsigned char)s[9]))
        return false;
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (d < 1 || d > 31)
        return false;
    return n == 10 || s[10] == 'T' || s[10] == ' ';
}

bool article_fields_check(const struct article_fields *f, struct problems *p)
{
    bool ok = true;
    if (f->lang && strcmp(f->lang, "fr") && strcmp(f->lang, "en")) {
        problems_add(p, "lang", "must be \"fr\" or \"en\" (or absent to detect it)");
        ok = false;
    }
    if (f->date && !iso_date(f->date)) {
        problems_add(p, "date", "must be an ISO 8601 date: YYYY-MM-DD, optionally with a time");
        ok = false;
    }
    if (f->title && strlen(f->title) > MAX_TITLE) {
        problems_add(p, "title", "must be at most %d bytes", MAX_TITLE);
        ok = false;
    }
    if (f->url && (strlen(f->url) > MAX_URL || !*f->url)) {
        problems_add(p, "url", "must be a non-empty string of at most %d bytes", MAX_URL);
        ok = false;
    }
    if (f->text) {
        size_t i = 0;
        while (i < f->len && isspace((unsigned char)f->text[i]))
            i++;
        if (i == f->len) {
            problems_add(p, "text", "must not be empty");
            ok = false;
        }
    }
    return ok;
}

bool article_from_json(json_t *obj, bool strict, struct article_fields *f, struct problems *p)
{
    static const char *const fields[] = {"text", "lang", "title", "url", "date", "source"};
    memset(f, 0, sizeof *f);
    if (!json_is_object(obj)) {
        problems_add(p, "body", "must be a JSON object");
        return false;
    }
    bool ok = true;
    const char *key;
    json_t *val;
    json_object_foreach(obj, key, val) {
        size_t i;
        for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
            if (strcmp(key, fields[i]) == 0)
                break;
        if (i == sizeof fields / sizeof fields[0]) {
            if (!strict)
                continue;
            problems_add(p, key, "unknown field; accepted: text, lang, title, url, date, source");
            ok = false;
            continue;
        }
        if (json_is_null(val) && i > 0)
            continue;
        if (!json_is_string(val)) {
            problems_add(p, key, "must be a string");
            ok = false;
            continue;
        }
        const char *s = json_string_value(val);
        switch (i) {
        case 0: f->text = s; f->len = json_string_length(val); break;
        case 1: f->lang = s; break;
        case 2: f->title = s; break;
        case 3: f->url = s; break;
        case 4: f->date = s; break;
        case 5: f->source = s; break;
        }
    }
    if (!f->text && !json_object_get(obj, "text")) {
        problems_add(p, "text", "is required");
        ok = false;
    }
    return article_fields_check(f, p) && ok;
}

bool article_from_text(const struct request *req, struct article_fields *f, struct problems *p)
{
    memset(f, 0, sizeof *f);
    f->text = req->body ? req->body : "";
    f->len = req->body ? req->body_len : 0;
    if (!utf8_valid(f->text, f->len)) {
        problems_add(p, "body", "is not valid UTF-8");
        return false;
    }
    if (memchr(f->text, '\0', f->len)) {
        problems_add(p, "body", "contains a NUL byte");
        return false;
    }
    f->lang = req_param(req, "lang");
    f->title = req_param(req, "title");
    f->url = req_param(req, "url");
    f->date = req_param(req, "date");
    f->source = req_param(req, "source");
    return article_fields_check(f, p);
}

bool article_from_body(const struct request *req, struct reply *rep, struct article_fields *f, json_t **obj,
                       struct problems *p)
{
    *obj = NULL;
    if (!req->content_type || strcmp(req->content_type, "application/json") != 0) {
        article_from_text(req, f, p);
        return true;
    }
    json_error_t jerr;
    *obj = json_loadb(req->body ? req->body : "", req->body_len, 0, &jerr);
    if (!*obj) {
        reply_problem(rep, 400, "the body is not valid JSON (line %d, column %d): %s", jerr.line, jerr.column,
                      jerr.text);
        return false;
    }
    article_from_json(*obj, true, f, p);
    return true;
}
