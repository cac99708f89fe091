#pragma once
// The subcommands of the sitecover binary. Each parses its own arguments (after the
// subcommand name) and returns an exit code; errors are thrown and reported by main.

#include <string>
#include <vector>

namespace sitecover::cli {

int run_coverage(const std::vector<std::string>& args);
int run_nearest(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_plan(const std::vector<std::string>& args);
int run_access(const std::vector<std::string>& args);

}  // namespace sitecover::cli
