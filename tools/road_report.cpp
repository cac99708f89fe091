#include "road_report.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "inputs.hpp"
#include "origin_population.hpp"
#include "report_format.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/data_dir.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::cli {
namespace {

// Circuity is noise for origins right next to their site (a 300 m walk to a town-hall site
// "costs" 3x by road): only origins at least this far from the site count.
constexpr double kCircuityMinCrowFly_m = 1000.0;

std::string format_min(double time_s) { return format_fixed(time_s / 60.0, 1) + " min"; }

std::string first_items(const std::vector<std::string>& items, std::size_t n = 10) {
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < n; ++i) text += (i ? ", " : "") + items[i];
    if (items.size() > n) text += ", ... (" + std::to_string(items.size() - n) + " more)";
    return text;
}

}  // namespace

void declare_road_options(Options& options) {
    options.group(
        "Travel by road (adds road_site_id, road_distance_m, travel_time_s, snap_m, reachable)");
    options.value("--roads", "FILE",
                  "road network: GDAL line layer, or OpenStreetMap .osm.pbf / .osm / .osm.gz");
    options.value("--roads-layer", "NAME", "layer of the road file (OSM default: lines)");
    options.value("--roads-where", "EXPR", "OGR SQL attribute filter on the roads");
    options.value("--roads-crs", "CRS", "CRS of a road file that declares none");
    options.value("--class-field", "NAME", "road class field (default: class; highway for OSM)");
    options.value("--speed-field", "NAME",
                  "field (or OSM tag, e.g. maxspeed) with a speed in km/h");
    options.value("--speeds", "LIST",
                  "speeds by class, e.g. motorway=110,trunk=80,departmental=70,local=40");
    options.value("--profile", "FILE", "speed profile file: one 'class = km/h' per line");
    options.value("--by", "METRIC", "nearest site by road: time (default) or distance");
    options.value("--access-speed", "KMH",
                  "speed on the straight leg between a point and its road (default 30)");
    options.value("--max-snap-m", "M",
                  "an origin farther than this from any road is unreachable (default 5000)");
    options.value("--within-min", "MIN",
                  "the summary counts origins within this travel time (default 30)");
    options.value("--population", "FILE",
                  "commune populations, code / population / anciens_codes (default: INSEE 2024)");
}

void check_road_options_need_roads(const Options& options) {
    if (options.has("--roads")) return;
    for (const char* road_only :
         {"--roads-layer", "--roads-where", "--roads-crs", "--class-field", "--speed-field",
          "--speeds", "--profile", "--by", "--access-speed", "--max-snap-m", "--within-min"}) {
        if (options.has(road_only))
            throw UsageError(std::string("option '") + road_only + "' needs --roads FILE");
    }
}

RoadSetup load_road_setup(const Options& options) {
    RoadSetup setup;
    setup.path = options.get("--roads");
    geodata::RoadLoadOptions load;
    load.class_field = options.get("--class-field");
    load.speed_field = options.get("--speed-field");
    if (options.has("--profile"))
        geodata::apply_profile_file(load.profile, options.get("--profile"));
    if (options.has("--speeds")) geodata::apply_speeds(load.profile, options.get("--speeds"));
    const std::string by = options.get("--by", "time");
    if (by != "time" && by != "distance")
        throw UsageError("option '--by': '" + by + "' is not 'time' or 'distance'");
    setup.query_options.metric = by == "time" ? RoadMetric::Time : RoadMetric::Distance;
    setup.query_options.access_speed_kmh = options.number("--access-speed", 30.0, 0.1, 300.0);
    setup.max_snap_m = options.number("--max-snap-m", 5000.0, 0.0, 1e7);
    setup.within_s = options.number("--within-min", 30.0, 0.0, 1e6) * 60.0;
    const geodata::LoadedRoads loaded =
        geodata::load_roads({setup.path, options.get("--roads-layer"),
                             options.get("--roads-where"), options.get("--roads-crs")},
                            load);
    for (const auto& w : loaded.warnings) warn(w);
    setup.graph = std::make_unique<RoadGraph>(loaded.network);
    setup.snapper = std::make_unique<RoadSnapper>(*setup.graph);
    return setup;
}

struct RoadReport::Impl {
    const std::vector<Site>* sites = nullptr;
    RoadSetup setup;
    std::unique_ptr<RoadQuery> query;
    std::size_t sites_on_network = 0;
    std::size_t sites_beyond_snap = 0;
    std::vector<std::string> sites_cut_off;
    std::optional<geodata::PopulationTable> population;
    std::string population_path;

