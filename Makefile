# The two-command quick start: `make demo` and `make test` (README). Both install what is
# missing (scripts/install-deps), configure and build.
BUILD ?= build
ASAN_BUILD ?= build-asan
RELEASE_BUILD ?= build-release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCSO_WERROR=ON
DEMO_DIR ?= $(BUILD)/demo

.PHONY: all deps build demo test test-asan bench clean format

all: build

deps:
	@scripts/install-deps

$(BUILD)/Makefile: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@scripts/demo $(BUILD)/cso $(DEMO_DIR)/cso.db

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCSO_WERROR=ON -DCSO_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

bench: deps
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DCSO_WERROR=ON
	cmake --build $(RELEASE_BUILD) -j $(JOBS) --target cso
	bench/run $(RELEASE_BUILD)/cso

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(RELEASE_BUILD)
