# cmake -DCSO=path/to/cso -DARGS="completion;bash" -DOUTPUT=file -DSCRATCH=dir -P generate.cmake
# Runs the built cso and keeps what it prints (the completion scripts, the man page), in a
# clean environment: no user or workspace config can change or break what the build writes.
get_filename_component(dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}" "${SCRATCH}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env --unset=CSO_CONFIG --unset=CSO_DB --unset=CSO_ACTOR --unset=CSO_NOW
    XDG_CONFIG_HOME=${SCRATCH} XDG_DATA_HOME=${SCRATCH} HOME=${SCRATCH} ${CSO} ${ARGS}
  WORKING_DIRECTORY "${SCRATCH}"
  OUTPUT_FILE "${OUTPUT}.tmp"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "cso ${ARGS} failed (${result})")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
