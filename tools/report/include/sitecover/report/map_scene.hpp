#pragma once
// What the report's static map shows, in projected metres (Lambert-93 by default): built from
// the report's figures, drawn by map_render. Plain values, no I/O.

#include <cstdint>
#include <string>
#include <vector>

#include "sitecover/geodata/context_loader.hpp"
#include "sitecover/report/report_model.hpp"

namespace sitecover::report {

/// A projected position, metres.
struct MapXY {
    double x_m = 0.0;
    double y_m = 0.0;
};

/// Rings of one shape (outer rings and holes of every part), filled with the even-odd rule.
using MapShape = std::vector<std::vector<MapXY>>;

/// New: a site added or suggested by `sitecover plan` (site kind "added" or "suggested").
enum class SiteSymbol { Principal, Antenne, Outside, New };

/// Motorway: class "motorway"; MainRoad: every other class (trunk, departmental, primary...).
enum class RoadKind { Motorway, MainRoad };

/// What the map shows around the study area, read by the caller (geodata::load_classed_lines,
/// load_dissolved_areas): both may be empty.
struct MapContext {
    std::vector<Area> neighbours;             ///< drawn in grey (e.g. départements)
    std::vector<geodata::ClassedLine> roads;  ///< motorways and main roads
};

struct MapScene {
    Lang lang = Lang::En;
    std::string title;
    std::string subtitle;  ///< e.g. "crow-fly distance to the nearest site, WGS84 geodesic"
    std::string crs_name;  ///< "Lambert-93 (EPSG:2154)"
    std::string footer;    ///< a line at the foot of the sheet; empty: none
    std::string logo;      ///< PNG or SVG bytes placed top left, the title beside it; empty: none

    /// Origins: shapes (or, when the origins are points, one dot each) and their fill colour.
    std::vector<MapShape> origin_shapes;
    std::vector<MapXY> origin_points;
    std::vector<std::uint32_t> origin_rgb;  ///< 0xRRGGBB, per origin

    std::vector<MapShape> area_shapes;
    std::vector<bool> area_covered;
    std::vector<std::string> area_labels;
    std::vector<MapXY> area_label_points;

    struct Site {
        MapXY at;
        SiteSymbol symbol = SiteSymbol::Principal;
    };
    std::vector<Site> sites;

    std::string legend_title;
    struct LegendEntry {
        std::string label;
        std::uint32_t rgb = 0;
    };
    std::vector<LegendEntry> legend;
    std::vector<std::string> credits;
    /// "label: value" lines of the run's parameters (ReportParameters), in the scene's language.
    std::vector<std::string> parameters;

    /// Context: neighbouring areas in grey, roads by kind.
    std::vector<MapShape> neighbour_shapes;
    struct Road {
        RoadKind kind = RoadKind::MainRoad;
        std::vector<MapXY> points;
    };
    std::vector<Road> roads;
    /// Communes holding a site: outline, name and where the name goes (the site's position).
    std::vector<MapShape> site_commune_shapes;
    std::vector<std::string> site_commune_labels;
    std::vector<MapXY> site_commune_label_points;
    /// The preferred scale bar length (the within_km threshold), used when it fits.
    double scale_bar_km = 0.0;

    /// Two points one above the other along the true meridian at the map's centre (the north
    /// arrow follows it: grid north and true north differ by a degree or two in Lambert-93).
    MapXY north_from, north_to;
};

/// Projects the report to `crs` (default Lambert-93) and chooses colours and labels.
/// Sites drawn: those inside the areas, and outside ones that are the nearest of an origin.
/// Communes (origins with a polygon) that hold a site inside the areas are outlined and named.
MapScene build_map_scene(const ReportModel& model, const MapContext& context = {},
                         const std::string& crs = "EPSG:2154");

/// The lon/lat box of the report's areas, widened by `margin` of its size on each side: what
/// the caller reads the context in.
geodata::LonLatBox map_context_box(const ReportModel& model, double margin = 0.6);

}  // namespace sitecover::report
