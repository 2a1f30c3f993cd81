/* cli.h — the subcommands of the `quoted` program other than `serve`. */
#ifndef QUOTED_CLI_H
#define QUOTED_CLI_H

/* `quoted extract [FILE]`: print the extraction of one article. Returns the
 * process exit status. */
int cli_extract(int argc, char **argv);

/* `quoted import [--db PATH] FILE|DIR ...`: bulk-load articles offline. */
int cli_import(int argc, char **argv);

/* `quoted healthcheck [--port N]`: GET /healthz on 127.0.0.1; exit 0 when
 * it answers 200 (used by the container's HEALTHCHECK, which has no curl). */
int cli_healthcheck(int argc, char **argv);

#endif
