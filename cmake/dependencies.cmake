# Every dependency comes from a Debian package (scripts/install-deps installs them).
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(doctest REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(Threads REQUIRED)
find_package(mstch REQUIRED)
find_path(TOMLPP_INCLUDE_DIR toml++/toml.h REQUIRED)
find_path(DTL_INCLUDE_DIR dtl/dtl.hpp REQUIRED)  # libdtl-dev: header-only diff (policy diff)
find_path(XXHASH_INCLUDE_DIR xxhash.h REQUIRED)  # libxxhash-dev: inlined, verify's record digests
