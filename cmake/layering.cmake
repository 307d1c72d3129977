# The layering of ARCHITECTURE.md (cli → core, storage; storage → core; core → std, fmt),
# enforced by the build rather than by review.
#
# 1. One include root per folder, in the build tree: include/<folder>/<folder> is a symlink to
#    the source folder, and a library's targets see only the roots of the folders it may use.
#    `#include "storage/db.h"` in core/ is "No such file" (the source root is on no path).
# 2. Headers that are always on the path (/usr/include) cannot be hidden that way, so core/
#    compiles with a directory of stubs, found before the real ones, whose only line is an
#    #error: SQLiteCpp, sqlite3, libpq, CLI11 and toml++ fail to compile in core/.
# 3. cmake/layering-scan.cmake reads every #include of core/, storage/ and cli/ (core: the
#    standard library, fmt and core/ only; cli: no SQL library; no `..`): it runs in the build
#    (target layering_scan) and in ctest (`layering`, with the probes that prove 1 and 2).

# cso_root_<folder>: the include root of one folder; link it to see that folder.
function(cso_include_root folder)
  set(root ${PROJECT_BINARY_DIR}/include/${folder})
  set(link ${root}/${folder})
  file(MAKE_DIRECTORY ${root})
  if(IS_SYMLINK ${link})
    file(READ_SYMLINK ${link} target)
    if(NOT target STREQUAL "${PROJECT_SOURCE_DIR}/${folder}")
      file(REMOVE ${link})
    endif()
  endif()
  if(NOT EXISTS ${link})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${link} SYMBOLIC)
  endif()
  add_library(cso_root_${folder} INTERFACE)
  target_include_directories(cso_root_${folder} INTERFACE ${root})
endfunction()

foreach(folder IN ITEMS core storage cli tests)
  cso_include_root(${folder})
endforeach()

# cso_forbid_in_core: the stubs (PRIVATE to core's own sources: storage and the tests use the
# real headers). Each installed header of these libraries gets a stub, plus the names of libpq's.
set(CSO_FORBIDDEN_DIR ${PROJECT_BINARY_DIR}/include/forbidden-in-core)
set(forbidden sqlite3.h sqlite3ext.h libpq-fe.h pqxx/pqxx)
foreach(probe IN ITEMS SQLiteCpp/SQLiteCpp.h CLI/CLI.hpp toml++/toml.h)
  string(REGEX REPLACE "/.*" "" library ${probe})
  find_path(CSO_${library}_ROOT ${probe} PATHS ${TOMLPP_INCLUDE_DIR})
  if(CSO_${library}_ROOT)
    file(GLOB_RECURSE headers RELATIVE ${CSO_${library}_ROOT} ${CSO_${library}_ROOT}/${library}/*)
    list(APPEND forbidden ${headers})
  else()
    list(APPEND forbidden ${probe})
  endif()
endforeach()
foreach(header IN LISTS forbidden)
  set(text "#error \"cso layering: core/ includes only the standard library, fmt and core/ (ARCHITECTURE.md), not <${header}>\"\n")
  set(stub ${CSO_FORBIDDEN_DIR}/${header})
  if(EXISTS ${stub})
    file(READ ${stub} old)
  else()
    set(old "")
  endif()
  if(NOT old STREQUAL text)
    file(WRITE ${stub} "${text}")
  endif()
endforeach()
add_library(cso_forbid_in_core INTERFACE)
target_include_directories(cso_forbid_in_core BEFORE INTERFACE ${CSO_FORBIDDEN_DIR})

# The scan, as part of every build: reruns when a source of the three folders changes.
file(GLOB_RECURSE CSO_LAYERED_SOURCES CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/core/*.h ${PROJECT_SOURCE_DIR}/core/*.cpp
  ${PROJECT_SOURCE_DIR}/storage/*.h ${PROJECT_SOURCE_DIR}/storage/*.cpp
  ${PROJECT_SOURCE_DIR}/cli/*.h ${PROJECT_SOURCE_DIR}/cli/*.cpp)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/layering-scan.stamp
  COMMAND ${CMAKE_COMMAND} -DCSO_SCAN_ROOT=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/layering-scan.cmake
  COMMAND ${CMAKE_COMMAND} -E touch ${PROJECT_BINARY_DIR}/layering-scan.stamp
  DEPENDS ${CSO_LAYERED_SOURCES} ${PROJECT_SOURCE_DIR}/cmake/layering-scan.cmake
    ${PROJECT_SOURCE_DIR}/cmake/layering-exceptions.txt
  COMMENT "Checking the #includes of core/, storage/ and cli/ (ARCHITECTURE.md)"
  VERBATIM)
add_custom_target(layering_scan ALL DEPENDS ${PROJECT_BINARY_DIR}/layering-scan.stamp)
