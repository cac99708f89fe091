# Builds the consumers without CMake, the way a Makefile would, from the installed pkg-config
# files: the engine-only example (PROJ comes through Requires for the static library), the GDAL
# loading one and the one per job of the CLI (consumer_jobs.cmake); runs each and checks a line
# of its output; checks that the licence and the API documentation were installed.
# Usage: cmake -DPREFIX=... -DSOURCE=tests/consumers -DWORK=... -DDATA=... [-DDOCS=ON] -P pkg_config.cmake
find_program(PKG_CONFIG pkg-config REQUIRED)
find_program(CXX NAMES c++ g++ REQUIRED)
file(GLOB pc_dirs "${PREFIX}/lib*/pkgconfig" "${PREFIX}/lib/*/pkgconfig")
string(REPLACE ";" ":" pc_path "${pc_dirs}")
set(ENV{PKG_CONFIG_PATH} "${pc_path}")
file(MAKE_DIRECTORY "${WORK}")

function(build_and_run name module)
  execute_process(COMMAND ${PKG_CONFIG} --cflags --libs ${module}
    OUTPUT_VARIABLE flags RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config ${module} failed (PKG_CONFIG_PATH=${pc_path}): ${err}")
  endif()
  # The headers need C++20: the Cflags say so (no -std here, as a Makefile would not know).
  if(NOT flags MATCHES "(^| )-std=c\\+\\+20( |$)")
    message(FATAL_ERROR "pkg-config --cflags ${module} lacks -std=c++20: ${flags}")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  execute_process(COMMAND ${CXX} ${SOURCE}/${name}/main.cpp ${flags} -o ${WORK}/${name}
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name}: compiling with `pkg-config ${module}` failed:\n${err}")
  endif()
  execute_process(COMMAND ${WORK}/${name} ${ARGN} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name} exited with ${rc}:\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

build_and_run(nearest_sites sitecover-engine)
message(STATUS "nearest_sites (pkg-config sitecover-engine): ${last_output}")
build_and_run(version sitecover-engine)
message(STATUS "version (pkg-config sitecover-engine): ${last_output}")
build_and_run(canton_coverage sitecover ${DATA})
message(STATUS "canton_coverage (pkg-config sitecover): ${last_output}")
include(${CMAKE_CURRENT_LIST_DIR}/consumer_jobs.cmake)
foreach(job IN LISTS consumer_jobs)
  build_and_run(${job} sitecover ${DATA})
  check_consumer_output(${job} "pkg-config sitecover" "${last_output}")
endforeach()

foreach(doc share/doc/sitecover/LICENSE share/doc/sitecover/README.md)
  if(NOT EXISTS "${PREFIX}/${doc}")
    message(FATAL_ERROR "not installed: ${PREFIX}/${doc}")
  endif()
endforeach()
if(DOCS AND NOT EXISTS "${PREFIX}/share/doc/sitecover/api/index.html")
  message(FATAL_ERROR "the API documentation was not installed (share/doc/sitecover/api)")
endif()
