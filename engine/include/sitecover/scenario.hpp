#pragma once
/// @file
/// What-if evaluation: a scenario is a list of sites; evaluating it gives each origin its
/// nearest site (as the crow flies and, with a road network, by road) and each area its
/// coverage, so that the figures before and after a change come from the same code. The
/// library calls behind `sitecover plan --add / --remove` and `report --scenario`.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitecover/coverage.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/error.hpp"
#include "sitecover/lon_lat.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover {

/// What happened to a site in a plan.
enum class SiteChangeKind {
    Added,     ///< opened by the what-if
    Removed,   ///< closed by the what-if
    Suggested  ///< chosen by suggest_new_sites
};

/// "added", "removed" or "suggested" (the `change` column of a plan's site table).
std::string_view to_string(SiteChangeKind kind) noexcept;
/// The kind named by to_string(), else nothing.
std::optional<SiteChangeKind> parse_site_change_kind(std::string_view text) noexcept;

/// A site added, removed or suggested, with the origins it serves in the final scenario.
struct SiteChange {
    Site site;                                      ///< the site (kind set to the change when new)
    SiteChangeKind change = SiteChangeKind::Added;  ///< what happened to it
    std::size_t origins = 0;  ///< origins whose nearest site it is after the change (not Removed)
    double population = 0.0;  ///< their weight (inhabitants) together
};

/// The sites to close and to open.
struct WhatIfRequest {
    std::vector<std::string> remove_ids;  ///< ids of sites to close
    /// Sites to open (name and position; their id becomes "added-1", "added-2"..., skipping
    /// the ids the sites already hold (unused_site_ids), and their kind "added", so that maps
    /// mark them).
    std::vector<Site> add;
};

/// `count` site ids `prefix` + n for n = 1, 2... that no site of `sites` holds, in order:
/// ("added-", 2) gives "added-1", "added-2", or "added-2", "added-3" when a site already holds
/// "added-1" (a plan's output merged back into the list). O(sites + count) on average.
std::vector<std::string> unused_site_ids(const std::vector<Site>& sites, const std::string& prefix,
                                         std::size_t count);

/// The site list after a what-if.
struct WhatIf {
    std::vector<Site> after;          ///< the sites minus removals, plus additions
    std::vector<SiteChange> changes;  ///< removed (in site order), then added (in request order)
};

/// An entry of a request that cannot be applied. what() names the request field (by its
/// vocabulary name, the Python keyword: see Error::field) and the index ("remove[0]: no site
/// with id '9999' among the 2845 sites"); field() and index() let a caller word its own
/// message. The fields: WhatIfRequest::remove_ids is "remove", WhatIfRequest::add "add",
/// SuggestRequest::k "k", SuggestRequest::cover_areas "cover_areas", a list of changes
/// "changes".
class RequestFieldError : public ArgumentError {
public:
    /// `field`: the vocabulary name; `index`: the entry of a list member, if any.
    RequestFieldError(const std::string& field, std::optional<std::size_t> index,
                      const std::string& problem);
    /// The index of the entry in a list member.
    std::optional<std::size_t> index() const noexcept { return index_; }

private:
    std::optional<std::size_t> index_;
};

/// Applies removals, then additions. Throws RequestFieldError naming remove[i]
/// (WhatIfRequest::remove_ids) for an id that is not among `sites`, and add[i] (WhatIfRequest::add)
/// for an invalid position or a new site outside every area of `areas`. O(sites × removals).
WhatIf apply_what_if(const std::vector<Site>& sites, const WhatIfRequest& request,
                     const CoverageIndex& areas);

/// How many sites a list of changes took out and brought in.
struct ChangesApplied {
    std::size_t removed = 0;  ///< Removed changes applied
    std::size_t added = 0;    ///< Added and Suggested changes applied
};

/// Applies a plan's changes (for example read back by geodata::load_site_changes) to a site
/// list: a Removed change takes the site of that id out, Added and Suggested ones come in.
/// Throws RequestFieldError naming `changes`[i] for a removed id not in the list or an added
/// id already taken; `sites` is then left unchanged.
ChangesApplied apply_site_changes(std::vector<Site>& sites, const std::vector<SiteChange>& changes);

