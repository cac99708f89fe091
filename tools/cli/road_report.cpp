#include "road_report.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "data_dir.hpp"
#include "flag_spelling.hpp"
#include "inputs.hpp"
#include "origin_population.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

// Circuity is noise for origins right next to their site (a 300 m walk to a town-hall site
// "costs" 3x by road): only origins at least this far from the site count.
constexpr double kCircuityMinCrowFly_m = 1000.0;

std::string format_min(double time_s) { return format_fixed(time_s / 60.0, 1) + " min"; }

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

RoadOptions road_options(const Options& options) {
    RoadOptions r;
    r.source = {options.get("--roads"), options.get("--roads-layer"), options.get("--roads-where"),
                options.get("--roads-crs")};
    r.load.class_field = options.get("--class-field");
    r.load.speed_field = options.get("--speed-field");
    if (options.has("--profile"))
        geodata::apply_profile_file(r.load.profile, options.get("--profile"));
    if (options.has("--speeds"))
        geodata::apply_speeds(r.load.profile, options.get("--speeds"), "--speeds");
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
    RoadSetup setup;
    setup.path = options.source.path;
    setup.query_options = options.query_options;
    setup.max_snap_m = options.max_snap_m;
    setup.within_s = options.within_s;
    geodata::LoadedRoads loaded = geodata::load_roads(options.source, options.load);
    for (const auto& w : loaded.warnings) warn(cli_text(w));
    setup.graph = std::make_unique<RoadGraph>(std::move(loaded.network));
    setup.snapper = std::make_unique<RoadSnapper>(*setup.graph);
    return setup;
}

// The first few items of a list, and how many there were in all.
struct FirstItems {
    static constexpr std::size_t kKept = 10;
    std::size_t count = 0;
    std::vector<std::string> items;
    void add(const std::string& item) {
        if (count++ < kKept) items.push_back(item);
    }
    std::string text() const {
        std::string t = first_items(items, kKept);
        if (count > items.size()) t += ", ... (" + std::to_string(count - items.size()) + " more)";
        return t;
    }
};

struct RoadReport::Impl {
    const std::vector<Site>* sites = nullptr;
    RoadSetup setup;
    std::unique_ptr<NearestByRoad> by_road;
    std::optional<geodata::PopulationTable> population;
    std::string population_path;

    // The summary, accumulated by record(): floats keep 4 bytes a value for the quantiles.
    double within_road_threshold_m = 19000.0;  // --within-km, reused by road
    std::size_t origins = 0, within_time = 0, within_road_m = 0, differs = 0;
    double sum_time_s = 0.0, sum_distance_m = 0.0, max_distance_m = 0.0;
    std::vector<float> times_s, distances_m, circuity;
    FirstItems unreachable, cut_off, without_population;
    struct Slowest {
        std::string code, name;
        std::size_t site = 0;
        double time_s = -1.0;
    } slowest;
    // Per current commune code: origins counted, and those within the time threshold.
    std::map<std::string, std::pair<std::size_t, std::size_t>> by_commune;
};

RoadReport::RoadReport(const Options& options, const RoadOptions& roads, double within_m,
                       const std::vector<Site>& sites, bool default_population)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.sites = &sites;
    m.setup = load_road_setup(roads);
    // Sites far from any road are left out of the road search (and said so); sites on a cut-off
    // piece stay in (they serve that piece) but are reported.
    try {
        m.by_road = std::make_unique<NearestByRoad>(*m.setup.graph, *m.setup.snapper, sites,
                                                    m.setup.nearest_options());
    } catch (const InputError&) {
        throw InputError("no site lies within --max-snap-m " + format_fixed(m.setup.max_snap_m, 0) +
                         " m of a road of " + m.setup.path);
    }
    if (const auto& cut_off = m.by_road->sites_cut_off(); !cut_off.empty()) {
        std::vector<std::string> ids;
        for (const std::size_t i : cut_off) ids.push_back(sites[i].id);
        warn(std::to_string(ids.size()) +
             " site(s) on a piece of road network cut off from the main one: " + first_items(ids));
    }

    // Population: optional when the default file is absent, required when named.
    m.population = load_population_option(options, m.population_path, default_population);
    m.within_road_threshold_m = within_m;
}

RoadReport::~RoadReport() = default;

