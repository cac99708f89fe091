#pragma once
// The documented exit codes of the sitecover command (also listed in the README).

namespace sitecover::cli {

enum ExitCode : int {
    kOk = 0,
    kUncovered = 1,  ///< --fail-uncovered and at least one area holds no site
    kUsage = 2,      ///< bad command line
    kInputData = 3,  ///< an input file or value is unusable
    kInternal = 4,   ///< a bug: please report it
    kOutput = 5,     ///< an output could not be written
};

}  // namespace sitecover::cli
