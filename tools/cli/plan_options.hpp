#pragma once
// `sitecover plan`: its options, declared once and parsed once into a typed struct, checked
// before any file is read.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inputs.hpp"
#include "options.hpp"
#include "road_report.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/planning.hpp"
#include "sitecover/report/plan_job.hpp"
#include "sitecover/site.hpp"

namespace sitecover::cli {

/// The options of `sitecover plan` (the input layers are read through inputs.hpp).
struct PlanOptions {
    std::vector<std::string> remove_ids;         ///< --remove
    std::vector<Site> add_sites;                 ///< --add NAME@LON,LAT, parsed (id and kind unset)
    std::vector<std::string> add_codes;          ///< --add-commune
    std::size_t suggest_k = 0;                   ///< --suggest (0: none)
    Objective objective = Objective::PMedian;    ///< --objective
    std::string objective_name = "p-median";     ///< as given
    std::optional<std::string> candidates_path;  ///< --candidates (else the origins' points)
    geodata::OriginFields candidate_fields;      ///< --candidates-code-field / -name-field
    double within_m = 19000.0;                   ///< --within-km, in metres
    std::uint64_t exhaustive_limit = 2'000'000;  ///< --exhaustive-limit
    bool cover_areas = false;                    ///< --cover-areas
    bool cover = false;                          ///< --objective cover (no --suggest K)
    double time_limit_s = 60.0;                  ///< --time-limit, seconds (> 0)
    bool quiet = false;                          ///< --quiet (no progress line)
    unsigned threads = 1;                        ///< --threads, resolved (all cores by default)
    std::optional<RoadOptions> roads;            ///< --roads and its companions
    SiteSetOptions sites;                        ///< --sites, its fields and filters
    std::string output_path;                     ///< --output ("-": CSV on stdout)
    std::string output_format;                   ///< --format
    std::string sites_output_path;               ///< --sites-output
    std::string noun = "cantons";                ///< --noun
    std::string t_srs;                           ///< --t-srs ("": WGS84)
    bool overwrite = false;                      ///< --overwrite
    report::PlanJob job;                         ///< the library's request, from the above
};

/// Declares the options of `plan` (with the shared input ones).
void declare_plan_options(Options& options);

/// Parses and checks the options after Options::parse: UsageError for a bad value, an option
/// without the one it needs, or nothing to plan. Reads no input file (but --profile).
PlanOptions parse_plan_options(const Options& options);

}  // namespace sitecover::cli
