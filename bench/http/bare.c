/* bare.c — the yardstick for the hot GET benchmark: a libmicrohttpd server
 * started with the same daemon flags and options as `quoted serve`
 * (internal epoll thread pool of one thread per core, same connection
 * memory limit and timeout) that answers every request with one static
 * JSON body of a given size, built once. What quoted adds on top of it
 * (routing, SQLite, JSON, headers, logging) is what the ratio measures.
 *
 *   bare --port N --size BYTES [--threads N] [--host 127.0.0.1]
 *
 * Prints "listening on HOST:PORT" once ready; stops on SIGINT/SIGTERM. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct MHD_Response *canned;

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size,
                                  void **req_cls)
{
    (void)cls; (void)url; (void)method; (void)version; (void)upload_data; (void)upload_size;
    if (!*req_cls) { /* first call: headers only, as in quoted */
        *req_cls = (void *)1;
        return MHD_YES;
    }
    return MHD_queue_response(c, MHD_HTTP_OK, canned);
}

int main(int argc, char **argv)
{
    long port = 0, size = 1024, threads = sysconf(_SC_NPROCESSORS_ONLN);
    const char *host = "127.0.0.1";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--port"))
            port = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--size"))
            size = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--threads"))
            threads = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--host"))
            host = argv[i + 1];
        else {
            fprintf(stderr, "usage: bare --port N --size BYTES [--threads N] [--host ADDR]\n");
            return 2;
        }
    }
    if (size < 2 || threads < 1)
        return 2;
    /* a JSON document of exactly `size` bytes: {"d":"xxx..."} + newline */
    char *body = malloc((size_t)size);
    if (!body)
        return 1;
    memset(body, 'x', (size_t)size);
    if (size >= 10) {
        memcpy(body, "{\"d\":\"", 6);
        memcpy(body + size - 3, "\"}\n", 3);
    }
    canned = MHD_create_response_from_buffer((size_t)size, body, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(canned, "Content-Type", "application/json");

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);

    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1)
        return 2;
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG, (uint16_t)port, NULL,
        NULL, on_request, NULL,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads,
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&addr,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
        MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned int)1,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "bare: cannot listen on %s:%ld\n", host, port);
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("listening on %s:%u\n", host, info ? info->port : (unsigned)port);
    fflush(stdout);
    int sig;
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    MHD_destroy_response(canned);
    return 0;
}
