#pragma once
// Reading what the report's map shows around the study area: the neighbouring départements
// (--context) and the main roads (--map-roads, else --roads, else the data directory's file).

#include "map_scene.hpp"
#include "options.hpp"
#include "report_model.hpp"

namespace sitecover::cli {

/// Declares --context and --map-roads.
void declare_map_context_options(Options& options);

/// The context of the map of `model`. A default file that is missing is left out silently; a
/// file named on the command line that cannot be read is an InputError.
MapContext load_map_context(const Options& options, const ReportModel& model);

}  // namespace sitecover::cli
