#pragma once
/// @file
/// Legal populations of communes, with the former codes of merged communes.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitecover/geodata/layer_source.hpp"

namespace sitecover::geodata {

/// Attribute names of a population table; the defaults fit the INSEE file of the data directory.
struct PopulationFields {
    std::string code = "code";                   ///< current INSEE commune code
    std::string population = "population";       ///< legal population (empty: unknown)
    std::string former_codes = "anciens_codes";  ///< space-separated; may be absent
};

/// Populations by current commune code, and where former codes went.
struct PopulationTable {
    /// Population by current code; nullopt for a commune listed without one (uninhabited
    /// overseas districts carry an empty value).
    std::unordered_map<std::string, std::optional<std::int64_t>> by_code;
    std::unordered_map<std::string, std::string> current_code_of;  ///< former code -> current

    /// The current code of a commune: `code` itself when listed, else the commune that absorbed
    /// it, else nothing. O(1) expected; thread-safe (const).
    std::optional<std::string> resolve(const std::string& code) const;
};

/// Reads a population table (the INSEE CSV of the data directory or any GDAL table) with
/// GDAL. Throws InputError naming file, layer, feature and field for a missing file or field,
/// an empty code, a duplicate code, or a population that is neither empty nor an integer in
/// [0, 1e10]. O(rows).
/// Thread-safety: may be called concurrently (each call opens its own GDAL dataset).
PopulationTable load_population(const LayerSource& source, const PopulationFields& fields = {});

/// Inhabitants of each origin code: its commune's population, through former codes for merged
/// communes, shared equally between origins that fall into one current commune so that nobody
/// is counted twice. Empty for a code the table does not know or lists without a population.
/// O(codes). Thread-safe.
std::vector<std::optional<double>> population_shares(const PopulationTable& table,
                                                     const std::vector<std::string>& codes);

}  // namespace sitecover::geodata
