// The fast distance path changes nothing a user sees: `sitecover nearest` on 1 million points
// writes the same bytes with the chord formula (default) and with --karney (PROJ's Karney
// inverse for every distance), for k = 1, and for k = 5 with --max-km on 100k points. Under a
// sanitizer (CI's ASan run) the sizes are divided by 10, as the output says.

#include <charconv>
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define SITECOVER_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SITECOVER_SANITIZED 1
#endif
#endif

namespace {

using sitecover::test::CliResult;
using sitecover::test::kDataDir;
using sitecover::test::run_cli;
using sitecover::test::TempDir;

#ifdef SITECOVER_SANITIZED
constexpr int kScale = 10;
#else
constexpr int kScale = 1;
#endif

void append_number(std::string& out, double value) {
    char buffer[32];
    out.append(
        buffer,
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 7).ptr);
}

// n points, 7 decimals: 90 % uniform over mainland France (distances up to ~200 km, where the
// chord formula applies), 10 % anywhere (Karney), and every 1000th exactly on a site's
// position (distance 0).
std::string points_csv(int n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon_fr(-4.8, 8.2), lat_fr(42.3, 51.1);
    std::uniform_real_distribution<double> lon_w(-180.0, 180.0), lat_w(-89.0, 89.0);
    std::string csv = "id,lon,lat\n";
    csv.reserve(static_cast<std::size_t>(n) * 32);
    for (int i = 0; i < n; ++i) {
        const bool world = i % 10 == 9;
        double lon = world ? lon_w(rng) : lon_fr(rng);
        double lat = world ? lat_w(rng) : lat_fr(rng);
        if (i % 1000 == 500) {
            lon = 0.592823;  // site 1271, Auch - Garros
            lat = 43.635558;
        }
        csv.append(std::to_string(i)).append(",");
        append_number(csv, lon);
        csv.append(",");
        append_number(csv, lat);
        csv.append("\n");
    }
    return csv;
}

CliResult run(const TempDir& dir, const std::string& out, std::vector<std::string> extra) {
    std::vector<std::string> args{"nearest",
                                  "--data",
                                  kDataDir,
                                  "--from",
                                  (dir / "points.csv").string(),
                                  "--quiet",
                                  "--overwrite",
                                  "-o",
                                  (dir / out).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    sitecover::test::CliOptions options;
    options.timeout_s = 600.0;
    return run_cli(args, options);
}

// The summary without its last line (which names the output file).
std::string summary_of(const CliResult& r) { return r.out.substr(0, r.out.rfind("wrote ")); }

void expect_same_output(int points, const std::vector<std::string>& extra) {
    const std::uint64_t seed = 20261129;
    std::cout << "seed " << seed << ", " << points << " points\n";
    TempDir dir("sitecover-fast-distance");
    dir.write("points.csv", points_csv(points, seed));
    const CliResult fast = run(dir, "fast.csv", extra);
    ASSERT_EQ(fast.exit_code, 0) << fast.report();
    std::vector<std::string> karney_extra = extra;
    karney_extra.push_back("--karney");
    const CliResult karney = run(dir, "karney.csv", karney_extra);
    ASSERT_EQ(karney.exit_code, 0) << karney.report();
    const std::string fast_csv = dir.read("fast.csv");
    const std::string karney_csv = dir.read("karney.csv");
    EXPECT_GT(fast_csv.size(), static_cast<std::size_t>(points) * 40);
    // Byte for byte; on a difference, the first differing line.
    if (fast_csv != karney_csv) {
        std::size_t at = 0;
        while (at < fast_csv.size() && at < karney_csv.size() && fast_csv[at] == karney_csv[at])
            ++at;
        const std::size_t line_start = fast_csv.rfind('\n', at) + 1;
        ADD_FAILURE() << "outputs differ at byte " << at << ":\n fast:   "
                      << fast_csv.substr(line_start, fast_csv.find('\n', at) - line_start)
                      << "\n karney: "
                      << karney_csv.substr(line_start, karney_csv.find('\n', at) - line_start);
    }
    EXPECT_EQ(summary_of(fast), summary_of(karney));
}

TEST(CliFastDistance, OneMillionPointsSameBytesWithAndWithoutTheFastPath) {
    expect_same_output(1'000'000 / kScale, {});
}

TEST(CliFastDistance, KFiveWithMaxKmSameBytesWithAndWithoutTheFastPath) {
    expect_same_output(100'000 / kScale, {"--k", "5", "--max-km", "25"});
}

}  // namespace
