#pragma once
// `sitecover plan`: the inputs every scenario is measured on (areas, origins with their
// population, sites, roads), loaded once.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "inputs.hpp"
#include "options.hpp"
#include "plan_options.hpp"
#include "road_report.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site_suggestion.hpp"

namespace sitecover::cli {

/// The loaded inputs of a plan.
struct PlanInputs {
    std::string areas_path;
    std::unique_ptr<CoverageIndex> areas;
    LoadedSiteSet site_set;
    std::string origins_path;
    std::vector<std::string> codes, names;  ///< per origin
    std::string population_path;
    std::size_t without_population = 0;  ///< origins the population file does not know
    bool weighted = false;               ///< weights are inhabitants (else 1 each)
    std::unique_ptr<RoadSetup> roads;
    double within_s = 1800.0;  ///< --within-min, in seconds (with roads)
    ScenarioWorld world;       ///< origins, weights, areas, roads for the library calls
};

/// Loads the areas, sites, origins, populations and roads of a plan.
PlanInputs load_plan_inputs(const Options& options, const PlanOptions& plan);

/// The what-if of the options: --remove, then --add and --add-commune (at that origin's point),
/// through apply_what_if, its errors worded as the options. UsageError for an unknown site id
/// or origin code, or a new site outside every area.
WhatIf plan_what_if(const PlanOptions& plan, const PlanInputs& inputs);

/// The suggestion of --suggest K on top of `after`, through suggest_new_sites, with the
/// warnings on stderr and its errors worded as the options.
Suggestion plan_suggestion(const PlanOptions& plan, const PlanInputs& inputs,
                           const std::vector<Site>& after);

}  // namespace sitecover::cli