    struct OriginAnswer {
        std::string code, name;
        bool reached = false;
        bool snapped = false;
        bool cut_off = false;
        std::size_t site = 0;
        double distance_m = 0.0, time_s = 0.0, snap_m = 0.0, crow_fly_m = 0.0;
        bool differs_from_crow_fly = false;
    };
    std::vector<OriginAnswer> answers;
};

RoadReport::RoadReport(const Options& options, const std::vector<Site>& sites,
                       bool default_population)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.sites = &sites;
    m.setup = load_road_setup(options);
    m.query = std::make_unique<RoadQuery>(*m.setup.graph);
    const RoadGraph& graph = *m.setup.graph;
    const RoadSnapper& snapper = *m.setup.snapper;

    // Sites far from any road are left out of the road search (and said so); sites on a cut-off
    // piece stay in (they serve that piece) but are reported.
    std::vector<std::optional<RoadSnap>> site_snaps(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        site_snaps[i] = snapper.snap(sites[i].position, m.setup.max_snap_m);
        if (!site_snaps[i]) {
            ++m.sites_beyond_snap;
            continue;
        }
        ++m.sites_on_network;
        if (graph.component(graph.segments()[site_snaps[i]->segment].a) != 0) {
            m.sites_cut_off.push_back(sites[i].id);
        }
    }
    if (m.sites_on_network == 0) {
        throw InputError("no site lies within --max-snap-m " + format_fixed(m.setup.max_snap_m, 0) +
                         " m of a road of " + m.setup.path);
    }
    if (!m.sites_cut_off.empty()) {
        warn(std::to_string(m.sites_cut_off.size()) +
             " site(s) on a piece of road network cut off from the main one: " +
             first_items(m.sites_cut_off));
    }
    m.query->run(site_snaps, sites, m.setup.query_options);

    // Population: optional when the default file is absent, required when named.
    m.population = load_population_option(options, m.population_path, default_population);
}

RoadReport::~RoadReport() = default;

std::vector<geodata::Column> RoadReport::columns() {
    return {{"road_site_id", geodata::FieldType::String},
            {"road_distance_m", geodata::FieldType::Real, 1},
            {"travel_time_s", geodata::FieldType::Real, 1},
            {"snap_m", geodata::FieldType::Real, 1},
            {"reachable", geodata::FieldType::Boolean}};
}

RoadAnswer RoadReport::add_origin(const geodata::Origin& origin, const Site* crow_fly_site,
                            std::vector<geodata::Value>& values) {
    Impl& m = *impl_;
    const RoadGraph& graph = *m.setup.graph;
    const RoadSnapper& snapper = *m.setup.snapper;
    Impl::OriginAnswer a;
    a.code = origin.code;
    a.name = origin.name;
    const std::optional<RoadSnap> snap = snapper.snap(origin.position, m.setup.max_snap_m);
    if (snap) {
        a.snapped = true;
        a.snap_m = snap->snap_m;
        a.cut_off = graph.component(graph.segments()[snap->segment].a) != 0;
        const RoadResult r = m.query->nearest(*snap);
        if (r.reached()) {
            a.reached = true;
            a.site = r.site;
            a.distance_m = r.distance_m;
            a.time_s = r.time_s;
            a.crow_fly_m = geodesic_distance_m(origin.position, (*m.sites)[r.site].position);
            a.differs_from_crow_fly =
                crow_fly_site != nullptr && crow_fly_site->id != (*m.sites)[r.site].id;
        }
    }
    if (a.reached) {
        values.emplace_back((*m.sites)[a.site].id);
        values.emplace_back(a.distance_m);
        values.emplace_back(a.time_s);
    } else {
        values.resize(values.size() + 3);
    }
    if (a.snapped)
        values.emplace_back(a.snap_m);
    else
        values.emplace_back();
    values.emplace_back(a.reached);
    const RoadAnswer answer{a.reached, a.site, a.distance_m, a.time_s};
    m.answers.push_back(std::move(a));
    return answer;
}

