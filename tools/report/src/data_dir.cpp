#include "sitecover/report/data_dir.hpp"

#include <cstdlib>
#include <system_error>

#include "sitecover/error.hpp"

namespace sitecover::report {

std::filesystem::path find_data_dir(const std::string& explicit_dir, const std::string& hint) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto usable = [&](const fs::path& dir) { return fs::is_directory(dir, ec); };

    if (!explicit_dir.empty()) {
        if (!usable(explicit_dir))
            throw InputError("data directory '" + explicit_dir + "' not found" + hint);
        return explicit_dir;
    }
    if (const char* env = std::getenv("SITECOVER_DATA"); env != nullptr && *env != '\0') {
        if (!usable(env)) {
            throw InputError(std::string("data directory '") + env +
                             "' (from SITECOVER_DATA) not found" + hint);
        }
        return env;
    }
    for (const char* candidate : {"shared/geodata", "../shared/geodata", "../../shared/geodata"}) {
        if (usable(candidate)) return candidate;
    }
#ifdef SITECOVER_DEFAULT_DATA_DIR
    if (usable(SITECOVER_DEFAULT_DATA_DIR))
        return fs::path(SITECOVER_DEFAULT_DATA_DIR).lexically_normal();
#endif
    throw InputError("the default data directory (../shared/geodata) was not found" + hint);
}

}  // namespace sitecover::report
