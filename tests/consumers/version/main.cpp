// The installed version header: macros for the preprocessor, constants for the program.
#include <cstring>
#include <iostream>

#include "sitecover/version.hpp"

static_assert(SITECOVER_VERSION_NUMBER == SITECOVER_VERSION_MAJOR * 10000 +
                                              SITECOVER_VERSION_MINOR * 100 +
                                              SITECOVER_VERSION_PATCH,
              "one number orders versions");
#if SITECOVER_VERSION_NUMBER < 100
#error "sitecover 0.1.0 or later is needed"
#endif

int main() {
    const bool same = std::strcmp(sitecover::version_string, SITECOVER_VERSION_STRING) == 0;
    std::cout << "sitecover " << SITECOVER_VERSION_MAJOR << "." << SITECOVER_VERSION_MINOR << "."
              << SITECOVER_VERSION_PATCH << " (" << sitecover::version_string << ")"
              << (same ? "" : " MISMATCH") << "\n";
    return same ? 0 : 1;
}
