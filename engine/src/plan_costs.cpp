// Building location problems: crow-fly pairs from radius searches, road pairs from one bounded
// Dijkstra search per candidate.

#include "sitecover/plan_costs.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <string>
#include <utility>

#include "parallel_blocks.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"

namespace sitecover {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

using CandidateCosts = std::vector<std::vector<std::pair<std::size_t, double>>>;

PlanProblem assemble(std::vector<double> weights, std::vector<double> base,
                     const CandidateCosts& by_candidate) {
    PlanProblem problem(std::move(weights), std::move(base));
    for (const auto& costs : by_candidate) problem.add_candidate(costs);
    return problem;
}

}  // namespace

PlanProblem crow_fly_problem(const std::vector<LonLat>& origins, std::vector<double> weights,
                             const SiteIndex& fixed, const std::vector<LonLat>& candidates,
                             const PlanProgress& progress) {
    if (weights.size() != origins.size()) {
        throw ArgumentError("crow_fly_problem: " + std::to_string(weights.size()) +
                            " weights for " + std::to_string(origins.size()) + " origins");
    }
    std::vector<Site> candidate_sites(candidates.size());
    for (std::size_t j = 0; j < candidates.size(); ++j) {
        candidate_sites[j].id = std::to_string(j);
        candidate_sites[j].position = candidates[j];
    }
    const SiteIndex candidate_index(std::move(candidate_sites));

    std::vector<double> base(origins.size(), kInf);
    CandidateCosts by_candidate(candidates.size());
    for (std::size_t i = 0; i < origins.size(); ++i) {
        // Karney's distance for the base (the index's may differ by 1 um): within() then
        // decides "beats the fixed sites" exactly, as it settles every distance near its limit.
        if (const auto hit = fixed.nearest(origins[i]))
            base[i] = geodesic_distance_m(origins[i], fixed.sites()[hit->site].position);
        if (base[i] == kInf) {
            for (std::size_t j = 0; j < candidates.size(); ++j)
                by_candidate[j].emplace_back(i, geodesic_distance_m(origins[i], candidates[j]));
        } else {
            for (const Neighbour& n : candidate_index.within(origins[i], base[i]))
                by_candidate[n.site].emplace_back(i, n.distance_m);
        }
        if (progress && (i + 1) % 4096 == 0) progress(i + 1, origins.size());
    }
    if (progress) progress(origins.size(), origins.size());
    return assemble(std::move(weights), std::move(base), by_candidate);
}

PlanProblem road_problem(const RoadPlanInput& input, std::vector<double> weights,
                         const RoadQuery& fixed, const PlanProgress& progress) {
    const std::size_t n = input.origin_snaps.size();
    if (input.graph == nullptr) throw ArgumentError("road_problem: no graph");
    if (weights.size() != n) {
        throw ArgumentError("road_problem: " + std::to_string(weights.size()) + " weights for " +
                            std::to_string(n) + " origins");
    }
    const RoadMetric metric = input.options.metric;
    const auto cost_of = [metric](const RoadResult& r) {
        if (!r.reached()) return kInf;
        return metric == RoadMetric::Time ? r.time_s : r.distance_m;
    };
    std::vector<double> base(n, kInf);
    double horizon = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (input.origin_snaps[i]) base[i] = cost_of(fixed.nearest(*input.origin_snaps[i]));
        if (input.origin_snaps[i]) horizon = std::max(horizon, base[i]);
    }
    RoadQueryOptions options = input.options;
    // A search needs to reach no node costlier than the worst origin's base cost. The access
    // legs add to a node's cost, so the bound on nodes is not tighter than that.
    options.max_cost = horizon > 0.0 ? horizon : kInf;

    const std::size_t m = input.candidate_snaps.size();
    CandidateCosts by_candidate(m);
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
    // One candidate at a time, each thread with its own query (labels and heap).
    const unsigned threads = std::max(1u, std::min<unsigned>(input.threads, 64u));
    detail::parallel_blocks(m, 1, threads, [&] {
        return [&, query = RoadQuery(*input.graph), one_site = std::vector<Site>(1)](
                   std::size_t j, std::size_t) mutable {
            if (!input.candidate_snaps[j]) return;  // off the network: serves nobody
            query.run({input.candidate_snaps[j]}, one_site, options);
            auto& costs = by_candidate[j];
            for (std::size_t i = 0; i < n; ++i) {
                if (!input.origin_snaps[i]) continue;
                const double c = cost_of(query.nearest(*input.origin_snaps[i]));
                if (c < base[i]) costs.emplace_back(i, c);
            }
            const std::size_t finished = ++done;
            if (progress && finished % 64 == 0) {
                const std::lock_guard<std::mutex> lock(progress_mutex);
                progress(finished, m);
            }
        };
    });
    if (progress) progress(m, m);
    return assemble(std::move(weights), std::move(base), by_candidate);
}

}  // namespace sitecover
