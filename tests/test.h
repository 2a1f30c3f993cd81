/* test.h — the unit-test harness: a test binary is a list of TEST()
 * functions run by TEST_MAIN(); each CHECK failure is reported with its file
 * and line, and the binary ends with the line "N passed, N failed" and a
 * non-zero exit status when anything failed. */
#ifndef QUOTED_TEST_H
#define QUOTED_TEST_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int test_failures_in_current;
static int tests_passed, tests_failed;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            test_failures_in_current++;                                               \
        }                                                                             \
    } while (0)

#define CHECK_STR(got, want)                                                            \
    do {                                                                                \
        const char *g_ = (got), *w_ = (want);                                           \
        if (!g_ || !w_ || strcmp(g_, w_) != 0) {                                        \
            fprintf(stderr, "  %s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
                    #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                      \
            test_failures_in_current++;                                                 \
        }                                                                               \
    } while (0)

#define CHECK_INT(got, want)                                                                 \
    do {                                                                                     \
        long long g_ = (long long)(got), w_ = (long long)(want);                             \
        if (g_ != w_) {                                                                      \
            fprintf(stderr, "  %s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, \
                    w_);                                                                     \
            test_failures_in_current++;                                                      \
        }                                                                                    \
    } while (0)

#define CHECK_NEAR(got, want)                                                                   \
    do {                                                                                        \
        double g_ = (got), w_ = (want);                                                         \
        if (fabs(g_ - w_) > 1e-6 * (fabs(w_) > 1 ? fabs(w_) : 1)) {                             \
            fprintf(stderr, "  %s:%d: %s is %g, want %g\n", __FILE__, __LINE__, #got, g_, w_); \
            test_failures_in_current++;                                                         \
        }                                                                                       \
    } while (0)

#define TEST(name) static void name(void)

#define RUN(name)                                                \
    do {                                                         \
        test_failures_in_current = 0;                            \
        name();                                                  \
        if (test_failures_in_current) {                          \
            tests_failed++;                                      \
            fprintf(stderr, "FAIL %s (%s)\n", #name, __FILE__);  \
        } else {                                                 \
            tests_passed++;                                      \
        }                                                        \
    } while (0)

#define TEST_SUMMARY()                                              \
    do {                                                            \
        printf("%d passed, %d failed\n", tests_passed, tests_failed); \
        return tests_failed ? 1 : 0;                                \
    } while (0)

#endif
