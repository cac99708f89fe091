#include "sitecover/report/plan_job.hpp"

#include <algorithm>

#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/access_job.hpp"
#include "sitecover/report/layer_style.hpp"
#include "sitecover/report/report_format.hpp"

namespace sitecover::report {
namespace {

// The two tables, staged before any input is read (null when not asked for).
struct PlanWriters {
    std::unique_ptr<geodata::TableWriter> origins;
    std::unique_ptr<geodata::TableWriter> sites;
};

std::vector<geodata::Column> origin_columns_of(bool roads) {
    std::vector<geodata::Column> columns = {{"origin_code", geodata::FieldType::String},
                                            {"origin_name", geodata::FieldType::String},
                                            {"origin_lon", geodata::FieldType::Real, 6},
                                            {"origin_lat", geodata::FieldType::Real, 6},
                                            {"population", geodata::FieldType::Real, 1},
                                            {"site_before", geodata::FieldType::String},
                                            {"distance_before_m", geodata::FieldType::Real, 1},
                                            {"site_after", geodata::FieldType::String},
                                            {"distance_after_m", geodata::FieldType::Real, 1},
                                            {"changed", geodata::FieldType::Boolean}};
    if (roads) {
        columns.insert(columns.end(), {{"road_site_before", geodata::FieldType::String},
                                       {"travel_time_before_s", geodata::FieldType::Real, 1},
                                       {"road_site_after", geodata::FieldType::String},
                                       {"travel_time_after_s", geodata::FieldType::Real, 1},
                                       {"road_changed", geodata::FieldType::Boolean}});
    }
    return columns;
}

PlanWriters open_plan_writers(const PlanJob& job, const WarningSink& warn) {
    PlanWriters w;
    const bool roads = job.study.roads.has_value();
    if (job.output.written()) {
        w.origins = std::make_unique<geodata::TableWriter>(
            table_options(job.output, "plan_origins", geodata::GeometryKind::Point),
            plan_origin_columns(roads));
        // Origins shaded by their cost after the plan.
        style_table(*w.origins, roads ? LayerKind::TravelTime : LayerKind::Distance,
                    job.output.lang, geodata::GeometryKind::Point,
                    {roads ? "travel_time_after_s" : "distance_after_m", ""});
    }
    if (job.sites_output.written()) {
        // The sites table: always its format from the extension (plan_sites layer).
        TableOutput sites = job.sites_output;
        sites.format.clear();
        w.sites = std::make_unique<geodata::TableWriter>(
            table_options(sites, "plan_sites", geodata::GeometryKind::Point),
            std::vector<geodata::Column>{{"site_id", geodata::FieldType::String},
                                         {"site_name", geodata::FieldType::String},
                                         {"change", geodata::FieldType::String},
                                         {"lon", geodata::FieldType::Real, 6},
                                         {"lat", geodata::FieldType::Real, 6},
                                         {"communes", geodata::FieldType::Integer},
                                         {"population", geodata::FieldType::Real, 1}});
        style_table(*w.sites, LayerKind::PlanSites, job.sites_output.lang,
                    geodata::GeometryKind::Point);
    }
    for (const auto* writer : {w.origins.get(), w.sites.get()}) {
        if (writer == nullptr || !warn) continue;
        for (const std::string& warning : writer->warnings()) warn(warning);
    }
    return w;
}

// Population weights, or 1 each when none is known (or all known ones are 0).
void weigh_origins(const StudyRequest& study, PlanInputs& in) {
    const std::size_t n = in.codes.size();
    const auto population = load_population_table(study);
    if (population) {
        in.population_path = *study.population;
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

PlanInputs load_plan_inputs(const PlanJob& job, const WarningSink& warn) {
    PlanInputs in;
    const StudyRequest& study = job.study;
    in.areas_path = study.areas.source.path;
    in.areas = std::make_shared<CoverageIndex>(load_area_set(study.areas));
    in.site_set = load_site_set(study.sites, warn);
    in.origins_path = study.origins.source.path;
    for (const geodata::Origin& o : load_origin_set(study.origins, warn)) {
        in.codes.push_back(o.code);
        in.names.push_back(o.name);
        in.world.origins.push_back(o.position);
    }
    in.world.areas = in.areas.get();
    in.world.threads = study.threads;
    in.within_m = study.within_km * 1000.0;
    in.within_s = study.within_min * 60.0;
    weigh_origins(study, in);
    if (study.roads) {
        in.roads = std::make_shared<RoadSetup>(load_road_setup(*study.roads, warn));
        in.world.roads = ScenarioRoads{in.roads->graph.get(), in.roads->snapper.get(),
                                       in.roads->nearest_options()};
    }
    return in;
}

std::vector<SiteCandidate> plan_candidates(const PlanJob& job, const PlanInputs& in,
                                           const WarningSink& warn) {
    std::vector<SiteCandidate> candidates;
    if (!job.candidates) {
        for (std::size_t i = 0; i < in.codes.size(); ++i)
            candidates.push_back({in.codes[i], in.names[i], in.world.origins[i]});
        return candidates;
    }
    std::vector<std::string> warnings;
    for (const geodata::Origin& c :
         geodata::load_origins({*job.candidates, "", "", ""}, job.candidate_fields,
                               geodata::OriginRule::PointOnSurface, &warnings)) {
        candidates.push_back({c.code, c.name, c.position});
    }
    if (warn) {
        for (const auto& w : warnings) warn(w);
    }
    return candidates;
}

// The what-if: remove, then add and add_commune (at that origin's point).
WhatIf plan_what_if(const PlanJob& job, const PlanInputs& in) {
    WhatIfRequest request{job.remove, job.add};
    for (std::size_t c = 0; c < job.add_commune.size(); ++c) {
        const std::string& code = job.add_commune[c];
        const auto it = std::find(in.codes.begin(), in.codes.end(), code);
        if (it == in.codes.end()) {
            throw RequestError("add_commune", "no origin with code '" + code + "' among the " +
                                                  std::to_string(in.codes.size()) + " of " +
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
        if (e.field() == "remove") {
            throw RequestError("remove", "no site with id '" + request.remove_ids[*e.index()] +
                                             "' among the " +
                                             std::to_string(in.site_set.sites.size()) +
                                             " sites of " + in.site_set.path);
        }
        const Site& s = request.add[*e.index()];
        throw Error(Message("the new site '" + s.name + "' at " + to_string(s.position) +
                            " lies outside every area of " + in.areas_path +
                            " (is it LON,LAT in that order?)"),
                    ErrorKind::Usage, "add");
    }
}

// suggest_new_sites' request errors, as the request's fields.
[[noreturn]] void throw_suggest_error(const RequestFieldError& e, const PlanJob& job,
                                      const PlanInputs& in, const std::vector<Site>& after,
                                      std::size_t inside) {
    const CoverageIndex& areas = *in.areas;
    const std::string source = job.candidates.value_or("the origins' points");
    if (e.field() == "k" && job.objective == Objective::Cover) {
        throw RequestError("objective",
                           "cover needs candidates, but " + source + " give none inside the areas");
    }
    if (e.field() == "time_limit_s") throw RequestError("time_limit", "must be > 0 seconds");
    if (e.field() == "k") {
        throw RequestError("suggest", std::to_string(job.suggest) + " new sites asked, but " +
                                          source + " give only " + std::to_string(inside) +
                                          " candidate(s) inside the areas");
    }
    if (e.index()) {
        const Area& area = areas.areas()[*e.index()];
        throw RequestError("cover_areas", Message()
                                              .text("no candidate lies inside " + area.name + " (" +
                                                    area.code + "); give ")
                                              .field("candidates")
                                              .text(" with points there"));
    }
    std::size_t uncovered = 0;
    for (const AreaCoverage& c : compute_coverage(areas, after)) uncovered += c.covered() ? 0 : 1;
    throw RequestError("cover_areas",
                       Message()
                           .text(std::to_string(uncovered) + " areas have no site, more than ")
                           .field("suggest")
                           .text(" " + std::to_string(job.suggest)));
}

// Cover's "no number of sites will do": the origins beyond the threshold, named.
[[noreturn]] void throw_unreachable(const UnreachableOriginsError& e, const PlanInputs& in) {
    const bool by_time = in.roads && in.roads->query_options.metric == RoadMetric::Time;
    const std::string threshold =
        by_time ? format_fixed(in.within_s / 60.0, 0) + " min" : format_km(in.within_m);
    std::vector<std::string> names;
    for (const std::size_t i : e.origins())
        names.push_back(in.names[i].empty() ? in.codes[i] : in.names[i] + " (" + in.codes[i] + ")");
    throw RequestError(by_time ? "within_min" : "within_km",
                       std::to_string(names.size()) + " origin(s) lie farther than " + threshold +
                           " from every candidate and every site, so no number of new sites "
                           "brings them within it: " +
                           first_items(names));
}

Suggestion plan_suggestion(const PlanJob& job, const PlanInputs& in, const std::vector<Site>& after,
                           const WarningSink& warn) {
    const std::vector<SiteCandidate> candidates = plan_candidates(job, in, warn);
    const std::size_t inside = candidates_inside(*in.areas, candidates).size();
    if (inside < candidates.size() && warn)
        warn(std::to_string(candidates.size() - inside) +
             " candidate(s) outside every area left out");
    const bool by_time = in.roads && in.roads->query_options.metric == RoadMetric::Time;
    SuggestRequest request;
    request.k = job.suggest;
    request.objective = job.objective;
    request.within = by_time ? in.within_s : in.within_m;
    request.exhaustive_limit = job.exhaustive_limit;
    request.cover_areas = job.cover_areas;
    request.time_limit_s = job.time_limit_s;
    request.progress = job.progress;
    Suggestion s;
    try {
        s = suggest_new_sites(in.world, after, candidates, request);
    } catch (const UnreachableOriginsError& e) {
        throw_unreachable(e, in);
    } catch (const RequestFieldError& e) {
        throw_suggest_error(e, job, in, after, inside);
    } catch (const InputError&) {
        if (!in.roads) throw;
        throw InputError(Message()
                             .text("no origin lies within ")
                             .field("max_snap_m")
                             .text(" " + format_fixed(in.roads->max_snap_m, 0) +
                                   " m of a road of " + in.roads->path +
                                   ": nothing to plan by road"));
    }
    if (s.origins_off_road > 0 && warn) {
        warn(Message()
                 .text(std::to_string(s.origins_off_road) + " origin(s) farther than ")
                 .field("max_snap_m")
                 .text(" from any road left out of the search"));
    }
    if (s.road_weights_reset && warn)
        warn("the origins on the road network have no population: each weighs 1");
    return s;
}

// The weighted mean access index of `sites` (compute_access, as run_access): within
// within_s by road, else within_m crow-fly, 1 per site, the weights as demand.
std::optional<double> mean_access_index(const PlanInputs& in, const std::vector<Site>& sites) {
    const bool by_road = in.roads != nullptr;
    const double catchment = by_road ? in.within_s : in.within_m;
    if (!(catchment > 0.0) || sites.empty()) return std::nullopt;
    const AccessNetwork network =
        by_road ? AccessNetwork::by_road(*in.roads, RoadMetric::Time) : AccessNetwork{};
    const AccessComputed computed = compute_access(
        sites, in.world.origins, in.world.weights, std::vector<double>(sites.size(), 1.0),
        AccessDecay{}, catchment, network, in.world.threads);
    double total = 0.0, sum = 0.0;
    for (std::size_t i = 0; i < in.world.weights.size(); ++i) {
        total += in.world.weights[i];
        sum += in.world.weights[i] * computed.result.access[i] * kAccessIndexScale;
    }
    if (!(total > 0.0)) return std::nullopt;
    return sum / total;
}

// The what-if, the suggestion on top of it, and both scenarios measured.
PlanRun compute_plan(const PlanJob& job, const PlanInputs& in, const WarningSink& warn) {
    PlanRun run;
    WhatIf what_if = plan_what_if(job, in);
    run.final_sites = what_if.after;
    run.changes = std::move(what_if.changes);
    if (job.suggest > 0 || job.objective == Objective::Cover) {
        run.suggestion = plan_suggestion(job, in, what_if.after, warn);
        for (const SiteChange& c : run.suggestion->changes) {
            run.final_sites.push_back(c.site);
            run.changes.push_back(c);
        }
    }
    run.before = evaluate_scenario(in.world, in.site_set.sites);
    run.after = evaluate_scenario(in.world, run.final_sites);
    run.figures_before = scenario_figures(in.world, run.before, in.within_m, in.within_s);
    run.figures_after = scenario_figures(in.world, run.after, in.within_m, in.within_s);
    run.mean_access_before = mean_access_index(in, in.site_set.sites);
    run.mean_access_after = mean_access_index(in, run.final_sites);
    // Takeovers of the added sites (crow-fly, or by road).
    count_served_origins(in.world, run.after, run.final_sites, in.roads != nullptr, run.changes);
    return run;
}

std::string site_id(const std::vector<Site>& sites, const std::optional<std::size_t>& s) {
    return s ? sites[*s].id : std::string();
}

geodata::Row origin_row_of(const PlanInputs& in, const PlanRun& run, std::size_t i) {
    const OriginOutcome& b = run.before.origins[i];
    const OriginOutcome& a = run.after.origins[i];
    const LonLat& p = in.world.origins[i];
    geodata::Row row;
    row.line = {p};
    const auto distance = [](const OriginOutcome& o) -> geodata::Value {
        if (!o.site) return {};
        return o.distance_m;
    };
    const std::string before_site = site_id(in.site_set.sites, b.site);
    const std::string after_site = site_id(run.final_sites, a.site);
    row.values = {in.codes[i],
                  in.names[i],
                  p.lon_deg,
                  p.lat_deg,
                  in.weighted ? geodata::Value(in.world.weights[i]) : geodata::Value(),
                  before_site,
                  distance(b),
                  after_site,
                  distance(a),
                  before_site != after_site};
    if (in.roads) {
        const auto time = [](const OriginOutcome& o) -> geodata::Value {
            if (!o.road_site) return {};
            return o.time_s;
        };
        const std::string before_road = site_id(in.site_set.sites, b.road_site);
        const std::string after_road = site_id(run.final_sites, a.road_site);
        row.values.insert(row.values.end(),
                          {before_road, time(b), after_road, time(a), before_road != after_road});
    }
    return row;
}

geodata::Row site_row(const SiteChange& c, bool weighted) {
    geodata::Row row;
    row.line = {c.site.position};
    const bool removed = c.change == SiteChangeKind::Removed;
    row.values = {c.site.id,
                  c.site.name,
                  std::string(to_string(c.change)),
                  c.site.position.lon_deg,
                  c.site.position.lat_deg,
                  removed ? geodata::Value() : geodata::Value(static_cast<std::int64_t>(c.origins)),
                  removed || !weighted ? geodata::Value() : geodata::Value(c.population)};
    return row;
}

void write_plan_tables(PlanWriters& writers, const PlanInputs& in, const PlanRun& run) {
    if (writers.origins) {
        for (std::size_t i = 0; i < in.codes.size(); ++i)
            writers.origins->add_row(plan_origin_row(in, run, i));
    }
    if (writers.sites) {
        for (const SiteChange& c : run.changes) writers.sites->add_row(site_row(c, in.weighted));
    }
    if (writers.origins) writers.origins->commit();
    if (writers.sites) writers.sites->commit();
}

}  // namespace

std::vector<geodata::Column> plan_origin_columns(bool roads) { return origin_columns_of(roads); }

geodata::Row plan_origin_row(const PlanInputs& in, const PlanRun& run, std::size_t i) {
    return origin_row_of(in, run, i);
}

PlanOutcome run_plan(PlanJob job, const WarningSink& warn) {
    resolve_defaults(job.study);
    PlanWriters writers = open_plan_writers(job, warn);  // a bad path fails before the work
    PlanOutcome out;
    out.inputs = load_plan_inputs(job, warn);
    out.run = compute_plan(job, out.inputs, warn);
    write_plan_tables(writers, out.inputs, out.run);
    return out;
}

}  // namespace sitecover::report
