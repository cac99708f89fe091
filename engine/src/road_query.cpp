// RoadQuery: the multi-source Dijkstra that labels every node with its nearest site.

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "huge_pages.hpp"
#include "quad_heap.hpp"
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

// Refuses arguments that would make the labels meaningless, before anything is allocated.
void check_run_arguments(std::size_t snap_count, std::size_t site_count,
                         const RoadQueryOptions& options) {
    if (snap_count != site_count) {
        throw ArgumentError("RoadQuery::run: " + std::to_string(snap_count) + " snaps for " +
                            std::to_string(site_count) + " sites");
    }
    if (!(options.access_speed_kmh > 0.0) || !std::isfinite(options.access_speed_kmh)) {
        throw ArgumentError("RoadQuery::run: access_speed_kmh must be a positive number");
    }
    if (!(options.max_cost > 0.0)) {
        throw ArgumentError("RoadQuery::run: max_cost must be positive (infinity: no bound)");
    }
}

}  // namespace

RoadQuery::RoadQuery(const RoadGraph& graph) : graph_(&graph) {}

void RoadQuery::run(const std::vector<std::optional<RoadSnap>>& site_snaps,
                    const std::vector<Site>& sites, const RoadQueryOptions& options) {
    check_run_arguments(site_snaps.size(), sites.size(), options);
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

    detail::reserve_on_huge_pages(labels_, g.node_count());
    labels_.assign(g.node_count(), Label{kInf, kInf, kNone});
    on_segment_.clear();
    heap_.clear();
    const auto push = [&](RoadNode node, double cost, double other, std::uint32_t rank) {
        Label& label = labels_[node];
        if (!better(cost, rank, label.cost, label.rank)) return;
        label = {cost, other, rank};
        detail::quad_heap_push(heap_, cost, (std::uint64_t{rank} << 32) | node);
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
    const auto& in_edges = g.in_edges();
    const bool by_time = metric == RoadMetric::Time;
    while (!heap_.empty()) {
        const auto [cost, key] = detail::quad_heap_pop(heap_);
        const auto node = static_cast<RoadNode>(key & 0xffffffffu);
        const auto rank = static_cast<std::uint32_t>(key >> 32);
        const Label& label = labels_[node];
        if (cost != label.cost || rank != label.rank) continue;  // stale entry
        if (cost > options.max_cost) break;
        const double other = label.other;
        const std::uint32_t in_begin = first_in[node];
        const std::uint32_t in_end = first_in[node + 1];
        // The neighbours' labels are scattered over a national graph: asking for all of them
        // before reading the first lets their cache misses overlap instead of following one
        // another. The next node's edges are asked for too.
        for (std::uint32_t i = in_begin; i < in_end; ++i)
            __builtin_prefetch(&labels_[in_edges[i].tail], 1);
        if (!heap_.empty()) {
            const auto next = static_cast<RoadNode>(heap_.front().second & 0xffffffffu);
            __builtin_prefetch(&first_in[next]);
            __builtin_prefetch(&labels_[next]);
        }
        for (std::uint32_t i = in_begin; i < in_end; ++i) {
            const RoadGraph::InEdge& in = in_edges[i];
            push(in.tail, cost + (by_time ? in.time_s : in.length_m),
                 other + (by_time ? in.length_m : in.time_s), rank);
        }
    }
    // Labels still in the heap are tentative (upper bounds): beyond the horizon, drop them all.
    if (!heap_.empty()) {
        heap_.clear();
        for (Label& label : labels_) {
            if (label.cost > options.max_cost) label = {kInf, kInf, kNone};
        }
    }
}

std::optional<std::size_t> RoadQuery::node_site(RoadNode node) const {
    if (labels_[node].rank == kNone) return std::nullopt;
    return site_of_rank_[labels_[node].rank];
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
    const Label& at_a = labels_[seg.a];
    const Label& at_b = labels_[seg.b];
    if (s == 0.0 && at_a.rank != kNone)
        consider(access_cost + at_a.cost, access_other + at_a.other, at_a.rank);
    if (s == 1.0 && at_b.rank != kNone)
        consider(access_cost + at_b.cost, access_other + at_b.other, at_b.rank);
    if (seg.forward != RoadGraph::kNoEdge && at_b.rank != kNone) {
        consider(access_cost + (1.0 - s) * g.weight(seg.forward, metric) + at_b.cost,
                 access_other + (1.0 - s) * g.weight(seg.forward, other_metric) + at_b.other,
                 at_b.rank);
    }
    if (seg.backward != RoadGraph::kNoEdge && at_a.rank != kNone) {
        consider(access_cost + s * g.weight(seg.backward, metric) + at_a.cost,
                 access_other + s * g.weight(seg.backward, other_metric) + at_a.other, at_a.rank);
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
