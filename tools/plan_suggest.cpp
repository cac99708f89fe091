#include "plan_suggest.hpp"

#include <algorithm>
#include <chrono>

#include "inputs.hpp"
#include "report_format.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/plan_costs.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

Suggestion suggest_new_sites(const Options& options, const PlanWorld& world,
                             const std::vector<Site>& after, const SuggestRequest& request) {
    const CoverageIndex& areas = *world.areas;
    const RoadSetup* roads = world.roads;
    Suggestion out;
    std::vector<std::size_t> plan_origin;  // problem origin -> world origin
    std::vector<std::string> cand_codes, cand_names;
    std::vector<LonLat> cand_positions;
    std::string candidates_source = "the origins' points";
    if (options.has("--candidates")) {
        candidates_source = options.get("--candidates");
        geodata::OriginFields fields;
        fields.code = options.get("--candidates-code-field", fields.code);
        fields.name = options.get("--candidates-name-field", fields.name);
        std::vector<std::string> warnings;
        for (const geodata::Origin& c : geodata::load_origins({candidates_source, "", "", ""},
                                                              fields,
                                                              geodata::OriginRule::PointOnSurface,
                                                              &warnings)) {
            cand_codes.push_back(c.code);
            cand_names.push_back(c.name);
            cand_positions.push_back(c.position);
        }
        for (const auto& w : warnings) warn(w);
    } else {
        cand_codes = world.codes;
        cand_names = world.names;
        cand_positions = world.positions;
    }
    // Candidates by code (then file order): the tie rule "first candidate" is then stable
    // whatever the input order. Points outside every area are not candidates.
    std::vector<std::size_t> order;
    std::size_t outside = 0;
    for (std::size_t c = 0; c < cand_positions.size(); ++c) {
        if (areas.areas_containing(cand_positions[c]).empty()) {
            ++outside;
        } else {
            order.push_back(c);
        }
    }
    if (outside > 0)
        warn(std::to_string(outside) + " candidate(s) outside every area left out");
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return site_id_less(cand_codes[a], cand_codes[b]);
    });
    out.candidate_count = order.size();
    if (request.k > out.candidate_count) {
        throw UsageError("option '--suggest': " + std::to_string(request.k) + " new sites asked, but " +
                         candidates_source + " give only " + std::to_string(out.candidate_count) +
                         " candidate(s) inside the areas");
    }
    std::vector<LonLat> positions;
    for (const std::size_t c : order) positions.push_back(cand_positions[c]);

    const auto table_start = Clock::now();
    std::optional<PlanProblem> problem;
    if (!roads) {
        for (std::size_t i = 0; i < world.codes.size(); ++i) plan_origin.push_back(i);
        problem.emplace(crow_fly_problem(world.positions, world.weights, SiteIndex(after),
                                         positions));
    } else {
        RoadPlanInput input;
        input.graph = roads->graph.get();
        input.options = roads->query_options;
        input.threads = request.threads;
        std::vector<double> weights;
        for (std::size_t i = 0; i < world.codes.size(); ++i) {
            if (!world.road_snaps[i]) continue;
            plan_origin.push_back(i);
            input.origin_snaps.push_back(world.road_snaps[i]);
            weights.push_back(world.weights[i]);
        }
        if (plan_origin.empty()) {
            throw InputError("no origin lies within --max-snap-m " +
                             format_fixed(roads->max_snap_m, 0) + " m of a road of " +
                             roads->path + ": nothing to plan by road");
        }
        if (plan_origin.size() < world.codes.size()) {
            warn(std::to_string(world.codes.size() - plan_origin.size()) +
                 " origin(s) farther than --max-snap-m from any road left out of the search");
        }
        if (std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0.0; })) {
            warn("the origins on the road network have no population: each weighs 1");
            weights.assign(weights.size(), 1.0);
        }
        for (const LonLat& p : positions)
            input.candidate_snaps.push_back(roads->snapper->snap(p, roads->max_snap_m));
        std::vector<std::optional<RoadSnap>> fixed_snaps;
        for (const Site& s : after)
            fixed_snaps.push_back(roads->snapper->snap(s.position, roads->max_snap_m));
        RoadQuery fixed(*roads->graph);
        fixed.run(fixed_snaps, after, roads->query_options);
        problem.emplace(road_problem(input, std::move(weights), fixed));
    }
    out.table_s = seconds_since(table_start);
    out.pair_count = problem->entry_count();
    PlanGoal goal{request.objective, request.within, {}};
    if (options.has("--cover-areas")) {
        // One group per area without a site after the what-if: its candidates.
        for (const AreaCoverage& c : compute_coverage(areas, after)) {
            if (c.covered()) continue;
            const Area& area = areas.areas()[c.area];
            std::vector<std::size_t> inside;
            for (std::size_t j = 0; j < positions.size(); ++j) {
                const auto in = areas.areas_containing(positions[j]);
                if (std::find(in.begin(), in.end(), c.area) != in.end()) inside.push_back(j);
            }
            if (inside.empty()) {
                throw UsageError("option '--cover-areas': no candidate lies inside " + area.name +
                                 " (" + area.code + "); give --candidates with points there");
            }
            goal.cover_groups.push_back(std::move(inside));
            out.covered_by_force.push_back(area.name + " (" + area.code + ")");
        }
        if (goal.cover_groups.size() > request.k) {
            throw UsageError("option '--cover-areas': " +
                             std::to_string(goal.cover_groups.size()) +
                             " areas have no site, more than --suggest " + std::to_string(request.k));
        }
    }
    const auto search_start = Clock::now();
    out.result = suggest_sites(*problem, request.k, goal);
    out.search_s = seconds_since(search_start);
    if (request.k <= 2 && request.exhaustive_limit > 0) {
        const std::uint64_t subsets = subset_count(out.candidate_count, request.k);
        if (subsets <= request.exhaustive_limit) {
            const auto exact_start = Clock::now();
            out.exact = best_sites_exhaustive(*problem, request.k, goal, request.exhaustive_limit);
            out.exact_s = seconds_since(exact_start);
        } else {
            out.exact_note = "exhaustive search skipped: " + std::to_string(subsets) +
                         " candidate sets > --exhaustive-limit " +
                         std::to_string(request.exhaustive_limit);
        }
    }
    const PlanAssignment assignment = plan_assign(*problem, out.result->chosen);
    for (std::size_t p = 0; p < out.result->chosen.size(); ++p) {
        const std::size_t c = order[out.result->chosen[p]];
        Site s;
        s.id = "suggested-" + std::to_string(p + 1);
        s.name = cand_names[c].empty() ? cand_codes[c]
                                       : cand_names[c] + " (" + cand_codes[c] + ")";
        s.kind = "suggested";
        s.position = cand_positions[c];
        SiteChange change{s, "suggested"};
        for (std::size_t i = 0; i < assignment.by.size(); ++i) {
            if (assignment.by[i] != p) continue;
            ++change.communes;
            change.population += problem->weights()[i];
        }
        out.sites.push_back(s);
        out.changes.push_back(change);
    }
    return out;
}

}  // namespace sitecover::cli
