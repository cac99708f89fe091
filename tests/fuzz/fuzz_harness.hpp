#pragma once
// Shared by the fuzz harnesses: the libFuzzer entry points, and a check that aborts (a crash
// the fuzzer reports) when an invariant of the product fails. Library errors derived from
// sitecover::Error are the documented answer to bad input and are not findings.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);

// Unlike assert(), active in every build type.
#define SITECOVER_FUZZ_CHECK(condition)                                                        \
    do {                                                                                       \
        if (!(condition)) {                                                                    \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (false)
