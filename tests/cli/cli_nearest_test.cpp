// CLI tests of `sitecover nearest` on the real Gers data: the table, --k, --from, --origin, the
// summary, the file formats and reproducibility.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "golden_file.hpp"

#include "cli/cli_test_support.hpp"

namespace {

using sitecover::test::CliResult;
using sitecover::test::CsvTable;
using sitecover::test::inspect_layer;
using sitecover::test::kDataDir;
using sitecover::test::parse_csv;
using sitecover::test::read_file;
using sitecover::test::run_cli;
using sitecover::test::TempDir;

const std::string kCommunes = kDataDir + "/gers/communes-32-adminexpress2018.geojson";
const std::vector<std::string> kHeader = {"origin_code", "origin_name", "origin_lon", "origin_lat",
                                          "site_id",     "site_name",   "site_dep",   "distance_m"};

// `sitecover nearest --data <real data> <extra...>`.
CliResult nearest(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"nearest", "--data", kDataDir};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

// The default table, computed once per test program run.
const CsvTable& default_table() {
    static const CsvTable table = [] {
        const CliResult r = nearest({});
        EXPECT_EQ(r.exit_code, 0) << r.report();
        return parse_csv(r.out);
    }();
    return table;
}

// Rows of tests/golden/gers_nearest.txt: code -> {lon, lat, site_id, distance_m}.
std::map<std::string, std::vector<std::string>> golden_nearest() {
    std::map<std::string, std::vector<std::string>> rows;
    for (const auto& f : sitecover::test::read_golden_rows("gers_nearest.txt")) {
        rows[f[0]] = {f[1], f[2], f[3], f[4]};
    }
    return rows;
}

TEST(CliNearest, DefaultRunGivesEachCommuneItsGoldenNearestSite) {
    const CliResult r = nearest({});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const CsvTable table = parse_csv(r.out);
    EXPECT_EQ(table.header, kHeader);
    ASSERT_EQ(table.rows.size(), 462u) << r.report();
    const auto golden = golden_nearest();
    ASSERT_EQ(golden.size(), 462u);
    std::set<std::string> codes;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const std::string code = table.at(i, "origin_code");
        SCOPED_TRACE("commune " + code);
        ASSERT_EQ(table.rows[i].size(), kHeader.size());
        EXPECT_TRUE(codes.insert(code).second) << "duplicate origin";
        ASSERT_TRUE(golden.count(code));
        const auto& g = golden.at(code);
        EXPECT_NEAR(std::stod(table.at(i, "origin_lon")), std::stod(g[0]), 1e-7);
        EXPECT_NEAR(std::stod(table.at(i, "origin_lat")), std::stod(g[1]), 1e-7);
        EXPECT_EQ(table.at(i, "site_id"), g[2]);
        EXPECT_NEAR(std::stod(table.at(i, "distance_m")), std::stod(g[3]), 1e-3);
        EXPECT_FALSE(table.at(i, "origin_name").empty());
        EXPECT_FALSE(table.at(i, "site_name").empty());
        EXPECT_FALSE(table.at(i, "site_dep").empty());
    }
}

TEST(CliNearest, SummaryCountsTheCommunesWithin19Km) {
    const CliResult r = nearest({});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("origins: 462 from " + kCommunes), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("sites: 2845 searched"), std::string::npos) << r.err;
    // The farthest commune of the table, as the summary names it.
    const CsvTable table = parse_csv(r.out);
    ASSERT_EQ(table.rows.size(), 462u);
    std::size_t far = 0;
    for (std::size_t i = 1; i < table.rows.size(); ++i) {
        if (std::stod(table.at(i, "distance_m")) > std::stod(table.at(far, "distance_m"))) far = i;
    }
    char km[32];
    std::snprintf(km, sizeof km, "%.1f", std::stod(table.at(far, "distance_m")) / 1000.0);
    const std::string farthest = "nearest site distance: max " + std::string(km) + " km (" +
                                 table.at(far, "origin_name") + " " + table.at(far, "origin_code") +
                                 " -> site " + table.at(far, "site_id") + " ";
    EXPECT_NE(r.err.find(farthest), std::string::npos) << farthest << "\n" << r.err;
    EXPECT_NE(r.err.find("within 19.0 km: 462/462 (100.0 %)"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("sitecover: error"), std::string::npos) << r.err;
}

