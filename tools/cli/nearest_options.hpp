#pragma once
// The options of `sitecover nearest`, declared and read once into a typed struct, every value
// checked before any file is read.

#include <cstddef>
#include <optional>
#include <string>

#include "inputs.hpp"
#include "options.hpp"
#include "road_report.hpp"
#include "sitecover/geodata/point_csv.hpp"
#include "sitecover/report/grouping.hpp"
#include "sitecover/report/nearest_job.hpp"

namespace sitecover::cli {

/// The bounds of the query options (one each, whatever the other options).
inline constexpr long long kMaxK = 1000;
inline constexpr double kMaxKm = 1e6;  ///< --max-km (and its default: no limit)
/// --within-km: the road summary reuses it, so one bound for both (was 1e6 without --roads).
inline constexpr double kMaxWithinKm = 1e5;
inline constexpr long long kMaxThreads = 256;

/// Where the origins come from.
using NearestOrigins = report::NearestOrigins;

struct NearestOptions {
    NearestOrigins origins;
    bool ranked = false;        ///< --k given: a rank column
    std::size_t k = 1;          ///< --k
    bool max_km_given = false;  ///< --max-km given
    double max_km = kMaxKm;     ///< --max-km
    double within_km = 19.0;    ///< --within-km (the summary's threshold, by road too)
    std::optional<report::GroupRule> group_by;
    std::string group_by_text;              ///< --group-by as given
    unsigned threads = 0;                   ///< --threads; 0 = all cores
    bool skip_bad = false;                  ///< --skip-bad
    bool karney = false;                    ///< --karney
    SiteSetOptions sites;                   ///< --sites, its fields and filters
    std::optional<RoadOptions> roads;       ///< --roads and its companions
    double within_min = 30.0;               ///< --within-min (with --roads)
    std::optional<std::string> population;  ///< --population
    std::string data_dir;                   ///< --data
    OutputOptions output;
};

/// Declares the options of `nearest` (and its help text).
void declare_nearest_options(Options& options);

/// Reads and checks them: UsageError / OutputError before any input is read (the outputs are
/// checked against the inputs by check_run_files).
NearestOptions read_nearest_options(const Options& options);

}  // namespace sitecover::cli
