#pragma once
// The input options shared by the subcommands (data directory, areas, sites and their
// filters), and loading them.

#include <ostream>
#include <string>
#include <vector>

#include "options.hpp"
#include "sitecover/area.hpp"
#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/site.hpp"
#include "sitecover/site_filter.hpp"

namespace sitecover::cli {

/// Declares --data, and the site options (--sites, --sites-where, --site-types, --as-of...).
void declare_data_options(Options& options);
void declare_site_options(Options& options);
void declare_area_options(Options& options);
void declare_output_options(Options& options);
/// Declares --from and its companions for polygon (or point) origins read whole.
void declare_origin_options(Options& options);

/// Where the origins come from: --from (default: the Gers communes) with its layer, filter,
/// CRS and field options, and the --origin rule.
struct OriginLayer {
    geodata::LayerSource source;
    geodata::OriginFields fields;
    geodata::OriginRule rule = geodata::OriginRule::PointOnSurface;
};

/// The --origin rule; UsageError for anything but point-on-surface or centroid.
geodata::OriginRule origin_rule(const Options& options);

/// The origin layer of the options (see OriginLayer).
OriginLayer origin_layer(const Options& options);

/// The origins of a layer, one point per polygon by its rule; warnings for repaired polygons
/// go to stderr. InputError when the layer holds none.
std::vector<geodata::Origin> load_origin_set(const OriginLayer& layer);

/// load_origin_set(origin_layer(options)); `path` receives the file read.
std::vector<geodata::Origin> load_origin_set(const Options& options, std::string& path);

/// A path given on the command line, or `default_relative` inside the data directory.
std::string input_path(const Options& options, const std::string& option,
                       const char* default_relative);

struct LoadedSiteSet {
    std::vector<Site> sites;
    std::string path;
    std::size_t read = 0;     ///< before the --site-types / --as-of filters
    std::size_t undated = 0;  ///< dropped by --as-of for lack of a labelling date
};

/// The filter of --site-types and --as-of, checked before any file is read (UsageError).
SiteFilter site_filter(const Options& options);
/// The sites of --sites (or the data directory's list), read with --sites-where and the
/// site field options, then filtered by site_filter(options).
LoadedSiteSet load_site_set(const Options& options);
std::vector<Area> load_area_set(const Options& options, std::string& path);

/// Declares --t-srs (the CRS of the vector outputs; declare_output_options includes it).
void declare_t_srs_option(Options& options);
/// The --t-srs value ("" when absent: WGS84); UsageError when GDAL/PROJ do not know it.
std::string target_srs(const Options& options);

/// Declares --quiet: nothing on stdout or stderr but warnings and errors.
void declare_quiet_option(Options& options);
/// Where the summary goes: stdout, or stderr when the table itself goes to stdout; nowhere
/// with --quiet.
std::ostream& summary_stream(const Options& options, bool table_on_stdout);

/// Writes warnings to stderr as "sitecover: warning: ...".
void warn(const std::string& message);

}  // namespace sitecover::cli
