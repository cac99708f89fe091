// Output formats chosen from GDAL's driver metadata, --t-srs on every vector output, the
// Shapefile field-name warning, and the CLI conventions of issue 13 (--quiet, -V / --version,
// --from-name-field on the plain-CSV path, --site-types that match no site, --from-crs checked
// for GeoJSON, the progress line's percentage and time left). Files are opened with GDAL itself.

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "cli/cli_test_support.hpp"
#include "progress.hpp"

namespace {

using sitecover::test::CliResult;
using sitecover::test::inspect_layer;
using sitecover::test::kDataDir;
using sitecover::test::parse_csv;
using sitecover::test::run_cli;
using sitecover::test::TempDir;
namespace fs = std::filesystem;

bool gdal_has_driver(const char* name) {
    GDALAllRegister();
    return GDALGetDriverByName(name) != nullptr;
}

// The EPSG code of a layer's CRS ("" when none), and the first point of its first feature.
struct LayerCrs {
    std::string epsg;
    double x = NAN, y = NAN;
    bool ok = false;
};
LayerCrs layer_crs(const fs::path& path, const std::string& layer_name = "") {
    GDALAllRegister();
    LayerCrs out;
    GDALDatasetH ds =
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (ds == nullptr) return out;
    OGRLayerH layer = layer_name.empty() ? GDALDatasetGetLayer(ds, 0)
                                         : GDALDatasetGetLayerByName(ds, layer_name.c_str());
    if (layer != nullptr) {
        out.ok = true;
        if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
            OSRAutoIdentifyEPSG(srs);
            const char* code = OSRGetAuthorityCode(srs, nullptr);
            out.epsg = code == nullptr ? "" : code;
        }
        OGR_L_ResetReading(layer);
        if (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
                while (OGR_G_GetGeometryCount(g) > 0) g = OGR_G_GetGeometryRef(g, 0);
                out.x = OGR_G_GetX(g, 0);
                out.y = OGR_G_GetY(g, 0);
            }
            OGR_F_Destroy(f);
        }
    }
    GDALClose(ds);
    return out;
}

