// The origin-site pairs within a catchment by road: one bounded Dijkstra per site on the
// reverse graph, its scratch space reset through the nodes it touched.

#include "sitecover/road_catchment.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "argument_checks.hpp"
#include "parallel_blocks.hpp"
#include "quad_heap.hpp"
#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"

namespace sitecover {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// A point joined to the network, with its access leg priced in the metric.
struct Joined {
    std::size_t segment = 0;
    double fraction = 0.0;
    double access_cost = 0.0;
};

// The origins snapped onto a segment with a given end node, grouped by node: only the nodes
// that have some carry a group (slot), so that the map costs 4 bytes a node.
struct OriginsAtNodes {
    std::vector<std::uint32_t> slot;     // per node: its group, or kNone
    std::vector<std::uint32_t> first;    // per group + 1: offsets into `origins`
    std::vector<std::uint32_t> origins;  // by group, then by origin index
};

OriginsAtNodes group_origins(const RoadGraph& graph,
                             const std::vector<std::optional<Joined>>& origins) {
    std::vector<std::pair<RoadNode, std::uint32_t>> at;  // (node, origin)
    for (std::size_t i = 0; i < origins.size(); ++i) {
        if (!origins[i]) continue;
        const RoadGraph::Segment& seg = graph.segments()[origins[i]->segment];
        at.emplace_back(seg.a, static_cast<std::uint32_t>(i));
        at.emplace_back(seg.b, static_cast<std::uint32_t>(i));
    }
    std::sort(at.begin(), at.end());
    OriginsAtNodes groups;
    groups.slot.assign(graph.node_count(), kNone);
    for (std::size_t k = 0; k < at.size(); ++k) {
        if (k == 0 || at[k].first != at[k - 1].first) {
            groups.slot[at[k].first] = static_cast<std::uint32_t>(groups.first.size());
            groups.first.push_back(static_cast<std::uint32_t>(groups.origins.size()));
        }
        groups.origins.push_back(at[k].second);
    }
    groups.first.push_back(static_cast<std::uint32_t>(groups.origins.size()));
    return groups;
}

// Snaps points on `threads` threads; nothing for a point beyond max_snap_m.
std::vector<std::optional<Joined>> join_points(const RoadSnapper& snapper,
                                               const std::vector<LonLat>& points,
                                               const RoadCatchmentOptions& options,
                                               unsigned threads) {
    std::vector<std::optional<Joined>> joined(points.size());
    const double access_mps = options.access_speed_kmh / 3.6;
    detail::parallel_blocks(points.size(), 256, threads, [&] {
        return [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                const auto snap = snapper.snap(points[i], options.max_snap_m);
                if (!snap) continue;
                // The access leg priced as RoadQuery prices it (same expression, same bits).
                const double access_time_s = snap->snap_m / access_mps;
                joined[i] =
                    Joined{snap->segment, snap->fraction,
                           options.metric == RoadMetric::Time ? access_time_s : snap->snap_m};
            }
        };
    });
    return joined;
}

// One thread's search: labels (cost from a node to the site), touched nodes, heap, and a stamp
// per origin so that an origin met through both ends of its segment is priced once.
class SiteSearch {
public:
    SiteSearch(const RoadGraph& graph, const RoadCatchmentOptions& options,
               const std::vector<std::optional<Joined>>& origins, const OriginsAtNodes& groups)
        : graph_(graph),
          options_(options),
          origins_(origins),
          groups_(groups),
          cost_(graph.node_count(), kInf),
          seen_(origins.size(), 0) {}

    // The origins within the catchment of `site` and their costs, by origin index; returns the
    // number of nodes settled.
    std::size_t run(const Joined& site, std::vector<std::pair<std::uint32_t, double>>& out) {
        out.clear();
        for (const RoadNode node : touched_) cost_[node] = kInf;
        touched_.clear();
        heap_.clear();
        seed(site);
        const std::size_t settled = settle();
        if (++stamp_ == 0) {  // wrapped: start the stamps afresh
            std::fill(seen_.begin(), seen_.end(), 0);
            stamp_ = 1;
        }
        for (const RoadNode node : touched_) {
            if (cost_[node] <= options_.catchment) price_origins_at(node, site, out);
        }
        // Origins on the site's own segment reach it along the segment, whatever its ends cost.
        const RoadGraph::Segment& seg = graph_.segments()[site.segment];
        price_origins_at(seg.a, site, out);
        price_origins_at(seg.b, site, out);
        std::sort(out.begin(), out.end());
        return settled;
    }

private:
    void push(RoadNode node, double cost) {
        double& label = cost_[node];
        if (!(cost < label)) return;
        if (label == kInf) touched_.push_back(node);
        label = cost;
        detail::quad_heap_push(heap_, cost, node);
    }

