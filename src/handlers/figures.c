/* figures.c — the figures resource: numbers stated across all articles,
 * filtered by unit, value bounds, article, words, language and dates, in
 * order of date or value. (An article's own figures come with the article,
 * see articles.c.) */
#include <string.h>

#include "common.h"
#include "handlers.h"

#define UNIT_MAX 200

/* GET /figures: one page of figures under the request's filters. */
void figures_list(const struct request *req, struct reply *rep)
{
    static const char *const langs[] = {"fr", "en", NULL};
    static const char *const sorts[] = {"-date", "date", "-value", "value", NULL};
    static const enum db_figure_sort sort_of[] = {FIGURES_BY_DATE_DESC, FIGURES_BY_DATE_ASC,
                                                  FIGURES_BY_VALUE_DESC, FIGURES_BY_VALUE_ASC};
    struct problems probs = {0};
    struct db_page page;
    struct db_figure_filter f = {0};
    page_params(req, &page, &probs);
    f.unit = req_param(req, "unit");
    if (f.unit && (!f.unit[strspn(f.unit, " \t")] || strlen(f.unit) > UNIT_MAX))
        problems_add(&probs, "unit", "must be a unit of 1 to %d bytes, not only spaces", UNIT_MAX);
    bool min_ok = param_double(req, "min", &f.min, &f.has_min, &probs);
    bool max_ok = param_double(req, "max", &f.max, &f.has_max, &probs);
    if (min_ok && max_ok && f.has_min && f.has_max && f.min > f.max) {
        problems_add(&probs, "min", "must not be greater than max");
        problems_add(&probs, "max", "must not be less than min");
    }
    param_int(req, "article", 1, INT64_MAX, &f.article_id, &probs);
    search_param(req, &f.q, &probs);
    param_enum(req, "lang", langs, &f.lang, &probs);
    param_date(req, "from", &f.from, &probs);
    param_date(req, "to", &f.to, &probs);
    const char *sort = NULL;
    if (param_enum(req, "sort", sorts, &sort, &probs) && sort)
        for (size_t i = 0; sorts[i]; i++)
            if (sort == sorts[i])
                f.sort = sort_of[i];
    if (problems_reply(&probs, rep, NULL))
        return;
    struct db_list list = {0};
    enum db_status st = db_figures_list(req->db, &f, &page, &list);
    reply_db_list(req, rep, st, &list, page.limit, "figure");
}
