/* test_http.c — the route table and the request/reply helpers, called
 * directly, without a socket. */
#include <stdlib.h>

#include "handlers/http.h"
#include "router.h"
#include "test.h"

TEST(test_route_match)
{
    const struct route *r = NULL;
    char id[64], allow[96];
    CHECK_INT(router_match(HTTP_GET, "/quotes/42", &r, id, sizeof id, allow, sizeof allow), ROUTE_FOUND);
    CHECK_STR(r->pattern, "/quotes/{id}");
    CHECK_STR(id, "42");
    r = NULL;
    CHECK_INT(router_match(HTTP_GET, "/quotes/random", &r, id, sizeof id, allow, sizeof allow), ROUTE_FOUND);
    CHECK_STR(r->pattern, "/quotes/random");
    r = NULL;
    CHECK_INT(router_match(HTTP_HEAD, "/articles", &r, id, sizeof id, allow, sizeof allow), ROUTE_FOUND);
    CHECK_INT(r->method, HTTP_GET);
    r = NULL;
    CHECK_INT(router_match(HTTP_GET, "/actors/7/quotes", &r, id, sizeof id, allow, sizeof allow), ROUTE_FOUND);
    CHECK_STR(id, "7");
    r = NULL;
    CHECK_INT(router_match(HTTP_GET, "/quotes/", &r, id, sizeof id, allow, sizeof allow), ROUTE_FOUND);
    CHECK_STR(r->pattern, "/quotes");
}

TEST(test_route_errors)
{
    const struct route *r = NULL;
    char id[64], allow[96];
    CHECK_INT(router_match(HTTP_GET, "/nothing", &r, id, sizeof id, allow, sizeof allow), ROUTE_NOT_FOUND);
    CHECK_INT(router_match(HTTP_GET, "/articles/1/2", &r, id, sizeof id, allow, sizeof allow), ROUTE_NOT_FOUND);
    CHECK_INT(router_match(HTTP_PUT, "/articles/1", &r, id, sizeof id, allow, sizeof allow), ROUTE_BAD_METHOD);
    CHECK_STR(allow, "GET, HEAD, DELETE, OPTIONS");
    CHECK_INT(router_match(HTTP_DELETE, "/quotes", &r, id, sizeof id, allow, sizeof allow), ROUTE_BAD_METHOD);
    CHECK_STR(allow, "GET, HEAD, OPTIONS");
}

TEST(test_route_params)
{
    const struct route *r = NULL;
    char id[64], allow[96];
    router_match(HTTP_GET, "/quotes", &r, id, sizeof id, allow, sizeof allow);
    CHECK(route_accepts_param(r, "limit"));
    CHECK(route_accepts_param(r, "q"));
    CHECK(route_accepts_param(r, "format"));
    CHECK(!route_accepts_param(r, "lim"));
    CHECK(!route_accepts_param(r, "colour"));
}

TEST(test_problem_reply)
{
    struct reply rep = {0};
    reply_problem(&rep, 404, "no %s here", "quote");
    CHECK_INT(rep.status, 404);
    CHECK_STR(rep.content_type, "application/problem+json");
    CHECK_STR(json_string_value(json_object_get(rep.json, "title")), "Not Found");
    CHECK_STR(json_string_value(json_object_get(rep.json, "detail")), "no quote here");
    CHECK_INT(json_integer_value(json_object_get(rep.json, "status")), 404);
    reply_free(&rep);
}

/* What a client sent is quoted in problems; bytes that are not UTF-8
 * (a parameter name, a method, a path cut at the end of the buffer) must
 * not cost the answer its body. */
TEST(test_problem_quotes_bad_utf8)
{
    struct reply rep = {0};
    reply_problem(&rep, 400, "query parameter '%s' is not valid UTF-8", "a\xff\xc3");
    CHECK_STR(json_string_value(json_object_get(rep.json, "detail")), "query parameter 'a?\?' is not valid UTF-8");
    reply_free(&rep);
    char path[2000] = "/";
    for (int i = 0; i < 600; i++)
        strcat(path, "\xc3\xa9"); /* é: cut in the middle at 1024 bytes */
    reply_problem(&rep, 404, "no resource at %s", path);
    const char *d = json_string_value(json_object_get(rep.json, "detail"));
    CHECK(d && strncmp(d, "no resource at /\xc3\xa9", 18) == 0 && d[strlen(d) - 1] == '?');
    reply_free(&rep);
    struct problems p = {0};
    problems_add(&p, "\xed\xa0\x80x", "unknown parameter %s", "\xff");
    CHECK(problems_reply(&p, &rep, NULL));
    json_t *e = json_array_get(json_object_get(rep.json, "errors"), 0);
    CHECK_STR(json_string_value(json_object_get(e, "param")), "???x");
    CHECK_STR(json_string_value(json_object_get(e, "reason")), "unknown parameter ?");
    CHECK(json_string_value(json_object_get(rep.json, "detail")) != NULL);
    reply_free(&rep);
}

TEST(test_params)
{
    struct param ps[] = {{"limit", "0"}, {"from", "2026-02-30"}, {"lang", "fr"}, {"min", "1e3"}};
    struct request req = {.params = ps, .n_params = 4, .path = "/quotes"};
    struct problems p = {0};
    int64_t limit = 20;
    CHECK(!param_int(&req, "limit", 1, 100, &limit, &p));
    CHECK_INT(limit, 20);
    const char *date = NULL;
    CHECK(param_date(&req, "from", &date, &p));
    static const char *const langs[] = {"fr", "en", NULL};
    const char *lang = NULL;
    CHECK(param_enum(&req, "lang", langs, &lang, &p));
    CHECK_STR(lang, "fr");
    double d = 0;
    bool present = false;
    CHECK(param_double(&req, "min", &d, &present, &p));
    CHECK(present);
    CHECK_NEAR(d, 1000);
    struct reply rep = {0};
    CHECK(problems_reply(&p, &rep, NULL));
    CHECK_INT(rep.status, 400);
    json_t *errs = json_object_get(rep.json, "errors");
    CHECK_INT(json_array_size(errs), 1);
    CHECK_STR(json_string_value(json_object_get(json_array_get(errs, 0), "param")), "limit");
    reply_free(&rep);
}

TEST(test_url_with_cursor)
{
    struct param ps[] = {{"q", "état civil"}, {"cursor", "old"}, {"limit", "3"}};
    struct request req = {.params = ps, .n_params = 3, .path = "/quotes"};
    char *u = url_with_cursor(&req, "abc=");
    CHECK_STR(u, "/quotes?q=%C3%A9tat%20civil&limit=3&cursor=abc%3D");
    free(u);
    u = url_with_cursor(&req, NULL);
    CHECK_STR(u, "/quotes?q=%C3%A9tat%20civil&limit=3");
    free(u);
}

int main(void)
{
    RUN(test_route_match);
    RUN(test_route_errors);
    RUN(test_route_params);
    RUN(test_problem_reply);
    RUN(test_problem_quotes_bad_utf8);
    RUN(test_params);
    RUN(test_url_with_cursor);
    TEST_SUMMARY();
}
