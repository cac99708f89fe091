#include "sitecover/site_suggestion.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>

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
                            const std::vector<LonLat>& positions, Suggestion& out,
                            std::vector<std::size_t>& on_road) {
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
        on_road.push_back(i);
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

// The certified answer on top of the heuristic's: kept unless strictly better.
void certify(const PlanProblem& problem, const SuggestRequest& request, const PlanGoal& goal,
             Suggestion& out) {
    const auto start = Clock::now();
    ExactPlan exact = solve_exact(problem, request.k, goal, out.heuristic,
                                  ExactOptions{request.time_limit_s, request.progress});
    out.certify_s = seconds_since(start);
    out.quality = exact.quality;
    out.result = std::move(exact.result);
}

// The fewest new sites that bring everyone within request.within; the origins that nothing
// brings within it are reported in the world's numbering.
void solve_cover_request(const PlanProblem& problem, const SuggestRequest& request,
                         const PlanGoal& goal, const std::vector<std::size_t>& world_origin,
                         Suggestion& out) {
    const auto start = Clock::now();
    try {
        ExactPlan exact =
            solve_cover(problem, goal, ExactOptions{request.time_limit_s, request.progress});
        out.certify_s = seconds_since(start);
        out.quality = exact.quality;
        out.result = std::move(exact.result);
        out.heuristic = out.result;
    } catch (const UnreachableOriginsError& e) {
        std::vector<std::size_t> origins;
        for (const std::size_t i : e.origins()) origins.push_back(world_origin[i]);
        throw UnreachableOriginsError(origins,
                                      std::to_string(origins.size()) +
                                          " origin(s) lie beyond within of every candidate and "
                                          "every site, e.g. origin " +
                                          std::to_string(origins.front()));
    }
}

// The new sites ("suggested-1"...) of the answer, with the origins each serves.
std::vector<SiteChange> suggested_changes(const PlanProblem& problem,
                                          const std::vector<Site>& sites,
                                          const std::vector<SiteCandidate>& candidates,
                                          const std::vector<std::size_t>& order,
                                          const PlanResult& result) {
    std::vector<SiteChange> changes;
    const PlanAssignment assignment = plan_assign(problem, result.chosen);
    const auto ids = unused_site_ids(sites, "suggested-", result.chosen.size());
    for (std::size_t p = 0; p < result.chosen.size(); ++p) {
        const SiteCandidate& c = candidates[order[result.chosen[p]]];
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
        changes.push_back(change);
    }
    return changes;
}

void check_request(const SuggestRequest& request, std::size_t candidate_count) {
    const bool cover = request.objective == Objective::Cover;
    if (!cover && (request.k == 0 || request.k > candidate_count)) {
        throw RequestFieldError("k", std::nullopt,
                                std::to_string(request.k) + " new sites asked, but only " +
                                    std::to_string(candidate_count) +
                                    " candidate(s) lie inside the areas");
    }
    if (cover && candidate_count == 0) {
        throw RequestFieldError("k", std::nullopt, "no candidate lies inside the areas");
    }
    if ((request.certify || cover) && !(request.time_limit_s > 0.0)) {
        throw RequestFieldError("time_limit_s", std::nullopt,
                                "must be > 0 seconds, got " + std::to_string(request.time_limit_s));
    }
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
    check_request(request, out.candidate_count);
    std::vector<LonLat> positions;
    for (const std::size_t c : order) positions.push_back(candidates[c].position);

    const auto table_start = Clock::now();
    std::vector<std::size_t> world_origin;  // problem origin -> world origin
    const PlanProblem problem =
        world.roads ? road_cost_table(world, sites, positions, out, world_origin)
                    : crow_fly_problem(world.origins, world.weights, SiteIndex(sites), positions);
    if (!world.roads) {
        world_origin.resize(world.origins.size());
        std::iota(world_origin.begin(), world_origin.end(), std::size_t{0});
    }
    out.table_s = seconds_since(table_start);
    out.pair_count = problem.entry_count();
    PlanGoal goal{request.objective, request.within, {}};
    const bool cover = request.objective == Objective::Cover;
    if (request.cover_areas) {
        const std::size_t k = cover ? out.candidate_count : request.k;
        goal.cover_groups = cover_groups(areas, sites, positions, k, out);
    }
    if (cover) {
        solve_cover_request(problem, request, goal, world_origin, out);
    } else {
        const auto search_start = Clock::now();
        out.heuristic = suggest_sites(problem, request.k, goal);
        out.result = out.heuristic;
        out.search_s = seconds_since(search_start);
        exact_search(problem, request, goal, out);
        if (request.certify) certify(problem, request, goal, out);
    }
    out.changes = suggested_changes(problem, sites, candidates, order, out.result);
    return out;
}

}  // namespace sitecover
