// CLI tests of `sitecover coverage` (and of the top-level command) on the real Gers data: the
// table, the summary, the filters, the exit codes and the file formats.

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "golden_file.hpp"

#include "cli/cli_test_support.hpp"

namespace {

using sitecover::test::CliOptions;
using sitecover::test::CliResult;
using sitecover::test::inspect_layer;
using sitecover::test::kDataDir;
using sitecover::test::parse_csv;
using sitecover::test::read_file;
using sitecover::test::run_cli;
using sitecover::test::TempDir;

const std::string kCantons = kDataDir + "/gers/cantons-32-geofla2016.geojson";
const std::vector<std::string> kHeader = {"area_code", "area_name", "site_count",
                                          "site_ids",  "covered",   "margin_m"};

// `sitecover coverage --data <real data> <extra...>`.
CliResult coverage(const std::vector<std::string>& extra, const CliOptions& options = {}) {
    std::vector<std::string> args{"coverage", "--data", kDataDir};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args, options);
}

// Rows of tests/golden/gers_coverage.txt: code -> {name, site_ids, margin_m}.
std::map<std::string, std::vector<std::string>> golden_coverage() {
    std::map<std::string, std::vector<std::string>> rows;
    for (const auto& f : sitecover::test::read_golden_rows("gers_coverage.txt"))
        rows[f[0]] = {f[1], f[2], f[3]};
    return rows;
}

// code -> row of a coverage CSV.
std::map<std::string, std::vector<std::string>> by_code(const sitecover::test::CsvTable& table) {
    std::map<std::string, std::vector<std::string>> rows;
    for (const auto& row : table.rows) rows[row.at(0)] = row;
    return rows;
}

TEST(CliCoverage, DefaultRunWritesOneRowPerCantonMatchingTheGolden) {
    const CliResult r = coverage({});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto table = parse_csv(r.out);
    EXPECT_EQ(table.header, kHeader);
    ASSERT_EQ(table.rows.size(), 17u) << r.report();
    const auto golden = golden_coverage();
    ASSERT_EQ(golden.size(), 17u);
    for (const auto& row : table.rows) {
        SCOPED_TRACE("canton " + row.at(0));
        ASSERT_EQ(row.size(), kHeader.size());
        ASSERT_TRUE(golden.count(row[0]));
        const auto& expected = golden.at(row[0]);
        EXPECT_EQ(row[1], expected[0]);
        EXPECT_EQ(row[3], expected[1]);
        const auto count =
            static_cast<std::size_t>(std::count(row[3].begin(), row[3].end(), ';') + 1);
        EXPECT_EQ(row[2], std::to_string(count));
        EXPECT_EQ(row[4], "1");
        EXPECT_NEAR(std::stod(row[5]), std::stod(expected[2]), 0.5);
    }
}

