#pragma once
// The input options shared by the subcommands (data directory, areas, sites and their
// filters), and loading them.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "options.hpp"
#include "sitecover/area.hpp"
#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/grouping.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/report/study_request.hpp"
#include "sitecover/report/table_output.hpp"
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
using OriginLayer = report::OriginRequest;

/// The --origin rule; UsageError for anything but point-on-surface or centroid.
geodata::OriginRule origin_rule(const Options& options);

/// The origin layer of the options (see OriginLayer); without --from, the data directory's
/// communes (or, with `with_defaults` false, an empty path for resolve_defaults to fill).
OriginLayer origin_layer(const Options& options, bool with_defaults = true);

/// The origins of a layer, one point per polygon by its rule; warnings for repaired polygons
/// go to stderr. InputError when the layer holds none.
std::vector<geodata::Origin> load_origin_set(const OriginLayer& layer);

/// load_origin_set(origin_layer(options)); `path` receives the file read.
std::vector<geodata::Origin> load_origin_set(const Options& options, std::string& path);

/// How to point at the data, in the command line's words (the end of a missing data directory
/// error).
inline constexpr const char* kDataDirHint =
    ": point at the geodata directory with --data DIR or the SITECOVER_DATA variable, "
    "or name each input file (--areas, --sites, --from)";

/// report::find_data_dir, its error in the command line's words.
std::filesystem::path find_data_dir(const std::string& explicit_dir = "");

/// A path given on the command line, or `default_relative` inside the data directory (""
/// when `default_relative` is null).
std::string input_path(const Options& options, const std::string& option,
                       const char* default_relative);

/// The layer of an input option: its path (input_path) with OPTION-layer, OPTION-where and
/// OPTION-crs ("--sites" -> --sites-layer...).
geodata::LayerSource layer_source(const Options& options, const std::string& option,
                                  const char* default_relative);

using LoadedSiteSet = report::LoadedSiteSet;

/// The filter of --site-types and --as-of, checked before any file is read (UsageError).
SiteFilter site_filter(const Options& options);

/// The site options of a command line, parsed and checked before any file is read: --sites
/// (or the data directory's list) with --sites-layer, --sites-where, --sites-crs, the site
/// field options, and the filter of --site-types and --as-of.
using SiteSetOptions = report::SiteSetRequest;
/// Reads them (UsageError for a bad --as-of or --site-types); opens no file. Without --sites,
/// the data directory's list (or, with `with_defaults` false, an empty path).
SiteSetOptions site_set_options(const Options& options, bool with_defaults = true);
/// The sites of the options, read and filtered (warnings to stderr).
LoadedSiteSet load_site_set(const SiteSetOptions& options);
std::vector<Area> load_area_set(const Options& options, std::string& path);
/// The --areas layer and its field options; without --areas, the data directory's cantons (or,
/// with `with_defaults` false, an empty path).
report::AreaRequest area_request(const Options& options, bool with_defaults = true);
/// A site set's errors in the command line's words (UnknownSiteTypeError names --site-types)
/// and its warning about undated sites; used by load_site_set and the report command.
UsageError site_types_error(const UnknownSiteTypeError& e, const std::string& path);
void warn_undated(const LoadedSiteSet& set);

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

/// The library's table output of the options (path, format, t_srs, overwrite).
report::TableOutput table_output(const OutputOptions& output);

/// The table writer's options for `output`, a layer named `layer` of `geometry`.
geodata::TableOptions table_options(const OutputOptions& output, const std::string& layer,
                                    geodata::GeometryKind geometry);

/// Where the summary goes: stdout, or stderr when the table itself goes to stdout; nowhere
/// with --quiet.
std::ostream& summary_stream(const OutputOptions& output);
/// Where the summary goes: stdout, or stderr when the table itself goes to stdout; nowhere
/// with --quiet.
std::ostream& summary_stream(const Options& options, bool table_on_stdout);

/// The rule of --group-by; UsageError for anything but dep or prefix:N.
report::GroupRule group_rule(const std::string& text);

/// Writes warnings to stderr as "sitecover: warning: ...".
void warn(const std::string& message);

/// The library's warnings to stderr, their request fields spelled as flags.
report::WarningSink warning_sink();

}  // namespace sitecover::cli
