/* extract_json.c — turns a struct extraction into its JSON form. */
#include "extract_json.h"

static json_t *actor_json(const struct actor *a, size_t idx)
{
    json_t *aliases = json_array();
    for (size_t k = 0; k < a->n_aliases; k++)
        json_array_append_new(aliases, json_string(a->aliases[k]));
    return json_pack("{s:I, s:s, s:s, s:o, s:I}", "id", (json_int_t)idx + 1, "name", a->name,
                     "type", actor_type_name(a->type), "aliases", aliases, "mentions",
                     (json_int_t)a->n_mentions);
}

json_t *extraction_to_json(const struct extraction *x)
{
    json_t *quotes = json_array(), *actors = json_array(), *figures = json_array();
    for (size_t i = 0; i < x->n_quotes; i++) {
        const struct quote *q = &x->quotes[i];
        json_t *speaker = json_null();
        if (q->speaker >= 0 && (size_t)q->speaker < x->n_actors)
            speaker = json_pack("{s:s, s:I}", "name", x->actors[q->speaker].name, "actor_id",
                                (json_int_t)q->speaker + 1);
        json_array_append_new(
            quotes, json_pack("{s:s, s:s, s:I, s:I, s:o, s:o, s:i, s:f}", "text", q->text, "kind",
                              quote_kind_name(q->kind), "start", (json_int_t)q->span.start, "end",
                              (json_int_t)q->span.end, "speaker", speaker, "cue",
                              q->cue ? json_string(q->cue) : json_null(), "occurrences",
                              q->occurrences, "confidence", q->confidence));
    }
    for (size_t i = 0; i < x->n_actors; i++)
        json_array_append_new(actors, actor_json(&x->actors[i], i));
    for (size_t i = 0; i < x->n_figures; i++) {
        const struct figure *f = &x->figures[i];
        json_array_append_new(
            figures, json_pack("{s:s, s:f, s:s, s:b, s:I, s:I, s:s}", "text", f->text, "value",
                               f->value, "unit", f->unit ? f->unit : "", "approx", f->approx,
                               "start", (json_int_t)f->span.start, "end", (json_int_t)f->span.end,
                               "sentence", f->sentence ? f->sentence : ""));
    }
    return json_pack("{s:s, s:o, s:o, s:o}", "lang", extract_lang_name(x->lang), "quotes", quotes,
                     "actors", actors, "figures", figures);
}
