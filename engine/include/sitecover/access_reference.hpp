#pragma once
/// @file
/// Brute-force oracles for the floating catchment figures and the equity figures: the
/// definitions written as directly as possible, with no index, no table and no threads. Used by
/// the tests and benchmarks to check accessibility.hpp, road_catchment.hpp and equity.hpp.
/// Thread-safe (pure functions).

#include <optional>
#include <vector>

#include "sitecover/accessibility.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover::reference {

/// 2SFCA / E2SFCA from a full cost matrix cost[i][j] (origin i to site j; infinity: not
/// reachable), by the formulas of accessibility.hpp: O(origins x sites).
AccessResult floating_catchment(const std::vector<std::vector<double>>& cost,
                                const std::vector<double>& demand,
                                const std::vector<double>& supply, const AccessDecay& decay,
                                double catchment);

/// The directed road cost from every origin to every site (infinity: not snapped within
/// max_snap_m, or no route), one reference::road_nearest per pair with that site alone:
/// O(origins x sites x E log E).
std::vector<std::vector<double>> road_costs(const RoadGraph& graph, const RoadSnapper& snapper,
                                            const std::vector<Site>& sites,
                                            const std::vector<LonLat>& origins,
                                            const RoadQueryOptions& options, double max_snap_m);

/// The Gini coefficient by its double sum over all pairs: O(n^2).
std::optional<double> weighted_gini(const std::vector<double>& values,
                                    const std::vector<double>& weights);

}  // namespace sitecover::reference
