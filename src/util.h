/* util.h — small helpers shared by the program's front ends (CLI, server). */
#ifndef QUOTED_UTIL_H
#define QUOTED_UTIL_H

#include <stdint.h>
#include <stdio.h>

/* Read a whole file or stream into a new NUL-terminated buffer; *len gets
 * its size without the NUL. Caller frees. NULL on error (errno set). */
char *read_file(const char *path, size_t *len);
char *read_stream(FILE *f, size_t *len);

/* Microseconds from a monotonic clock. */
uint64_t now_us(void);

#endif