TEST(CliNearest, WithinKmCountsTheSameOriginsAsTheTable) {
    std::size_t within_5km = 0;
    for (std::size_t i = 0; i < default_table().rows.size(); ++i) {
        if (std::stod(default_table().at(i, "distance_m")) <= 5000.0) ++within_5km;
    }
    ASSERT_GT(within_5km, 0u);
    ASSERT_LT(within_5km, 462u);
    const CliResult r = nearest({"--within-km", "5"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("within 5.0 km: " + std::to_string(within_5km) + "/462"),
              std::string::npos)
        << r.err;
}

TEST(CliNearest, KThreeGivesThreeRankedRowsPerCommune) {
    const CliResult r = nearest({"--k", "3"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const CsvTable table = parse_csv(r.out);
    const std::vector<std::string> header = {"origin_code", "origin_name", "origin_lon",
                                             "origin_lat",  "rank",        "site_id",
                                             "site_name",   "site_dep",    "distance_m"};
    EXPECT_EQ(table.header, header);
    ASSERT_EQ(table.rows.size(), 1386u);

    std::map<std::string, std::pair<std::string, double>> best;  // code -> rank-1 site, distance
    for (std::size_t i = 0; i < default_table().rows.size(); ++i) {
        best[default_table().at(i, "origin_code")] = {
            default_table().at(i, "site_id"), std::stod(default_table().at(i, "distance_m"))};
    }
    ASSERT_EQ(best.size(), 462u);
    for (std::size_t i = 0; i < table.rows.size(); i += 3) {
        const std::string code = table.at(i, "origin_code");
        SCOPED_TRACE("commune " + code);
        std::set<std::string> ids;
        double previous = -1.0;
        for (std::size_t r3 = 0; r3 < 3; ++r3) {
            EXPECT_EQ(table.at(i + r3, "origin_code"), code);
            EXPECT_EQ(table.at(i + r3, "rank"), std::to_string(r3 + 1));
            const double d = std::stod(table.at(i + r3, "distance_m"));
            EXPECT_GE(d, previous);
            previous = d;
            EXPECT_TRUE(ids.insert(table.at(i + r3, "site_id")).second) << "site listed twice";
        }
        // Rank 1 is the --k 1 answer.
        ASSERT_TRUE(best.count(code));
        EXPECT_EQ(table.at(i, "site_id"), best[code].first);
        EXPECT_NEAR(std::stod(table.at(i, "distance_m")), best[code].second, 1e-3);
    }
}

TEST(CliNearest, FromCsvPointsIncludingOneOnASite) {
    const TempDir tmp;
    // P1 is exactly the Auch - Garros site (1271); P2 is a point north of Auch.
    const auto points = tmp.write("points.csv", "id,lon,lat\nP1,0.592823,43.635558\nP2,0.5,43.7\n");
    const CliResult r = nearest({"--from", points.string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("origins: 2 from " + points.string()), std::string::npos) << r.err;
    const CsvTable table = parse_csv(r.out);
    EXPECT_EQ(table.header, kHeader);
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.at(0, "origin_code"), "P1");
    EXPECT_EQ(table.at(0, "origin_name"), "");
    EXPECT_EQ(table.at(0, "site_id"), "1271");
    EXPECT_EQ(std::stod(table.at(0, "distance_m")), 0.0);
    EXPECT_EQ(table.at(0, "origin_lon"), "0.592823");
    EXPECT_EQ(table.at(1, "origin_code"), "P2");
    EXPECT_EQ(table.at(1, "site_id"), "1909");  // Jegun
    EXPECT_NEAR(std::stod(table.at(1, "distance_m")), 7168.258, 0.01);
}

TEST(CliNearest, CentroidOriginsDifferFromPointOnSurfaceForSomeCommunes) {
    const CliResult r = nearest({"--origin", "centroid"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const CsvTable centroid = parse_csv(r.out);
    ASSERT_EQ(centroid.rows.size(), 462u);
    std::map<std::string, std::pair<std::string, std::string>> surface;
    for (std::size_t i = 0; i < default_table().rows.size(); ++i) {
        surface[default_table().at(i, "origin_code")] = {default_table().at(i, "origin_lon"),
                                                         default_table().at(i, "origin_lat")};
    }
    std::size_t moved = 0;
    for (std::size_t i = 0; i < centroid.rows.size(); ++i) {
        const std::string code = centroid.at(i, "origin_code");
        ASSERT_TRUE(surface.count(code)) << code;
        if (surface[code] !=
            std::make_pair(centroid.at(i, "origin_lon"), centroid.at(i, "origin_lat"))) {
            ++moved;
        }
        // A centroid stays near its commune: within about 0.2 degrees.
        EXPECT_NEAR(std::stod(centroid.at(i, "origin_lon")), std::stod(surface[code].first), 0.2)
            << code;
        EXPECT_NEAR(std::stod(centroid.at(i, "origin_lat")), std::stod(surface[code].second), 0.2)
            << code;
    }
    EXPECT_GT(moved, 0u);
}

TEST(CliNearest, MaxKmLeavesFarOriginsWithoutASite) {
    const CliResult r = nearest({"--max-km", "5"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const CsvTable table = parse_csv(r.out);
    ASSERT_EQ(table.rows.size(), 462u);  // every origin keeps its row
    std::size_t without = 0;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        if (table.at(i, "site_id").empty()) {
            ++without;
            EXPECT_EQ(table.at(i, "distance_m"), "");
            EXPECT_EQ(table.at(i, "site_name"), "");
        } else {
            EXPECT_LE(std::stod(table.at(i, "distance_m")), 5000.0);
        }
    }
    EXPECT_GT(without, 0u);
    EXPECT_NE(r.err.find("without a site within --max-km: " + std::to_string(without)),
              std::string::npos)
        << r.err;
}

TEST(CliNearest, GeoJsonOutputHoldsOnePointPerCommune) {
    const TempDir tmp;
    const CliResult r = nearest({"-o", (tmp / "nearest.geojson").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.out.find("within 19.0 km: 462/462"), std::string::npos) << r.out;
    const auto info = inspect_layer(tmp / "nearest.geojson");
    ASSERT_TRUE(info.opened) << info.error;
    EXPECT_EQ(info.driver, "GeoJSON");
    EXPECT_EQ(info.feature_count, 462);
    EXPECT_EQ(info.fields, kHeader);
    for (const auto& f : info.features) {
        SCOPED_TRACE(f.values.at("origin_code"));
        ASSERT_EQ(f.geometry_type, "Point");
        // The point is the origin (columns rounded to 7 decimals).
        EXPECT_NEAR(f.x, std::stod(f.values.at("origin_lon")), 1e-7);
        EXPECT_NEAR(f.y, std::stod(f.values.at("origin_lat")), 1e-7);
    }
}

TEST(CliNearest, GeoPackageOutputHoldsOnePointPerCommune) {
    const TempDir tmp;
    const CliResult r = nearest({"-o", (tmp / "nearest.gpkg").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto info = inspect_layer(tmp / "nearest.gpkg");
    ASSERT_TRUE(info.opened) << info.error;
    EXPECT_EQ(info.driver, "GPKG");
    EXPECT_EQ(info.layer_name, "nearest");
    EXPECT_EQ(info.geometry_type, "Point");
    EXPECT_EQ(info.feature_count, 462);
    EXPECT_EQ(info.fields, kHeader);
    std::map<std::string, std::string> site_of;
    for (const auto& f : info.features)
        site_of[f.values.at("origin_code")] = f.values.at("site_id");
    for (std::size_t i = 0; i < default_table().rows.size(); ++i) {
        EXPECT_EQ(site_of[default_table().at(i, "origin_code")], default_table().at(i, "site_id"));
    }
    EXPECT_EQ(tmp.snapshot().size(), 1u);  // no temporary or journal file left
}

TEST(CliNearest, CsvOutputIsByteIdenticalAcrossRuns) {
    const TempDir tmp;
    const CliResult a = nearest({"--k", "2", "-o", (tmp / "a.csv").string()});
    const CliResult b = nearest({"--k", "2", "-o", (tmp / "b.csv").string()});
    ASSERT_EQ(a.exit_code, 0) << a.report();
    ASSERT_EQ(b.exit_code, 0) << b.report();
    EXPECT_EQ(parse_csv(tmp.read("a.csv")).rows.size(), 924u);
    EXPECT_EQ(tmp.read("a.csv"), tmp.read("b.csv"));
}

TEST(CliNearest, HelpExits0AndListsTheOptions) {
    const CliResult r = run_cli({"nearest", "--help"});
    EXPECT_EQ(r.exit_code, 0) << r.report();
    EXPECT_EQ(r.out.rfind("usage: sitecover nearest [options]", 0), 0u) << r.out;
    for (const char* option :
         {"--data", "--from", "--from-crs", "--origin", "--origin-points", "--sites",
          "--sites-where", "--site-types", "--as-of", "--k", "--max-km", "--within-km",
          "-o, --output", "--format", "--overwrite", "--help"}) {
        EXPECT_NE(r.out.find(option), std::string::npos) << option;
    }
    EXPECT_EQ(r.err, "");
}

}  // namespace

namespace {

// The batch path: a plain id,lon,lat CSV streamed in, CSV out, any thread count, --skip-bad.
TEST(CliBatch, OutputIsIdenticalForAnyThreadCountAndMatchesTheGdalPath) {
    sitecover::test::TempDir dir("sitecover-cli-batch");
    std::string csv = "id,lon,lat\n";
    std::uint64_t state = 42;  // fixed-seed LCG: points over mainland France
    for (int i = 0; i < 3000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double lon = -4.8 + 13.0 * static_cast<double>(state >> 11) / 9007199254740992.0;
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double lat = 42.3 + 8.8 * static_cast<double>(state >> 11) / 9007199254740992.0;
        csv.append("p")
            .append(std::to_string(i))
            .append(",")
            .append(std::to_string(lon))
            .append(",")
            .append(std::to_string(lat))
            .append("\n");
    }
    dir.write("points.csv", csv);
    std::string first, first_road_summary;
    const std::string roads = kDataDir + "/france/roads-major-travelmapping-2026-08.geojson";
    for (const char* threads : {"1", "2", "5"}) {
        const auto run = sitecover::test::run_cli({"nearest", "--data", sitecover::test::kDataDir,
                                                   "--from", (dir / "points.csv").string(),
                                                   "--threads", threads, "--quiet"});
        ASSERT_EQ(run.exit_code, 0) << run.report();
        if (first.empty()) first = run.out;
        EXPECT_EQ(run.out, first) << "threads=" << threads;
        // By road too: the chunk's road answers run on the same threads.
        const auto road = sitecover::test::run_cli(
            {"nearest", "--data", sitecover::test::kDataDir, "--from",
             (dir / "points.csv").string(), "--roads", roads, "--threads", threads, "-o",
             (dir / (std::string("road") + threads + ".csv")).string()});
        ASSERT_EQ(road.exit_code, 0) << road.report();
        if (first_road_summary.empty()) first_road_summary = road.out;
        const auto road_lines = [](const std::string& out) {
            const auto from = out.find("reachable by road");
            return out.substr(from, out.find("wrote ") - from);
        };
        EXPECT_EQ(road_lines(road.out), road_lines(first_road_summary));
        EXPECT_EQ(dir.read(std::string("road") + threads + ".csv"), dir.read("road1.csv"))
            << "threads=" << threads;
    }
    EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 3001);
    EXPECT_NE(first_road_summary.find("reachable by road: "), std::string::npos)
        << first_road_summary;
    // The same points through GDAL (a layer name forces the GDAL reader) give the same sites and
    // distances.
    const auto gdal = sitecover::test::run_cli({"nearest", "--data", sitecover::test::kDataDir,
                                                "--from", (dir / "points.csv").string(),
                                                "--from-layer", "points", "--quiet"});
    ASSERT_EQ(gdal.exit_code, 0) << gdal.report();
    const auto fast = sitecover::test::parse_csv(first);
    const auto slow = sitecover::test::parse_csv(gdal.out);
    EXPECT_EQ(fast.header, slow.header);
    ASSERT_EQ(fast.rows.size(), slow.rows.size());
    for (std::size_t i = 0; i < fast.rows.size(); ++i) {
        EXPECT_EQ(fast.at(i, "origin_code"), slow.at(i, "origin_code"));
        EXPECT_EQ(fast.at(i, "site_id"), slow.at(i, "site_id"))
            << "site of " << fast.at(i, "origin_code");
        EXPECT_NEAR(std::stod(fast.at(i, "distance_m")), std::stod(slow.at(i, "distance_m")), 1e-3);
    }
}

TEST(CliBatch, SkipBadWritesAnErrorRowAndCountsIt) {
    sitecover::test::TempDir dir("sitecover-cli-batch-bad");
    dir.write("points.csv", "id,lon,lat\na,0.5,43.6\nb,x,43.6\nc,0.6,95\nd,0.7,43.7\n");
    const auto stop =
        sitecover::test::run_cli({"nearest", "--data", sitecover::test::kDataDir, "--from",
                                  (dir / "points.csv").string(), "-o", (dir / "out.csv").string()});
    EXPECT_EQ(stop.exit_code, 3);
    EXPECT_NE(stop.err.find("line 3, field 'lon': 'x' is not a number"), std::string::npos)
        << stop.err;
    EXPECT_FALSE(std::filesystem::exists((dir / "out.csv").string()));

    const auto run =
        sitecover::test::run_cli({"nearest", "--data", sitecover::test::kDataDir, "--from",
                                  (dir / "points.csv").string(), "--skip-bad"});
    ASSERT_EQ(run.exit_code, 0) << run.report();
    const auto table = sitecover::test::parse_csv(run.out);
    ASSERT_EQ(table.rows.size(), 4u);
    EXPECT_EQ(table.header.back(), "error");
    EXPECT_EQ(table.at(0, "error"), "");
    EXPECT_FALSE(table.at(0, "site_id").empty());
    EXPECT_EQ(table.at(1, "origin_code"), "b");
    EXPECT_EQ(table.at(1, "site_id"), "");
    EXPECT_EQ(table.at(1, "error"), "line 3, field 'lon': 'x' is not a number");
    EXPECT_EQ(table.at(2, "error"), "line 4, field 'lat': 95 is out of range [-90, 90]");
    EXPECT_FALSE(table.at(3, "site_id").empty());
    EXPECT_NE(run.err.find("unreadable records skipped (--skip-bad): 2"), std::string::npos)
        << run.err;
}

// Point ids such as 32013 or 10010 are commune codes by chance: the default population file
// must not weigh a batch of points, only --population named on purpose.
TEST(CliBatch, PointIdsAreNotTakenForCommuneCodes) {
    TempDir dir;
    const auto points = dir.write("points.csv", "id,lon,lat\n32013,0.585,43.646\n10010,0.3,43.9\n");
    const std::string roads = kDataDir + "/france/roads-major-travelmapping-2026-08.geojson";
    const CliResult r = nearest({"--from", points.string(), "--roads", roads, "--group-by", "dep",
                                 "-o", (dir / "out.csv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_EQ(r.out.find("population"), std::string::npos) << r.out;
    const CliResult named = nearest({"--from", points.string(), "--roads", roads, "--population",
                                     kDataDir + "/france/population-communes-2024.csv", "-o",
                                     (dir / "out2.csv").string()});
    ASSERT_EQ(named.exit_code, 0) << named.report();
    EXPECT_NE(named.out.find("population within 30 min by road: "), std::string::npos) << named.out;
}

}  // namespace
