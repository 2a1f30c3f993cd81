/* main.c — the `quoted` program: picks the subcommand; for `serve`, reads
 * the configuration (flags first, then QUOTED_* environment variables, then
 * defaults), opens the database, starts the server, and on SIGINT/SIGTERM
 * stops it cleanly: no new connections, in-flight requests finish, the
 * database is closed. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "server.h"

#define DEFAULT_MAX_BODY (4u * 1024 * 1024)
#define DEFAULT_MAX_URL 8192
#define DEFAULT_CACHE_MB 32

static void usage(FILE *f)
{
    fputs("usage: quoted serve [options]        serve the HTTP API (quoted serve --help)\n"
          "       quoted extract [FILE]         print the extraction of one article as JSON\n"
          "       quoted import [--db PATH] FILE|DIR ...   load articles into a database\n"
          "       quoted healthcheck [--port N] exit 0 when the local server answers /healthz\n"
          "       quoted --help | --version\n",
          f);
}

static void serve_usage(FILE *f)
{
    fputs("usage: quoted serve [options]\n"
          "  --port N           TCP port (QUOTED_PORT; default 8080; 0 = any free port)\n"
          "  --host ADDR        IPv4 address to bind (QUOTED_HOST; default all)\n"
          "  --db PATH          SQLite database, created if missing (QUOTED_DB; default ./quoted.db)\n"
          "  --threads N        worker threads (QUOTED_THREADS; default: number of cores)\n"
          "  --api-token TOKEN  bearer token for writes (QUOTED_API_TOKEN; default: none,\n"
          "                     writes accepted from loopback clients only)\n"
          "  --max-body BYTES   largest request body (QUOTED_MAX_BODY; default 4194304)\n"
          "  --cors-origins L   allowed origins, '*' or a comma-separated list\n"
          "                     (QUOTED_CORS_ORIGINS; default '*')\n"
          "  --log-format F     text or json (QUOTED_LOG_FORMAT; default text)\n"
          "  --cache-mb N       memory for cached GET answers, dropped at every write\n"
          "                     (QUOTED_CACHE_MB; default 32; 0 = no cache)\n"
          "  --rate-limit N     requests per second per client, bursts of 2N; beyond: 429\n"
          "                     (QUOTED_RATE_LIMIT; default 0 = no limit)\n"
          "  --quiet            no request log\n",
          f);
}

/* A flag's value, else the environment variable's, else NULL. */
static const char *setting(const char *flag_value, const char *env)
{
    if (flag_value)
        return flag_value;
    const char *v = getenv(env);
    return v && *v ? v : NULL;
}

static int parse_num(const char *name, const char *s, long long min, long long max, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno || v < min || v > max) {
        fprintf(stderr, "quoted serve: %s must be a whole number from %lld to %lld\n", name, min, max);
        return -1;
    }
    *out = v;
    return 0;
}

static int serve(int argc, char **argv)
{
    const char *port = NULL, *host = NULL, *db = NULL, *threads = NULL, *token = NULL,
               *max_body = NULL, *cors = NULL, *log_format = NULL, *rate = NULL, *cache_mb = NULL;
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = !strcmp(a, "--port") ? &port : !strcmp(a, "--host") ? &host
                          : !strcmp(a, "--db") ? &db : !strcmp(a, "--threads") ? &threads
                          : !strcmp(a, "--api-token") ? &token : !strcmp(a, "--max-body") ? &max_body
                          : !strcmp(a, "--cors-origins") ? &cors : !strcmp(a, "--log-format") ? &log_format
                          : !strcmp(a, "--rate-limit") ? &rate : !strcmp(a, "--cache-mb") ? &cache_mb : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            serve_usage(stdout);
            return 0;
        }
        if (!strcmp(a, "--quiet")) {
            quiet = true;
            continue;
        }
        if (!slot || i + 1 >= argc) {
            fprintf(stderr, slot ? "quoted serve: %s needs a value\n" : "quoted serve: unknown option %s\n", a);
            serve_usage(stderr);
            return 2;
        }
        *slot = argv[++i];
    }
    struct app_config cfg = {.port = 8080, .db_path = "quoted.db", .max_body = DEFAULT_MAX_BODY,
                             .cache_bytes = DEFAULT_CACHE_MB * 1024 * 1024,
                             .max_url = DEFAULT_MAX_URL, .cors_origins = "*", .quiet = quiet};
    long long v;
    if ((port = setting(port, "QUOTED_PORT"))) {
        if (parse_num("--port", port, 0, 65535, &v))
            return 2;
        cfg.port = (int)v;
    }
    if ((threads = setting(threads, "QUOTED_THREADS"))) {
        if (parse_num("--threads", threads, 1, 1024, &v))
            return 2;
        cfg.threads = (int)v;
    }
    if ((max_body = setting(max_body, "QUOTED_MAX_BODY"))) {
        if (parse_num("--max-body", max_body, 1, 1LL << 30, &v))
            return 2;
        cfg.max_body = (size_t)v;
    }
    if ((rate = setting(rate, "QUOTED_RATE_LIMIT"))) {
        if (parse_num("--rate-limit", rate, 0, 1000000, &v))
            return 2;
        cfg.rate_limit = (double)v;
    }
    if ((cache_mb = setting(cache_mb, "QUOTED_CACHE_MB"))) {
        if (parse_num("--cache-mb", cache_mb, 0, 4096, &v))
            return 2;
        cfg.cache_bytes = (size_t)v * 1024 * 1024;
    }
    cfg.host = setting(host, "QUOTED_HOST");
    if (setting(db, "QUOTED_DB"))
        cfg.db_path = setting(db, "QUOTED_DB");
    cfg.api_token = setting(token, "QUOTED_API_TOKEN");
    if (setting(cors, "QUOTED_CORS_ORIGINS"))
        cfg.cors_origins = setting(cors, "QUOTED_CORS_ORIGINS");
    if ((log_format = setting(log_format, "QUOTED_LOG_FORMAT"))) {
        if (strcmp(log_format, "json") && strcmp(log_format, "text")) {
            fprintf(stderr, "quoted serve: --log-format is text or json\n");
            return 2;
        }
        cfg.log_json = !strcmp(log_format, "json");
    }

    /* Block the stop signals before any thread starts, so every thread
     * inherits the mask and only sigwait() below receives them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    static struct app app;
    char err[512];
    if (app_open(&app, &cfg, err, sizeof err)) {
        fprintf(stderr, "quoted serve: %s\n", err);
        return 1;
    }
    struct server *srv = server_start(&app, err, sizeof err);
    if (!srv) {
        fprintf(stderr, "quoted serve: %s\n", err);
        app_close(&app);
        return 1;
    }
    fprintf(stderr, "quoted %s: serving on http://%s:%d (database %s)\n", QUOTED_VERSION,
            cfg.host ? cfg.host : "0.0.0.0", server_port(srv), cfg.db_path);
    fflush(stderr);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "quoted: %s received, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    server_stop(srv, 1500);
    app_close(&app);
    fprintf(stderr, "quoted: stopped\n");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("quoted %s\n", QUOTED_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "serve"))
        return serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "extract"))
        return cli_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "import"))
        return cli_import(argc - 1, argv + 1);
    if (!strcmp(cmd, "healthcheck"))
        return cli_healthcheck(argc - 1, argv + 1);
    fprintf(stderr, "quoted: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
