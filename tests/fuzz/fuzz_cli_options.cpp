// Fuzz harness: the command-line parser. The bytes are split on NUL and newline into argv,
// parsed with the option sets of `sitecover coverage` and `sitecover nearest`, then the values
// go through the checks the commands make before loading anything (numbers and their ranges,
// --group-by, --speeds, --by...).
//
// The declarations and the option readers are the commands' own (tools/coverage_options.cpp,
// tools/nearest_options.cpp, linked from the CLI's internal library). A UsageError (or an
// InputError from --speeds or a missing data directory, an OutputError for an output that is
// also an input) is the documented answer to a bad command line and not a finding.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coverage_options.hpp"
#include "fuzz_harness.hpp"
#include "inputs.hpp"
#include "nearest_options.hpp"
#include "options.hpp"
#include "road_report.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/speed_profile.hpp"
#include "sitecover/report/grouping.hpp"

namespace {

using namespace sitecover;
using sitecover::cli::Options;

Options coverage_options() {
    Options options("coverage", "fuzz");
    cli::declare_coverage_options(options);
    return options;
}

Options nearest_options() {
    Options options("nearest", "fuzz");
    cli::declare_nearest_options(options);
    return options;
}

void check_values(const Options& options, const std::vector<std::string>& args) {
    // Whatever parsed is readable back.
    for (const std::string& arg : args) {
        if (arg.rfind("--", 0) == 0 && options.has(arg)) {
            SITECOVER_FUZZ_CHECK(!options.all(arg).empty());
            SITECOVER_FUZZ_CHECK(options.get(arg) == options.all(arg).back());
        }
    }
    // The checks both commands make (cmd_coverage.cpp, cmd_nearest.cpp, road_report.cpp).
    const auto guarded = [](auto&& check) {
        try {
            check();
        } catch (const cli::UsageError&) {
        } catch (const InputError&) {
        } catch (const OutputError&) {      // an output that is also an input
        } catch (const ArgumentError& e) {  // a bad value of a request field: usage (exit 2)
            if (e.field().empty()) throw;
        }
    };
    // The commands' own readers (every check made before any input is read).
    guarded([&] {
        if (options.declares("--fragile-m")) {
            const cli::CoverageOptions o = cli::read_coverage_options(options);
            SITECOVER_FUZZ_CHECK(o.fragile_m >= 0.0 && o.fragile_m <= cli::kMaxFragileM);
        } else {
            const cli::NearestOptions o = cli::read_nearest_options(options);
            SITECOVER_FUZZ_CHECK(o.k >= 1 && o.within_km <= cli::kMaxWithinKm);
        }
    });
    guarded([&] { (void)options.number("--access-speed", 30.0, 0.1, 300.0); });
    guarded([&] { (void)options.number("--max-snap-m", 5000.0, 0.0, 1e7); });
    guarded([&] { (void)options.number("--within-min", 30.0, 0.0, 1e6); });
    guarded([&] {
        if (!options.has("--group-by")) return;
        const sitecover::report::GroupRule rule = cli::group_rule(options.get("--group-by"));
        for (const std::string& code : args) (void)rule.group_of(code);
    });
    guarded([&] {
        if (!options.has("--speeds")) return;
        geodata::SpeedProfile profile = geodata::SpeedProfile::defaults();
        geodata::apply_speeds(profile, options.get("--speeds"));
        for (const auto& [road_class, kmh] : profile.speed_kmh) {
            SITECOVER_FUZZ_CHECK(kmh > 0.0 && kmh <= 300.0);
            SITECOVER_FUZZ_CHECK(profile.speed_for(road_class).has_value());
        }
        for (const std::string& arg : args) (void)profile.speed_for(arg);
    });
    for (const std::string& code : args) (void)sitecover::report::insee_department(code);
}

void parse_with(Options options, const std::vector<std::string>& args) {
    try {
        if (options.parse(args)) check_values(options, args);
    } catch (const cli::UsageError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args(1);
    for (std::size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\0' || c == '\n') {
            args.emplace_back();
        } else {
            args.back() += c;
        }
    }
    if (args.back().empty()) args.pop_back();
    parse_with(coverage_options(), args);
    parse_with(nearest_options(), args);
    return 0;
}
