/* extraction.c — POST /extract: the extraction of one article (JSON or
 * plain text), nothing stored. The same JSON as `quoted extract`. */
#include <string.h>

#include "article_input.h"
#include "extract/extract_json.h"
#include "handlers.h"

void extract_post(const struct request *req, struct reply *rep)
{
    const char *ct = req->content_type;
    if (!ct || (strcmp(ct, "application/json") != 0 && strcmp(ct, "text/plain") != 0)) {
        reply_problem(rep, 415, "POST /extract takes application/json or text/plain");
        return;
    }
    struct article_fields f;
    struct problems probs = {0};
    json_t *obj = NULL;
    if (!article_from_body(req, rep, &f, &obj, &probs))
        return;
    if (problems_reply(&probs, rep, NULL)) {
        json_decref(obj);
        return;
    }
    struct article_input in = {.text = f.text, .len = f.len, .lang = f.lang, .title = f.title, .date = f.date};
    struct extraction x;
    enum extract_status st = extract_article(&in, &x);
    json_decref(obj);
    if (st != EXTRACT_OK) {
        reply_problem(rep, st == EXTRACT_ENOMEM ? 500 : 400, "%s", extract_strerror(st));
        return;
    }
    json_t *out = extraction_to_json(&x);
    extraction_free(&x);
    if (!out) {
        reply_problem(rep, 500, "out of memory");
        return;
    }
    reply_json(rep, 200, out);
}
