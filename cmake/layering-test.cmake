# ctest `layering`: proves the layering is enforced (cmake/layering.cmake), so it fails when a
# rule stops working, not only when the tree breaks one.
#  1. The scan finds nothing in the real tree.
#  2. The scan rejects a planted tree of bad includes, each for its reason.
#  3. Probes compiled with the exact command line of a core/ (and a storage/) source, from
#     compile_commands.json: a good one compiles; "storage/…", "cli/…" and the stubbed system
#     headers are rejected by the compiler, each for its reason.
#   cmake -DCSO_SOURCE_DIR=<src> -DCSO_BINARY_DIR=<build> -P layering-test.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/layering-scan.cmake)

set(failures "")
macro(fail text)
  list(APPEND failures "${text}")
endmacro()

# 1. The real tree.
cso_layering_scan("${CSO_SOURCE_DIR}" "${CSO_SOURCE_DIR}/cmake/layering-exceptions.txt" found)
foreach(v IN LISTS found)
  fail("scan of the tree: ${v}")
endforeach()

# 2. A planted tree: each line is "<file>|<include>"; every one must be reported.
set(work "${CSO_BINARY_DIR}/layering-test")
file(REMOVE_RECURSE "${work}")
set(planted
  "core/a.cpp|\"storage/db.h\""
  "core/a.cpp|\"cli/app.h\""
  "core/a.cpp|<SQLiteCpp/SQLiteCpp.h>"
  "core/a.cpp|<sqlite3.h>"
  "core/a.cpp|<libpq-fe.h>"
  "core/a.cpp|<CLI/CLI.hpp>"
  "core/a.cpp|<toml++/toml.h>"
  "core/a.cpp|<nlohmann/json.hpp>"
  "core/a.cpp|<unistd.h>"
  "core/a.cpp|\"../storage/db.h\""
  "core/sub/b.h|\"storage/sqlite/db.h\""
  "storage/sqlite/c.cpp|\"cli/app.h\""
  "storage/c.cpp|<CLI/CLI.hpp>"
  "cli/d.cpp|<SQLiteCpp/Database.h>"
  "cli/d.cpp|<sqlite3.h>"
  "cli/d.cpp|<libpq-fe.h>"
  "cli/d.cpp|\"record.h\"")
set(clean "#include \"core/record.h\"\n#include <fmt/format.h>\n#include <string>\n")
file(WRITE "${work}/tree/core/ok.cpp" "${clean}")
file(WRITE "${work}/tree/storage/ok.cpp" "${clean}#include \"storage/db.h\"\n#include <SQLiteCpp/SQLiteCpp.h>\n")
file(WRITE "${work}/tree/cli/ok.cpp" "${clean}#include \"storage/db.h\"\n#include \"cli/app.h\"\n#include <CLI/CLI.hpp>\n")
foreach(entry IN LISTS planted)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 file)
  list(GET parts 1 include)
  file(APPEND "${work}/tree/${file}" "#include ${include}\n")
endforeach()
cso_layering_scan("${work}/tree" "" found)
foreach(entry IN LISTS planted)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 file)
  list(GET parts 1 include)
  set(hit FALSE)
  foreach(v IN LISTS found)
    string(FIND "${v}" "${file}: #include ${include}:" at)
    if(at EQUAL 0)
      set(hit TRUE)
    endif()
  endforeach()
  if(NOT hit)
    fail("scan let through ${file}: #include ${include}")
  endif()
endforeach()
foreach(v IN LISTS found)
  if(v MATCHES "/ok\\.cpp:")
    fail("scan rejected an allowed include: ${v}")
  endif()
endforeach()

# 3. Compiler probes. The command line of the first source under `folder` in the database.
if(NOT EXISTS "${CSO_BINARY_DIR}/compile_commands.json")
  message(FATAL_ERROR "layering: no ${CSO_BINARY_DIR}/compile_commands.json (CMAKE_EXPORT_COMPILE_COMMANDS)")