// Lambert-93 of a WGS84 lon/lat, computed here with OGR (not through the product).
std::pair<double, double> lambert93(double lon_deg, double lat_deg) {
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OGRSpatialReferenceH l93 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OSRImportFromEPSG(l93, 2154);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(l93, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(wgs84, l93);
    double x = lon_deg, y = lat_deg;
    OCTTransform(ct, 1, &x, &y, nullptr);
    OCTDestroyCoordinateTransformation(ct);
    OSRDestroySpatialReference(wgs84);
    OSRDestroySpatialReference(l93);
    return {x, y};
}

CliResult coverage_to(const fs::path& out, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"coverage", "--data", kDataDir, "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

// ---- format from the extension ----------------------------------------------------------

struct FormatCase {
    std::string extension;
    std::vector<std::string> drivers;  // the one GDAL should report (any of these)
};
void PrintTo(const FormatCase& c, std::ostream* os) { *os << c.extension; }

class CliOutputFormat : public ::testing::TestWithParam<FormatCase> {};

TEST_P(CliOutputFormat, ExtensionChoosesTheGdalDriverAndEveryRowIsWritten) {
    const FormatCase& c = GetParam();
    if (!gdal_has_driver(c.drivers.front().c_str()))
        GTEST_SKIP() << "GDAL has no " << c.drivers.front();
    const TempDir tmp;
    const fs::path out = tmp / ("coverage." + c.extension);
    const CliResult r = coverage_to(out);
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto info = inspect_layer(out);
    ASSERT_TRUE(info.opened) << info.error;
    EXPECT_NE(std::find(c.drivers.begin(), c.drivers.end(), info.driver), c.drivers.end())
        << info.driver;
    EXPECT_EQ(info.feature_count, 17);
    // Nothing but the output (a Shapefile's companions share its name).
    for (const auto& entry : fs::directory_iterator(tmp.path())) {
        EXPECT_EQ(entry.path().stem().string(), "coverage") << entry.path();
    }
}

INSTANTIATE_TEST_SUITE_P(
    GdalDrivers, CliOutputFormat,
    ::testing::Values(FormatCase{"csv", {"CSV"}}, FormatCase{"geojson", {"GeoJSON"}},
                      FormatCase{"json", {"GeoJSON"}}, FormatCase{"gpkg", {"GPKG"}},
                      FormatCase{"fgb", {"FlatGeobuf"}}, FormatCase{"shp", {"ESRI Shapefile"}},
                      FormatCase{"sqlite", {"SQLite"}}, FormatCase{"kml", {"LIBKML", "KML"}},
                      FormatCase{"xlsx", {"XLSX"}}, FormatCase{"ods", {"ODS"}},
                      FormatCase{"gml", {"GML"}}, FormatCase{"tab", {"MapInfo File"}},
                      FormatCase{"mif", {"MapInfo File"}}, FormatCase{"parquet", {"Parquet"}}),
    [](const ::testing::TestParamInfo<FormatCase>& info) { return info.param.extension; });

TEST(CliOutputFormatErrors, UnknownExtensionListsTheExtensionsGdalWrites) {
    const TempDir tmp;
    const CliResult r = coverage_to(tmp / "out.xyz");
    EXPECT_EQ(r.exit_code, 5) << r.report();
    EXPECT_NE(r.err.find("output '" + (tmp / "out.xyz").string() +
                         "': no GDAL driver writes this extension; use one of "),
              std::string::npos)
        << r.err;
    for (const char* e :
         {".csv", ".fgb", ".geojson", ".gpkg", ".kml", ".ods", ".shp", ".sqlite", ".xlsx"}) {
        EXPECT_NE(r.err.find(e), std::string::npos) << e << " not listed: " << r.err;
    }
    if (!gdal_has_driver("Parquet")) {
        EXPECT_EQ(r.err.find(".parquet"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(fs::is_empty(tmp.path()));
}

TEST(CliOutputFormatErrors, ExtensionOfSeveralDriversAsksForFormat) {
    const TempDir tmp;
    const CliResult r = coverage_to(tmp / "out.txt");
    EXPECT_EQ(r.exit_code, 5) << r.report();
    EXPECT_NE(r.err.find("several GDAL drivers write this extension"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("choose one with -f DRIVER"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::is_empty(tmp.path()));
}

TEST(CliOutputFormat, ShapefileWarnsWhichFieldNamesAreShortened) {
    const TempDir tmp;
    const fs::path out = tmp / "nearest.shp";
    const CliResult r = run_cli({"nearest", "--data", kDataDir, "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("sitecover: warning: output '" + out.string() +
                         "': ESRI Shapefile renamed 2 field(s): origin_code -> origin_cod, "
                         "origin_name -> origin_nam (a Shapefile field name holds at most 10 "
                         "characters)"),
              std::string::npos)
        << r.err;
    const auto info = inspect_layer(out);
    EXPECT_EQ(info.fields.at(0), "origin_cod");
    EXPECT_EQ(info.feature_count, 462);
    // A GeoPackage keeps the names: no warning.
    const CliResult gpkg =
        run_cli({"nearest", "--data", kDataDir, "-o", (tmp / "n.gpkg").string()});
    EXPECT_EQ(gpkg.err.find("renamed"), std::string::npos) << gpkg.err;
}

// ---- --t-srs ------------------------------------------------------------------------------

TEST(CliTargetSrs, CoverageGeoPackageInLambert93) {
    const TempDir tmp;
    const CliResult r = coverage_to(tmp / "c.gpkg", {"--t-srs", "EPSG:2154"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const LayerCrs crs = layer_crs(tmp / "c.gpkg");
    ASSERT_TRUE(crs.ok);
    EXPECT_EQ(crs.epsg, "2154");
    // A vertex of a Gers canton in Lambert-93 metres (the Gers spans x 440-560 km, y 6.22-6.33 Mm).
    EXPECT_GT(crs.x, 400000.0);
    EXPECT_LT(crs.x, 600000.0);
    EXPECT_GT(crs.y, 6150000.0);
    EXPECT_LT(crs.y, 6400000.0);
}

TEST(CliTargetSrs, NearestPointsAreTheLambert93OfTheirLonLat) {
    const TempDir tmp;
    for (const char* ext : {"geojson", "fgb", "shp"}) {
        const fs::path out = tmp / (std::string("n.") + ext);
        const CliResult r =
            run_cli({"nearest", "--data", kDataDir, "--t-srs", "EPSG:2154", "-o", out.string()});
        ASSERT_EQ(r.exit_code, 0) << r.report();
        const LayerCrs crs = layer_crs(out);
        EXPECT_EQ(crs.epsg, "2154") << ext;
        const auto info = inspect_layer(out);
        ASSERT_EQ(info.feature_count, 462);
        const auto& first = info.features.front().values;
        const std::string lon_field = first.count("origin_lon") ? "origin_lon" : "origin_lo";
        const auto expected =
            lambert93(std::stod(first.at(lon_field)),
                      std::stod(first.at(first.count("origin_lat") ? "origin_lat" : "origin_la")));
        // origin_lon/lat are rounded to 1e-7 degree (about 1 cm).
        EXPECT_NEAR(crs.x, expected.first, 0.05) << ext;
        EXPECT_NEAR(crs.y, expected.second, 0.05) << ext;
    }
}

TEST(CliTargetSrs, CsvGetsXYColumnsAndTheFastPathGivesTheSameRows) {
    const TempDir tmp;
    tmp.write("points.csv", "id,lon,lat\nA,0.5857,43.6465\nB,0.37,43.95\n");
    const CliResult r =
        run_cli({"nearest", "--data", kDataDir, "--from", (tmp / "points.csv").string(), "--t-srs",
                 "EPSG:2154", "-o", (tmp / "n.csv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto table = parse_csv(tmp.read("n.csv"));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.header.at(0), "X");
    EXPECT_EQ(table.header.at(1), "Y");
    const auto expected = lambert93(0.5857, 43.6465);
    EXPECT_NEAR(std::stod(table.at(0, "X")), expected.first, 0.01);
    EXPECT_NEAR(std::stod(table.at(0, "Y")), expected.second, 0.01);
    EXPECT_EQ(table.at(1, "origin_code"), "B");
}

TEST(CliTargetSrs, ReportGeoPackageLayersAllInLambert93) {
    const TempDir tmp;
    const CliResult r = run_cli(
        {"report", "--data", kDataDir, "--t-srs", "EPSG:2154", "-o", (tmp / "r.gpkg").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    for (const char* layer : {"sites", "areas", "origins", "links"}) {
        EXPECT_EQ(layer_crs(tmp / "r.gpkg", layer).epsg, "2154") << layer;
    }
}

TEST(CliTargetSrs, PlanOutputsInLambert93AreReadBackByReportScenario) {
    const TempDir tmp;
    const CliResult plan =
        run_cli({"plan", "--data", kDataDir, "--remove", "1271", "--t-srs", "EPSG:2154", "-o",
                 (tmp / "o.gpkg").string(), "--sites-output", (tmp / "s.gpkg").string()});
    ASSERT_EQ(plan.exit_code, 0) << plan.report();
    EXPECT_EQ(layer_crs(tmp / "o.gpkg").epsg, "2154");
    EXPECT_EQ(layer_crs(tmp / "s.gpkg").epsg, "2154");
    const CliResult report = run_cli({"report", "--data", kDataDir, "--scenario",
                                      (tmp / "s.gpkg").string(), "-o", (tmp / "r.gpkg").string()});
    ASSERT_EQ(report.exit_code, 0) << report.report();
    EXPECT_NE(report.out.find("1 removed"), std::string::npos) << report.out;
    EXPECT_NE(report.out.find("16/17"), std::string::npos) << report.out;
}

TEST(CliTargetSrs, UnknownCrsIsAUsageErrorBeforeAnyFileIsRead) {
    const TempDir tmp;
    const std::vector<std::vector<std::string>> extras = {
        {"coverage"}, {"nearest"}, {"report"}, {"plan", "--remove", "1"}};
    for (std::vector<std::string> args : extras) {
        // The data directory does not exist: the option is checked first.
        args.insert(args.end(), {"--data", "/nonexistent", "--t-srs", "EPSG:99999", "-o",
                                 (tmp / "o.gpkg").string()});
        const CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 2) << r.report();
        EXPECT_NE(r.err.find("sitecover: error: option '--t-srs': 'EPSG:99999' is not a CRS"),
                  std::string::npos)
            << r.err;
    }
    EXPECT_TRUE(fs::is_empty(tmp.path()));
}

// ---- CLI conventions ----------------------------------------------------------------------

TEST(CliConventions, VersionAtEveryLevel) {
    const std::string expected = std::string("sitecover ") + SITECOVER_TEST_VERSION + "\n";
    const std::vector<std::vector<std::string>> calls = {{"-V"},
                                                         {"--version"},
                                                         {"coverage", "-V"},
                                                         {"coverage", "--version"},
                                                         {"nearest", "-V"},
                                                         {"report", "--version"},
                                                         {"plan", "-V"},
                                                         {"plan", "--remove", "1", "--version"}};
    for (const auto& args : calls) {
        const CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << r.report();
        EXPECT_EQ(r.out, expected) << r.report();
        EXPECT_EQ(r.err, "") << r.report();
    }
    EXPECT_NE(run_cli({"coverage", "--help"}).out.find("-V, --version"), std::string::npos);
}

TEST(CliConventions, QuietLeavesStdoutAndStderrEmptyOnEveryCommand) {
    const TempDir tmp;
    const std::vector<std::vector<std::string>> calls = {
        {"coverage", "--data", kDataDir, "-o", (tmp / "c.csv").string(), "--quiet"},
        {"nearest", "--data", kDataDir, "-o", (tmp / "n.csv").string(), "--quiet"},
        {"report", "--data", kDataDir, "-o", (tmp / "r.gpkg").string(), "--quiet"},
        {"plan", "--data", kDataDir, "--remove", "1271", "-o", (tmp / "p.csv").string(),
         "--quiet"}};
    for (const auto& args : calls) {
        const CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << r.report();
        EXPECT_EQ(r.out, "") << r.report();
        EXPECT_EQ(r.err, "") << r.report();
    }
    EXPECT_EQ(parse_csv(tmp.read("c.csv")).rows.size(), 17u);
    EXPECT_EQ(parse_csv(tmp.read("n.csv")).rows.size(), 462u);
    EXPECT_TRUE(fs::is_regular_file(tmp / "r.gpkg"));
    EXPECT_EQ(parse_csv(tmp.read("p.csv")).rows.size(), 462u);
    // Without --quiet the summary is there.
    EXPECT_NE(
        run_cli({"coverage", "--data", kDataDir, "-o", (tmp / "c.csv").string(), "--overwrite"})
            .out.find("17/17 cantons covered"),
        std::string::npos);
}

TEST(CliConventions, PlainCsvFastPathReadsTheNameFieldLikeGdal) {
    const TempDir tmp;
    tmp.write("points.csv",
              "id,lon,lat,label\nA,0.5857,43.6465,Auch centre\nB,0.37,43.95,Condom\n");
    const std::string points = (tmp / "points.csv").string();
    const CliResult fast =
        run_cli({"nearest", "--data", kDataDir, "--from", points, "--from-name-field", "label"});
    const CliResult gdal = run_cli({"nearest", "--data", kDataDir, "--from", points, "--from-layer",
                                    "points", "--from-name-field", "label"});
    ASSERT_EQ(fast.exit_code, 0) << fast.report();
    ASSERT_EQ(gdal.exit_code, 0) << gdal.report();
    const auto f = parse_csv(fast.out);
    const auto g = parse_csv(gdal.out);
    ASSERT_EQ(f.rows.size(), 2u);
    EXPECT_EQ(f.at(0, "origin_name"), "Auch centre");
    EXPECT_EQ(f.at(1, "origin_name"), "Condom");
    EXPECT_EQ(f.at(0, "origin_name"), g.at(0, "origin_name"));
    EXPECT_EQ(f.at(1, "site_id"), g.at(1, "site_id"));
    // A name field named on purpose must exist, on both paths (the default, nom, is optional).
    for (const std::vector<std::string>& layer :
         {std::vector<std::string>{}, {"--from-layer", "points"}}) {
        std::vector<std::string> args{"nearest",           "--data", kDataDir, "--from", points,
                                      "--from-name-field", "title"};
        args.insert(args.end(), layer.begin(), layer.end());
        const CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 3) << r.report();
        EXPECT_NE(r.err.find("'title'"), std::string::npos) << r.err;
    }
}

TEST(CliConventions, SiteTypeThatNoSiteHasIsAnErrorListingThePresentTypes) {
    for (const char* command : {"coverage", "nearest", "report"}) {
        const TempDir tmp;
        const CliResult r = run_cli({command, "--data", kDataDir, "--site-types", "Principal,Foo",
                                     "-o", (tmp / "out.gpkg").string()});
        EXPECT_EQ(r.exit_code, 2) << r.report();
        EXPECT_NE(r.err.find("sitecover: error: option '--site-types': no site of type 'Foo' in "),
                  std::string::npos)
            << r.err;
        EXPECT_NE(r.err.find("(types present: Antenne, Principal)"), std::string::npos) << r.err;
        EXPECT_TRUE(fs::is_empty(tmp.path())) << command;
    }
    // Case does not matter, as for the filter itself.
    const TempDir tmp;
    EXPECT_EQ(coverage_to(tmp / "c.csv", {"--site-types", "principal"}).exit_code, 0);
}

TEST(CliConventions, InvalidFromCrsIsRejectedForGeoJsonToo) {
    const TempDir tmp;
    const CliResult r = run_cli(
        {"nearest", "--data", kDataDir, "--from-crs", "EPSG:nope", "-o", (tmp / "n.csv").string()});
    EXPECT_EQ(r.exit_code, 3) << r.report();
    EXPECT_NE(r.err.find("unknown CRS 'EPSG:nope'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("communes-32-adminexpress2018.geojson"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::is_empty(tmp.path()));
    const CliResult areas = coverage_to(tmp / "c.csv", {"--areas-crs", "not a crs"});
    EXPECT_EQ(areas.exit_code, 3) << areas.report();
}

TEST(CliConventions, ProgressLineShowsPercentageAndTimeLeftWhenTheSizeIsKnown) {
    using sitecover::cli::Progress;
    // A quarter read in 2 s: 6 s left at the same pace.
    EXPECT_EQ(Progress::line("nearest", 1000, 2.0, 250, 1000),
              "nearest: 1000, 500/s, 25%, 6 s left");
    // Size unknown: count, rate and elapsed time only.
    EXPECT_EQ(Progress::line("nearest", 1000, 2.0, 0, 0), "nearest: 1000, 500/s, 2 s");
}

}  // namespace
