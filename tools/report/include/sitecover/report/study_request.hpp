#pragma once
// What a study reads, by path: the areas, the sites and their filters, the origins, the
// population and the road network. One request, filled by every door (the CLI from its flags,
// Python from keywords, QGIS from parameters) and read by the library's jobs (run_report).
//
// Vocabulary: a field is named as its Python keyword; the command line's flag is the same name
// with dashes, the QGIS parameter the same in capitals (map_roads, MAP_ROADS). The one
// exception, the origins, is spelled by the command line's own table (tools/cli).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/message.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/site_filter.hpp"

namespace sitecover::report {

/// The polygons whose coverage is checked (cantons). An empty path: the data directory's
/// cantons of the Gers.
struct AreaRequest {
    geodata::LayerSource source;  ///< areas, areas_layer, areas_where, areas_crs
    geodata::AreaFields fields;   ///< area_code_field, area_name_field
};

/// The sites, read then filtered. An empty path: the data directory's France services list.
struct SiteSetRequest {
    geodata::LayerSource source;  ///< sites, sites_layer, sites_where, sites_crs
    geodata::SiteFields fields;   ///< site_id_field, site_name_field...
    SiteFilter filter;            ///< site_types, as_of
};

/// The origins (communes, points): one point per feature by `rule`. An empty path: the data
/// directory's communes of the Gers.
struct OriginRequest {
    geodata::LayerSource source;  ///< origins, origins_layer, origins_where...
    geodata::OriginFields fields;
    geodata::OriginRule rule = geodata::OriginRule::PointOnSurface;  ///< origin
};

/// The road network and how travel on it is priced. The path is required (no default).
struct RoadRequest {
    geodata::LayerSource source;     ///< roads, roads_layer, roads_where, roads_crs
    geodata::RoadLoadOptions load;   ///< class_field, speed_field; profile with speeds applied
    RoadQueryOptions query_options;  ///< by, access_speed
    double max_snap_m = 5000.0;      ///< max_snap_m
    std::string profile_path;        ///< profile: the speed file applied (stated by documents)
    std::string speeds;              ///< speeds: "class=km/h,..." applied (stated by documents)
};

/// The inputs a request left to the data directory, as resolve_defaults() found them.
struct DefaultsUsed {
    bool areas = false;
    bool sites = false;
    bool origins = false;
    bool population = false;
};

/// Everything a study reads. Paths left empty are resolved by resolve_defaults().
struct StudyRequest {
    std::string data_dir;  ///< data_dir: where the defaults are ("" : found as find_data_dir says)
    AreaRequest areas;
    SiteSetRequest sites;
    OriginRequest origins;
    /// population: the table of inhabitants per commune code. Not set: the data directory's
    /// INSEE table when it exists; "": none; a path: that file (required).
    std::optional<std::string> population;
    std::optional<RoadRequest> roads;     ///< roads and its companions; none: crow-fly only
    std::optional<std::string> scenario;  ///< scenario: a plan's site changes to apply
    double within_km = 19.0;              ///< within_km: distance threshold
    double within_min = 30.0;             ///< within_min: travel-time threshold (with roads)
    double fragile_m = 500.0;             ///< fragile_m: margin below which an area is fragile
    unsigned threads = 0;                 ///< threads (0: all cores); results do not depend on it
    DefaultsUsed defaults_used;           ///< set by resolve_defaults
};

/// The inputs a job reads (the others are left as they are by resolve_defaults).
struct StudyParts {
    bool areas = false;
    bool sites = false;
    bool origins = false;
    bool population = false;
    /// Every input of a study.
    static StudyParts all() { return {true, true, true, true}; }
};

/// Fills the empty paths of `request` with the data directory's files (areas, sites, origins,
/// population when it exists), for the `parts` a job reads, and records which in
/// `defaults_used`. Idempotent. Looks for the data directory only when a default is needed
/// (InputError ending with `hint`, else kDataDirHint, when it is missing); opens no other file.
void resolve_defaults(StudyRequest& request, const std::string& hint = "",
                      StudyParts parts = StudyParts::all());

/// The files `request` names (areas, sites, origins, population, roads and their speed
/// profile, scenario), those not named left out: no output of a job may be one of them (see
/// geodata::TableOptions::inputs).
std::vector<std::string> study_input_files(const StudyRequest& request);

/// Where warnings met while loading go (repaired polygons, sites without a date...): the CLI
/// prints them with its flags, Python raises them as warnings, QGIS pushes them to its log. A
/// warning that names a request field keeps it apart (sitecover::Message), so that each door
/// spells it its own way.
using WarningSink = std::function<void(const Message& message)>;

}  // namespace sitecover::report
