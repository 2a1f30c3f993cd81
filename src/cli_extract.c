/* cli_extract.c — `quoted extract [FILE]`: reads one article (a JSON object
 * {"text", "lang"?, "title"?, "date"?} or plain text) from FILE or standard
 * input and prints its extraction as JSON, the same object the API returns
 * for that article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "extract/extract.h"
#include "extract/extract_json.h"
#include "textbuf.h"
#include "util.h"

int cli_extract(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : NULL;
    size_t len = 0;
    char *buf = path && strcmp(path, "-") ? read_file(path, &len) : read_stream(stdin, &len);
    if (!buf) {
        fprintf(stderr, "quoted extract: cannot read %s\n", path ? path : "standard input");
        return 2;
    }

    struct article_input in = {.text = buf, .len = len};
    json_t *root = NULL;
    size_t lead = 0;
    while (lead < len && (buf[lead] == ' ' || buf[lead] == '\n' || buf[lead] == '\t' || buf[lead] == '\r'))
        lead++;
    if (lead < len && buf[lead] == '{') {
        json_error_t jerr;
        root = json_loadb(buf, len, 0, &jerr);
        if (!root) {
            fprintf(stderr, "quoted extract: invalid JSON at line %d: %s\n", jerr.line, jerr.text);
            free(buf);
            return 2;
        }
        json_t *text = json_object_get(root, "text");
        if (!json_is_string(text)) {
            fprintf(stderr, "quoted extract: the JSON object needs a \"text\" string\n");
            json_decref(root);
            free(buf);
            return 2;
        }
        in.text = json_string_value(text);
        in.len = json_string_length(text);
        in.lang = json_string_value(json_object_get(root, "lang"));
        in.title = json_string_value(json_object_get(root, "title"));
        in.date = json_string_value(json_object_get(root, "date"));
    }

    struct extraction x;
    enum extract_status st = extract_article(&in, &x);
    int rc = 0;
    if (st != EXTRACT_OK) {
        fprintf(stderr, "quoted extract: %s\n", extract_strerror(st));
        rc = 2;
    } else {
        json_t *out = extraction_to_json(&x);
        size_t n = 0;
        char *text = out ? json_text(out, true, &n) : NULL;
        if (!text || fwrite(text, 1, n, stdout) != n || fflush(stdout) == EOF)
            rc = 1;
        free(text);
        json_decref(out);
    }
    extraction_free(&x);
    json_decref(root);
    free(buf);
    return rc;
}
