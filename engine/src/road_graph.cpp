#include "sitecover/road_graph.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <numeric>
#include <string>
#include <thread>
#include <tuple>

#include "huge_pages.hpp"
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
        // The text only on failure: a national network has 50 million edges.
        const auto where = [i] { return "road network: edge " + std::to_string(i); };
        if (e.from >= network.nodes.size() || e.to >= network.nodes.size()) {
            throw InputError(where() + " names a missing node");
        }
        if (!std::isfinite(e.length_m) || e.length_m < 0.0) {
            throw InputError(where() + ": length " + std::to_string(e.length_m) +
                             " m is not a finite non-negative number");
        }
        if (!std::isfinite(e.time_s) || e.time_s < 0.0) {
            throw InputError(where() + ": time " + std::to_string(e.time_s) +
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

// Of several edges u -> v the fastest, then the shortest, is kept; self-loops are dropped.
// Edges are grouped by start node with a stable counting sort and each group sorted by (to,
// time, length): O(E) for the bounded degrees of road networks, where sorting all edges took
// most of the build of a national network.
void RoadGraph::build_out_edges(const std::vector<RoadEdge>& edges, std::size_t n) {
    detail::reserve_on_huge_pages(first_out_, n + 1);
    first_out_.assign(n + 1, 0);
    for (const RoadEdge& e : edges) {
        if (e.from != e.to) ++first_out_[e.from + 1];
    }
    std::partial_sum(first_out_.begin(), first_out_.end(), first_out_.begin());
    std::vector<std::uint32_t> order(first_out_[n]);
    {
        std::vector<std::uint32_t> fill(first_out_.begin(), first_out_.end() - 1);
        for (std::uint32_t i = 0; i < edges.size(); ++i) {
            if (edges[i].from != edges[i].to) order[fill[edges[i].from]++] = i;
        }
    }
    const auto faster = [&](std::uint32_t x, std::uint32_t y) {
        return std::tie(edges[x].to, edges[x].time_s, edges[x].length_m) <
               std::tie(edges[y].to, edges[y].time_s, edges[y].length_m);
    };
    std::uint32_t kept = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const auto begin = order.begin() + first_out_[u];
        const auto end = order.begin() + first_out_[u + 1];
        std::sort(begin, end, faster);
        first_out_[u] = kept;
        for (auto it = begin; it != end; ++it) {
            if (it == begin || edges[*it].to != edges[*(it - 1)].to) order[kept++] = *it;
        }
    }
    first_out_[n] = kept;
    order.resize(kept);
    detail::reserve_on_huge_pages(head_, kept);
    detail::reserve_on_huge_pages(tail_, kept);
    detail::reserve_on_huge_pages(length_m_, kept);
    detail::reserve_on_huge_pages(time_s_, kept);
    head_.resize(kept);
    tail_.resize(kept);
    length_m_.resize(kept);
    time_s_.resize(kept);
    for (std::size_t e = 0; e < kept; ++e) {
        const RoadEdge& edge = edges[order[e]];
        head_[e] = edge.to;
        tail_[e] = edge.from;
        length_m_[e] = edge.length_m;
        time_s_[e] = edge.time_s;
    }
}

// Reverse CSR by counting sort on the head: the in-edges of a node come by increasing tail.
void RoadGraph::build_in_edges() {
    const std::size_t n = positions_.size();
    const std::size_t m = head_.size();
    detail::reserve_on_huge_pages(first_in_, n + 1);
    first_in_.assign(n + 1, 0);
    for (std::size_t e = 0; e < m; ++e) ++first_in_[head_[e] + 1];
    std::partial_sum(first_in_.begin(), first_in_.end(), first_in_.begin());
    detail::reserve_on_huge_pages(in_edges_, m);
    in_edges_.resize(m);
    std::vector<std::uint32_t> fill(first_in_.begin(), first_in_.end() - 1);
    for (std::size_t e = 0; e < m; ++e) {
        in_edges_[fill[head_[e]]++] = {tail_[e], static_cast<std::uint32_t>(e), time_s_[e],
                                       length_m_[e]};
    }
}

// Undirected segments: one per unordered node pair (a < b), with the edge each way, sorted by
// (a, b). For each a, its out-edges to b > a and its in-edges from b > a both come by
// increasing b: one merge, no sort.
void RoadGraph::build_segments() {
    const std::size_t n = positions_.size();
    const auto walk = [&](auto&& emit) {
        for (RoadNode a = 0; a < n; ++a) {
            std::uint32_t out = first_out_[a];
            const std::uint32_t out_end = first_out_[a + 1];
            std::uint32_t in = first_in_[a];
            const std::uint32_t in_end = first_in_[a + 1];
            while (out < out_end && head_[out] < a) ++out;
            while (in < in_end && in_edges_[in].tail < a) ++in;
            while (out < out_end || in < in_end) {
                const RoadNode b_out = out < out_end ? head_[out] : kNoEdge;
                const RoadNode b_in = in < in_end ? in_edges_[in].tail : kNoEdge;
                const RoadNode b = std::min(b_out, b_in);
                emit(Segment{a, b, b_out == b ? out++ : kNoEdge,
                             b_in == b ? in_edges_[in++].edge : kNoEdge});
            }
        }
    };
    std::size_t count = 0;
    walk([&](const Segment&) { ++count; });
    detail::reserve_on_huge_pages(segments_, count);
    walk([&](const Segment& s) { segments_.push_back(s); });
}

// Connected pieces, numbered by decreasing size (then by smallest node) so that piece 0 is the
// main network whatever the input order.
// The pieces come from the forward edges (a segment joins the same two nodes as its edges),
// so that this runs beside build_in_edges and build_segments.
void RoadGraph::build_components() {
    const std::size_t n = positions_.size();
    Pieces pieces(n);
    for (std::size_t e = 0; e < head_.size(); ++e) pieces.join(tail_[e], head_[e]);
    std::vector<std::uint32_t> size_of_root(n, 0);
    for (std::uint32_t v = 0; v < n; ++v) ++size_of_root[pieces.find(v)];
    std::vector<std::uint32_t> roots;
    for (std::uint32_t v = 0; v < n; ++v) {
        if (pieces.parent[v] == v) roots.push_back(v);
    }
    std::stable_sort(roots.begin(), roots.end(), [&](std::uint32_t x, std::uint32_t y) {
        return size_of_root[x] > size_of_root[y];
    });
    std::vector<std::uint32_t>& number = size_of_root;  // reused: sizes are read before
    component_sizes_.reserve(roots.size());
    for (std::size_t i = 0; i < roots.size(); ++i)
        component_sizes_.push_back(size_of_root[roots[i]]);
    for (std::size_t i = 0; i < roots.size(); ++i) number[roots[i]] = static_cast<std::uint32_t>(i);
    component_.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) component_[v] = number[pieces.find(v)];
}

// The pieces on a second thread (when there is a second core) while the reverse edges and the
// segments are built: both only read the forward edges.
void RoadGraph::build_rest() {
    if (std::thread::hardware_concurrency() < 2 || head_.size() < (std::size_t{1} << 16)) {
        build_in_edges();
        build_segments();
        build_components();
        return;
    }
    std::exception_ptr error;
    std::thread pieces([this, &error] {
        try {
            build_components();
        } catch (...) {
            error = std::current_exception();  // std::bad_alloc
        }
    });
    try {
        build_in_edges();
        build_segments();
    } catch (...) {
        pieces.join();
        throw;
    }
    pieces.join();
    if (error) std::rethrow_exception(error);
}

RoadGraph::RoadGraph(const RoadNetwork& network) {
    validate(network);
    build_out_edges(network.edges, network.nodes.size());
    positions_ = network.nodes;
    build_rest();
}

RoadGraph::RoadGraph(RoadNetwork&& network) {
    validate(network);
    build_out_edges(network.edges, network.nodes.size());
    std::vector<RoadEdge>().swap(network.edges);  // the largest input, no longer needed
    positions_ = std::move(network.nodes);
    network.nodes.clear();
    build_rest();
}

}  // namespace sitecover
