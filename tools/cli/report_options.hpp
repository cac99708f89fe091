#pragma once
// `sitecover report`: its options, declared once and parsed once into a typed struct, checked
// before any file is read.

#include <optional>
#include <string>

#include "inputs.hpp"
#include "map_context.hpp"
#include "options.hpp"
#include "road_report.hpp"
#include "sitecover/report/report_lang.hpp"
#include "sitecover/report/report_parameters.hpp"
#include "sitecover/report/report_writer.hpp"

namespace sitecover::cli {

/// The options of `sitecover report` (the input layers are read through inputs.hpp).
struct ReportOptions {
    report::ReportOutputs
        outputs;  ///< --output, --map, --html (defaults when none), sizes, --page...
    report::Lang lang = report::Lang::En;  ///< --lang, else the environment's
    std::optional<std::string> place;      ///< --place
    std::string noun = "cantons";          ///< --noun
    double within_km = 19.0;               ///< --within-km as given (the documents state it)
    double within_min = 30.0;              ///< --within-min as given
    double within_m = 19000.0;             ///< --within-km, in metres
    double within_s = 1800.0;              ///< --within-min, in seconds
    double fragile_m = 500.0;              ///< --fragile-m
    std::optional<std::string> scenario;   ///< --scenario
    std::optional<RoadOptions> roads;      ///< --roads and its companions
    SiteSetOptions sites;                  ///< --sites, its fields and filters
    MapContextOptions map_context;         ///< --context, --map-roads (else --roads)
};

/// Declares the options of `report` (with the shared input ones).
void declare_report_options(Options& options);

/// Parses and checks the options after Options::parse (UsageError, or OutputError for outputs
/// that clash with each other or with an input). Reads no input file.
ReportOptions parse_report_options(const Options& options);

/// What the report was computed from, as its documents state it.
report::ReportParameters report_parameters(const Options& options, const ReportOptions& report,
                                           const std::string& sites_path,
                                           const std::string& areas_path,
                                           const std::string& origins_path,
                                           const std::string& population_path);

}  // namespace sitecover::cli
