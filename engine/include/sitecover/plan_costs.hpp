#pragma once
/// @file
/// Building a PlanProblem from geography: crow-fly (exact geodesic distances) or by road (travel
/// time or distance), with only the origin / candidate pairs that can matter.

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "sitecover/lon_lat.hpp"
#include "sitecover/planning.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover {

/// Called now and then with (work done, work total) during a long build; may be empty.
using PlanProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Crow-fly costs in metres. Base cost: the geodesic distance from each origin to its nearest
/// site of `fixed` (infinity when `fixed` is empty). Candidate j keeps the origins nearer to it
/// than to any fixed site, found by one radius search per origin (radius: its base cost), so the
/// work follows the number of useful pairs. Throws ArgumentError on an invalid position or when
/// `weights` and `origins` differ in size (and as PlanProblem).
PlanProblem crow_fly_problem(const std::vector<LonLat>& origins, std::vector<double> weights,
                             const SiteIndex& fixed, const std::vector<LonLat>& candidates,
                             const PlanProgress& progress = {});

/// What a road problem starts from: the graph and where the origins and candidates join it.
struct RoadPlanInput {
    const RoadGraph* graph = nullptr;                      ///< must outlive the call
    std::vector<std::optional<RoadSnap>> origin_snaps;     ///< nullopt: off the network
    std::vector<std::optional<RoadSnap>> candidate_snaps;  ///< nullopt: off the network
    RoadQueryOptions options;  ///< metric and access speed (max_cost is set by the builder)
    unsigned threads = 1;      ///< candidate searches run in parallel; results do not depend on it
};

/// Road costs (seconds or metres by options.metric) from each origin to a site, as RoadQuery
/// prices them. `fixed` must have been run with the same metric and access speed: it gives
/// the base costs (infinity: unreachable or off the network). Each candidate then gets one
/// Dijkstra search bounded by the largest finite base cost, since nothing costlier can
/// improve any origin. Throws ArgumentError for inconsistent sizes.
PlanProblem road_problem(const RoadPlanInput& input, std::vector<double> weights,
                         const RoadQuery& fixed, const PlanProgress& progress = {});

}  // namespace sitecover
