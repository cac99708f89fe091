#pragma once
// Inhabitants of each origin (commune), for the population figures of nearest, report and plan.

#include <optional>
#include <string>
#include <vector>

#include "options.hpp"
#include "sitecover/geodata/population.hpp"

namespace sitecover::cli {

/// The population table of --population (required to load), else, when `use_default`, the data
/// directory's INSEE file if it exists, else nothing. `path` receives the file read. Pass
/// use_default = false for origins that are not communes (a batch of points): their ids would
/// otherwise match commune codes by chance ("10010" is a commune of the Aube).
std::optional<geodata::PopulationTable> load_population_option(const Options& options,
                                                               std::string& path,
                                                               bool use_default = true);

}  // namespace sitecover::cli
