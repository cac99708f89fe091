#pragma once
// `sitecover report`: its options, declared once and parsed once into the library's request
// (report::ReportJob), checked before any file is read.

#include "options.hpp"
#include "sitecover/report/report_job.hpp"

namespace sitecover::cli {

/// Declares the options of `report` (with the shared input ones).
void declare_report_options(Options& options);

/// Parses and checks the options after Options::parse into the request run_report takes
/// (UsageError, or OutputError for outputs that clash with each other or with an input), its
/// defaults resolved (a missing data directory said in the command line's words). Reads no
/// input file.
report::ReportJob parse_report_options(const Options& options);

}  // namespace sitecover::cli