    // The site is reached from the ends of its segment, in the directions the road allows
    // (RoadQuery::run's seeds for one site).
    void seed(const Joined& site) {
        const RoadGraph::Segment& seg = graph_.segments()[site.segment];
        const RoadMetric metric = options_.metric;
        if (site.fraction == 0.0) push(seg.a, site.access_cost);
        if (site.fraction == 1.0) push(seg.b, site.access_cost);
        if (seg.forward != RoadGraph::kNoEdge)
            push(seg.a, site.access_cost + site.fraction * graph_.weight(seg.forward, metric));
        if (seg.backward != RoadGraph::kNoEdge) {
            push(seg.b,
                 site.access_cost + (1.0 - site.fraction) * graph_.weight(seg.backward, metric));
        }
    }

    // Dijkstra on the reverse graph up to the catchment.
    std::size_t settle() {
        const auto& first_in = graph_.first_in();
        const auto& in_edges = graph_.in_edges();
        const bool by_time = options_.metric == RoadMetric::Time;
        std::size_t settled = 0;
        while (!heap_.empty()) {
            const auto [cost, key] = detail::quad_heap_pop(heap_);
            const auto node = static_cast<RoadNode>(key);
            if (cost != cost_[node]) continue;  // stale entry
            if (cost > options_.catchment) break;
            ++settled;
            for (std::uint32_t i = first_in[node]; i < first_in[node + 1]; ++i) {
                const RoadGraph::InEdge& in = in_edges[i];
                push(in.tail, cost + (by_time ? in.time_s : in.length_m));
            }
        }
        return settled;
    }

    void price_origins_at(RoadNode node, const Joined& site,
                          std::vector<std::pair<std::uint32_t, double>>& out) {
        const std::uint32_t group = groups_.slot[node];
        if (group == kNone) return;
        for (std::uint32_t k = groups_.first[group]; k < groups_.first[group + 1]; ++k) {
            const std::uint32_t origin = groups_.origins[k];
            if (seen_[origin] == stamp_) continue;
            seen_[origin] = stamp_;
            const double cost = origin_cost(*origins_[origin], site);
            if (cost <= options_.catchment) out.emplace_back(origin, cost);
        }
    }

    // RoadQuery::nearest for one site: leave the segment by either end the road allows, or go
    // straight along it to a site on the same segment.
    double origin_cost(const Joined& origin, const Joined& site) const {
        const RoadGraph::Segment& seg = graph_.segments()[origin.segment];
        const RoadMetric metric = options_.metric;
        const double s = origin.fraction;
        const double at_a = cost_[seg.a];
        const double at_b = cost_[seg.b];
        double best = kInf;
        if (s == 0.0) best = std::min(best, origin.access_cost + at_a);
        if (s == 1.0) best = std::min(best, origin.access_cost + at_b);
        if (seg.forward != RoadGraph::kNoEdge) {
            best = std::min(
                best, origin.access_cost + (1.0 - s) * graph_.weight(seg.forward, metric) + at_b);
        }
        if (seg.backward != RoadGraph::kNoEdge)
            best =
                std::min(best, origin.access_cost + s * graph_.weight(seg.backward, metric) + at_a);
        if (site.segment == origin.segment) {
            if (seg.forward != RoadGraph::kNoEdge && site.fraction >= s) {
                best = std::min(best, origin.access_cost + site.access_cost +
                                          (site.fraction - s) * graph_.weight(seg.forward, metric));
            }
            if (seg.backward != RoadGraph::kNoEdge && site.fraction <= s) {
                best =
                    std::min(best, origin.access_cost + site.access_cost +
                                       (s - site.fraction) * graph_.weight(seg.backward, metric));
            }
        }
        return best;
    }

