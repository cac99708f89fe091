#include "plan_world.hpp"

#include <algorithm>

#include "origin_population.hpp"
#include "progress.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/report/report_format.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

// Population weights, or 1 each when none is known (or all known ones are 0).
void weigh_origins(const Options& options, PlanInputs& in) {
    const std::size_t n = in.codes.size();
    const auto population = load_population_option(options, in.population_path);
    if (population) {
        for (const auto& s : geodata::population_shares(*population, in.codes)) {
            in.world.weights.push_back(s.value_or(0.0));
            if (!s) ++in.without_population;
        }
    }
    in.weighted = population && in.without_population < n;
    if (in.weighted && std::all_of(in.world.weights.begin(), in.world.weights.end(),
                                   [](double w) { return w == 0.0; })) {
        in.weighted = false;  // every known population is 0: count communes instead
    }
    if (!in.weighted) in.world.weights.assign(n, 1.0);
}

std::vector<SiteCandidate> plan_candidates(const PlanOptions& plan, const PlanInputs& in) {
    std::vector<SiteCandidate> candidates;
    if (!plan.candidates_path) {
        for (std::size_t i = 0; i < in.codes.size(); ++i)
            candidates.push_back({in.codes[i], in.names[i], in.world.origins[i]});
        return candidates;
    }
    std::vector<std::string> warnings;
    for (const geodata::Origin& c :
         geodata::load_origins({*plan.candidates_path, "", "", ""}, plan.candidate_fields,
                               geodata::OriginRule::PointOnSurface, &warnings)) {
        candidates.push_back({c.code, c.name, c.position});
    }
    for (const auto& w : warnings) warn(w);
    return candidates;
}

// suggest_new_sites' errors in the words of the command line.
[[noreturn]] void throw_suggest_error(const RequestFieldError& e, const PlanOptions& plan,
                                      const PlanInputs& in, const std::vector<Site>& after,
                                      std::size_t inside) {
    const CoverageIndex& areas = *in.areas;
    const std::string source = plan.candidates_path.value_or("the origins' points");
    if (e.field() == "SuggestRequest::k" && plan.cover) {
        throw UsageError("option '--objective': cover needs candidates, but " + source +
                         " give none inside the areas");
    }
    if (e.field() == "SuggestRequest::k") {
        throw UsageError("option '--suggest': " + std::to_string(plan.suggest_k) +
                         " new sites asked, but " + source + " give only " +
                         std::to_string(inside) + " candidate(s) inside the areas");
    }
    if (e.index()) {
        const Area& area = areas.areas()[*e.index()];
        throw UsageError("option '--cover-areas': no candidate lies inside " + area.name + " (" +
                         area.code + "); give --candidates with points there");
    }
    std::size_t uncovered = 0;
    for (const AreaCoverage& c : compute_coverage(areas, after)) uncovered += c.covered() ? 0 : 1;
    throw UsageError("option '--cover-areas': " + std::to_string(uncovered) +
                     " areas have no site, more than --suggest " + std::to_string(plan.suggest_k));
}

// Cover's "no number of sites will do": the origins beyond the threshold, named.
[[noreturn]] void throw_unreachable(const UnreachableOriginsError& e, const PlanOptions& plan,
                                    const PlanInputs& in) {
    const bool by_time = in.roads && in.roads->query_options.metric == RoadMetric::Time;
    const std::string flag = by_time ? "--within-min" : "--within-km";
    const std::string threshold =
        by_time ? format_fixed(in.within_s / 60.0, 0) + " min" : format_km(plan.within_m);
    std::vector<std::string> names;
    for (const std::size_t i : e.origins())
        names.push_back(in.names[i].empty() ? in.codes[i] : in.names[i] + " (" + in.codes[i] + ")");
    throw UsageError("option '" + flag + "': " + std::to_string(names.size()) +
                     " origin(s) lie farther than " + threshold +
                     " from every candidate and every site, so no number of new sites brings "
                     "them within it: " +
                     first_items(names));
}

}  // namespace