void RoadReport::print_summary(std::ostream& out, double within_m) const {
    const Impl& m = *impl_;
    const RoadGraph& g = *m.setup.graph;
    const std::vector<Site>& sites = *m.sites;
    out << "roads: " << m.setup.path << ": " << g.node_count() << " nodes, " << g.edge_count()
        << " edges, " << g.component_count() << " connected piece(s) (main: " << g.component_size(0)
        << " nodes); by " << (m.setup.query_options.metric == RoadMetric::Time ? "time" : "distance")
        << "\n";
    out << "sites on the road network: " << m.sites_on_network << "/" << sites.size();
    if (m.sites_beyond_snap > 0)
        out << " (" << m.sites_beyond_snap << " beyond --max-snap-m, left out)";
    if (!m.sites_cut_off.empty()) out << " (" << m.sites_cut_off.size() << " on cut-off pieces)";
    out << "\n";

    std::vector<double> times_s, distances_m, circuity;
    std::vector<std::string> unreachable, cut_off;
    std::size_t within_time = 0, within_road_m = 0, differs = 0;
    const Impl::OriginAnswer* slowest = nullptr;
    for (const auto& a : m.answers) {
        if (a.cut_off) cut_off.push_back(a.code);
        if (!a.reached) {
            unreachable.push_back(a.code +
                                  (a.snapped ? " (no route)" : " (no road within --max-snap-m)"));
            continue;
        }
        times_s.push_back(a.time_s);
        distances_m.push_back(a.distance_m);
        if (a.time_s <= m.setup.within_s) ++within_time;
        if (a.distance_m <= within_m) ++within_road_m;
        if (a.differs_from_crow_fly) ++differs;
        if (a.crow_fly_m >= kCircuityMinCrowFly_m) circuity.push_back(a.distance_m / a.crow_fly_m);
        if (slowest == nullptr || a.time_s > slowest->time_s) slowest = &a;
    }
    const std::size_t n = m.answers.size();
    out << "reachable by road: " << times_s.size() << "/" << n;
    if (!unreachable.empty()) out << "; unreachable: " << first_items(unreachable);
    out << "\n";
    if (!cut_off.empty()) {
        out << "origins on a cut-off piece of network: " << cut_off.size() << ": "
            << first_items(cut_off) << "\n";
    }
    if (times_s.empty()) return;
    const Summary t = summarize(times_s);
    const Summary d = summarize(distances_m);
    out << "travel time: max " << format_min(t.max) << " (" << slowest->name << " " << slowest->code
        << " -> site " << sites[slowest->site].id << " " << sites[slowest->site].name << "), mean "
        << format_min(t.mean) << ", median " << format_min(t.median) << "\n";
    out << "road distance: max " << format_km(d.max) << ", mean " << format_km(d.mean)
        << ", median " << format_km(d.median) << "\n";
    out << "within " << format_fixed(m.setup.within_s / 60.0, 0) << " min by road: " << within_time << "/"
        << n << " (" << format_share(within_time, n) << ")\n";
    out << "within " << format_fixed(within_m / 1000.0, 1) << " km by road: " << within_road_m
        << "/" << n << " (" << format_share(within_road_m, n) << ")\n";
    out << "nearest site by road differs from the crow-fly one: " << differs << "/"
        << times_s.size() << "\n";
    if (!circuity.empty()) {
        out << "circuity (road / crow-fly distance to the road site, " << circuity.size()
            << " origins at least 1 km away): p10 " << format_fixed(quantile(circuity, 0.1), 2)
            << ", median " << format_fixed(quantile(circuity, 0.5), 2) << ", p90 "
            << format_fixed(quantile(circuity, 0.9), 2) << "\n";
    }

    if (!m.population) return;
    std::vector<std::string> codes, missing;
    for (const auto& a : m.answers) codes.push_back(a.code);
    const auto shares = population_shares(*m.population, codes);
    double total = 0.0, within = 0.0;
    for (std::size_t i = 0; i < m.answers.size(); ++i) {
        if (!shares[i]) {
            missing.push_back(m.answers[i].code);
            continue;
        }
        total += *shares[i];
        if (m.answers[i].reached && m.answers[i].time_s <= m.setup.within_s) within += *shares[i];
    }
    out << "population within " << format_fixed(m.setup.within_s / 60.0, 0)
        << " min by road: " << format_fixed(within, 0) << "/" << format_fixed(total, 0) << " ("
        << format_fixed(total > 0 ? 100.0 * within / total : 0.0, 1) << " %) from "
        << m.population_path << "\n";
    if (!missing.empty()) {
        out << "origins without a population: " << missing.size() << ": " << first_items(missing)
            << "\n";
    }
}

}  // namespace sitecover::cli