std::vector<geodata::Column> RoadReport::columns() {
    return {{"road_site_id", geodata::FieldType::String},
            {"road_distance_m", geodata::FieldType::Real, 1},
            {"travel_time_s", geodata::FieldType::Real, 1},
            {"snap_m", geodata::FieldType::Real, 1},
            {"reachable", geodata::FieldType::Boolean}};
}

RoadAnswer RoadReport::answer_from(const LonLat& position, const RoadNearest& nearest,
                                   const Site* crow_fly_site) const {
    const Impl& m = *impl_;
    RoadAnswer a;
    if (!nearest.snapped) return a;
    a.snapped = true;
    a.snap_m = nearest.snap_m;
    a.cut_off = nearest.cut_off;
    if (!nearest.result.reached()) return a;
    const RoadResult& r = nearest.result;
    a.reached = true;
    a.site = r.site;
    a.distance_m = r.distance_m;
    a.time_s = r.time_s;
    a.crow_fly_m = geodesic_distance_m(position, (*m.sites)[r.site].position);
    a.differs_from_crow_fly =
        crow_fly_site != nullptr && crow_fly_site->id != (*m.sites)[r.site].id;
    return a;
}

RoadAnswer RoadReport::answer(const LonLat& position, const Site* crow_fly_site) const {
    return answer_from(position, impl_->by_road->nearest(position), crow_fly_site);
}

const NearestByRoad& RoadReport::nearest_by_road() const { return *impl_->by_road; }

std::vector<RoadAnswer> RoadReport::answer_chunk(const std::vector<geodata::Origin>& origins,
                                                 const std::vector<const Site*>& crow_fly_sites,
                                                 unsigned threads) const {
    // Origins whose line was unreadable (`error` set) get an empty answer.
    std::vector<std::size_t> readable;
    std::vector<LonLat> points;
    for (std::size_t i = 0; i < origins.size(); ++i) {
        if (!origins[i].error.empty()) continue;
        readable.push_back(i);
        points.push_back(origins[i].position);
    }
    const std::vector<RoadNearest> nearest = impl_->by_road->nearest_batch(points, threads);
    std::vector<RoadAnswer> answers(origins.size());
    for (std::size_t k = 0; k < readable.size(); ++k) {
        const std::size_t i = readable[k];
        answers[i] = answer_from(origins[i].position, nearest[k], crow_fly_sites[i]);
    }
    return answers;
}

