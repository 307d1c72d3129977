# One INTERFACE target carries the warning set and the sanitizer flags, so every
# library and test links the same policy (ccache's standard_warnings).
add_library(cso_warnings INTERFACE)
target_compile_options(cso_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
# GCC 12 reports false -Wrestrict positives inside std::string at -O3 (GCC bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(cso_warnings INTERFACE -Wno-restrict)
endif()
if(CSO_WERROR)
  target_compile_options(cso_warnings INTERFACE -Werror)
endif()
if(CSO_SANITIZE)
  target_compile_options(cso_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(cso_warnings INTERFACE -fsanitize=address,undefined)
endif()
