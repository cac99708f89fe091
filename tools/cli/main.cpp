// The sitecover command: dispatches to the subcommands and turns errors into messages and
// documented exit codes.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "flag_spelling.hpp"
#include "options.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/signal_cleanup.hpp"
#include "sitecover/report/request_error.hpp"

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
    "  access     supply-aware accessibility (2SFCA, E2SFCA) and equity figures\n"
    "\n"
    "With no input options the commands run on the Gers data in ../shared/geodata\n"
    "(or --data DIR, or $SITECOVER_DATA). 'sitecover <command> --help' lists the options.\n"
    "\n"
    "Exit codes: 0 ok, 1 uncovered area with --fail-uncovered, 2 usage, 3 input data,\n"
    "4 internal error, 5 output not written; 128+N: ended by signal N (staged files removed).\n"
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
    if (command == "access") return run_access(rest);
    throw UsageError(
        "unknown command '" + command +
        "' (commands: coverage, nearest, report, plan, access; see 'sitecover --help')");
}

// Standard output carries tables and summaries: a write that failed there (disk full,
// /dev/full, closed pipe) is an output error even when the command itself succeeded.
int finish_stdout(int code) {
    using namespace sitecover::cli;
    std::cout.flush();
    errno = 0;
    bool failed = !std::cout.good() || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
    int error = errno;
    if (std::fclose(stdout) != 0 && !failed) {
        failed = true;
        error = errno;
    }
    if (!failed) return code;
    if (code != kOk && code != kUncovered) return code;  // the run failed and said why
    std::cerr << "sitecover: error: cannot write to standard output"
              << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
    return code == kOk || code == kUncovered ? kOutput : code;
}

// The exit code of an error's kind; 0 for the kinds that are a bug of sitecover. An argument
// error naming a request field is a bad value the library refused (checks live in the library:
// a class of --speeds the network lacks is known only once it is read): a usage error. One
// without a field reaching main means the CLI passed a value it should have checked.
int exit_code_of(const sitecover::Error& error) {
    using namespace sitecover::cli;
    switch (error.kind()) {
        case sitecover::ErrorKind::Usage:
            return kUsage;
        case sitecover::ErrorKind::Input:
            return kInputData;
        case sitecover::ErrorKind::Output:
            return kOutput;
        case sitecover::ErrorKind::Argument:
            return error.field().empty() ? kOk : kUsage;
        case sitecover::ErrorKind::Internal:
            break;
    }
    return kOk;
}

int run(const std::vector<std::string>& args) {
    using namespace sitecover::cli;
    try {
        return dispatch(args);
    } catch (const sitecover::report::RequestError& e) {
        // A value of the request that cannot be met: a bad value of that option.
        std::cerr << "sitecover: error: option '" << cli_flag(e.field())
                  << "': " << cli_text(e.problem()) << "\n";
        return kUsage;
    } catch (const sitecover::Error& e) {
        // By kind, never by text: the exit code, and the fields the message names as flags.
        const int code = exit_code_of(e);
        if (code != kOk) {
            std::cerr << "sitecover: error: " << cli_text(e) << "\n";
            return code;
        }
        std::cerr << "sitecover: internal error: " << cli_text(e) << " (please report it)\n";
        return kInternal;
    } catch (const std::bad_alloc&) {
        std::cerr << "sitecover: error: out of memory\n";
        return kInternal;
    } catch (const std::exception& e) {
        std::cerr << "sitecover: internal error: " << e.what() << " (please report it)\n";
        return kInternal;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Staged outputs go away on SIGINT, SIGTERM, SIGHUP and SIGPIPE too.
    sitecover::geodata::remove_staged_files_on_signals();
    return finish_stdout(run(std::vector<std::string>(argv + 1, argv + argc)));
}
