#pragma once
// `sitecover plan`: a scenario is a list of sites; evaluating it gives each origin its nearest
// site (crow-fly and, with roads, by road) and each area its coverage, so that the figures
// before and after a change come from the same code as `nearest` and `coverage`.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "road_report.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/lon_lat.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover::cli {

/// What every scenario is measured on: the origins (with their inhabitants) and the areas.
struct PlanWorld {
    std::vector<std::string> codes, names;
    std::vector<LonLat> positions;
    std::vector<double> weights;  ///< inhabitants (or 1 each when no population is known)
    const CoverageIndex* areas = nullptr;
    const RoadSetup* roads = nullptr;               ///< nullptr: crow-fly only
    std::vector<std::optional<RoadSnap>> road_snaps;  ///< per origin, with roads
};

/// One origin under a scenario.
struct OriginOutcome {
    std::optional<std::size_t> site;  ///< nearest site as the crow flies (index into the sites)
    double distance_m = 0.0;
    std::optional<std::size_t> road_site;  ///< nearest site by road (when reachable)
    double road_distance_m = 0.0;
    double time_s = 0.0;
};

/// A scenario measured.
struct ScenarioOutcome {
    std::vector<OriginOutcome> origins;
    std::vector<AreaCoverage> coverage;  ///< Boundary::Included, as `sitecover coverage`
};

/// A site added, removed or suggested by a plan, for the summary and --sites-output.
struct SiteChange {
    Site site;
    std::string change;  // added, removed, suggested
    std::size_t communes = 0;
    double population = 0.0;
};

/// Measures a list of sites. Sites off the road network are left out of the road search, as in
/// `sitecover nearest --roads`.
ScenarioOutcome evaluate_scenario(const PlanWorld& world, const std::vector<Site>& sites);

/// The figures printed side by side for two scenarios.
struct ScenarioFigures {
    std::size_t covered = 0, areas = 0;
    std::vector<std::string> uncovered;  ///< "Auch-3 (32006)"
    double max_m = 0.0, mean_m = 0.0, weighted_mean_m = 0.0, weight_within_m = 0.0;
    std::size_t reachable = 0;
    double max_s = 0.0, mean_s = 0.0, weighted_mean_s = 0.0, weight_within_s = 0.0;
    double total_weight = 0.0;
};

/// Applies a table written by `plan --sites-output` to a site list: rows whose `change` is
/// "removed" take the site of that id out, "added" and "suggested" rows come in (their kind set
/// to the change, so that the map marks them). Throws InputError naming the file and row for
/// an unknown change or a removed id that is not in the list. Returns how many were removed
/// and added.
struct ScenarioApplied {
    std::size_t removed = 0, added = 0;
};
ScenarioApplied apply_scenario_file(const std::string& path, std::vector<Site>& sites);

ScenarioFigures scenario_figures(const PlanWorld& world, const ScenarioOutcome& outcome,
                                 double within_m, double within_s);

}  // namespace sitecover::cli
