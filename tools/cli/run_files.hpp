#pragma once
// The files a run reads and writes, checked before any work: no two outputs may be the same
// file, and no output may be one of the inputs (the same file under any name: same device and
// inode).

#include <string>
#include <vector>

#include "options.hpp"

namespace sitecover::cli {

/// A file named on the command line (or taken by default) and the option that names it.
struct NamedFile {
    std::string option;  ///< "--output", or "--sites (default)" for a default input
    std::string path;
};

/// The outputs the options name: --output / -o, --sites-output, --map, --html and any other
/// option ending in "-output"; "-" (standard output) left out.
std::vector<NamedFile> output_files(const Options& options);

/// The inputs: every other file option given, and the data directory's default files of the
/// input options the command declares but were not given (--sites, --areas, --from,
/// --population).
std::vector<NamedFile> input_files(const Options& options);

/// Throws UsageError naming both options when two outputs resolve to the same file, and
/// OutputError naming both when an output is the same file as an input.
void check_run_files(const std::vector<NamedFile>& outputs, const std::vector<NamedFile>& inputs);

/// check_run_files(output_files(options), input_files(options)).
void check_run_files(const Options& options);

}  // namespace sitecover::cli
