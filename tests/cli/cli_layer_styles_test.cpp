// The one look (issue 22, item 4): every GeoPackage that `sitecover coverage`, `nearest` and
// `plan` write carries the default QGIS style of its layer in `layer_styles`, the style of the
// documents library (report::layer_style), in the locale's language; other formats carry
// nothing more. The rows are read with GDAL itself.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "sitecover/report/layer_style.hpp"

namespace {

using sitecover::test::CliOptions;
using sitecover::test::CliResult;
using sitecover::test::inspect_layer;
using sitecover::test::kDataDir;
using sitecover::test::LayerInfo;
using sitecover::test::run_cli;
using sitecover::test::TempDir;
namespace report = sitecover::report;
namespace geodata = sitecover::geodata;

CliResult run_in(const TempDir& dir, std::vector<std::string> args,
                 const std::string& lang = "C.UTF-8") {
    args.insert(args.begin() + 1, {"--data", kDataDir});
    CliOptions options;
    options.cwd = dir.path();
    options.env = {{"LANG", lang}, {"LC_ALL", std::nullopt}, {"LC_MESSAGES", std::nullopt}};
    return run_cli(args, options);
}

// The rows of `layer_styles`, which must name exactly `layer`, as its default style.
LayerInfo::Feature only_style_row(const std::filesystem::path& gpkg, const std::string& layer) {
    const LayerInfo styles = inspect_layer(gpkg, "layer_styles");
    EXPECT_TRUE(styles.opened) << styles.error;
    EXPECT_EQ(styles.layer_name, "layer_styles");
    EXPECT_EQ(styles.features.size(), 1u);
    if (styles.features.empty()) return {};
    const LayerInfo::Feature& row = styles.features.front();
    EXPECT_EQ(row.values.at("f_table_name"), layer);
    EXPECT_EQ(row.values.at("f_geometry_column"), "geom");
    EXPECT_EQ(row.values.at("useAsDefault"), "1");
    return row;
}

TEST(CliLayerStyles, CoverageGeoPackageCarriesTheCoverageStyle) {
    TempDir dir("sitecover-styles");
    const CliResult r = run_in(dir, {"coverage", "-o", "c.gpkg"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto row = only_style_row(dir / "c.gpkg", "coverage");
    const geodata::LayerStyle expected = report::layer_style(
        report::LayerKind::Coverage, report::Lang::En, geodata::GeometryKind::MultiPolygon);
    EXPECT_EQ(row.values.at("styleName"), expected.name);
    EXPECT_EQ(row.values.at("styleQML"), expected.qml);
    // The data layer is the file's first, as before.
    EXPECT_EQ(inspect_layer(dir / "c.gpkg").layer_name, "coverage");
    EXPECT_EQ(inspect_layer(dir / "c.gpkg").feature_count, 17);
}

TEST(CliLayerStyles, NearestGeoPackageIsShadedByDistanceOrByTravelTime) {
    TempDir dir("sitecover-styles");
    ASSERT_EQ(run_in(dir, {"nearest", "-o", "n.gpkg"}).exit_code, 0);
    EXPECT_EQ(only_style_row(dir / "n.gpkg", "nearest").values.at("styleQML"),
              report::layer_style(report::LayerKind::Distance, report::Lang::En,
                                  geodata::GeometryKind::Point)
                  .qml);
    const CliResult r =
        run_in(dir, {"nearest", "-o", "r.gpkg", "--roads",
                     kDataDir + "/france/roads-major-travelmapping-2026-08.geojson"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const std::string qml = only_style_row(dir / "r.gpkg", "nearest").values.at("styleQML");
    EXPECT_NE(qml.find("attr=\"travel_time_s\""), std::string::npos) << qml.substr(0, 400);
}

TEST(CliLayerStyles, PlanGeoPackagesCarryTheirStylesInTheLocalesLanguage) {
    TempDir dir("sitecover-styles");
    const CliResult r = run_in(
        dir,
        {"plan", "--remove", "1271", "--suggest", "1", "-o", "o.gpkg", "--sites-output", "s.gpkg"},
        "fr_FR.UTF-8");
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto sites = only_style_row(dir / "s.gpkg", "plan_sites");
    EXPECT_EQ(sites.values.at("styleQML"),
              report::layer_style(report::LayerKind::PlanSites, report::Lang::Fr,
                                  geodata::GeometryKind::Point)
                  .qml);
    EXPECT_NE(sites.values.at("styleQML").find("label=\"site fermé\""), std::string::npos);
    const std::string origins =
        only_style_row(dir / "o.gpkg", "plan_origins").values.at("styleQML");
    EXPECT_NE(origins.find("attr=\"distance_after_m\""), std::string::npos);
}

TEST(CliLayerStyles, AStyledPlanIsReadBackAsItsOneLayer) {
    // layer_styles is not data: `report --scenario` and `--sites` read the styled file as before.
    TempDir dir("sitecover-styles");
    ASSERT_EQ(run_in(dir, {"plan", "--remove", "1271", "--sites-output", "s.gpkg"}).exit_code, 0);
    const CliResult r = run_in(dir, {"report", "--scenario", "s.gpkg", "-o", "r.gpkg"});
    EXPECT_EQ(r.exit_code, 0) << r.report();
}

TEST(CliLayerStyles, OtherFormatsAreUnchanged) {
    TempDir dir("sitecover-styles");
    ASSERT_EQ(run_in(dir, {"coverage", "-o", "c.geojson"}).exit_code, 0);
    const LayerInfo info = inspect_layer(dir / "c.geojson");
    EXPECT_EQ(info.layer_count, 1);
    EXPECT_EQ(info.fields, (std::vector<std::string>{"area_code", "area_name", "site_count",
                                                     "site_ids", "covered", "margin_m"}));
}

}  // namespace
