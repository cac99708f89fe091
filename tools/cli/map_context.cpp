#include "map_context.hpp"

#include <filesystem>
#include <set>

#include "data_dir.hpp"
#include "inputs.hpp"
#include "sitecover/geodata/road_loader.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

// All cantons of France: dissolved by the first two characters of their code, they give the
// départements (2A / 2B for Corsica, 97 for the overseas ones, far from any mainland map).
constexpr const char* kNationalCantons = "france/cantons-geofla2016.geojson";
constexpr std::size_t kDepartmentPrefix = 2;

// A file of the option, or the data directory's default when it exists; "" for none.
std::string context_path(const Options& options, const std::string& option,
                         const std::string& fallback_option, const char* default_relative) {
    if (options.has(option)) {
        const std::string path = options.get(option);
        return path == "none" ? "" : path;
    }
    if (!fallback_option.empty() && options.has(fallback_option))
        return options.get(fallback_option);
    const auto path = find_data_dir(options.get("--data")) / default_relative;
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) ? path.string() : "";
}

// The lines worth drawing at a département's scale: motorways and national roads (the
// departmental roads of the default file are too many for a readable map).
bool main_road(const std::string& road_class) {
    static const std::set<std::string> kKept = {"motorway", "trunk", "primary"};
    return kKept.count(road_class) > 0;
}

}  // namespace

void declare_map_context_options(Options& options) {
    options.value("--context", "FILE|none",
                  "polygons drawn in grey around the areas, dissolved by the first 2 characters "
                  "of their code (default: the data directory's national cantons, i.e. the "
                  "neighbouring départements)");
    options.value("--map-roads", "FILE|none",
                  "roads drawn on the map (default: --roads, else the data directory's road "
                  "file); classes motorway, trunk and primary");
}

MapContextOptions read_map_context_options(const Options& options,
                                           const std::optional<RoadOptions>& roads_options) {
    MapContextOptions o;
    o.neighbours_path = context_path(options, "--context", "", kNationalCantons);
    const std::string roads = context_path(options, "--map-roads", "--roads", defaults::kRoads);
    if (roads.empty()) return o;
    const bool osm = geodata::is_osm_path(roads);
    // Drawing the routed network: --roads' companions apply, as parsed for routing.
    const bool from_roads = !options.has("--map-roads") && roads_options.has_value();
    geodata::LayerSource source = from_roads ? roads_options->source : geodata::LayerSource{};
    source.path = roads;
    if (osm && source.layer.empty()) source.layer = "lines";
    o.roads = source;
    const std::string given_class = from_roads ? roads_options->load.class_field : "";
    o.road_class_field = !given_class.empty() ? given_class : (osm ? "highway" : "class");
    return o;
}

MapContext load_map_context(const MapContextOptions& options, const ReportModel& model) {
    MapContext context;
    const geodata::LonLatBox box = map_context_box(model);
    if (!options.neighbours_path.empty()) {
        std::set<std::string> studied;
        for (const Area& a : model.areas->areas()) studied.insert(a.code.substr(0, 2));
        for (Area& a : geodata::load_dissolved_areas({options.neighbours_path, "", "", ""}, "code",
                                                     kDepartmentPrefix, box)) {
            if (studied.count(a.code) == 0) context.neighbours.push_back(std::move(a));
        }
    }
    if (options.roads) {
        for (auto& line :
             geodata::load_classed_lines(*options.roads, options.road_class_field, box)) {
            if (main_road(line.road_class)) context.roads.push_back(std::move(line));
        }
    }
    return context;
}

}  // namespace sitecover::cli
