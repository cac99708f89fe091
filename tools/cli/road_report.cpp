#include "road_report.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "flag_spelling.hpp"
#include "inputs.hpp"
#include "origin_population.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/report/data_dir.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

std::string format_min(double time_s) { return format_fixed(time_s / 60.0, 1) + " min"; }

}  // namespace

void declare_road_network_options(Options& options, const char* max_snap_help, bool with_metric) {
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
    if (with_metric)
        options.value("--by", "METRIC", "nearest site by road: time (default) or distance");
    options.value("--access-speed", "KMH",
                  "speed on the straight leg between a point and its road (default 30)");
    options.value("--max-snap-m", "M", max_snap_help);
}

void declare_road_options(Options& options) {
    options.group(
        "Travel by road (adds road_site_id, road_distance_m, travel_time_s, snap_m, reachable)");
    declare_road_network_options(
        options, "an origin farther than this from any road is unreachable (default 5000)", true);
    options.value("--within-min", "MIN",
                  "the summary counts origins within this travel time (default 30)");
    options.value("--population", "FILE",
                  "commune populations, code / population / anciens_codes (default: INSEE 2024)");
}

void check_road_options_need_roads(const Options& options) {
    // A command that does not declare one of these never has it.
    if (options.has("--roads")) return;
    for (const char* road_only :
         {"--roads-layer", "--roads-where", "--roads-crs", "--class-field", "--speed-field",
          "--speeds", "--profile", "--by", "--access-speed", "--max-snap-m", "--within-min"}) {
        if (options.has(road_only))
            throw UsageError(std::string("option '") + road_only + "' needs --roads FILE");
    }
}

RoadOptions road_options(const Options& options) {
    RoadOptions r;
    r.source = {options.get("--roads"), options.get("--roads-layer"), options.get("--roads-where"),
                options.get("--roads-crs")};
    r.load.class_field = options.get("--class-field");
    r.load.speed_field = options.get("--speed-field");
    if (options.has("--profile")) {
        r.profile_path = options.get("--profile");
        geodata::apply_profile_file(r.load.profile, r.profile_path);
    }
    if (options.has("--speeds")) {
        r.speeds = options.get("--speeds");
        geodata::apply_speeds(r.load.profile, r.speeds);
    }
    const std::string by = options.get("--by", "time");
    if (by != "time" && by != "distance")
        throw UsageError("option '--by': '" + by + "' is not 'time' or 'distance'");
    r.query_options.metric = by == "time" ? RoadMetric::Time : RoadMetric::Distance;
    r.query_options.access_speed_kmh = options.number("--access-speed", 30.0, 0.1, 300.0);
    r.max_snap_m = options.number("--max-snap-m", 5000.0, 0.0, 1e7);
    r.within_s = options.number("--within-min", 30.0, 0.0, 1e6) * 60.0;
    return r;
}

RoadSetup load_road_setup(const RoadOptions& options) {
    return report::load_road_setup(options, warning_sink());
}

namespace {

// The first few items and how many more: "a, b, ... (3 more)".
template <typename T, typename Word>
std::string listed(const FirstItems<T>& list, Word word) {
    std::vector<std::string> items;
    for (const T& item : list.items) items.push_back(word(item));
    std::string t = first_items(items, FirstItems<T>::kKept);
    if (list.count > items.size())
        t += ", ... (" + std::to_string(list.count - items.size()) + " more)";
    return t;
}

std::string same(const std::string& text) { return text; }

void print_population_line(std::ostream& out, double within_s,
                           const std::pair<double, double>& population, const std::string& path) {
    const auto [total, within] = population;
    out << "population within " << format_fixed(within_s / 60.0, 0)
        << " min by road: " << format_fixed(within, 0) << "/" << format_fixed(total, 0) << " ("
        << format_fixed(total > 0 ? 100.0 * within / total : 0.0, 1) << " %) from " << path << "\n";
}

// The population within --within-min, then within the 20-minute standard (when another).
void print_population(std::ostream& out, const RoadFigures& m) {
    const auto population = m.population_within_time();
    if (!population) return;
    print_population_line(out, m.within_s(), *population, m.population_path());
    if (m.within_s() != RoadFigures::kStandardWithin_s) {
        print_population_line(out, RoadFigures::kStandardWithin_s, *m.population_within_standard(),
                              m.population_path());
    }
    if (m.without_population().count > 0) {
        out << "origins without a population: " << m.without_population().count << ": "
            << listed(m.without_population(), same) << "\n";
    }
}

}  // namespace

