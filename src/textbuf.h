/* textbuf.h — a growable byte buffer for response bodies, and the compact
 * JSON text of a jansson value written into it.
 *
 * Every body the service sends as JSON (replies, NDJSON lines, JSON log
 * lines, `quoted extract`) is written by tb_json(): the same text as
 * json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(15)) for valid UTF-8
 * strings (15 significant digits, so 0.9 reads "0.9" and not
 * "0.90000000000000002"), written in runs rather than character by character, and with
 * any invalid UTF-8 byte written as U+FFFD instead of failing the whole
 * body.
 *
 * Errors: an allocation failure marks the buffer failed; later appends do
 * nothing and tb_finish() returns NULL. Callers check once, at the end. */
#ifndef QUOTED_TEXTBUF_H
#define QUOTED_TEXTBUF_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct textbuf {
    char *s;     /* the bytes; NUL-terminated by tb_finish() only */
    size_t len;  /* bytes, without the NUL */
    size_t cap;
    bool failed; /* an allocation failed: the content is incomplete */
};

/* Append n bytes / a NUL-terminated string. */
void tb_add(struct textbuf *b, const char *s, size_t n);
void tb_str(struct textbuf *b, const char *s);

/* Append the compact JSON text of v (any type; NULL writes nothing). */
void tb_json(struct textbuf *b, const json_t *v);

/* Append a number as tb_json() writes it: integers in full, reals with
 * 15 significant digits and always a '.' or an exponent. */
void tb_integer(struct textbuf *b, json_int_t v);
void tb_real(struct textbuf *b, double v);

/* The text, NUL-terminated (an empty buffer gives ""), handed to the
 * caller, who frees it; *len (if not NULL) gets its length. NULL if an
 * allocation failed, in which case the buffer was freed. The buffer is
 * left empty either way. */
char *tb_finish(struct textbuf *b, size_t *len);

/* Drop the content without handing it out. */
void tb_free(struct textbuf *b);

/* The compact JSON text of v plus, if newline, a final '\n': a new string
 * the caller frees, or NULL when out of memory. */
char *json_text(const json_t *v, bool newline, size_t *len);

#endif
