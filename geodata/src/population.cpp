#include "sitecover/geodata/population.hpp"

#include <cmath>
#include <sstream>
#include <unordered_map>

#include "layer_reader.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace {

// Above the world's population: a larger value is a broken file, and sums of up to 1e5 such
// values stay exact in the int64 and double arithmetic of the summaries.
constexpr double kMaxPopulation = 1e10;

}  // namespace

std::optional<std::string> PopulationTable::resolve(const std::string& code) const {
    if (by_code.count(code)) return code;
    if (const auto it = current_code_of.find(code); it != current_code_of.end()) return it->second;
    return std::nullopt;
}

PopulationTable load_population(const LayerSource& source, const PopulationFields& fields) {
    detail::LayerReader reader(source);
    const int code_index = reader.require_field(fields.code, "commune code");
    const int population_index = reader.require_field(fields.population, "population");
    const int former_index =
        fields.former_codes.empty() ? -1 : reader.field_index(fields.former_codes);
    PopulationTable table;
    while (OGRFeatureUniquePtr feature = reader.next_feature()) {
        const std::string code = feature->GetFieldAsString(code_index);
        if (code.empty()) {
            throw InputError(reader.where(*feature) + ", field '" + fields.code +
                             "': empty commune code");
        }
        double value = 0.0;
        const std::string text = feature->GetFieldAsString(population_index);
        std::optional<std::int64_t> population;
        if (text.find_first_not_of(" \t") == std::string::npos) {
            // listed without a population: kept, so that the caller can report it
        } else if (!detail::parse_double(text, value) || value < 0.0 ||
                   value != std::floor(value)) {
            throw InputError(reader.where(*feature) + ", field '" + fields.population + "': '" +
                             text + "' is not a non-negative integer population");
        } else if (value > kMaxPopulation) {
            // Also keeps the conversion below defined (1e30 does not fit an int64).
            throw InputError(reader.where(*feature) + ", field '" + fields.population + "': '" +
                             text + "' is out of range [0, 10000000000]");
        } else {
            population = static_cast<std::int64_t>(value);
        }
        if (!table.by_code.emplace(code, population).second) {
            throw InputError(reader.where(*feature) + ", field '" + fields.code +
                             "': duplicate code '" + code + "'");
        }
        if (former_index >= 0) {
            std::stringstream former(feature->GetFieldAsString(former_index));
            std::string old;
            while (former >> old) table.current_code_of.emplace(old, code);
        }
    }
    if (table.by_code.empty()) throw InputError(reader.where() + ": no population row");
    return table;
}

std::vector<std::optional<double>> population_shares(const PopulationTable& table,
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

}  // namespace sitecover::geodata
