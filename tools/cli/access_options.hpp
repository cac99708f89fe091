#pragma once
// The options of `sitecover access`, declared and read once into the library's request, every
// value checked before any file is read.

#include "inputs.hpp"
#include "options.hpp"
#include "sitecover/report/access_job.hpp"

namespace sitecover::cli {

/// What `access` was asked: the library's job, and how the summary is shown.
struct AccessOptions {
    report::AccessJob job;      ///< every input, the catchment, the decay, the tables
    std::string group_by_text;  ///< --group-by as given
    OutputOptions output;       ///< -o, --quiet...
};

/// Declares the options of `access` (and its help text).
void declare_access_options(Options& options);

/// Reads and checks them (the catchment, the decay and the outputs): UsageError / OutputError
/// naming the flag, before any input is read.
AccessOptions read_access_options(const Options& options);

}  // namespace sitecover::cli
