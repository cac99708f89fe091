# Fails when the C++ example of README.md differs from tests/consumers/nearest_sites/main.cpp,
# the consumer that the test suite compiles against the installed package and runs: the README
# example is then proven to compile and work.
# Usage: cmake -DREADME=... -DEXAMPLE=... -P readme_example.cmake
file(READ "${README}" readme)
file(READ "${EXAMPLE}" example)
string(FIND "${readme}" "```cpp\n" begin)
if(begin EQUAL -1)
  message(FATAL_ERROR "${README}: no ```cpp block")
endif()
math(EXPR begin "${begin} + 7")
string(SUBSTRING "${readme}" ${begin} -1 rest)
string(FIND "${rest}" "```" end)
string(SUBSTRING "${rest}" 0 ${end} block)
if(NOT block STREQUAL example)
  message(FATAL_ERROR "the C++ example of ${README} differs from ${EXAMPLE}: keep them identical")
endif()
