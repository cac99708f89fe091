#pragma once
/// @file
/// A road network as plain values: nodes in WGS84 lon/lat and directed straight edges between
/// them. geodata fills it from files; RoadGraph (road_graph.hpp) turns it into arrays for
/// routing.

#include <cstdint>
#include <vector>

#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// Index of a node in RoadNetwork::nodes.
using RoadNode = std::uint32_t;

/// One directed edge: a straight segment travelled from `from` to `to`. A two-way road is two
/// edges, one each way.
struct RoadEdge {
    RoadNode from = 0;      ///< start node
    RoadNode to = 0;        ///< end node
    double length_m = 0.0;  ///< ellipsoidal length of the segment, metres (>= 0)
    double time_s = 0.0;    ///< travel time along it, seconds (> 0 unless length_m is 0)
};

/// Nodes and directed edges. Edges between the same pair of nodes in the same direction may
/// repeat (two routes sharing a segment): RoadGraph keeps the fastest. Not checked here:
/// RoadGraph validates it when built.
struct RoadNetwork {
    std::vector<LonLat> nodes;    ///< WGS84 positions, indexed by RoadNode
    std::vector<RoadEdge> edges;  ///< directed edges between them
};

/// What the travel cost of a route is: its time (the default) or its length.
enum class RoadMetric {
    Time,     ///< travel time, seconds (the default)
    Distance  ///< road length, metres
};

}  // namespace sitecover
