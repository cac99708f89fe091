// Brute-force road oracles: an edge-list Dijkstra and the nearest site found by splitting the
// snapped segments into explicit nodes. Deliberately shares no code with RoadQuery.

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <tuple>

#include "sitecover/error.hpp"
#include "sitecover/road_reference.hpp"

namespace sitecover::reference {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double cost_of(const RoadEdge& e, RoadMetric metric) {
    return metric == RoadMetric::Time ? e.time_s : e.length_m;
}

// Dijkstra that also returns, for each node, the other metric along the chosen path.
void dijkstra(const RoadNetwork& network, RoadNode source, RoadMetric metric,
              std::vector<double>& cost, std::vector<double>& other) {
    const RoadMetric other_metric =
        metric == RoadMetric::Time ? RoadMetric::Distance : RoadMetric::Time;
    std::vector<std::vector<const RoadEdge*>> out(network.nodes.size());
    for (const RoadEdge& e : network.edges) out[e.from].push_back(&e);
    cost.assign(network.nodes.size(), kInf);
    other.assign(network.nodes.size(), kInf);
    using Item = std::pair<double, RoadNode>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    cost[source] = 0.0;
    other[source] = 0.0;
    queue.emplace(0.0, source);
    while (!queue.empty()) {
        const auto [c, u] = queue.top();
        queue.pop();
        if (c > cost[u]) continue;
        for (const RoadEdge* e : out[u]) {
            const double next = c + cost_of(*e, metric);
            if (next < cost[e->to]) {
                cost[e->to] = next;
                other[e->to] = other[u] + cost_of(*e, other_metric);
                queue.emplace(next, e->to);
            }
        }
    }
}

}  // namespace

std::vector<double> road_costs_from(const RoadNetwork& network, RoadNode source,
                                    RoadMetric metric) {
    if (source >= network.nodes.size()) throw ArgumentError("road_costs_from: no such source node");
    std::vector<double> cost, other;
    dijkstra(network, source, metric, cost, other);
    return cost;
}

RoadResult road_nearest(const RoadGraph& graph, const RoadSnap& origin,
                        const std::vector<std::optional<RoadSnap>>& site_snaps,
                        const std::vector<Site>& sites, const RoadQueryOptions& options) {
    if (site_snaps.size() != sites.size()) throw ArgumentError("road_nearest: sizes differ");
    const double access_mps = options.access_speed_kmh / 3.6;

    // The graph's edges as a plain list, then every segment holding a snapped point replaced by
    // a chain through one node per point (sorted along the segment).
    RoadNetwork net;
    net.nodes = graph.positions();
    std::map<std::size_t, std::vector<std::pair<double, RoadNode>>>
        cuts;  // segment -> (fraction, node)
    const auto add_point = [&](const RoadSnap& snap) {
        const auto node = static_cast<RoadNode>(net.nodes.size());
        net.nodes.push_back(snap.point);
        cuts[snap.segment].emplace_back(snap.fraction, node);
        // A point exactly on a node is that node: joined both ways at no cost.
        const RoadGraph::Segment& seg = graph.segments()[snap.segment];
        for (const auto& [f, end] : {std::pair{0.0, seg.a}, std::pair{1.0, seg.b}}) {
            if (snap.fraction == f) {
                net.edges.push_back({node, end, 0.0, 0.0});
                net.edges.push_back({end, node, 0.0, 0.0});
            }
        }
        return node;
    };
    const RoadNode origin_point = add_point(origin);
    std::vector<std::pair<std::size_t, RoadNode>> site_nodes;  // (site, its own node)
    for (std::size_t i = 0; i < sites.size(); ++i) {
        if (!site_snaps[i]) continue;
        const RoadNode point = add_point(*site_snaps[i]);
        const auto site_node = static_cast<RoadNode>(net.nodes.size());
        net.nodes.push_back(sites[i].position);
        // Access leg from the road to the site.
        net.edges.push_back(
            {point, site_node, site_snaps[i]->snap_m, site_snaps[i]->snap_m / access_mps});
        site_nodes.emplace_back(i, site_node);
    }
    const auto origin_node = static_cast<RoadNode>(net.nodes.size());
    net.nodes.push_back(LonLat{});
    net.edges.push_back({origin_node, origin_point, origin.snap_m, origin.snap_m / access_mps});

    for (std::size_t e = 0; e < graph.edge_count(); ++e) {
        const RoadNode u = graph.tail()[e];
        const RoadNode v = graph.head()[e];
        const std::size_t seg_index = static_cast<std::size_t>(
            std::lower_bound(
                graph.segments().begin(), graph.segments().end(),
                std::make_pair(std::min(u, v), std::max(u, v)),
                [](const RoadGraph::Segment& s, const std::pair<RoadNode, RoadNode>& key) {
                    return std::tie(s.a, s.b) < std::tie(key.first, key.second);
                }) -
            graph.segments().begin());
        const auto cut = cuts.find(seg_index);
        const double length_m = graph.length_m()[e];
        const double time_s = graph.time_s()[e];
        if (cut == cuts.end()) {
            net.edges.push_back({u, v, length_m, time_s});
            continue;
        }
        // Points along u -> v: fractions are measured from the segment's node a.
        std::vector<std::pair<double, RoadNode>> along = cut->second;
        for (auto& [f, node] : along) {
            if (u != graph.segments()[seg_index].a) f = 1.0 - f;
        }
        std::stable_sort(along.begin(), along.end());
        RoadNode prev = u;
        double prev_f = 0.0;
        for (const auto& [f, node] : along) {
            net.edges.push_back({prev, node, (f - prev_f) * length_m, (f - prev_f) * time_s});
            prev = node;
            prev_f = f;
        }
        net.edges.push_back({prev, v, (1.0 - prev_f) * length_m, (1.0 - prev_f) * time_s});
    }

    std::vector<double> cost, other;
    dijkstra(net, origin_node, options.metric, cost, other);
    RoadResult best;
    double best_cost = kInf;
    for (const auto& [site, node] : site_nodes) {
        const double c = cost[node];
        if (c == kInf) continue;
        if (!best.reached() || c < best_cost ||
            (c == best_cost &&
             (site_id_less(sites[site].id, sites[best.site].id) ||
              (!site_id_less(sites[best.site].id, sites[site].id) && site < best.site)))) {
            best.status = RoadResult::Status::Reached;
            best.site = site;
            best_cost = c;
            best.distance_m = options.metric == RoadMetric::Distance ? c : other[node];
            best.time_s = options.metric == RoadMetric::Time ? c : other[node];
        }
    }
    return best;
}

}  // namespace sitecover::reference
