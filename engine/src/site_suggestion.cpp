#include "sitecover/site_suggestion.hpp"

#include <algorithm>
#include <chrono>

#include "sitecover/batch_query.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/plan_costs.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The cost table by road: only origins on the network take part (plan_origin maps them back).
PlanProblem road_cost_table(const ScenarioWorld& world, const std::vector<Site>& sites,
                            const std::vector<LonLat>& positions, Suggestion& out) {
    const ScenarioRoads& roads = *world.roads;
    const double max_snap_m = roads.options.max_snap_m;
    RoadPlanInput input;
    input.graph = roads.graph;
    input.options = roads.options.query;
    input.threads = resolve_thread_count(world.threads);
    std::vector<double> weights;
    for (std::size_t i = 0; i < world.origins.size(); ++i) {
        const std::optional<RoadSnap> snap = roads.snapper->snap(world.origins[i], max_snap_m);
        if (!snap) continue;
        input.origin_snaps.push_back(snap);
        weights.push_back(world.weights[i]);
    }
    if (weights.empty()) {
        throw InputError("no origin lies within max_snap_m (" + std::to_string(max_snap_m) +
                         " m) of a road: nothing to plan by road");
    }
    out.origins_off_road = world.origins.size() - weights.size();
    if (std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0.0; })) {
        out.road_weights_reset = true;
        weights.assign(weights.size(), 1.0);
    }
    for (const LonLat& p : positions)
        input.candidate_snaps.push_back(roads.snapper->snap(p, max_snap_m));
    std::vector<std::optional<RoadSnap>> fixed_snaps;
    for (const Site& s : sites) fixed_snaps.push_back(roads.snapper->snap(s.position, max_snap_m));
    RoadQuery fixed(*roads.graph);
    fixed.run(fixed_snaps, sites, roads.options.query);
    return road_problem(input, std::move(weights), fixed);
}

// One group per area without a site: its candidates, which must get a new site.
std::vector<std::vector<std::size_t>> cover_groups(const CoverageIndex& areas,
                                                   const std::vector<Site>& sites,
                                                   const std::vector<LonLat>& positions,
                                                   std::size_t k, Suggestion& out) {
    std::vector<std::vector<std::size_t>> groups;
    for (const AreaCoverage& c : compute_coverage(areas, sites)) {
        if (c.covered()) continue;
        std::vector<std::size_t> inside;
        for (std::size_t j = 0; j < positions.size(); ++j) {
            const auto in = areas.areas_containing(positions[j]);
            if (std::find(in.begin(), in.end(), c.area) != in.end()) inside.push_back(j);
        }
        if (inside.empty()) {
            const Area& area = areas.areas()[c.area];
            throw RequestFieldError(
                "cover_areas", c.area,
                "no candidate lies inside " + area.name + " (" + area.code + ")");
        }
        groups.push_back(std::move(inside));
        out.covered_by_force.push_back(c.area);
    }
    if (groups.size() > k) {
        throw RequestFieldError("cover_areas", std::nullopt,
                                std::to_string(groups.size()) +
                                    " areas have no site, more than k (" + std::to_string(k) + ")");
    }
    return groups;
}

// The exhaustive optimum for k <= 2 when there are few enough candidate sets.
void exact_search(const PlanProblem& problem, const SuggestRequest& request, const PlanGoal& goal,
                  Suggestion& out) {
    if (request.k > 2 || request.exhaustive_limit == 0) return;
    const std::uint64_t subsets = subset_count(out.candidate_count, request.k);
    if (subsets > request.exhaustive_limit) {
        out.exact_skipped_sets = subsets;
        return;
    }
    const auto exact_start = Clock::now();
    out.exact = best_sites_exhaustive(problem, request.k, goal, request.exhaustive_limit);
    out.exact_s = seconds_since(exact_start);
}

}  // namespace

std::vector<std::size_t> candidates_inside(const CoverageIndex& areas,
                                           const std::vector<SiteCandidate>& candidates) {
    // By code (then input order): the tie rule "first candidate" is then stable whatever the
    // input order.
    std::vector<std::size_t> order;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (!areas.areas_containing(candidates[c].position).empty()) order.push_back(c);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return site_id_less(candidates[a].code, candidates[b].code);
    });
    return order;
}

Suggestion suggest_new_sites(const ScenarioWorld& world, const std::vector<Site>& sites,
                             const std::vector<SiteCandidate>& candidates,
                             const SuggestRequest& request) {
    if (world.areas == nullptr) throw ArgumentError("ScenarioWorld::areas: null");
    if (world.weights.size() != world.origins.size())
        throw ArgumentError("ScenarioWorld::weights: not one per origin");
    const CoverageIndex& areas = *world.areas;
    Suggestion out;
    const std::vector<std::size_t> order = candidates_inside(areas, candidates);
    out.candidate_count = order.size();
    out.candidates_outside = candidates.size() - order.size();
    if (request.k == 0 || request.k > out.candidate_count) {
        throw RequestFieldError("k", std::nullopt,
                                std::to_string(request.k) + " new sites asked, but only " +
                                    std::to_string(out.candidate_count) +
                                    " candidate(s) lie inside the areas");
    }
    std::vector<LonLat> positions;
    for (const std::size_t c : order) positions.push_back(candidates[c].position);

    const auto table_start = Clock::now();
    const PlanProblem problem =
        world.roads ? road_cost_table(world, sites, positions, out)
                    : crow_fly_problem(world.origins, world.weights, SiteIndex(sites), positions);
    out.table_s = seconds_since(table_start);
    out.pair_count = problem.entry_count();
    PlanGoal goal{request.objective, request.within, {}};
    if (request.cover_areas)
        goal.cover_groups = cover_groups(areas, sites, positions, request.k, out);
    const auto search_start = Clock::now();
    out.result = suggest_sites(problem, request.k, goal);
    out.search_s = seconds_since(search_start);
    exact_search(problem, request, goal, out);

    const PlanAssignment assignment = plan_assign(problem, out.result.chosen);
    const auto ids = unused_site_ids(sites, "suggested-", out.result.chosen.size());
    for (std::size_t p = 0; p < out.result.chosen.size(); ++p) {
        const SiteCandidate& c = candidates[order[out.result.chosen[p]]];
        Site s;
        s.id = ids[p];  // never an id the sites hold
        s.name = c.name.empty() ? c.code : c.name + " (" + c.code + ")";
        s.kind = "suggested";
        s.position = c.position;
        SiteChange change{s, SiteChangeKind::Suggested};
        for (std::size_t i = 0; i < assignment.by.size(); ++i) {
            if (assignment.by[i] != p) continue;
            ++change.origins;
            change.population += problem.weights()[i];
        }
        out.changes.push_back(change);
    }
    return out;
}

}  // namespace sitecover
