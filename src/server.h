/* server.h — the HTTP server: libmicrohttpd with an internal epoll thread
 * pool, answering the routes of router.c with the handlers of handlers/. */
#ifndef QUOTED_SERVER_H
#define QUOTED_SERVER_H

#include <stddef.h>

struct app;
struct server;

/* Start serving `app` (already opened). Returns NULL and writes a message
 * into err on failure (port in use, ...). */
struct server *server_start(struct app *app, char *err, size_t errlen);

/* The TCP port actually bound (useful when the configured port is 0). */
int server_port(const struct server *s);

/* Stop accepting, let in-flight requests finish (up to `grace_ms`), then
 * stop every thread and free the server. The app stays open. */
void server_stop(struct server *s, int grace_ms);

#endif
