# The shared-library build, end to end: configures this project with BUILD_SHARED_LIBS=ON (no
# tests, no benchmarks), builds and installs it, then builds the engine-only, the GDAL-loading and
# the per-job consumers (consumer_jobs.cmake) against the installed package, runs them and checks
# that each is linked to the shared library. Slow (a second build of the libraries).
# Usage: cmake -DSOURCE=<project> -DWORK=<dir> -DDATA=<geodata> -DGENERATOR=... -P shared_build.cmake
cmake_minimum_required(VERSION 3.20)  # IN_LIST (policy CMP0057) in script mode

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

set(build ${WORK}/build)
set(prefix ${WORK}/prefix)
file(REMOVE_RECURSE ${WORK})
run("configure (shared)" ${CMAKE_COMMAND} -S ${SOURCE} -B ${build} -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON
    -DSITECOVER_BUILD_TESTS=OFF -DSITECOVER_BUILD_BENCH=OFF)
run("build (shared)" ${CMAKE_COMMAND} --build ${build})
run("install (shared)" ${CMAKE_COMMAND} --install ${build} --prefix ${prefix})
file(GLOB engine_so "${prefix}/lib*/libsitecover_engine.so*" "${prefix}/lib/*/libsitecover_engine.so*")
if(NOT engine_so)
  message(FATAL_ERROR "no libsitecover_engine.so installed under ${prefix}")
endif()

include(${CMAKE_CURRENT_LIST_DIR}/consumer_jobs.cmake)
foreach(consumer nearest_sites canton_coverage report_documents ${consumer_jobs})
  run("configure ${consumer}" ${CMAKE_COMMAND} -S ${SOURCE}/tests/consumers/${consumer}
      -B ${WORK}/${consumer} -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
  run("build ${consumer}" ${CMAKE_COMMAND} --build ${WORK}/${consumer})
  # The installed libraries are found through the build tree's RPATH, as CMake sets it.
  set(consumer_args ${DATA})
  if(consumer STREQUAL "report_documents")
    list(APPEND consumer_args ${WORK}/report_documents-out)
  endif()
  run("run ${consumer}" ${WORK}/${consumer}/${consumer} ${consumer_args})
  if(consumer IN_LIST consumer_jobs)
    check_consumer_output(${consumer} shared "${last_output}")
  else()
    message(STATUS "${consumer} (shared): ${last_output}")
  endif()
  execute_process(COMMAND ldd ${WORK}/${consumer}/${consumer} OUTPUT_VARIABLE deps)
  if(consumer STREQUAL "report_documents" AND NOT deps MATCHES "libsitecover_report\\.so")
    message(FATAL_ERROR "report_documents is not linked to the shared libsitecover_report:\n${deps}")
  endif()
  if(NOT deps MATCHES "libsitecover_engine\\.so")
    message(FATAL_ERROR "${consumer} is not linked to the shared libsitecover_engine:\n${deps}")
  endif()
endforeach()
