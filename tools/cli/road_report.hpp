#pragma once
// The road options of `sitecover nearest` and `report` (--roads and its companions), and the
// road summary lines printed from the library's figures.

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "options.hpp"
#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/report/road_figures.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site.hpp"

namespace sitecover::cli {

/// Declares the network's options: --roads, its layer, filter and CRS, the class and speed
/// fields, --speeds, --profile, --by (with `with_metric`), --access-speed and --max-snap-m
/// (its help: `max_snap_help`). Shared by the commands that travel by road.
void declare_road_network_options(Options& options, const char* max_snap_help, bool with_metric);

/// Declares --roads and its companions (--speeds, --profile, --by, --max-snap-m...).
void declare_road_options(Options& options);

/// Throws UsageError when a road option (--speeds, --by, --within-min...) is given without
/// --roads.
void check_road_options_need_roads(const Options& options);

/// The road options of a command line, parsed and checked before any file is read: the
/// library's request (--roads, --roads-layer, --roads-where, --roads-crs, --class-field,
/// --speed-field, --profile, --speeds, --by, --access-speed, --max-snap-m) and the summary's
/// --within-min.
struct RoadOptions : report::RoadRequest {
    double within_s = 1800.0;  ///< --within-min, in seconds
};

/// Parses the road options (UsageError for bad values; --profile is read here).
RoadOptions road_options(const Options& options);

using RoadSetup = report::RoadSetup;

/// Loads the network of parsed road options (warnings to stderr). Throws InputError for bad
/// files.
RoadSetup load_road_setup(const RoadOptions& options);

/// A SitesOffRoadError in the command line's words (--max-snap-m).
InputError sites_off_road_error(const report::SitesOffRoadError& e);

/// The road summary lines of `nearest --roads` and `report --roads`, from the library's figures
/// over `study`'s network (the crow-fly --within-km threshold is reused by road).
void print_road_summary(std::ostream& out, const report::RoadFigures& figures,
                        const report::RoadStudy& study, const std::vector<Site>& sites);

}  // namespace sitecover::cli
