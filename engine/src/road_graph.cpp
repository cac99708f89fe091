#include "sitecover/road_graph.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <tuple>

#include "sitecover/error.hpp"

namespace sitecover {
namespace {

void validate(const RoadNetwork& network) {
    if (network.nodes.size() >= RoadGraph::kNoEdge || network.edges.size() >= RoadGraph::kNoEdge) {
        throw InputError("road network: too many nodes or edges for 32-bit indices");
    }
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        if (!is_valid(network.nodes[i])) {
            throw InputError("road network: node " + std::to_string(i) +
                             " is not a valid lon/lat (" +
                             std::to_string(network.nodes[i].lon_deg) + ", " +
                             std::to_string(network.nodes[i].lat_deg) + ")");
        }
    }
    for (std::size_t i = 0; i < network.edges.size(); ++i) {
        const RoadEdge& e = network.edges[i];
        const std::string where = "road network: edge " + std::to_string(i);
        if (e.from >= network.nodes.size() || e.to >= network.nodes.size()) {
            throw InputError(where + " names a missing node");
        }
        if (!std::isfinite(e.length_m) || e.length_m < 0.0) {
            throw InputError(where + ": length " + std::to_string(e.length_m) +
                             " m is not a finite non-negative number");
        }
        if (!std::isfinite(e.time_s) || e.time_s < 0.0) {
            throw InputError(where + ": time " + std::to_string(e.time_s) +
                             " s is not a finite non-negative number");
        }
    }
}

// Union-find over node indices, for the connected pieces.
struct Pieces {
    std::vector<std::uint32_t> parent;
    explicit Pieces(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
    std::uint32_t find(std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

}  // namespace

RoadGraph::RoadGraph(const RoadNetwork& network) {
    validate(network);
    const std::size_t n = network.nodes.size();

    // Sort edges by (from, to, time, length) and keep the first of each (from, to): the fastest.
    std::vector<RoadEdge> edges;
    edges.reserve(network.edges.size());
    for (const RoadEdge& e : network.edges) {
        if (e.from != e.to) edges.push_back(e);
    }
    std::sort(edges.begin(), edges.end(), [](const RoadEdge& x, const RoadEdge& y) {
        return std::tie(x.from, x.to, x.time_s, x.length_m) <
               std::tie(y.from, y.to, y.time_s, y.length_m);
    });
    edges.erase(std::unique(edges.begin(), edges.end(),
                            [](const RoadEdge& x, const RoadEdge& y) {
                                return x.from == y.from && x.to == y.to;
                            }),
                edges.end());

    positions_ = network.nodes;
    const std::size_t m = edges.size();
    first_out_.assign(n + 1, 0);
    head_.resize(m);
    tail_.resize(m);
    length_m_.resize(m);
    time_s_.resize(m);
    for (std::size_t e = 0; e < m; ++e) {
        ++first_out_[edges[e].from + 1];
        head_[e] = edges[e].to;
        tail_[e] = edges[e].from;
        length_m_[e] = edges[e].length_m;
        time_s_[e] = edges[e].time_s;
    }
    std::partial_sum(first_out_.begin(), first_out_.end(), first_out_.begin());

    // Reverse CSR by counting sort on the head.
    first_in_.assign(n + 1, 0);
    for (std::size_t e = 0; e < m; ++e) ++first_in_[head_[e] + 1];
    std::partial_sum(first_in_.begin(), first_in_.end(), first_in_.begin());
    in_edge_.resize(m);
    std::vector<std::uint32_t> fill(first_in_.begin(), first_in_.end() - 1);
    for (std::size_t e = 0; e < m; ++e) in_edge_[fill[head_[e]]++] = static_cast<std::uint32_t>(e);

    // Undirected segments: one per unordered node pair, with the edge each way. Edges are
    // sorted by (from, to), so the pair (min, max) list sorted gives a stable segment order.
    std::vector<std::tuple<RoadNode, RoadNode, std::uint32_t>> ends;
    ends.reserve(m);
    for (std::size_t e = 0; e < m; ++e) {
        ends.emplace_back(std::min(tail_[e], head_[e]), std::max(tail_[e], head_[e]),
                          static_cast<std::uint32_t>(e));
    }
    std::sort(ends.begin(), ends.end());
    for (const auto& [a, b, e] : ends) {
        if (segments_.empty() || segments_.back().a != a || segments_.back().b != b) {
            segments_.push_back({a, b, kNoEdge, kNoEdge});
        }
        (tail_[e] == a ? segments_.back().forward : segments_.back().backward) = e;
    }

    // Connected pieces, numbered by decreasing size (then by smallest node) so that piece 0 is
    // the main network whatever the input order.
    Pieces pieces(n);
    for (const Segment& s : segments_) pieces.join(s.a, s.b);
    std::vector<std::size_t> size_of_root(n, 0);
    for (std::uint32_t v = 0; v < n; ++v) ++size_of_root[pieces.find(v)];
    std::vector<std::uint32_t> roots;
    for (std::uint32_t v = 0; v < n; ++v) {
        if (pieces.parent[v] == v) roots.push_back(v);
    }
    std::stable_sort(roots.begin(), roots.end(), [&](std::uint32_t x, std::uint32_t y) {
        return size_of_root[x] > size_of_root[y];
    });
    std::vector<std::uint32_t> number(n, 0);
    for (std::size_t i = 0; i < roots.size(); ++i) {
        number[roots[i]] = static_cast<std::uint32_t>(i);
        component_sizes_.push_back(size_of_root[roots[i]]);
    }
    component_.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) component_[v] = number[pieces.find(v)];
}

}  // namespace sitecover
