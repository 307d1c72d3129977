# The two-command quick start: `make demo` and `make test` (README). Both install what is
# missing (scripts/install-deps), configure and build.
BUILD ?= build
ASAN_BUILD ?= build-asan
RELEASE_BUILD ?= build-release
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCSO_WERROR=ON
DEMO_DIR ?= $(BUILD)/demo

.PHONY: all deps build configure demo test test-asan fuzz bench lint lint-format lint-tidy format clean package package-smoke

all: build

deps:
	@scripts/install-deps

$(BUILD)/Makefile: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: deps $(BUILD)/Makefile

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@scripts/demo $(BUILD)/cso $(DEMO_DIR)/cso.db

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The Debian package (CPack, cmake/package.cmake): build/cso_VERSION_ARCH.deb.
package: build
	cd $(BUILD) && cpack -G DEB

# CI: installs that package, smoke-tests the installed cso, runs lintian, removes it.
package-smoke: package
	scripts/package-smoke $(BUILD)/cso_*.deb

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCSO_WERROR=ON -DCSO_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# libFuzzer on the config loader (clang), seeded with the corpus of broken files.
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCSO_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-14
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_config
	mkdir -p $(FUZZ_BUILD)/corpus
	$(FUZZ_BUILD)/tests/fuzz/fuzz_config -max_total_time=$(FUZZ_SECONDS) -max_len=4096 $(FUZZ_BUILD)/corpus tests/config-corpus

# The house style (STYLE §12, scripts/lint): clang-format (check only) and clang-tidy's short
# list as errors. clang-tidy reads the compile database, so it needs a configured build only.
lint: lint-format lint-tidy

lint-format: deps
	scripts/lint format

lint-tidy: configure
	JOBS=$(JOBS) scripts/lint tidy $(BUILD)

# Rewrites every tracked C++ file in the house format (what lint-format checks).
format: deps
	git ls-files -z -- '*.cpp' '*.h' | xargs -0 --no-run-if-empty clang-format-14 -i

bench: deps
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DCSO_WERROR=ON
	cmake --build $(RELEASE_BUILD) -j $(JOBS) --target cso
	bench/run $(RELEASE_BUILD)/cso

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(RELEASE_BUILD) $(FUZZ_BUILD)
