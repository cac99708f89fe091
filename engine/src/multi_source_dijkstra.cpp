// RoadQuery: the multi-source Dijkstra that labels every node with its nearest site.

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <string>

#include "sitecover/error.hpp"
#include "sitecover/road_query.hpp"

namespace sitecover {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// (cost, rank) in lexicographic order: equal costs go to the site that sorts first.
bool better(double cost_a, std::uint32_t rank_a, double cost_b, std::uint32_t rank_b) {
    return cost_a < cost_b || (cost_a == cost_b && rank_a < rank_b);
}

}  // namespace

RoadQuery::RoadQuery(const RoadGraph& graph) : graph_(&graph) {}

void RoadQuery::run(const std::vector<std::optional<RoadSnap>>& site_snaps,
                    const std::vector<Site>& sites, const RoadQueryOptions& options) {
    if (site_snaps.size() != sites.size()) {
        throw ArgumentError("RoadQuery::run: " + std::to_string(site_snaps.size()) + " snaps for " +
                            std::to_string(sites.size()) + " sites");
    }
    if (!(options.access_speed_kmh > 0.0) || !std::isfinite(options.access_speed_kmh)) {
        throw ArgumentError("RoadQuery::run: access_speed_kmh must be a positive number");
    }
    if (!(options.max_cost > 0.0)) {
        throw ArgumentError("RoadQuery::run: max_cost must be positive (infinity: no bound)");
    }
    options_ = options;
    const RoadGraph& g = *graph_;
    const RoadMetric metric = options.metric;
    const RoadMetric other_metric =
        metric == RoadMetric::Time ? RoadMetric::Distance : RoadMetric::Time;
    const double access_mps = options.access_speed_kmh / 3.6;

    // Rank of each site in the documented tie order (site id, then index).
    site_of_rank_.resize(sites.size());
    std::iota(site_of_rank_.begin(), site_of_rank_.end(), std::size_t{0});
    std::stable_sort(site_of_rank_.begin(), site_of_rank_.end(), [&](std::size_t a, std::size_t b) {
        return site_id_less(sites[a].id, sites[b].id);
    });

    cost_.assign(g.node_count(), kInf);
    other_.assign(g.node_count(), kInf);
    rank_.assign(g.node_count(), kNone);
    on_segment_.clear();
    heap_.clear();
    const auto push = [&](RoadNode node, double cost, double other, std::uint32_t rank) {
        if (!better(cost, rank, cost_[node], rank_[node])) return;
        cost_[node] = cost;
        other_[node] = other;
        rank_[node] = rank;
        heap_.emplace_back(cost, (std::uint64_t{rank} << 32) | node);
        std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
    };

    // Seeds: a site on segment (a, b) at fraction t is reached from a along a -> b over the
    // part t of the edge, and from b along b -> a over the part 1 - t, plus its access leg.
    for (std::uint32_t rank = 0; rank < site_of_rank_.size(); ++rank) {
        const auto& snap = site_snaps[site_of_rank_[rank]];
        if (!snap) continue;
        const double access_time_s = snap->snap_m / access_mps;
        const double access_cost = metric == RoadMetric::Time ? access_time_s : snap->snap_m;
        const double access_other = metric == RoadMetric::Time ? snap->snap_m : access_time_s;
        on_segment_.push_back({snap->segment, {snap->fraction, access_cost, access_other, rank}});
        const RoadGraph::Segment& seg = g.segments()[snap->segment];
        // A site exactly on a node is at that node, whatever the direction of the segment.
        if (snap->fraction == 0.0) push(seg.a, access_cost, access_other, rank);
        if (snap->fraction == 1.0) push(seg.b, access_cost, access_other, rank);
        if (seg.forward != RoadGraph::kNoEdge) {
            push(seg.a, access_cost + snap->fraction * g.weight(seg.forward, metric),
                 access_other + snap->fraction * g.weight(seg.forward, other_metric), rank);
        }
        if (seg.backward != RoadGraph::kNoEdge) {
            push(seg.b, access_cost + (1.0 - snap->fraction) * g.weight(seg.backward, metric),
                 access_other + (1.0 - snap->fraction) * g.weight(seg.backward, other_metric),
                 rank);
        }
    }
    std::stable_sort(on_segment_.begin(), on_segment_.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });

    // Dijkstra on the reverse graph: a label is a cost from the node to its site.
    const auto& first_in = g.first_in();
    const auto& in_edge = g.in_edge();
    const auto& tail = g.tail();
    while (!heap_.empty()) {
        std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
        const auto [cost, key] = heap_.back();
        heap_.pop_back();
        const auto node = static_cast<RoadNode>(key & 0xffffffffu);
        const auto rank = static_cast<std::uint32_t>(key >> 32);
        if (cost != cost_[node] || rank != rank_[node]) continue;  // stale entry
        if (cost > options.max_cost) break;
        for (std::uint32_t i = first_in[node]; i < first_in[node + 1]; ++i) {
            const std::uint32_t e = in_edge[i];
            push(tail[e], cost + g.weight(e, metric), other_[node] + g.weight(e, other_metric),
                 rank);
        }
    }
    // Labels still in the heap are tentative (upper bounds): beyond the horizon, drop them all.
    if (!heap_.empty()) {
        heap_.clear();
        for (std::size_t v = 0; v < cost_.size(); ++v) {
            if (cost_[v] > options.max_cost) {
                cost_[v] = kInf;
                other_[v] = kInf;
                rank_[v] = kNone;
            }
        }
    }
}