TEST(CliCoverage, SummaryCountsSitesAndFlagsAuch3AsFragile) {
    const CliResult r = coverage({});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    // The table is on stdout, so the summary goes to stderr.
    EXPECT_NE(r.err.find("areas: 17 cantons from " + kCantons), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("sites: 2845 read from "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("27 inside the cantons"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("17/17 cantons covered"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("uncovered: none"), std::string::npos) << r.err;
    // The Garros site holds Auch-3 by about 165 m of outline.
    EXPECT_NE(r.err.find("Auch-3 (32006): site 1271 "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(" 165 m from the boundary"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("sitecover: error"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
    const auto rows = by_code(parse_csv(r.out));
    ASSERT_TRUE(rows.count("32006"));
    EXPECT_EQ(rows.at("32006")[1], "Auch-3");
    EXPECT_EQ(rows.at("32006")[3], "1271");
    EXPECT_NEAR(std::stod(rows.at("32006")[5]), 165.0, 5.0);
}

TEST(CliCoverage, PrefectureCountOf20April2022LeavesAuch1Uncovered) {
    // The préfecture counted the 24 Principal sites labelled by 20 April 2022. Auch-1 is covered
    // only by the Barran antenna (site 190), so without antennas it holds no site.
    const CliResult r = coverage({"--as-of", "2022-04-20", "--site-types", "Principal"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("24 inside the cantons"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("16/17 cantons covered"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("uncovered: Auch-1 (32004)"), std::string::npos) << r.err;
    const auto table = parse_csv(r.out);
    ASSERT_EQ(table.rows.size(), 17u);
    const auto rows = by_code(table);
    ASSERT_TRUE(rows.count("32004"));
    EXPECT_EQ(rows.at("32004")[1], "Auch-1");
    EXPECT_EQ(rows.at("32004")[2], "0");
    EXPECT_EQ(rows.at("32004")[3], "");
    EXPECT_EQ(rows.at("32004")[4], "0");
    EXPECT_EQ(rows.at("32004")[5], "");  // no margin without a site
    // The Barran antenna (190) is filtered out everywhere; every other canton keeps a site.
    for (const auto& [code, row] : rows) {
        EXPECT_EQ((";" + row[3] + ";").find(";190;"), std::string::npos) << code;
    }
    for (const auto& [code, row] : rows) {
        if (code != "32004") {
            EXPECT_EQ(row[4], "1") << code;
        }
    }
}

TEST(CliCoverage, FailUncoveredExits1WhenAnAreaHoldsNoSiteAndStillWritesTheTable) {
    const CliResult r =
        coverage({"--as-of", "2022-04-20", "--site-types", "Principal", "--fail-uncovered"});
    EXPECT_EQ(r.exit_code, 1) << r.report();
    EXPECT_EQ(parse_csv(r.out).rows.size(), 17u);
    EXPECT_NE(r.err.find("uncovered: Auch-1 (32004)"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("sitecover: error"), std::string::npos) << r.err;
}

TEST(CliCoverage, FailUncoveredExits0WhenEveryAreaIsCovered) {
    const CliResult r = coverage({"--fail-uncovered"});
    EXPECT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("17/17 cantons covered"), std::string::npos) << r.err;
}

TEST(CliCoverage, BoundaryExcludedWorksAndSaysSo) {
    const CliResult r = coverage({"--boundary", "excluded"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("sites on a boundary do not count"), std::string::npos) << r.err;
    // No Gers site lies exactly on a canton line: the answer is the same as with the default.
    EXPECT_NE(r.err.find("17/17 cantons covered"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("27 inside the cantons"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, coverage({"--boundary", "included"}).out);
}

TEST(CliCoverage, SitesWhereFilterKeepsTheGersSites) {
    const CliResult r = coverage({"--sites-where", "insee_dep = '32'"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("sites: 27 read from "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("27 inside the cantons"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("17/17 cantons covered"), std::string::npos) << r.err;
    // The filter removes only sites outside the Gers: the table is unchanged.
    EXPECT_EQ(r.out, coverage({}).out);
}

TEST(CliCoverage, OutputFileHoldsTheTableAndTheSummaryMovesToStdout) {
    const TempDir tmp;
    const std::string path = (tmp / "coverage.csv").string();
    const CliResult r = coverage({"-o", path});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.out.find("17/17 cantons covered"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("wrote " + path), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "");
    const auto table = parse_csv(read_file(path));
    EXPECT_EQ(table.header, kHeader);
    EXPECT_EQ(table.rows.size(), 17u);
    // Only the output is left in the directory (no temporary file).
    EXPECT_EQ(tmp.snapshot().size(), 1u);
}

TEST(CliCoverage, CsvOutputIsByteIdenticalAcrossRuns) {
    const TempDir tmp;
    const CliResult a = coverage({"-o", (tmp / "a.csv").string()});
    const CliResult b = coverage({"--output", (tmp / "b.csv").string()});
    ASSERT_EQ(a.exit_code, 0) << a.report();
    ASSERT_EQ(b.exit_code, 0) << b.report();
    EXPECT_EQ(tmp.read("a.csv"), tmp.read("b.csv"));
    EXPECT_FALSE(tmp.read("a.csv").empty());
    // The file and the standard-output table are the same bytes.
    EXPECT_EQ(tmp.read("a.csv"), coverage({}).out);
}

TEST(CliCoverage, GeoJsonOutputHoldsSeventeenMultiPolygons) {
    const TempDir tmp;
    const CliResult r = coverage({"-o", (tmp / "coverage.geojson").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto info = inspect_layer(tmp / "coverage.geojson");
    ASSERT_TRUE(info.opened) << info.error;
    EXPECT_EQ(info.driver, "GeoJSON");
    EXPECT_EQ(info.feature_count, 17);
    EXPECT_EQ(info.fields, kHeader);
    // The layer is declared MultiPolygon; GDAL's RFC 7946 writer stores one-part areas as
    // Polygon, which GeoJSON allows per feature.
    for (const auto& f : info.features) {
        EXPECT_TRUE(f.geometry_type == "Multi Polygon" || f.geometry_type == "Polygon")
            << f.values.at("area_code") << ": " << f.geometry_type;
    }
}

TEST(CliCoverage, GeoPackageOutputHoldsSeventeenMultiPolygons) {
    const TempDir tmp;
    const CliResult r = coverage({"-o", (tmp / "coverage.gpkg").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto info = inspect_layer(tmp / "coverage.gpkg");
    ASSERT_TRUE(info.opened) << info.error;
    EXPECT_EQ(info.driver, "GPKG");
    EXPECT_EQ(info.layer_name, "coverage");
    EXPECT_EQ(info.geometry_type, "Multi Polygon");
    EXPECT_EQ(info.feature_count, 17);
    EXPECT_EQ(info.fields, kHeader);
    std::map<std::string, std::string> ids;
    for (const auto& f : info.features) ids[f.values.at("area_code")] = f.values.at("site_ids");
    EXPECT_EQ(ids["32006"], "1271");
    EXPECT_EQ(ids["32004"], "190");
    // A GeoPackage records a modification time: the CLI pins it, so reruns are identical.
    ASSERT_EQ(coverage({"-o", (tmp / "again.gpkg").string()}).exit_code, 0);
    EXPECT_EQ(tmp.read("coverage.gpkg"), tmp.read("again.gpkg"));
}

TEST(CliCoverage, LambertCantonsGiveTheSameCoverageAsWgs84) {
    const TempDir tmp;
    const auto l93 = tmp / "cantons-l93.geojson";
    ASSERT_EQ(sitecover::test::vector_translate(kCantons, l93, {"-t_srs", "EPSG:2154"}), "");
    ASSERT_NE(read_file(l93).find("2154"), std::string::npos)
        << "the copy should declare Lambert-93";
    const CliResult projected = coverage({"--areas", l93.string()});
    ASSERT_EQ(projected.exit_code, 0) << projected.report();
    EXPECT_NE(projected.err.find("17/17 cantons covered"), std::string::npos) << projected.err;
    const CliResult wgs84 = coverage({});
    const auto a = by_code(parse_csv(projected.out));
    const auto b = by_code(parse_csv(wgs84.out));
    ASSERT_EQ(a.size(), 17u);
    ASSERT_EQ(b.size(), 17u);
    for (const auto& [code, row] : b) {
        ASSERT_TRUE(a.count(code)) << code;
        EXPECT_EQ(a.at(code)[3], row[3]) << code;  // same site ids
        EXPECT_NEAR(std::stod(a.at(code)[5]), std::stod(row[5]), 1.0) << code;
    }
}

TEST(CliCoverage, ShapefileWithoutPrjNeedsAreasCrs) {
    const TempDir tmp;
    const auto shp = tmp / "cantons.shp";
    ASSERT_EQ(sitecover::test::vector_translate(kCantons, shp, {"-t_srs", "EPSG:2154"}), "");
    std::filesystem::remove(tmp / "cantons.prj");
    // Without a CRS the Lambert metres read as degrees: a clear error pointing at the CRS.
    const CliResult bare = coverage({"--areas", shp.string()});
    EXPECT_EQ(bare.exit_code, 3) << bare.report();
    EXPECT_NE(bare.err.find("sitecover: error: file '" + shp.string() + "'"), std::string::npos)
        << bare.err;
    EXPECT_NE(bare.err.find("is the CRS right?"), std::string::npos) << bare.err;
    // With --areas-crs the answer is the WGS84 one.
    const CliResult told = coverage({"--areas", shp.string(), "--areas-crs", "EPSG:2154"});
    ASSERT_EQ(told.exit_code, 0) << told.report();
    EXPECT_NE(told.err.find("17/17 cantons covered"), std::string::npos) << told.err;
    auto a = by_code(parse_csv(told.out));
    const auto b = by_code(parse_csv(coverage({}).out));
    ASSERT_EQ(a.size(), 17u);
    for (const auto& [code, row] : b) EXPECT_EQ(a[code].at(3), row[3]) << code;
    // An unknown CRS is an input error naming the file and the CRS.
    const CliResult unknown = coverage({"--areas", shp.string(), "--areas-crs", "EPSG:99999"});
    EXPECT_EQ(unknown.exit_code, 3) << unknown.report();
    EXPECT_NE(unknown.err.find("sitecover: error: file '" + shp.string() + "'"), std::string::npos);
    EXPECT_NE(unknown.err.find("unknown CRS 'EPSG:99999'"), std::string::npos) << unknown.err;
}

TEST(CliCoverage, BoundaryRuleDecidesASiteOnASharedEdge) {
    // Two squares sharing the edge lon = 0.6; site E sits on it, site W inside the west square.
    const TempDir tmp;
    const auto square = [](const std::string& code, double west) {
        const std::string w = std::to_string(west), e = std::to_string(west + 0.1);
        return R"({"type":"Feature","properties":{"code":")" + code + R"(","nom":")" + code +
               R"("},"geometry":{"type":"Polygon","coordinates":[[[)" + w + ",43.5],[" + e +
               ",43.5],[" + e + ",43.6],[" + w + ",43.6],[" + w + ",43.5]]]}}";
    };
    const auto areas =
        tmp.write("areas.geojson", R"({"type":"FeatureCollection","features":[)" +
                                       square("WEST", 0.5) + "," + square("EAST", 0.6) + "]}");
    const auto sites =
        tmp.write("sites.csv",
                  "id_fs,lib_fs,longitude,latitude,type_fs,insee_dep,labellisation_fs\n"
                  "1,on the edge,0.6,43.55,Principal,32,\n"
                  "2,inside west,0.55,43.55,Principal,32,\n");
    const std::vector<std::string> base{"coverage",     "--areas", areas.string(), "--sites",
                                        sites.string(), "--noun",  "squares"};

    auto included_args = base;
    const CliResult included = run_cli(included_args);
    ASSERT_EQ(included.exit_code, 0) << included.report();
    EXPECT_NE(included.err.find("2/2 squares covered"), std::string::npos) << included.err;
    EXPECT_NE(included.err.find("2 inside the squares"), std::string::npos) << included.err;
    auto rows = by_code(parse_csv(included.out));
    EXPECT_EQ(rows["WEST"].at(3), "1;2");
    EXPECT_EQ(rows["EAST"].at(3), "1");
    EXPECT_EQ(std::stod(rows["EAST"].at(5)), 0.0);  // its only site is on the boundary

    auto excluded_args = base;
    excluded_args.insert(excluded_args.end(), {"--boundary", "excluded", "--fail-uncovered"});
    const CliResult excluded = run_cli(excluded_args);
    EXPECT_EQ(excluded.exit_code, 1) << excluded.report();
    EXPECT_NE(excluded.err.find("1/2 squares covered"), std::string::npos) << excluded.err;
    EXPECT_NE(excluded.err.find("uncovered: EAST (EAST)"), std::string::npos) << excluded.err;
    rows = by_code(parse_csv(excluded.out));
    EXPECT_EQ(rows["WEST"].at(3), "2");
    EXPECT_EQ(rows["EAST"].at(2), "0");
}

TEST(CliCoverage, DataDirectoryFromTheEnvironment) {
    const TempDir tmp;
    CliOptions options;
    options.cwd = tmp.path();
    options.env["SITECOVER_DATA"] = kDataDir;
    const CliResult r = run_cli({"coverage"}, options);
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_EQ(parse_csv(r.out).rows.size(), 17u);
    EXPECT_NE(r.err.find("areas: 17 cantons from " + kCantons), std::string::npos) << r.err;
    EXPECT_TRUE(tmp.snapshot().empty());  // nothing written to the working directory
}

TEST(CliCoverage, HelpExits0AndListsTheOptions) {
    const CliResult r = run_cli({"coverage", "--help"});
    EXPECT_EQ(r.exit_code, 0) << r.report();
    EXPECT_EQ(r.out.rfind("usage: sitecover coverage [options]", 0), 0u) << r.out;
    for (const char* option :
         {"--data", "--areas", "--areas-crs", "--area-code-field", "--sites", "--sites-where",
          "--site-types", "--as-of", "--boundary", "--fragile-m", "--fail-uncovered",
          "-o, --output", "--format", "--overwrite", "--help"}) {
        EXPECT_NE(r.out.find(option), std::string::npos) << option;
    }
    EXPECT_EQ(r.err, "");
}

TEST(CliGeneral, NoArgumentsPrintsTheUsageAndExits2) {
    const CliResult r = run_cli({});
    EXPECT_EQ(r.exit_code, 2) << r.report();
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("usage: sitecover <command> [options]", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("coverage"), std::string::npos);
    EXPECT_NE(r.err.find("nearest"), std::string::npos);
}

TEST(CliGeneral, TopLevelHelpExits0) {
    for (const char* flag : {"--help", "-h", "help"}) {
        const CliResult r = run_cli({flag});
        EXPECT_EQ(r.exit_code, 0) << r.report();
        EXPECT_EQ(r.out.rfind("usage: sitecover <command> [options]", 0), 0u) << flag;
        EXPECT_NE(r.out.find("Exit codes:"), std::string::npos) << flag;
    }
}

TEST(CliGeneral, VersionPrintsTheVersion) {
    const CliResult r = run_cli({"--version"});
    EXPECT_EQ(r.exit_code, 0) << r.report();
    ASSERT_EQ(r.out.rfind("sitecover ", 0), 0u) << r.out;
    const std::string version = r.out.substr(10);
    EXPECT_FALSE(version.empty());
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(version[0]))) << r.out;
    EXPECT_EQ(r.out.back(), '\n');
    EXPECT_EQ(r.err, "");
}

}  // namespace
