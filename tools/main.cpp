// The sitecover command: dispatches to the subcommands and turns errors into messages and
// documented exit codes.

#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "options.hpp"
#include "sitecover/error.hpp"

namespace {

constexpr const char* kUsageText =
    "usage: sitecover <command> [options]\n"
    "\n"
    "Coverage and nearest-site engine for networks of public-service sites.\n"
    "\n"
    "Commands:\n"
    "  coverage   check that every area (canton) holds a site; one row per area\n"
    "  nearest    nearest site of every origin (commune, point), exact WGS84 distances\n"
    "  report     GeoPackage for QGIS, map (PNG/SVG/PDF) and HTML page for planners\n"
    "  plan       what if sites open or close; where K new sites would help most\n"
    "\n"
    "With no input options the commands run on the Gers data in ../shared/geodata\n"
    "(or --data DIR, or $SITECOVER_DATA). 'sitecover <command> --help' lists the options.\n"
    "\n"
    "Exit codes: 0 ok, 1 uncovered area with --fail-uncovered, 2 usage, 3 input data,\n"
    "4 internal error, 5 output not written.\n"
    "\n"
    "  -V, --version   the version (also after a command: sitecover coverage -V)\n";

int dispatch(const std::vector<std::string>& args) {
    using namespace sitecover::cli;
    if (args.empty()) {
        std::cerr << kUsageText;
        return kUsage;
    }
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kUsageText;
        return kOk;
    }
    if (command == "--version" || command == "-V") {
        std::cout << version_line();
        return kOk;
    }
    if (command == "coverage") return run_coverage(rest);
    if (command == "nearest") return run_nearest(rest);
    if (command == "report") return run_report(rest);
    if (command == "plan") return run_plan(rest);
    throw UsageError("unknown command '" + command +
                     "' (commands: coverage, nearest, report, plan; see 'sitecover --help')");
}

}  // namespace

int main(int argc, char** argv) {
    using namespace sitecover::cli;
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return dispatch(args);
    } catch (const UsageError& e) {
        std::cerr << "sitecover: error: " << e.what() << "\n";
        return kUsage;
    } catch (const sitecover::InputError& e) {
        std::cerr << "sitecover: error: " << e.what() << "\n";
        return kInputData;
    } catch (const sitecover::OutputError& e) {
        std::cerr << "sitecover: error: " << e.what() << "\n";
        return kOutput;
    } catch (const std::bad_alloc&) {
        std::cerr << "sitecover: error: out of memory\n";
        return kInternal;
    } catch (const std::exception& e) {
        std::cerr << "sitecover: internal error: " << e.what() << " (please report it)\n";
        return kInternal;
    }
}