PlanInputs load_plan_inputs(const Options& options, const PlanOptions& plan) {
    PlanInputs in;
    in.areas = std::make_unique<CoverageIndex>(load_area_set(options, in.areas_path));
    in.site_set = load_site_set(plan.sites);
    for (const geodata::Origin& o : load_origin_set(options, in.origins_path)) {
        in.codes.push_back(o.code);
        in.names.push_back(o.name);
        in.world.origins.push_back(o.position);
    }
    in.world.areas = in.areas.get();
    in.world.threads = plan.threads;
    weigh_origins(options, in);
    if (plan.roads) {
        in.roads = std::make_unique<RoadSetup>(load_road_setup(*plan.roads));
        in.within_s = plan.roads->within_s;
        in.world.roads = ScenarioRoads{in.roads->graph.get(), in.roads->snapper.get(),
                                       in.roads->nearest_options()};
    }
    return in;
}

WhatIf plan_what_if(const PlanOptions& plan, const PlanInputs& in) {
    WhatIfRequest request{plan.remove_ids, plan.add_sites};
    for (const std::string& code : plan.add_codes) {
        const auto it = std::find(in.codes.begin(), in.codes.end(), code);
        if (it == in.codes.end()) {
            throw UsageError("option '--add-commune': no origin with code '" + code +
                             "' among the " + std::to_string(in.codes.size()) + " of " +
                             in.origins_path);
        }
        const auto i = static_cast<std::size_t>(it - in.codes.begin());
        Site s;
        s.name = in.names[i].empty() ? code : in.names[i] + " (" + code + ")";
        s.position = in.world.origins[i];
        request.add.push_back(s);
    }
    try {
        return apply_what_if(in.site_set.sites, request, *in.areas);
    } catch (const RequestFieldError& e) {
        if (e.field() == "WhatIfRequest::remove_ids") {
            throw UsageError("option '--remove': no site with id '" +
                             request.remove_ids[*e.index()] + "' among the " +
                             std::to_string(in.site_set.sites.size()) + " sites of " +
                             in.site_set.path);
        }
        const Site& s = request.add[*e.index()];
        throw UsageError("the new site '" + s.name + "' at " + to_string(s.position) +
                         " lies outside every area of " + in.areas_path +
                         " (is it LON,LAT in that order?)");
    }
}

Suggestion plan_suggestion(const PlanOptions& plan, const PlanInputs& in,
                           const std::vector<Site>& after) {
    const std::vector<SiteCandidate> candidates = plan_candidates(plan, in);
    const std::size_t inside = candidates_inside(*in.areas, candidates).size();
    if (inside < candidates.size())
        warn(std::to_string(candidates.size() - inside) +
             " candidate(s) outside every area left out");
    const bool by_time = in.roads && in.roads->query_options.metric == RoadMetric::Time;
    SuggestRequest request;
    request.k = plan.suggest_k;
    request.objective = plan.objective;
    request.within = by_time ? plan.roads->within_s : plan.within_m;
    request.exhaustive_limit = plan.exhaustive_limit;
    request.cover_areas = plan.cover_areas;
    request.time_limit_s = plan.time_limit_s;
    Progress progress("certified search steps", !plan.quiet);
    std::size_t steps = 0;
    request.progress = [&](const SolveProgressEvent&) { progress.update(++steps); };
    Suggestion s;
    try {
        s = suggest_new_sites(in.world, after, candidates, request);
    } catch (const UnreachableOriginsError& e) {
        throw_unreachable(e, plan, in);
    } catch (const RequestFieldError& e) {
        throw_suggest_error(e, plan, in, after, inside);
    } catch (const InputError&) {
        if (!in.roads) throw;
        throw InputError("no origin lies within --max-snap-m " +
                         format_fixed(in.roads->max_snap_m, 0) + " m of a road of " +
                         in.roads->path + ": nothing to plan by road");
    }
    if (s.origins_off_road > 0) {
        warn(std::to_string(s.origins_off_road) +
             " origin(s) farther than --max-snap-m from any road left out of the search");
    }
    if (s.road_weights_reset)
        warn("the origins on the road network have no population: each weighs 1");
    return s;
}

}  // namespace sitecover::cli
