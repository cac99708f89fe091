// `sitecover plan`: what-if scenarios (open here, close there) and suggested locations for new
// sites, crow-fly or by road, with before / after figures.

#include <algorithm>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <limits>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "origin_population.hpp"
#include "plan_scenario.hpp"
#include "plan_suggest.hpp"
#include "plan_what_if.hpp"
#include "report_format.hpp"
#include "road_report.hpp"
#include "run_files.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/planning.hpp"

namespace sitecover::cli {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint64_t kDefaultExhaustiveLimit = 2'000'000;

std::string area_list(const CoverageIndex& areas, const LonLat& p) {
    std::string list;
    for (const std::size_t a : areas.areas_containing(p)) {
        list += (list.empty() ? "" : ", ") + areas.areas()[a].name;
    }
    return list;
}

// How costs read: kilometres, or minutes by road time.
struct CostUnit {
    bool time = false;
    std::string format(double cost) const {
        if (cost == kInf) return "unreachable";
        return time ? format_fixed(cost / 60.0, 1) + " min" : format_km(cost);
    }
};

Objective parse_objective(const std::string& text) {
    if (text == "p-center") return Objective::PCenter;
    if (text == "p-median") return Objective::PMedian;
    if (text == "max-coverage") return Objective::MaxCoverage;
    throw UsageError("option '--objective': '" + text +
                     "' is not p-center, p-median or max-coverage");
}

// The figure an objective optimises, as text: "max 15.5 km", "mean 6.3 km", "97.1 % within".
std::string objective_text(Objective objective, const PlanValue& v, const CostUnit& unit,
                           const std::string& within_text) {
    switch (objective) {
        case Objective::PCenter:
            return "max " + unit.format(v.max_cost) + " (weighted mean " +
                   unit.format(v.mean_cost) + ")";
        case Objective::PMedian:
            return "weighted mean " + unit.format(v.mean_cost) + " (max " +
                   unit.format(v.max_cost) + ")";
        case Objective::MaxCoverage:
            break;
    }
    return format_fixed(v.covered_weight, 0) + " within " + within_text + " (" +
           format_fixed(100.0 * v.covered_weight / v.total_weight, 1) + " %; weighted mean " +
           unit.format(v.mean_cost) + ")";
}

// Two columns, before and after.
void print_row(std::ostream& out, const std::string& label, const std::string& before,
               const std::string& after) {
    out << "  " << std::left << std::setw(34) << label << std::setw(16) << before << after << "\n";
}

std::string share_text(double part, double total) {
    return format_fixed(total > 0 ? 100.0 * part / total : 0.0, 1) + " %";
}

}  // namespace

