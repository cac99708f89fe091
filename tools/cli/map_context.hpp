#pragma once
// Reading what the report's map shows around the study area: the neighbouring départements
// (--context) and the main roads (--map-roads, else --roads, else the data directory's file).

#include <optional>
#include <string>

#include "options.hpp"
#include "road_report.hpp"
#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/report/map_scene.hpp"
#include "sitecover/report/report_model.hpp"

namespace sitecover::cli {

/// What the map's context is read from, parsed once with the report's options.
struct MapContextOptions {
    /// The polygons dissolved into départements ("" for none).
    std::string neighbours_path;
    /// The road lines drawn (none when absent), and their class field.
    std::optional<geodata::LayerSource> roads;
    std::string road_class_field;
};

/// Declares --context and --map-roads.
void declare_map_context_options(Options& options);

/// Reads --context and --map-roads; without --map-roads the routed network `roads_options`
/// (--roads, parsed by road_options) is drawn with its layer, filter, CRS and class field. Opens no
/// file; a default file that is missing from the data directory is left out.
MapContextOptions read_map_context_options(const Options& options,
                                           const std::optional<RoadOptions>& roads_options);

/// The context of the map of `model`. A file that cannot be read is an InputError.
report::MapContext load_map_context(const MapContextOptions& options,
                                    const report::ReportModel& model);

}  // namespace sitecover::cli