    const RoadGraph& graph_;
    const RoadCatchmentOptions& options_;
    const std::vector<std::optional<Joined>>& origins_;
    const OriginsAtNodes& groups_;
    std::vector<double> cost_;
    std::vector<RoadNode> touched_;
    std::vector<detail::HeapEntry> heap_;
    std::vector<std::uint32_t> seen_;
    std::uint32_t stamp_ = 0;
};

void check_options(const RoadCatchmentOptions& options, const std::vector<Site>& sites,
                   const std::vector<LonLat>& origins) {
    detail::check_distance_m("road_catchment", "max_snap_m", options.max_snap_m);
    if (!(options.access_speed_kmh > 0.0) || !std::isfinite(options.access_speed_kmh))
        throw ArgumentError("road_catchment: access_speed_kmh must be a positive number");
    if (!(options.catchment > 0.0) || !std::isfinite(options.catchment))
        throw ArgumentError("road_catchment: catchment must be a positive number");
    for (std::size_t j = 0; j < sites.size(); ++j) {
        if (!is_valid(sites[j].position))
            throw ArgumentError("road_catchment: site " + std::to_string(j) + " ('" + sites[j].id +
                                "') is not a valid lon/lat");
    }
    for (std::size_t i = 0; i < origins.size(); ++i) {
        if (!is_valid(origins[i]))
            throw ArgumentError("road_catchment: origin " + std::to_string(i) +
                                " is not a valid lon/lat");
    }
    if (origins.size() >= kNone) throw ArgumentError("road_catchment: too many origins");
}

// Per-origin rows of the per-site answers: each origin's sites come out by site index.
CatchmentTable transpose(const std::vector<std::vector<std::pair<std::uint32_t, double>>>& by_site,
                         std::size_t origin_count) {
    CatchmentTable table;
    table.site_count = by_site.size();
    table.offset.assign(origin_count + 1, 0);
    for (const auto& hits : by_site) {
        for (const auto& hit : hits) ++table.offset[hit.first + 1];
    }
    for (std::size_t i = 0; i < origin_count; ++i) table.offset[i + 1] += table.offset[i];
    table.hits.resize(table.offset.back());
    std::vector<std::size_t> next(table.offset.begin(), table.offset.end() - 1);
    for (std::size_t j = 0; j < by_site.size(); ++j) {
        for (const auto& [origin, cost] : by_site[j]) table.hits[next[origin]++] = {j, cost};
    }
    return table;
}

}  // namespace

RoadCatchment road_catchment(const RoadGraph& graph, const RoadSnapper& snapper,
                             const std::vector<Site>& sites, const std::vector<LonLat>& origins,
                             const RoadCatchmentOptions& options, unsigned threads) {
    check_options(options, sites, origins);
    threads = resolve_thread_count(threads);
    std::vector<LonLat> site_points;
    site_points.reserve(sites.size());
    for (const Site& s : sites) site_points.push_back(s.position);
    const auto joined_sites = join_points(snapper, site_points, options, threads);
    const auto joined_origins = join_points(snapper, origins, options, threads);
    const OriginsAtNodes groups = group_origins(graph, joined_origins);

    std::vector<std::vector<std::pair<std::uint32_t, double>>> by_site(sites.size());
    std::vector<std::size_t> settled(sites.size(), 0);
    // Sites one at a time per thread: a search is long enough to make scheduling cheap.
    detail::parallel_blocks(sites.size(), 1, threads, [&] {
        return [&, search = SiteSearch(graph, options, joined_origins, groups)](
                   std::size_t begin, std::size_t end) mutable {
            for (std::size_t j = begin; j < end; ++j) {
                if (joined_sites[j]) settled[j] = search.run(*joined_sites[j], by_site[j]);
            }
        };
    });

    RoadCatchment result;
    result.table = transpose(by_site, origins.size());
    result.origin_snapped.resize(origins.size());
    for (std::size_t i = 0; i < origins.size(); ++i)
        result.origin_snapped[i] = joined_origins[i] ? 1 : 0;
    result.site_snapped.resize(sites.size());
    for (std::size_t j = 0; j < sites.size(); ++j) result.site_snapped[j] = joined_sites[j] ? 1 : 0;
    for (const std::size_t n : settled) result.settled_nodes += n;
    return result;
}

}  // namespace sitecover
