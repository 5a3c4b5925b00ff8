# CDC Workbench — one entry point for setting up, building, running and testing.
#   make run    bootstrap, build (release) and serve a fresh demo database on 127.0.0.1:8080
#   make test   bootstrap, build and run every test suite
#   make build  build/release/cdcwb
#   make check  the checks no compiler makes: formatting, and each layer including only the
#               layers below it with thin route handlers (scripts/check-structure)
#   make soak   build and run the 60-second soak on SQLite and PostgreSQL (ctest label "soak";
#               docs/reliability.md; the 10-minute one: build/release/bench/soak --duration 600)
#   make bench  build and run the benchmarks (store, HTTP against nginx, web UI in Chromium;
#               docs/performance.md)
#   make asan   build/asan with AddressSanitizer and UndefinedBehaviorSanitizer, and run the unit,
#               catalogue, fuzz-input, store and API suites under it (docs/reliability.md)
#   make fuzz   build/fuzz with clang and run each libFuzzer target for FUZZ_SECONDS seconds
#               (default 60; docs/reliability.md)

BUILD_DIR   ?= build/release
BUILD_TYPE  ?= Release
JOBS        ?= 2
CMAKE_FLAGS ?=
DEMO_DB     ?= $(BUILD_DIR)/demo/cdcwb.sqlite
RUN_ARGS    ?= serve --demo --db sqlite:$(DEMO_DB) --listen 127.0.0.1:8080
ASAN_DIR    ?= build/asan
# The suites run under the sanitizers (ctest labels; both engines' store and API suites).
ASAN_LABELS ?= ^(unit|catalogue|fuzz|store|api)$$
# Labels left out (the CI leaves out "postgresql" to stay within its time: docs/reliability.md).
ASAN_EXCLUDE ?=
ASAN_TARGETS = cdcwb unit_tests http_unit_tests catalogue_tests fuzz_regression_tests store_tests \
               api_tests
FUZZ_DIR    ?= build/fuzz
FUZZ_SECONDS ?= 60

.PHONY: all bootstrap configure build run test soak check check-structure bench format format-check \
        tidy clean asan fuzz

all: build

bootstrap:
	@scripts/bootstrap

configure:
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: bootstrap build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BUILD_DIR)/cdcwb $(RUN_ARGS)

# The soak (label "soak") loads the machine for minutes: `make soak` runs it on its own.
test: bootstrap build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -LE soak

soak: bootstrap build
	@cd $(BUILD_DIR) && ctest --output-on-failure -V -L soak

bench: bootstrap build
	$(BUILD_DIR)/bench/store_bench
	bench/http_bench.sh $(BUILD_DIR)/cdcwb
	node bench/web_bench.mjs $(BUILD_DIR)/cdcwb

# -O1 and line tables keep the build and the run fast enough for the CI; every sanitizer report of
# every process (the servers the API suite starts too) goes to a file, and any file fails the run.
# GCC's warnings under the sanitizers are not the release build's (false -Wmaybe-uninitialized):
# the release build keeps them errors.
asan: bootstrap
	@cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
	  -DCDCWB_SANITIZE=ON -DCDCWB_WERROR=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_DIR) -j $(JOBS) --target $(ASAN_TARGETS)
	@rm -rf $(ASAN_DIR)/sanitizer-logs && mkdir -p $(ASAN_DIR)/sanitizer-logs
	@cd $(ASAN_DIR) && \
	  ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$(CURDIR)/$(ASAN_DIR)/sanitizer-logs/asan \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(CURDIR)/$(ASAN_DIR)/sanitizer-logs/ubsan \
	  ctest --output-on-failure -j $(JOBS) -L '$(ASAN_LABELS)' $(if $(ASAN_EXCLUDE),-LE '$(ASAN_EXCLUDE)')
	@if [ -n "$$(ls -A $(ASAN_DIR)/sanitizer-logs)" ]; then \
	  cat $(ASAN_DIR)/sanitizer-logs/*; echo "asan: sanitizer reports above" >&2; exit 1; fi
	@echo "asan: no sanitizer reports"

fuzz:
	@cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCDCWB_FUZZ=ON -DCDCWB_WERROR=OFF >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS)
	@FUZZ_DIR=$(FUZZ_DIR) FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

SOURCES = $(shell git ls-files '*.cpp' '*.hpp')

format:
	@clang-format -i $(SOURCES)

format-check:
	@clang-format --dry-run --Werror $(SOURCES)

check-structure:
	@scripts/check-structure

check: format-check check-structure

tidy: configure
	@clang-tidy -p $(BUILD_DIR) --quiet $(filter %.cpp,$(filter src/%,$(SOURCES)))

clean:
	@rm -rf build