int run_plan(const std::vector<std::string>& args) {
    Options options("plan",
                    "What if sites open or close, and where new sites would help most. Prints\n"
                    "the figures before and after (cantons covered, distances or travel times,\n"
                    "population within the thresholds) and the communes whose nearest site\n"
                    "changes; --suggest K picks K new sites among candidate points.");
    declare_data_options(options);
    declare_area_options(options);
    declare_origin_options(options);
    declare_site_options(options);
    options.group("What if");
    options.repeated("--add", "NAME@LON,LAT", "open a site there (repeatable)");
    options.repeated("--add-commune", "CODE",
                     "open a site at an origin's point, by its code (repeatable)");
    options.repeated("--remove", "SITE_ID", "close a site (repeatable)");
    options.group("Suggest new sites");
    options.value("--suggest", "K", "choose K new sites (the sites of the scenario stay)");
    options.value("--objective", "NAME",
                  "p-median (smallest weighted mean; default), p-center or max-coverage");
    options.value("--candidates", "FILE",
                  "candidate points (point or polygon layer; default: every origin's point)");
    options.value("--candidates-code-field", "NAME", "candidate code field (default: code)");
    options.value("--candidates-name-field", "NAME", "candidate name field (default: nom)");
    options.value("--within-km", "KM",
                  "distance threshold of the figures and of max-coverage (default 19)");
    options.value("--exhaustive-limit", "N",
                  "K <= 2: exact optimum too when at most N sets (default 2000000; 0: never)");
    options.flag("--cover-areas",
                 "each area left without a site gets one of the K new sites first");
    options.value("--threads", "N", "threads for the road cost table (default: all cores)");
    declare_road_options(options);
    options.group("Output");
    options.value("--output", "FILE",
                  "per-origin table before / after (.csv, .geojson, .gpkg...; '-': CSV on stdout)",
                  "-o");
    options.value("--format", "DRIVER", "GDAL driver name when the extension is not enough", "-f");
    options.value("--sites-output", "FILE",
                  "the sites added, removed and suggested, as points (.gpkg, .geojson, .csv...)");
    options.value("--noun", "WORD", "what the areas are called (default: cantons)");
    declare_t_srs_option(options);
    options.flag("--overwrite", "replace existing output files");
    declare_quiet_option(options);
    options.epilog(
        "Objectives: p-median minimises the population-weighted mean cost (then the worst),\n"
        "p-center the worst cost of any origin (then the mean), max-coverage maximises the\n"
        "population within --within-km, or --within-min by road (then the mean).\n"
        "Costs are crow-fly geodesic distances, or with --roads travel times (--by distance:\n"
        "road distances). Population weights come from --population (default: the INSEE file\n"
        "of the data directory); without it every origin weighs 1. The search is greedy, then\n"
        "swaps one site for another while that improves the objective (a local optimum); for\n"
        "K <= 2 the exact optimum is also computed when small enough, to show the gap. Ties go\n"
        "to the candidate listed first (candidates sorted by code).\n\n"
        "Examples:\n"
        "  sitecover plan --remove 1271\n"
        "  sitecover plan --add \"Lupiac@0.18,43.68\" --add-commune 32271\n"
        "  sitecover plan --suggest 2 --objective p-center\n"
        "  sitecover plan --suggest 1 --objective max-coverage --within-min 15 --roads "
        "../shared/geodata/france/roads-major-travelmapping-2026-08.geojson\n");
    if (!options.parse(args)) return kOk;
    check_run_files(options);  // outputs distinct and none of them an input, before any work
    check_road_options_need_roads(options);
    const std::size_t k = static_cast<std::size_t>(options.integer("--suggest", 0, 0, 1000));
    for (const char* suggest_only :
         {"--objective", "--candidates", "--candidates-code-field", "--candidates-name-field",
          "--exhaustive-limit", "--cover-areas"}) {
        if (options.has(suggest_only) && !options.has("--suggest"))
            throw UsageError(std::string("option '") + suggest_only + "' needs --suggest K");
    }
    const Objective objective = parse_objective(options.get("--objective", "p-median"));
    const double within_m = options.number("--within-km", 19.0, 0.0, 1e5) * 1000.0;
    const auto exhaustive_limit = static_cast<std::uint64_t>(
        options.integer("--exhaustive-limit", static_cast<long long>(kDefaultExhaustiveLimit), 0,
                        1'000'000'000'000));
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const auto threads = static_cast<unsigned>(options.integer("--threads", hardware, 1, 256));
    if (options.all("--add").empty() && options.all("--add-commune").empty() &&
        options.all("--remove").empty() && k == 0) {
        throw UsageError(
            "nothing to plan: give --add, --add-commune, --remove or --suggest K (see --help)");
    }

    // Outputs first: a bad path fails before the work.
    const std::string output = options.get("--output");
    const bool table_on_stdout = output == "-";
    std::ostream& out = summary_stream(options, table_on_stdout);
    const std::string srs = target_srs(options);
    const bool roads_given = options.has("--roads");
    std::vector<geodata::Column> origin_columns = {
        {"origin_code", geodata::FieldType::String},
        {"origin_name", geodata::FieldType::String},
        {"origin_lon", geodata::FieldType::Real, 6},
        {"origin_lat", geodata::FieldType::Real, 6},
        {"population", geodata::FieldType::Real, 1},
        {"site_before", geodata::FieldType::String},
        {"distance_before_m", geodata::FieldType::Real, 1},
        {"site_after", geodata::FieldType::String},
        {"distance_after_m", geodata::FieldType::Real, 1},
        {"changed", geodata::FieldType::Boolean}};
    if (roads_given) {
        for (const geodata::Column& c :
             std::vector<geodata::Column>{{"road_site_before", geodata::FieldType::String},
                                          {"travel_time_before_s", geodata::FieldType::Real, 1},
                                          {"road_site_after", geodata::FieldType::String},
                                          {"travel_time_after_s", geodata::FieldType::Real, 1},
                                          {"road_changed", geodata::FieldType::Boolean}}) {
            origin_columns.push_back(c);
        }
    }
    std::unique_ptr<geodata::TableWriter> origin_writer;
    if (!output.empty()) {
        origin_writer = std::make_unique<geodata::TableWriter>(
            geodata::TableOptions{output, options.get("--format"), "plan_origins",
                                  options.has("--overwrite"), geodata::GeometryKind::Point, false,
                                  srs},
            origin_columns);
    }
    std::unique_ptr<geodata::TableWriter> site_writer;
    if (options.has("--sites-output")) {
        site_writer = std::make_unique<geodata::TableWriter>(
            geodata::TableOptions{options.get("--sites-output"), "", "plan_sites",
                                  options.has("--overwrite"), geodata::GeometryKind::Point, false,
                                  srs},
            std::vector<geodata::Column>{{"site_id", geodata::FieldType::String},
                                         {"site_name", geodata::FieldType::String},
                                         {"change", geodata::FieldType::String},
                                         {"lon", geodata::FieldType::Real, 6},
                                         {"lat", geodata::FieldType::Real, 6},
                                         {"communes", geodata::FieldType::Integer},
                                         {"population", geodata::FieldType::Real, 1}});
    }
    for (const auto* writer : {origin_writer.get(), site_writer.get()}) {
        if (writer != nullptr)
            for (const std::string& w : writer->warnings()) warn(w);
    }

    // Inputs.
    std::string areas_path;
    const CoverageIndex areas(load_area_set(options, areas_path));
    const LoadedSiteSet site_set = load_site_set(options);
    std::string origins_path;
    const std::vector<geodata::Origin> origins = load_origin_set(options, origins_path);
    PlanWorld world;
    world.areas = &areas;
    for (const geodata::Origin& o : origins) {
        world.codes.push_back(o.code);
        world.names.push_back(o.name);
        world.positions.push_back(o.position);
    }
    std::string population_path;
    std::size_t without_population = 0;
    const auto population = load_population_option(options, population_path);
    if (population) {
        const auto shares = population_shares(*population, world.codes);
        for (const auto& s : shares) {
            world.weights.push_back(s.value_or(0.0));
            if (!s) ++without_population;
        }
    }
    bool weighted = population && without_population < origins.size();
    if (weighted && std::all_of(world.weights.begin(), world.weights.end(),
                                [](double w) { return w == 0.0; })) {
        weighted = false;  // every known population is 0: count communes instead
    }
    if (!weighted) world.weights.assign(origins.size(), 1.0);
    std::unique_ptr<RoadSetup> roads;
    if (roads_given) {
        roads = std::make_unique<RoadSetup>(load_road_setup(options));
        world.roads = roads.get();
        for (const LonLat& p : world.positions)
            world.road_snaps.push_back(roads->snapper->snap(p, roads->max_snap_m));
    }
    const double within_s = roads ? roads->within_s : 1800.0;

    // The scenario: removals, then additions.
    WhatIf what_if = apply_what_if(options, site_set, world, origins_path, areas_path);
    const std::vector<Site>& after = what_if.after;
    std::vector<SiteChange>& changes = what_if.changes;

    const CostUnit unit{roads && roads->query_options.metric == RoadMetric::Time};
    const std::string within_text =
        unit.time ? format_fixed(within_s / 60.0, 0) + " min" : format_km(within_m);
    const double goal_within = unit.time ? within_s : within_m;

    // Suggestions on top of the scenario.
    std::vector<Site> final_sites = after;
    Suggestion suggestion;
    if (k > 0) {
        suggestion = suggest_new_sites(options, world, after,
                                       {k, objective, goal_within, exhaustive_limit, threads});
        final_sites.insert(final_sites.end(), suggestion.sites.begin(), suggestion.sites.end());
        changes.insert(changes.end(), suggestion.changes.begin(), suggestion.changes.end());
    }
    // Before and after.
    const ScenarioOutcome before = evaluate_scenario(world, site_set.sites);
    const ScenarioOutcome final_outcome = evaluate_scenario(world, final_sites);
    const ScenarioFigures fb = scenario_figures(world, before, within_m, within_s);
    const ScenarioFigures fa = scenario_figures(world, final_outcome, within_m, within_s);
    // Takeovers of the added sites (crow-fly, or by road with --roads).
    for (SiteChange& change : changes) {
        if (change.change != "added") continue;
        for (std::size_t i = 0; i < origins.size(); ++i) {
            const OriginOutcome& o = final_outcome.origins[i];
            const std::optional<std::size_t> by = roads ? o.road_site : o.site;
            if (by && final_sites[*by].id == change.site.id) {
                ++change.communes;
                change.population += world.weights[i];
            }
        }
    }

    const std::string noun = options.get("--noun", "cantons");
    out << "areas: " << areas.areas().size() << " " << noun << " from " << areas_path << "\n";
    out << "origins: " << origins.size() << " from " << origins_path;
    if (weighted) {
        out << ", weighted by population (" << population_path << ")";
        if (without_population > 0) out << "; " << without_population << " without a population";
    } else {
        out << ", each weighing 1 (no population)";
    }
    out << "\n";
    out << "sites: " << site_set.sites.size() << " from " << site_set.path;
    for (const SiteChange& c : changes) {
        if (c.change == "removed") out << "; removed " << c.site.id << " " << c.site.name;
        if (c.change == "added")
            out << "; added " << c.site.id << " " << c.site.name << " at "
                << to_string(c.site.position) << " (" << area_list(areas, c.site.position) << ")";
    }
    out << "\n";
    const auto covered_text = [](const ScenarioFigures& f) {
        return std::to_string(f.covered) + "/" + std::to_string(f.areas);
    };
    const std::string after_label =
        k > 0 ? "after (+" + std::to_string(k) + " suggested)" : "after";
    print_row(out, "", "before", after_label);
    print_row(out, noun + " covered", covered_text(fb), covered_text(fa));
    print_row(out, "crow-fly distance: max", format_km(fb.max_m), format_km(fa.max_m));
    print_row(out, "crow-fly distance: mean", format_km(fb.mean_m), format_km(fa.mean_m));
    if (weighted) {
        print_row(out, "  population-weighted mean", format_km(fb.weighted_mean_m),
                  format_km(fa.weighted_mean_m));
    }
    print_row(out,
              (weighted ? "population" : "origins") + std::string(" within ") + format_km(within_m),
              share_text(fb.weight_within_m, fb.total_weight),
              share_text(fa.weight_within_m, fa.total_weight));
    if (roads) {
        const auto reach = [&](const ScenarioFigures& f) {
            return std::to_string(f.reachable) + "/" + std::to_string(origins.size());
        };
        const auto minutes = [](double s) { return format_fixed(s / 60.0, 1) + " min"; };
        print_row(out, "reachable by road", reach(fb), reach(fa));
        print_row(out, "travel time: max", minutes(fb.max_s), minutes(fa.max_s));
        print_row(out, "travel time: mean", minutes(fb.mean_s), minutes(fa.mean_s));
        if (weighted) {
            print_row(out, "  population-weighted mean", minutes(fb.weighted_mean_s),
                      minutes(fa.weighted_mean_s));
        }
        print_row(out,
                  (weighted ? "population" : "origins") + std::string(" within ") +
                      format_fixed(within_s / 60.0, 0) + " min",
                  share_text(fb.weight_within_s, fb.total_weight),
                  share_text(fa.weight_within_s, fa.total_weight));
    }
    if (!fa.uncovered.empty()) out << "uncovered after: " << first_items(fa.uncovered) << "\n";
    std::vector<std::string> newly_uncovered;
    for (std::size_t a = 0; a < fa.areas; ++a) {
        if (before.coverage[a].covered() && !final_outcome.coverage[a].covered()) {
            const Area& area = areas.areas()[a];
            newly_uncovered.push_back(area.name + " (" + area.code + ")");
        }
    }
    if (!newly_uncovered.empty())
        out << "left uncovered by the change: " << first_items(newly_uncovered) << "\n";

    // Origins whose nearest site changes.
    std::vector<std::string> moved;
    const auto site_id = [](const std::vector<Site>& sites, const std::optional<std::size_t>& s) {
        return s ? sites[*s].id : std::string("none");
    };
    for (std::size_t i = 0; i < origins.size(); ++i) {
        const OriginOutcome& b = before.origins[i];
        const OriginOutcome& a = final_outcome.origins[i];
        const std::string from = site_id(site_set.sites, roads ? b.road_site : b.site);
        const std::string to = site_id(final_sites, roads ? a.road_site : a.site);
        if (from != to) {
            moved.push_back(world.names[i] + " " + world.codes[i] + " " + from + " -> " + to);
        }
    }
    out << "origins whose nearest site " << (roads ? "by road " : "") << "changes: " << moved.size()
        << "/" << origins.size();
    if (!moved.empty()) out << ": " << first_items(moved, 8);
    out << "\n";

    if (suggestion.result) {
        const PlanResult& result = *suggestion.result;
        const std::string cost_name = !roads      ? "crow-fly distance"
                                      : unit.time ? "travel time"
                                                  : "road distance";
        out << "suggest " << k << " new site(s): " << options.get("--objective", "p-median")
            << " on " << cost_name << ", " << suggestion.candidate_count << " candidates, "
            << suggestion.pair_count << " useful origin/candidate pairs (table "
            << format_fixed(suggestion.table_s, 2) << " s, search "
            << format_fixed(suggestion.search_s, 2) << " s)\n";
        if (options.has("--cover-areas")) {
            out << "  --cover-areas: "
                << (suggestion.covered_by_force.empty()
                        ? std::string("every area already holds a site")
                        : "a new site in " + first_items(suggestion.covered_by_force))
                << "\n";
        }
        out << "  before:  " << objective_text(objective, result.before, unit, within_text) << "\n";
        out << "  greedy:  " << objective_text(objective, result.greedy, unit, within_text) << "\n";
        out << "  after " << result.swaps
            << " swap(s): " << objective_text(objective, result.value, unit, within_text) << "\n";
        if (suggestion.exact) {
            out << "  exhaustive optimum over " << subset_count(suggestion.candidate_count, k)
                << " candidate sets (" << format_fixed(suggestion.exact_s, 2)
                << " s): " << objective_text(objective, suggestion.exact->value, unit, within_text);
            const bool equal = !plan_better(suggestion.exact->value, result.value, objective);
            out << (equal ? "; the heuristic reaches it (gap 0)" : "; the heuristic falls short")
                << "\n";
        } else if (!suggestion.exact_note.empty()) {
            out << "  " << suggestion.exact_note << "\n";
        }
        for (const SiteChange& c : changes) {
            if (c.change != "suggested") continue;
            out << "  " << c.site.id << ": " << c.site.name << " at " << to_string(c.site.position)
                << " (" << area_list(areas, c.site.position) << "), nearest site of " << c.communes
                << " origin(s)";
            if (weighted) out << ", " << format_fixed(c.population, 0) << " inhabitants";
            out << "\n";
        }
    }
    for (const SiteChange& c : changes) {
        if (c.change != "added") continue;
        out << "  " << c.site.id << " " << c.site.name << ": nearest site "
            << (roads ? "by road " : "") << "of " << c.communes << " origin(s)";
        if (weighted) out << ", " << format_fixed(c.population, 0) << " inhabitants";
        out << "\n";
    }

    // Tables.
    if (origin_writer) {
        for (std::size_t i = 0; i < origins.size(); ++i) {
            const OriginOutcome& b = before.origins[i];
            const OriginOutcome& a = final_outcome.origins[i];
            geodata::Row row;
            row.line = {world.positions[i]};
            const auto distance = [](const OriginOutcome& o) -> geodata::Value {
                if (!o.site) return {};
                return o.distance_m;
            };
            const std::string before_site = site_id(site_set.sites, b.site);
            const std::string after_site = site_id(final_sites, a.site);
            row.values = {world.codes[i],
                          world.names[i],
                          world.positions[i].lon_deg,
                          world.positions[i].lat_deg,
                          weighted ? geodata::Value(world.weights[i]) : geodata::Value(),
                          before_site,
                          distance(b),
                          after_site,
                          distance(a),
                          before_site != after_site};
            if (roads) {
                const auto time = [](const OriginOutcome& o) -> geodata::Value {
                    if (!o.road_site) return {};
                    return o.time_s;
                };
                const std::string before_road = site_id(site_set.sites, b.road_site);
                const std::string after_road = site_id(final_sites, a.road_site);
                row.values.insert(row.values.end(), {before_road, time(b), after_road, time(a),
                                                     before_road != after_road});
            }
            origin_writer->add_row(row);
        }
    }
    if (site_writer) {
        for (const SiteChange& c : changes) {
            geodata::Row row;
            row.line = {c.site.position};
            row.values = {c.site.id,
                          c.site.name,
                          c.change,
                          c.site.position.lon_deg,
                          c.site.position.lat_deg,
                          c.change == "removed"
                              ? geodata::Value()
                              : geodata::Value(static_cast<std::int64_t>(c.communes)),
                          c.change == "removed" || !weighted ? geodata::Value()
                                                             : geodata::Value(c.population)};
            site_writer->add_row(row);
        }
    }
    if (origin_writer) {
        origin_writer->commit();
        if (!table_on_stdout) out << "wrote " << output << "\n";
    }
    if (site_writer) {
        site_writer->commit();
        out << "wrote " << options.get("--sites-output") << "\n";
    }
    return kOk;
}

}  // namespace sitecover::cli
