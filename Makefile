# quoted — build, run, test.
#
#   make          build build/quoted
#   make run      install missing packages, build, serve on :8080 with a demo database
#   make test     build and run every test (unit, end-to-end, contract)
#   make check    the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench    extraction and HTTP benchmarks (figures and ratios, no pass/fail)
#   make eval     score the extractor on the annotated corpus
#   make docker   build the container image (podman or docker)
#
# BUILD=dir puts objects and binaries elsewhere (make check uses build-san).

BUILD    ?= build
CC       ?= cc
PKGS     := libmicrohttpd jansson sqlite3
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
DEFS     := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS  = $(WARN) $(DEFS) $(CFLAGS) $(SAN) -Isrc -Isrc/extract $(PKG_CFLAGS) -MMD -MP
LDLIBS      = $(PKG_LIBS) -lpthread -lm
VERSION  := 0.1.0
CORPUS   ?= ../shared/corpus/dev
PORT     ?= 8080

EXTRACT_SRC  := $(sort $(wildcard src/extract/*.c))
DB_SRC       := $(sort $(wildcard src/db/*.c))
HANDLER_SRC  := $(sort $(wildcard src/handlers/*.c))
SERVER_SRC   := $(filter-out src/main.c,$(sort $(wildcard src/*.c)))
EXTRACT_OBJ  := $(EXTRACT_SRC:%.c=$(BUILD)/%.o)
CORE_OBJ     := $(EXTRACT_OBJ) $(DB_SRC:%.c=$(BUILD)/%.o) $(HANDLER_SRC:%.c=$(BUILD)/%.o) \
                $(SERVER_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/openapi_yaml.o $(BUILD)/gen/index_html.o
UNIT_TESTS   := $(patsubst tests/%.c,$(BUILD)/tests/%,$(sort $(wildcard tests/*/test_*.c)))

.PHONY: all run serve test test-run check bench eval docker deps clean
all: $(BUILD)/quoted

$(BUILD)/quoted: $(CORE_OBJ) $(BUILD)/src/main.o
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DQUOTED_VERSION='"$(VERSION)"' -c -o $@ $<

# The contract and the browsing page are served from the binary.
$(BUILD)/gen/openapi_yaml.c: openapi.yaml scripts/embed.sh
	@mkdir -p $(dir $@)
	scripts/embed.sh openapi_yaml $< > $@
$(BUILD)/gen/index_html.c: web/index.html scripts/embed.sh
	@mkdir -p $(dir $@)
	scripts/embed.sh index_html $< > $@
$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<


$(BUILD)/tests/%: tests/%.c $(CORE_OBJ) tests/test.h $(wildcard tests/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(CORE_OBJ) $(LDLIBS)

deps:
	@scripts/install-deps.sh

# test and run first install what is missing, then build with it.
test: deps
	@$(MAKE) --no-print-directory test-run
test-run: $(BUILD)/quoted $(UNIT_TESTS)
	@BUILD=$(BUILD) tests/run

check:
	$(MAKE) BUILD=build-san OPT=-O1 SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' test

run: deps
	@$(MAKE) --no-print-directory serve
serve: $(BUILD)/quoted
	@test -f quoted.db || $(BUILD)/quoted import --db quoted.db examples
	$(BUILD)/quoted serve --port $(PORT) --db quoted.db

bench: $(BUILD)/quoted $(BUILD)/bench/bench_extract
	@BUILD=$(BUILD) bench/run

$(BUILD)/bench/%: bench/%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LDLIBS)

SCORER ?= ../shared/tools/score-extraction
eval: $(BUILD)/quoted
	@for set in $(CORPUS) corpus/heldout corpus/heldout2; do for l in fr en; do \
	  echo "== $$set $$l"; $(SCORER) --cmd "$(BUILD)/quoted extract" $$set/$$l-*.json; done; done

docker:
	@scripts/build-image.sh

clean:
	rm -rf build build-*

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
