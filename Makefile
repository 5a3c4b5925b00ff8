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

BUILD_DIR   ?= build/release
BUILD_TYPE  ?= Release
JOBS        ?= 2
CMAKE_FLAGS ?=
DEMO_DB     ?= $(BUILD_DIR)/demo/cdcwb.sqlite
RUN_ARGS    ?= serve --demo --db sqlite:$(DEMO_DB) --listen 127.0.0.1:8080

.PHONY: all bootstrap configure build run test soak check check-structure bench format format-check \
        tidy clean

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
