#include "origin_population.hpp"

#include <filesystem>

#include "inputs.hpp"
#include "sitecover/report/data_dir.hpp"

namespace sitecover::cli {

std::optional<geodata::PopulationTable> load_population_option(const Options& options,
                                                               std::string& path,
                                                               bool use_default) {
    path = options.get("--population");
    if (path.empty()) {
        if (!use_default) return std::nullopt;
        const auto fallback = find_data_dir(options.get("--data")) / report::defaults::kPopulation;
        if (!std::filesystem::exists(fallback)) return std::nullopt;
        path = fallback.string();
    }
    return geodata::load_population({path, "", "", ""});
}

}  // namespace sitecover::cli
