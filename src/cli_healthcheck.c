/* cli_healthcheck.c — `quoted healthcheck`: a plain-socket GET /healthz on
 * the local server, for containers that ship no shell and no curl. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "cli.h"

int cli_healthcheck(int argc, char **argv)
{
    const char *port_s = getenv("QUOTED_PORT") && *getenv("QUOTED_PORT") ? getenv("QUOTED_PORT") : "8080";
    for (int i = 1; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--port"))
            port_s = argv[++i];
    int port = atoi(port_s);
    if (port <= 0 || port > 65535) {
        fprintf(stderr, "quoted healthcheck: bad port '%s'\n", port_s);
        return 2;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 1;
    struct timeval tv = {3, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    char buf[64] = "";
    const char req[] = "GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n";
    int ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0 && write(fd, req, sizeof req - 1) == (ssize_t)(sizeof req - 1) &&
             read(fd, buf, sizeof buf - 1) > 12 && strncmp(buf + 8, " 200", 4) == 0;
    close(fd);
    if (!ok)
        fprintf(stderr, "quoted healthcheck: no healthy answer on port %d\n", port);
    return ok ? 0 : 1;
}
