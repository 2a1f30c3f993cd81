/* main.c — the `quoted` program: picks the subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f)
{
    fputs("usage: quoted serve [options]        serve the HTTP API (quoted serve --help)\n"
          "       quoted extract [FILE]         print the extraction of one article as JSON\n"
          "       quoted import [--db PATH] FILE|DIR ...   load articles into a database\n"
          "       quoted --help | --version\n",
          f);
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
    if (!strcmp(cmd, "extract"))
        return cli_extract(argc - 1, argv + 1);
    fprintf(stderr, "quoted: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
