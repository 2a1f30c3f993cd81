/* cli.h — the subcommands of the `quoted` program other than `serve`. */
#ifndef QUOTED_CLI_H
#define QUOTED_CLI_H

/* `quoted extract [FILE]`: print the extraction of one article. Returns the
 * process exit status. */
int cli_extract(int argc, char **argv);

/* `quoted import [--db PATH] FILE|DIR ...`: bulk-load articles offline. */
int cli_import(int argc, char **argv);

#endif
