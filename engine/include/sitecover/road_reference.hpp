#pragma once
/// @file
/// Brute-force oracles for road routing: a plain single-source Dijkstra over an edge list, and
/// the nearest site of a snapped origin computed by splitting segments into explicit nodes.
/// Used by the tests and benchmarks to check RoadQuery. Thread-safe (pure functions).

#include <optional>
#include <vector>

#include "sitecover/road_graph.hpp"
#include "sitecover/road_network.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover::reference {

/// Cost from `source` to every node along directed edges (infinity when unreachable).
/// O(E log E) with a binary heap; no CSR, no reuse. Throws ArgumentError when `source` is not
/// a node of the network.
std::vector<double> road_costs_from(const RoadNetwork& network, RoadNode source, RoadMetric metric);

/// Same contract as RoadQuery::run + nearest, by inserting the snapped points as nodes of a new
/// network (segments split at them, access legs as edges) and running road_costs_from from the
/// origin. O(S + E log E) per call. Throws ArgumentError when site_snaps and sites differ in
/// size.
RoadResult road_nearest(const RoadGraph& graph, const RoadSnap& origin,
                        const std::vector<std::optional<RoadSnap>>& site_snaps,
                        const std::vector<Site>& sites, const RoadQueryOptions& options = {});

}  // namespace sitecover::reference