endif()
file(READ "${CSO_BINARY_DIR}/compile_commands.json" database)
string(JSON count LENGTH "${database}")
math(EXPR last "${count} - 1")
foreach(folder IN ITEMS core storage)
  foreach(i RANGE ${last})
    string(JSON source GET "${database}" ${i} file)
    file(RELATIVE_PATH relative "${CSO_SOURCE_DIR}" "${source}")
    if(relative MATCHES "^${folder}/.+\\.cpp$")
      string(JSON directory_${folder} GET "${database}" ${i} directory)
      string(JSON command GET "${database}" ${i} command)
      separate_arguments(command_${folder} UNIX_COMMAND "${command}")
      set(source_${folder} "${source}")
      break()
    endif()
  endforeach()
  if(NOT DEFINED source_${folder})
    message(FATAL_ERROR "layering: no ${folder}/ source in compile_commands.json")
  endif()
endforeach()

# The first header of a folder (the probes use one that exists, so "No such file" means hidden).
function(first_header folder out)
  file(GLOB_RECURSE headers RELATIVE "${CSO_SOURCE_DIR}" "${CSO_SOURCE_DIR}/${folder}/*.h")
  list(SORT headers)
  list(GET headers 0 header)
  set(${out} "${header}" PARENT_SCOPE)
endfunction()
first_header(core core_header)
first_header(storage storage_header)
first_header(cli cli_header)

# Compiles `text` as a source of `folder`; `expect` is "ok" or a regex the errors must match.
set(probe_number 0)
function(probe folder text expect)
  math(EXPR n "${probe_number} + 1")
  set(probe_number ${n} PARENT_SCOPE)
  set(file "${work}/probe${n}.cpp")
  file(WRITE "${file}" "${text}\nint cso_layering_probe${n}() { return 0; }\n")
  set(args "")
  set(next_is_output FALSE)
  foreach(arg IN LISTS command_${folder})
    if(next_is_output)
      set(arg "${work}/probe${n}.o")
      set(next_is_output FALSE)
    elseif(arg STREQUAL "-o")
      set(next_is_output TRUE)
    elseif(arg STREQUAL "${source_${folder}}")
      set(arg "${file}")
    endif()
    list(APPEND args "${arg}")
  endforeach()
  execute_process(COMMAND ${args} WORKING_DIRECTORY "${directory_${folder}}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE output ERROR_VARIABLE output)
  string(STRIP "${text}" what)
  if(expect STREQUAL "ok")
    if(NOT rc EQUAL 0)
      fail("${folder}/ flags rejected `${what}` (the probe itself is broken):\n${output}")
    endif()
  elseif(rc EQUAL 0)
    fail("${folder}/ flags compiled `${what}`: the rule is no longer enforced")
  elseif(NOT output MATCHES "${expect}")
    fail("${folder}/ flags rejected `${what}` for another reason than the layering:\n${output}")
  endif()
  set(failures "${failures}" PARENT_SCOPE)
endfunction()

# GCC says "x.h: No such file or directory", clang "'x.h' file not found".
function(hidden header out)
  string(REGEX REPLACE "([.+])" "\\\\\\1" quoted "${header}")
  set(${out} "${quoted}'?:? (No such file|file not found)" PARENT_SCOPE)
endfunction()
hidden("${storage_header}" storage_hidden)
hidden("${cli_header}" cli_hidden)
set(stubbed "cso layering: core/ includes only the standard library")

probe(core "#include \"${core_header}\"" ok)
probe(core "#include \"${storage_header}\"" "${storage_hidden}")
probe(core "#include \"${cli_header}\"" "${cli_hidden}")
probe(core "#include <SQLiteCpp/SQLiteCpp.h>" "${stubbed}")
probe(core "#include <sqlite3.h>" "${stubbed}")
probe(core "#include <CLI/CLI.hpp>" "${stubbed}")
probe(core "#include <toml++/toml.h>" "${stubbed}")
probe(storage "#include \"${storage_header}\"\n#include <SQLiteCpp/SQLiteCpp.h>" ok)
probe(storage "#include \"${cli_header}\"" "${cli_hidden}")

if(failures)
  list(JOIN failures "\n  " text)
  message(FATAL_ERROR "layering:\n  ${text}\n")
endif()
message(STATUS "layering: the tree is clean; ${probe_number} compiler probes and the planted includes behave")