/// The road network a scenario is also measured on.
struct ScenarioRoads {
    const RoadGraph* graph = nullptr;      ///< must outlive the calls
    const RoadSnapper* snapper = nullptr;  ///< built on `graph`; must outlive the calls
    NearestByRoadOptions options;          ///< metric, access speed, max_snap_m
};

/// What every scenario is measured on: the origins with their weights, the areas, and
/// optionally the roads.
struct ScenarioWorld {
    std::vector<LonLat> origins;  ///< one point per origin (commune)
    std::vector<double> weights;  ///< per origin: inhabitants, or 1 each; same size as origins
    const CoverageIndex* areas = nullptr;  ///< must outlive the calls
    std::optional<ScenarioRoads> roads;    ///< empty: crow-fly only
    unsigned threads =
        0;  ///< for the batch queries (0: all hardware threads); no effect on results
};

/// One origin under a scenario.
struct OriginOutcome {
    std::optional<std::size_t> site;  ///< nearest site as the crow flies (index into the sites)
    double distance_m = 0.0;          ///< geodesic distance to `site`
    std::optional<std::size_t> road_site;  ///< nearest site by road (when reachable)
    double road_distance_m = 0.0;          ///< road distance to `road_site`
    double time_s = 0.0;                   ///< travel time to `road_site`
};

/// A scenario measured.
struct ScenarioOutcome {
    std::vector<OriginOutcome> origins;  ///< one per ScenarioWorld::origins
    std::vector<AreaCoverage> coverage;  ///< Boundary::Included, as compute_coverage
};

/// Measures a list of sites: nearest site of every origin (crow-fly; by road with
/// ScenarioWorld::roads, sites off the network taking no part) and the coverage of every area.
/// Throws ArgumentError when ScenarioWorld::areas is null or weights and origins differ in
/// size. Deterministic whatever ScenarioWorld::threads.
ScenarioOutcome evaluate_scenario(const ScenarioWorld& world, const std::vector<Site>& sites);

/// The figures compared side by side for two scenarios (all weights from ScenarioWorld).
struct ScenarioFigures {
    std::size_t covered = 0;             ///< areas holding a site
    std::size_t areas = 0;               ///< areas in all
    std::vector<std::size_t> uncovered;  ///< indices into CoverageIndex::areas(), in area order
    double max_m = 0.0;                  ///< largest crow-fly distance
    double mean_m = 0.0;                 ///< mean crow-fly distance over origins with a site
    double weighted_mean_m = 0.0;        ///< weighted mean crow-fly distance
    double weight_within_m = 0.0;        ///< weight within `within_m` as the crow flies
    std::size_t reachable = 0;           ///< origins that reach a site by road
    double max_s = 0.0;                  ///< largest travel time
    double mean_s = 0.0;                 ///< mean travel time over reachable origins
    double weighted_mean_s = 0.0;        ///< weighted mean travel time
    double weight_within_s = 0.0;        ///< weight within `within_s` by road
    double total_weight = 0.0;           ///< weight of all origins
};

/// The figures of an outcome, with the thresholds `within_m` (crow-fly metres) and `within_s`
/// (road seconds).
ScenarioFigures scenario_figures(const ScenarioWorld& world, const ScenarioOutcome& outcome,
                                 double within_m, double within_s);

/// Fills SiteChange::origins and SiteChange::population of the Added changes: the origins
/// whose nearest site (by road when `by_road`, else as the crow flies) in `outcome` is that
/// site (matched by id in `sites`, the list `outcome` was evaluated on). Other changes are left
/// as they are (suggest_new_sites counts its own).
void count_served_origins(const ScenarioWorld& world, const ScenarioOutcome& outcome,
                          const std::vector<Site>& sites, bool by_road,
                          std::vector<SiteChange>& changes);

}  // namespace sitecover
