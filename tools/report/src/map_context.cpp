#include "sitecover/report/map_context.hpp"

#include <filesystem>
#include <set>

#include "sitecover/geodata/context_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/report/data_dir.hpp"

namespace sitecover::report {
namespace {

constexpr std::size_t kDepartmentPrefix = 2;

// A file asked for ("none" and "" : nothing), else the data directory's default when it
// exists ("" otherwise).
std::string context_path(const std::optional<std::string>& asked, const std::string& data_dir,
                         const std::string& hint, const char* default_relative) {
    if (asked) return *asked == "none" ? "" : *asked;
    const auto path =
        find_data_dir(data_dir, hint.empty() ? kDataDirHint : hint) / default_relative;
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

MapContextSources resolve_map_context(const MapContextRequest& request,
                                      const std::optional<RoadRequest>& routed,
                                      const std::string& data_dir, const std::string& hint) {
    MapContextSources o;
    o.neighbours_path = context_path(request.context, data_dir, hint, defaults::kNationalCantons);
    // Drawing the routed network: its layer, filter, CRS and class field apply.
    const bool from_roads = !request.map_roads && routed.has_value();
    const std::string roads =
        from_roads ? routed->source.path
                   : context_path(request.map_roads, data_dir, hint, defaults::kRoads);
    if (roads.empty()) return o;
    const bool osm = geodata::is_osm_path(roads);
    geodata::LayerSource source = from_roads ? routed->source : geodata::LayerSource{};
    source.path = roads;
    if (osm && source.layer.empty()) source.layer = "lines";
    o.roads = source;
    const std::string given_class = from_roads ? routed->load.class_field : "";
    o.road_class_field = !given_class.empty() ? given_class : (osm ? "highway" : "class");
    return o;
}

MapContext load_map_context(const MapContextSources& sources, const ReportModel& model) {
    MapContext context;
    const geodata::LonLatBox box = map_context_box(model);
    if (!sources.neighbours_path.empty()) {
        std::set<std::string> studied;
        for (const Area& a : model.areas->areas())
            studied.insert(a.code.substr(0, kDepartmentPrefix));
        for (Area& a : geodata::load_dissolved_areas({sources.neighbours_path, "", "", ""}, "code",
                                                     kDepartmentPrefix, box)) {
            if (studied.count(a.code) == 0) context.neighbours.push_back(std::move(a));
        }
    }
    if (sources.roads) {
        for (auto& line :
             geodata::load_classed_lines(*sources.roads, sources.road_class_field, box)) {
            if (main_road(line.road_class)) context.roads.push_back(std::move(line));
        }
    }
    return context;
}

}  // namespace sitecover::report