void RoadReport::record(const geodata::Origin& origin, const RoadAnswer& a,
                        std::vector<geodata::Value>& values) {
    Impl& m = *impl_;
    ++m.origins;
    if (a.cut_off) m.cut_off.add(origin.code);
    if (a.reached) {
        m.times_s.push_back(static_cast<float>(a.time_s));
        m.sum_time_s += a.time_s;
        m.sum_distance_m += a.distance_m;
        m.max_distance_m = std::max(m.max_distance_m, a.distance_m);
        if (a.distance_m <= m.within_road_threshold_m) ++m.within_road_m;
        m.distances_m.push_back(static_cast<float>(a.distance_m));
        if (a.crow_fly_m >= kCircuityMinCrowFly_m)
            m.circuity.push_back(static_cast<float>(a.distance_m / a.crow_fly_m));
        if (a.differs_from_crow_fly) ++m.differs;
        if (a.time_s > m.slowest.time_s) m.slowest = {origin.code, origin.name, a.site, a.time_s};
    } else {
        m.unreachable.add(origin.code +
                          (a.snapped ? " (no route)" : " (no road within --max-snap-m)"));
    }
    const bool within_time = a.reached && a.time_s <= m.setup.within_s;
    if (within_time) ++m.within_time;
    if (m.population) {
        std::optional<std::string> current = m.population->resolve(origin.code);
        if (current && !m.population->by_code.at(*current)) current.reset();
        if (current) {
            auto& [count, within] = m.by_commune[*current];
            ++count;
            if (within_time) ++within;
        } else {
            m.without_population.add(origin.code);
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
}

RoadAnswer RoadReport::add_origin(const geodata::Origin& origin, const Site* crow_fly_site,
                                  std::vector<geodata::Value>& values) {
    const RoadAnswer a = answer(origin.position, crow_fly_site);
    record(origin, a, values);
    return a;
}

void RoadReport::print_summary(std::ostream& out) const {
    const Impl& m = *impl_;
    const RoadGraph& g = *m.setup.graph;
    const std::vector<Site>& sites = *m.sites;
    out << "roads: " << m.setup.path << ": " << g.node_count() << " nodes, " << g.edge_count()
        << " edges, " << g.component_count() << " connected piece(s) (main: " << g.component_size(0)
        << " nodes); by "
        << (m.setup.query_options.metric == RoadMetric::Time ? "time" : "distance") << "\n";
    const NearestByRoad& by_road = *m.by_road;
    out << "sites on the road network: " << by_road.sites_on_network().size() << "/"
        << sites.size();
    if (!by_road.sites_beyond_snap().empty())
        out << " (" << by_road.sites_beyond_snap().size() << " beyond --max-snap-m, left out)";
    if (!by_road.sites_cut_off().empty())
        out << " (" << by_road.sites_cut_off().size() << " on cut-off pieces)";
    out << "\n";

    const std::size_t n = m.origins;
    const std::size_t reached = m.times_s.size();
    out << "reachable by road: " << reached << "/" << n;
    if (m.unreachable.count > 0) out << "; unreachable: " << m.unreachable.text();
    out << "\n";
    if (m.cut_off.count > 0) {
        out << "origins on a cut-off piece of network: " << m.cut_off.count << ": "
            << m.cut_off.text() << "\n";
    }
    if (reached == 0) return;
    const auto as_doubles = [](const std::vector<float>& values) {
        return std::vector<double>(values.begin(), values.end());
    };
    const double mean_time_s = m.sum_time_s / static_cast<double>(reached);
    const double mean_distance_m = m.sum_distance_m / static_cast<double>(reached);
    out << "travel time: max " << format_min(m.slowest.time_s) << " ("
        << (m.slowest.name.empty() ? "" : m.slowest.name + " ") << m.slowest.code << " -> site "
        << sites[m.slowest.site].id << " " << sites[m.slowest.site].name << "), mean "
        << format_min(mean_time_s) << ", median "
        << format_min(quantile(as_doubles(m.times_s), 0.5)) << "\n";
    out << "road distance: max " << format_km(m.max_distance_m) << ", mean "
        << format_km(mean_distance_m) << ", median "
        << format_km(quantile(as_doubles(m.distances_m), 0.5)) << "\n";
    out << "within " << format_fixed(m.setup.within_s / 60.0, 0)
        << " min by road: " << m.within_time << "/" << n << " (" << format_share(m.within_time, n)
        << ")\n";
    out << "within " << format_fixed(m.within_road_threshold_m / 1000.0, 1)
        << " km by road: " << m.within_road_m << "/" << n << " ("
        << format_share(m.within_road_m, n) << ")\n";
    out << "nearest site by road differs from the crow-fly one: " << m.differs << "/" << reached
        << "\n";
    if (!m.circuity.empty()) {
        const std::vector<double> circuity = as_doubles(m.circuity);
        out << "circuity (road / crow-fly distance to the road site, " << circuity.size()
            << " origins at least 1 km away): p10 " << format_fixed(quantile(circuity, 0.1), 2)
            << ", median " << format_fixed(quantile(circuity, 0.5), 2) << ", p90 "
            << format_fixed(quantile(circuity, 0.9), 2) << "\n";
    }

    if (!m.population) return;
    // A commune merged since the origin layer was drawn is found through its former code; when
    // several origins fall into one current commune its population is shared equally between
    // them, so that nobody is counted twice.
    double total = 0.0, within = 0.0;
    for (const auto& [code, counts] : m.by_commune) {
        const auto inhabitants = static_cast<double>(*m.population->by_code.at(code));
        total += inhabitants;
        within +=
            inhabitants * static_cast<double>(counts.second) / static_cast<double>(counts.first);
    }
    out << "population within " << format_fixed(m.setup.within_s / 60.0, 0)
        << " min by road: " << format_fixed(within, 0) << "/" << format_fixed(total, 0) << " ("
        << format_fixed(total > 0 ? 100.0 * within / total : 0.0, 1) << " %) from "
        << m.population_path << "\n";
    if (m.without_population.count > 0) {
        out << "origins without a population: " << m.without_population.count << ": "
            << m.without_population.text() << "\n";
    }
}

}  // namespace sitecover::cli
