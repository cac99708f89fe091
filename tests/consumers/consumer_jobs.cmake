# The consumers with one program per job of the CLI (issue 14), shared by the pkg-config and the
# shared-library runs (tests/CMakeLists.txt builds them against the static package and compares
# them with the CLI row by row). Each has a line of its output on the Gers that must appear.
set(consumer_jobs coverage_audit nearest_batch nearest_by_road what_if site_suggestion report_model)
set(consumer_expected_coverage_audit "area_code,site_count,covered,margin_m\n32001,")
set(consumer_expected_nearest_batch "\n32004,249,6683.722\n")
set(consumer_expected_nearest_by_road "\n32013,1271,")
set(consumer_expected_what_if "\n32013,")
set(consumer_expected_site_suggestion "suggested-1,Auch (32013),suggested,")
set(consumer_expected_report_model "17/17 cantons covered\n")

# Fails unless `output` of consumer `job` holds its expected line; prints how many lines it had.
function(check_consumer_output job how output)
  string(FIND "${output}" "${consumer_expected_${job}}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${job} (${how}): the output lacks '${consumer_expected_${job}}':\n${output}")
  endif()
  string(REGEX MATCHALL "\n" newlines "${output}")
  list(LENGTH newlines lines)
  message(STATUS "${job} (${how}): ${lines} lines, with the expected one")
endfunction()
