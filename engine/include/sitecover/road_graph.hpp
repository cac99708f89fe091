#pragma once
/// @file
/// The compact routing graph: compressed sparse rows of the directed edges (and of their
/// reverse), the undirected segments that points snap onto, and the connected pieces.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "sitecover/lon_lat.hpp"
#include "sitecover/road_network.hpp"

namespace sitecover {

/// An immutable road graph, built once from a RoadNetwork (O(V + E)).
///
/// Forward CSR: the out-edges of node u are the indices e in [first_out[u], first_out[u + 1]),
/// going to head[e], with length_m[e] and time_s[e]. Reverse CSR: the in-edges of node v are
/// in_edges[i] for i in [first_in[v], first_in[v + 1]), by increasing tail, each with its
/// forward index and a copy of its costs (a backward search then reads one array in order).
///
/// Thread-safety: immutable after construction; share one graph between threads, each with its
/// own RoadQuery. Accessors are O(1) and do not check their index (node < node_count(),
/// edge < edge_count(), component < component_count()).
class RoadGraph {
public:
    /// Marks a missing edge (or a missing direction of a segment).
    static constexpr std::uint32_t kNoEdge = std::numeric_limits<std::uint32_t>::max();

    /// A straight piece of road between two nodes a < b, with the edge travelling it each way
    /// (kNoEdge when that direction is not allowed: a oneway road).
    struct Segment {
        RoadNode a = 0;                    ///< the end with the smaller index
        RoadNode b = 0;                    ///< the end with the larger index
        std::uint32_t forward = kNoEdge;   ///< edge a -> b
        std::uint32_t backward = kNoEdge;  ///< edge b -> a
    };

    /// Builds the graph. Self-loops are dropped; of several edges u -> v the fastest (then the
    /// shortest) is kept. Throws InputError for a node that is not a valid position, an edge
    /// naming a missing node, a NaN / negative / infinite length or time, or more nodes or
    /// edges than 32-bit indices hold. The network is copied: it need not outlive the graph.
    /// O(V + E) for bounded degrees (each node's edges are sorted among themselves).
    explicit RoadGraph(const RoadNetwork& network);
    /// The same graph, taking the network's nodes and freeing its edges as soon as they are
    /// read: the peak memory of a national build is then about the graph's own (the network is
    /// left empty, or as it was when this throws).
    explicit RoadGraph(RoadNetwork&& network);

    /// Number of nodes (as in the network, isolated ones included).
    std::size_t node_count() const noexcept { return positions_.size(); }
    /// Number of directed edges kept.
    std::size_t edge_count() const noexcept { return head_.size(); }
    /// WGS84 position of a node.
    const LonLat& position(RoadNode node) const { return positions_[node]; }
    /// Every node position, indexed by RoadNode.
    const std::vector<LonLat>& positions() const noexcept { return positions_; }

    /// Forward CSR offsets, node_count() + 1 entries.
    const std::vector<std::uint32_t>& first_out() const noexcept { return first_out_; }
    /// End node of each edge.
    const std::vector<RoadNode>& head() const noexcept { return head_; }
    /// Start node of each edge (edges are sorted by it).
    const std::vector<RoadNode>& tail() const noexcept { return tail_; }
    /// Length of each edge, metres.
    const std::vector<double>& length_m() const noexcept { return length_m_; }
    /// Travel time of each edge, seconds.
    const std::vector<double>& time_s() const noexcept { return time_s_; }
    /// An edge seen from its end node.
    struct InEdge {
        RoadNode tail = 0;       ///< start node
        std::uint32_t edge = 0;  ///< index into the forward arrays
        double time_s = 0.0;     ///< time_s()[edge]
        double length_m = 0.0;   ///< length_m()[edge]
    };
    /// Reverse CSR offsets, node_count() + 1 entries.
    const std::vector<std::uint32_t>& first_in() const noexcept { return first_in_; }
    /// Edges grouped by end node, each group by increasing tail.
    const std::vector<InEdge>& in_edges() const noexcept { return in_edges_; }

    /// The cost of edge e under a metric: time_s()[e] (seconds) or length_m()[e] (metres).
    double weight(std::uint32_t e, RoadMetric metric) const {
        return metric == RoadMetric::Time ? time_s_[e] : length_m_[e];
    }

    /// The segments, sorted by (a, b).
    const std::vector<Segment>& segments() const noexcept { return segments_; }

    /// The connected piece (ignoring edge directions) holding a node; pieces are numbered by
    /// decreasing size, so piece 0 is the main network.
    std::uint32_t component(RoadNode node) const { return component_[node]; }
    /// Number of connected pieces.
    std::size_t component_count() const noexcept { return component_sizes_.size(); }
    /// Number of nodes in a piece.
    std::size_t component_size(std::uint32_t component) const {
        return component_sizes_[component];
    }

private:
    void build_out_edges(const std::vector<RoadEdge>& edges, std::size_t node_count);
    void build_in_edges();
    void build_segments();
    void build_components();
    void build_rest();

    std::vector<LonLat> positions_;
    std::vector<std::uint32_t> first_out_;
    std::vector<RoadNode> head_;
    std::vector<RoadNode> tail_;
    std::vector<double> length_m_;
    std::vector<double> time_s_;
    std::vector<std::uint32_t> first_in_;
    std::vector<InEdge> in_edges_;
    std::vector<Segment> segments_;
    std::vector<std::uint32_t> component_;
    std::vector<std::size_t> component_sizes_;
};

}  // namespace sitecover
