#pragma once
/// @file
/// The origin-site pairs within a catchment by road, for the floating catchment figures
/// (accessibility.hpp): one bounded Dijkstra per site on the reverse graph gives the directed
/// cost FROM every origin TO that site, with the same snapping and access legs as NearestByRoad.

#include <cstddef>
#include <vector>

#include "sitecover/accessibility.hpp"
#include "sitecover/lon_lat.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover {

/// How road_catchment prices travel.
struct RoadCatchmentOptions {
    RoadMetric metric = RoadMetric::Time;  ///< seconds (Time) or metres (Distance)
    double access_speed_kmh = 30.0;        ///< speed on the access legs, km/h (> 0)
    double max_snap_m = 5000.0;            ///< sites and origins farther from a road take no part
    double catchment = 1800.0;             ///< d0, in the metric's unit (> 0, finite)
};

/// The pairs and what was left out.
struct RoadCatchment {
    CatchmentTable table;              ///< origin -> sites within the catchment, by site index
    std::vector<char> origin_snapped;  ///< per origin: within max_snap_m of a road
    std::vector<char> site_snapped;    ///< per site: within max_snap_m of a road
    std::size_t settled_nodes = 0;     ///< nodes settled by all the searches (work done)
};

/// For every site, a Dijkstra on the reverse graph bounded by the catchment (a per-thread label
/// array reset through the list of touched nodes, so a search costs what it settles, not the
/// graph's size); each origin snapped onto a segment at a settled node gets its cost exactly as
/// RoadQuery::nearest prices it (access leg, part of its segment in an allowed direction, the
/// node's cost; or straight along the site's own segment). The cost c_ij is that of the route
/// from origin i to site j, so oneway roads count in the direction of travel to the site.
/// Runs the sites on `threads` threads (0: all); the result does not depend on the thread
/// count. Throws ArgumentError for an invalid origin or site position (by index), a negative /
/// NaN max_snap_m, a non-positive access speed or catchment. The graph and snapper must match.
/// O(sites x (nodes settled within the catchment) log + origins log segments).
RoadCatchment road_catchment(const RoadGraph& graph, const RoadSnapper& snapper,
                             const std::vector<Site>& sites, const std::vector<LonLat>& origins,
                             const RoadCatchmentOptions& options, unsigned threads);

}  // namespace sitecover