std::optional<std::size_t> RoadQuery::node_site(RoadNode node) const {
    if (rank_[node] == kNone) return std::nullopt;
    return site_of_rank_[rank_[node]];
}

RoadResult RoadQuery::nearest(const RoadSnap& origin) const {
    const RoadGraph& g = *graph_;
    const RoadMetric metric = options_.metric;
    const RoadMetric other_metric =
        metric == RoadMetric::Time ? RoadMetric::Distance : RoadMetric::Time;
    const double access_time_s = origin.snap_m / (options_.access_speed_kmh / 3.6);
    const double access_cost = metric == RoadMetric::Time ? access_time_s : origin.snap_m;
    const double access_other = metric == RoadMetric::Time ? origin.snap_m : access_time_s;
    const RoadGraph::Segment& seg = g.segments()[origin.segment];
    const double s = origin.fraction;

    double best_cost = kInf;
    double best_other = kInf;
    std::uint32_t best_rank = kNone;
    const auto consider = [&](double cost, double other, std::uint32_t rank) {
        if (rank != kNone && better(cost, rank, best_cost, best_rank)) {
            best_cost = cost;
            best_other = other;
            best_rank = rank;
        }
    };
    // An origin exactly on a node starts there; otherwise it leaves the segment by either end,
    // in the direction the road allows.
    if (s == 0.0 && rank_[seg.a] != kNone)
        consider(access_cost + cost_[seg.a], access_other + other_[seg.a], rank_[seg.a]);
    if (s == 1.0 && rank_[seg.b] != kNone)
        consider(access_cost + cost_[seg.b], access_other + other_[seg.b], rank_[seg.b]);
    if (seg.forward != RoadGraph::kNoEdge && rank_[seg.b] != kNone) {
        consider(access_cost + (1.0 - s) * g.weight(seg.forward, metric) + cost_[seg.b],
                 access_other + (1.0 - s) * g.weight(seg.forward, other_metric) + other_[seg.b],
                 rank_[seg.b]);
    }
    if (seg.backward != RoadGraph::kNoEdge && rank_[seg.a] != kNone) {
        consider(access_cost + s * g.weight(seg.backward, metric) + cost_[seg.a],
                 access_other + s * g.weight(seg.backward, other_metric) + other_[seg.a],
                 rank_[seg.a]);
    }
    // A site on the same segment is reached directly along it.
    const auto range =
        std::equal_range(on_segment_.begin(), on_segment_.end(),
                         std::pair<std::size_t, SiteOnSegment>{origin.segment, {}},
                         [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto it = range.first; it != range.second; ++it) {
        const SiteOnSegment& site = it->second;
        if (seg.forward != RoadGraph::kNoEdge && site.fraction >= s) {
            const double part = site.fraction - s;
            consider(access_cost + site.access_cost + part * g.weight(seg.forward, metric),
                     access_other + site.access_other + part * g.weight(seg.forward, other_metric),
                     site.rank);
        }
        if (seg.backward != RoadGraph::kNoEdge && site.fraction <= s) {
            const double part = s - site.fraction;
            consider(access_cost + site.access_cost + part * g.weight(seg.backward, metric),
                     access_other + site.access_other + part * g.weight(seg.backward, other_metric),
                     site.rank);
        }
    }

    RoadResult result;
    if (best_rank == kNone) return result;
    result.status = RoadResult::Status::Reached;
    result.site = site_of_rank_[best_rank];
    result.distance_m = metric == RoadMetric::Distance ? best_cost : best_other;
    result.time_s = metric == RoadMetric::Time ? best_cost : best_other;
    return result;
}

}  // namespace sitecover
