#pragma once
// Writing the report's documents from its model: the GeoPackage (with QGIS styles), the map
// (PNG, SVG or PDF) and the HTML page, all or none. The entry point of the `sitecover_report`
// target, called by `sitecover report` and meant for the Python module and QGIS plugin.

#include <optional>
#include <string>

#include "sitecover/geodata/staged_file.hpp"
#include "sitecover/report/map_render.hpp"
#include "sitecover/report/map_scene.hpp"
#include "sitecover/report/report_model.hpp"

namespace sitecover::report {

/// Which documents to write and how. An empty path: that document is not written.
struct ReportOutputs {
    std::string gpkg_path;     ///< the GeoPackage (must end in .gpkg)
    std::string map_path;      ///< the map: .png, .svg or .pdf
    std::string html_path;     ///< the one-page HTML summary (map embedded)
    bool overwrite = false;    ///< replace existing files (never an input or a non-regular file)
    std::string t_srs;         ///< CRS of the GeoPackage's layers ("" : WGS84)
    int map_width_px = 1600;   ///< pixels for PNG, points for SVG / PDF
    int map_height_px = 1200;  ///< pixels for PNG, points for SVG / PDF
    MapRenderOptions render;   ///< page and scale
};

/// The documents staged under temporary names (made by stage_report_outputs, before the
/// long work, so that a bad path fails first).
struct StagedReport {
    ReportOutputs outputs;                               ///< as given
    std::optional<geodata::StagedFile> gpkg, map, html;  ///< the staged files
    MapFormat map_format = MapFormat::Png;               ///< from map_path
};

/// Stages the outputs. Throws OutputError for a GeoPackage not named .gpkg, a map of unknown
/// format, or a path that cannot be written (existing file without overwrite...).
StagedReport stage_report_outputs(const ReportOutputs& outputs);

/// What writing produced (the map's layout, when a map was drawn).
struct ReportWritten {
    std::optional<MapLayout> layout;  ///< scale, scale bar and labels of the map
};

/// Writes the staged documents from `model` and `context` (what the map shows around the
/// areas; may be empty), then publishes them all, or none on error (OutputError naming the
/// document as given). Safe to call from several threads at once for different outputs: the
/// maps (of the map file and of the HTML page) are drawn one at a time (map_render.hpp), the
/// rest concurrently.
ReportWritten write_report(const ReportModel& model, const MapContext& context,
                           StagedReport& staged);

/// stage_report_outputs then write_report.
ReportWritten write_report(const ReportModel& model, const MapContext& context,
                           const ReportOutputs& outputs);

}  // namespace sitecover::report
