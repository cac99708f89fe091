#pragma once
// The options of `sitecover nearest`, declared and read once into a typed struct, every value
// checked before any file is read.

#include <cstddef>
#include <optional>
#include <string>

#include "grouping.hpp"
#include "inputs.hpp"
#include "options.hpp"
#include "road_report.hpp"
#include "sitecover/geodata/point_csv.hpp"

namespace sitecover::cli {

/// The bounds of the query options (one each, whatever the other options).
inline constexpr long long kMaxK = 1000;
inline constexpr double kMaxKm = 1e6;  ///< --max-km (and its default: no limit)
/// --within-km: the road summary reuses it, so one bound for both (was 1e6 without --roads).
inline constexpr double kMaxWithinKm = 1e5;
inline constexpr long long kMaxThreads = 256;

/// Where the origins come from.
struct NearestOrigins {
    OriginLayer layer;                    ///< --from (or the Gers communes), fields, --origin
    geodata::PointCsvOptions csv;         ///< the same fields for a plain CSV of points
    bool gdal_only = false;               ///< an option only GDAL honours (--from-layer...)
    bool use_points = false;              ///< --origin-points given
    std::string points_path;              ///< --origin-points
    geodata::OriginFields points_fields;  ///< --origin-points-code-field
};

struct NearestOptions {
    NearestOrigins origins;
    bool ranked = false;        ///< --k given: a rank column
    std::size_t k = 1;          ///< --k
    bool max_km_given = false;  ///< --max-km given
    double max_km = kMaxKm;     ///< --max-km
    double within_km = 19.0;    ///< --within-km (the summary's threshold, by road too)
    std::optional<GroupRule> group_by;
    std::string group_by_text;         ///< --group-by as given
    unsigned threads = 0;              ///< --threads; 0 = all cores
    bool skip_bad = false;             ///< --skip-bad
    bool karney = false;               ///< --karney
    SiteSetOptions sites;              ///< --sites, its fields and filters
    std::optional<RoadOptions> roads;  ///< --roads and its companions
    OutputOptions output;
};

/// Declares the options of `nearest` (and its help text).
void declare_nearest_options(Options& options);

/// Reads and checks them: UsageError / OutputError before any input is read (the outputs are
/// checked against the inputs by check_run_files).
NearestOptions read_nearest_options(const Options& options);

}  // namespace sitecover::cli
