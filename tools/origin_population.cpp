#include "origin_population.hpp"

#include <filesystem>
#include <unordered_map>

#include "data_dir.hpp"

namespace sitecover::cli {

std::optional<geodata::PopulationTable> load_population_option(const Options& options,
                                                               std::string& path,
                                                               bool use_default) {
    path = options.get("--population");
    if (path.empty()) {
        if (!use_default) return std::nullopt;
        const auto fallback =
            find_data_dir(options.get("--data")) / defaults::kPopulation;
        if (!std::filesystem::exists(fallback)) return std::nullopt;
        path = fallback.string();
    }
    return geodata::load_population({path, "", "", ""});
}

std::vector<std::optional<double>> population_shares(const geodata::PopulationTable& table,
                                                     const std::vector<std::string>& codes) {
    std::unordered_map<std::string, std::size_t> sharing;
    std::vector<std::optional<std::string>> current(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        current[i] = table.resolve(codes[i]);
        if (current[i] && !table.by_code.at(*current[i])) current[i].reset();
        if (current[i]) ++sharing[*current[i]];
    }
    std::vector<std::optional<double>> shares(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (!current[i]) continue;
        shares[i] = static_cast<double>(*table.by_code.at(*current[i])) /
                    static_cast<double>(sharing[*current[i]]);
    }
    return shares;
}

}  // namespace sitecover::cli
