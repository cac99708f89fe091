# Labels of single GoogleTest tests, read by ctest after the discovered tests (gtest_discover_tests
# gives one label list to every test of a program). Keep each rule a name pattern:
#  - property: generated inputs (fixed, printed seed) checked against a brute-force or
#    independent reference implementation: suites named *Property, tests named *Reference*,
#    *BruteForce*, *Random*, *Vincenty*;
#  - slow: more than about 10 s on one core (ctest -LE slow leaves them out).
set(sitecover_property_regex "^[A-Za-z]*Property\\.|Reference|BruteForce|Random|Vincenty")
foreach(program engine_tests geodata_tests)
  foreach(t IN LISTS ${program}_TESTS)
    if(t MATCHES "${sitecover_property_regex}")
      set_tests_properties(${t} PROPERTIES LABELS "unit;property")
    endif()
  endforeach()
endforeach()
foreach(t IN LISTS cli_tests_TESTS)
  if(t MATCHES "^CliFastDistance\\.OneMillionPoints|^CliOutputs\\.AFullDisk")
    set_tests_properties(${t} PROPERTIES LABELS "cli;slow")
  endif()
endforeach()
