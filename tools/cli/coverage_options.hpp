#pragma once
// The options of `sitecover coverage`, declared and read once into a typed struct, every value
// checked before any file is read.

#include <optional>
#include <string>

#include "inputs.hpp"
#include "options.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/report/grouping.hpp"

namespace sitecover::cli {

inline constexpr double kMaxFragileM = 1e7;  ///< bound of --fragile-m

struct CoverageOptions {
    Boundary boundary = Boundary::Included;     ///< --boundary
    double fragile_m = 500.0;                   ///< --fragile-m
    std::string noun = "cantons";               ///< --noun
    std::optional<report::GroupRule> group_by;  ///< --group-by
    std::string group_by_text;                  ///< --group-by as given
    bool fail_uncovered = false;                ///< --fail-uncovered
    SiteSetOptions sites;                       ///< --sites, its fields and filters
    OutputOptions output;
};

/// Declares the options of `coverage` (and its help text).
void declare_coverage_options(Options& options);

/// Reads and checks them: UsageError / OutputError before any input is read (the outputs are
/// checked against the inputs by check_run_files).
CoverageOptions read_coverage_options(const Options& options);

}  // namespace sitecover::cli
