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
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/site.hpp"
#include "sitecover/site_filter.hpp"

namespace sitecover::cli {

/// Declares --data, and the site options (--sites, --sites-where, --site-types, --as-of...).
void declare_data_options(Options& options);
void declare_site_options(Options& options);
void declare_area_options(Options& options);
void declare_output_options(Options& options);
/// What kinds of origin layer a command reads.
enum class OriginKinds {
    Layers,           ///< polygon or point layers (GDAL), read whole
    LayersAndTables,  ///< also tables of points (--lon-field, --lat-field) and --origin-points
};

/// Declares --from and its companions (--from-layer, --from-where, --origin...); with
/// LayersAndTables also --lon-field, --lat-field, --origin-points and its code field.
void declare_origin_options(Options& options, OriginKinds kinds = OriginKinds::Layers);

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

/// The layer of an input option: its path (input_path) with OPTION-layer, OPTION-where and
/// OPTION-crs ("--sites" -> --sites-layer...).
geodata::LayerSource layer_source(const Options& options, const std::string& option,
                                  const char* default_relative);

struct LoadedSiteSet {
    std::vector<Site> sites;
    std::string path;
    std::size_t read = 0;     ///< before the --site-types / --as-of filters
    std::size_t undated = 0;  ///< dropped by --as-of for lack of a labelling date
};

/// The filter of --site-types and --as-of, checked before any file is read (UsageError).
SiteFilter site_filter(const Options& options);

/// The site options of a command line, parsed and checked before any file is read: --sites
/// (or the data directory's list) with --sites-layer, --sites-where, --sites-crs, the site
/// field options, and the filter of --site-types and --as-of.
struct SiteSetOptions {
    geodata::LayerSource source;
    geodata::SiteFields fields;
    SiteFilter filter;
};
/// Reads them (UsageError for a bad --as-of or --site-types); opens no file.
SiteSetOptions site_set_options(const Options& options);
/// The sites of the options, read and filtered (warnings to stderr).
LoadedSiteSet load_site_set(const SiteSetOptions& options);
std::vector<Area> load_area_set(const Options& options, std::string& path);

/// Declares --t-srs (the CRS of the vector outputs; declare_output_options includes it).
void declare_t_srs_option(Options& options);
/// The --t-srs value ("" when absent: WGS84); UsageError when GDAL/PROJ do not know it.
std::string target_srs(const Options& options);

/// Declares --quiet: nothing on stdout or stderr but warnings and errors.
void declare_quiet_option(Options& options);

/// The output options of a command that writes a table (declare_output_options) and --quiet,
/// read and checked once.
struct OutputOptions {
    std::string path = "-";  ///< --output / -o; "-" is standard output
    std::string format;      ///< --format / -f ("" = from the extension)
    std::string t_srs;       ///< --t-srs, known to GDAL/PROJ ("" = WGS84)
    bool overwrite = false;  ///< --overwrite
    bool quiet = false;      ///< --quiet
    bool to_stdout() const { return path == "-"; }
};

/// Reads the output options; UsageError for an unknown --t-srs. Opens no file.
OutputOptions read_output_options(const Options& options);

/// The table writer's options for `output`, a layer named `layer` of `geometry`.
geodata::TableOptions table_options(const OutputOptions& output, const std::string& layer,
                                    geodata::GeometryKind geometry);

/// Where the summary goes: stdout, or stderr when the table itself goes to stdout; nowhere
/// with --quiet.
std::ostream& summary_stream(const OutputOptions& output);
/// Where the summary goes: stdout, or stderr when the table itself goes to stdout; nowhere
/// with --quiet.
std::ostream& summary_stream(const Options& options, bool table_on_stdout);

/// Writes warnings to stderr as "sitecover: warning: ...".
void warn(const std::string& message);

}  // namespace sitecover::cli