InputError sites_off_road_error(const SitesOffRoadError& e) {
    return InputError("no site lies within --max-snap-m " + format_fixed(e.max_snap_m(), 0) +
                      " m of a road of " + e.path());
}

void print_road_summary(std::ostream& out, const RoadFigures& m, const RoadStudy& study,
                        const std::vector<Site>& sites) {
    const RoadSetup& setup = study.setup;
    const RoadGraph& g = *setup.graph;
    out << "roads: " << setup.path << ": " << g.node_count() << " nodes, " << g.edge_count()
        << " edges, " << g.component_count() << " connected piece(s) (main: " << g.component_size(0)
        << " nodes); by " << (setup.query_options.metric == RoadMetric::Time ? "time" : "distance")
        << "\n";
    const NearestByRoad& by_road = *study.nearest;
    out << "sites on the road network: " << by_road.sites_on_network().size() << "/"
        << sites.size();
    if (!by_road.sites_beyond_snap().empty())
        out << " (" << by_road.sites_beyond_snap().size() << " beyond --max-snap-m, left out)";
    if (!by_road.sites_cut_off().empty())
        out << " (" << by_road.sites_cut_off().size() << " on cut-off pieces)";
    out << "\n";

    const std::size_t n = m.origins();
    const std::size_t reached = m.reached();
    out << "reachable by road: " << reached << "/" << n;
    if (m.unreachable().count > 0) {
        out << "; unreachable: " << listed(m.unreachable(), [](const Unreachable& u) {
            return u.code + (u.snapped ? " (no route)" : " (no road within --max-snap-m)");
        });
    }
    out << "\n";
    if (m.cut_off().count > 0) {
        out << "origins on a cut-off piece of network: " << m.cut_off().count << ": "
            << listed(m.cut_off(), same) << "\n";
    }
    if (reached == 0) return;
    const Site& slowest = sites[m.slowest_site()];
    out << "travel time: max " << format_min(m.max_time_s()) << " ("
        << (m.slowest_name().empty() ? "" : m.slowest_name() + " ") << m.slowest_code()
        << " -> site " << slowest.id << " " << slowest.name << "), mean "
        << format_min(m.mean_time_s()) << ", median " << format_min(m.median_time_s()) << "\n";
    out << "road distance: max " << format_km(m.max_distance_m()) << ", mean "
        << format_km(m.mean_distance_m()) << ", median " << format_km(m.median_distance_m())
        << "\n";
    out << "within " << format_fixed(m.within_s() / 60.0, 0) << " min by road: " << m.within_time()
        << "/" << n << " (" << format_share(m.within_time(), n) << ")\n";
    out << "within " << format_fixed(m.within_m() / 1000.0, 1)
        << " km by road: " << m.within_distance() << "/" << n << " ("
        << format_share(m.within_distance(), n) << ")\n";
    out << "nearest site by road differs from the crow-fly one: " << m.differs() << "/" << reached
        << "\n";
    if (!m.circuity().empty()) {
        const std::vector<double> circuity(m.circuity().begin(), m.circuity().end());
        out << "circuity (road / crow-fly distance to the road site, " << circuity.size()
            << " origins at least 1 km away): p10 " << format_fixed(quantile(circuity, 0.1), 2)
            << ", median " << format_fixed(quantile(circuity, 0.5), 2) << ", p90 "
            << format_fixed(quantile(circuity, 0.9), 2) << "\n";
    }
    print_population(out, m);
}

}  // namespace sitecover::cli
