// CLI tests of `sitecover report` on the real Gers data: the GeoPackage's layers, fields and
// QGIS styles, the map's size, content and formats, the HTML page, and the error cases (exit
// codes, messages, no partial files).

#include <algorithm>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

#include <cpl_minixml.h>
#include <gdal.h>
#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"

namespace {

using sitecover::test::CliOptions;
using sitecover::test::CliResult;
using sitecover::test::inspect_layer;
using sitecover::test::kDataDir;
using sitecover::test::LayerInfo;
using sitecover::test::read_file;
using sitecover::test::run_cli;
using sitecover::test::TempDir;

// `sitecover report --data <real data> <extra...>`, run in `cwd`, in an English locale.
CliResult report(const std::vector<std::string>& extra, const std::filesystem::path& cwd) {
    return sitecover::test::run_report(extra, cwd);
}

// Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian).
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& bytes) {
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i)
            v = (v << 8) | static_cast<unsigned char>(bytes.at(at + i));
        return v;
    };
    return {be32(16), be32(20)};
}

// Distinct RGB colours of an image, read with GDAL's PNG driver.
std::size_t distinct_colours(const std::filesystem::path& path,
                             std::set<std::uint32_t>* colours_out = nullptr) {
    GDALAllRegister();
    GDALDatasetH ds =
        GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (ds == nullptr) return 0;
    const int w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    int bands[] = {1, 2, 3};
    const CPLErr err = GDALDatasetRasterIO(ds, GF_Read, 0, 0, w, h, rgb.data(), w, h, GDT_Byte, 3,
                                           bands, 3, 3 * w, 1);
    GDALClose(ds);
    if (err != CE_None) return 0;
    std::set<std::uint32_t> colours;
    for (std::size_t i = 0; i < rgb.size(); i += 3) {
        colours.insert((std::uint32_t{rgb[i]} << 16) | (std::uint32_t{rgb[i + 1]} << 8) |
                       rgb[i + 2]);
    }
    if (colours_out != nullptr) *colours_out = colours;
    return colours.size();
}

// One run on the defaults, shared by the tests that read its three outputs.
class ReportDefaults : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>("sitecover-report");
        result_ = std::make_unique<CliResult>(report({}, dir_->path()));
    }
    static void TearDownTestSuite() {
        result_.reset();
        dir_.reset();
    }
    static std::filesystem::path path(const std::string& name) { return dir_->path() / name; }
    static inline std::unique_ptr<TempDir> dir_;
    static inline std::unique_ptr<CliResult> result_;
};

TEST_F(ReportDefaults, WritesTheThreeDefaultFiles) {
    ASSERT_EQ(result_->exit_code, 0) << result_->report();
    EXPECT_NE(result_->out.find(
                  "Gers (32): 27 France Services as of 1 August 2024, 17/17 cantons covered"),
              std::string::npos)
        << result_->out;
    EXPECT_NE(result_->out.find("wrote sitecover-report.gpkg"), std::string::npos) << result_->out;
    for (const char* name :
         {"sitecover-report.gpkg", "sitecover-report.png", "sitecover-report.html"}) {
        EXPECT_TRUE(std::filesystem::exists(path(name))) << name;
    }
    // Nothing else: no temporary file left behind.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir_->path()))
        ++entries;
    EXPECT_EQ(entries, 3u);
}

TEST_F(ReportDefaults, GeoPackageLayersCountsAndFields) {
    ASSERT_EQ(result_->exit_code, 0) << result_->report();
    const auto gpkg = path("sitecover-report.gpkg");
    struct Expected {
        const char* layer;
        long long count;
        const char* geometry;
        std::vector<std::string> fields;
    };
    const std::vector<Expected> expected = {
        {"sites",
         27,
         "Point",
         {"id", "name", "type", "labelled_on", "department", "area_code", "area_name"}},
        {"areas",
         17,
         "Multi Polygon",
         {"code", "name", "site_count", "site_ids", "covered", "margin_m", "origin_count",
          "worst_distance_m", "worst_distance_origin", "worst_time_s", "worst_time_origin"}},
        {"origins",
         462,
         "Multi Polygon",
         {"code", "name", "area_code", "origin_lon", "origin_lat", "site_id", "site_name",
          "distance_m", "road_site_id", "road_site_name", "road_distance_m", "travel_time_s",
          "population", "access_index"}},
        {"links",
         462,
         "Line String",
         {"origin_code", "origin_name", "site_id", "site_name", "by", "distance_m",
          "travel_time_s"}},
    };
    for (const Expected& e : expected) {
        const LayerInfo info = inspect_layer(gpkg, e.layer);
        ASSERT_TRUE(info.opened) << info.error;
        ASSERT_EQ(info.layer_name, e.layer) << info.error;
        EXPECT_EQ(info.driver, "GPKG");
        EXPECT_EQ(info.feature_count, e.count) << e.layer;
        EXPECT_EQ(info.geometry_type, e.geometry) << e.layer;
        EXPECT_EQ(info.fields, e.fields) << e.layer;
    }
    EXPECT_EQ(inspect_layer(gpkg).layer_count, 6);  // the four layers, run and layer_styles

    // A few known figures: every canton covered; Auch-3 by site 1271; Monguilhem 15.5 km away.
    const LayerInfo areas = inspect_layer(gpkg, "areas");
    for (const auto& f : areas.features)
        EXPECT_EQ(f.values.at("covered"), "1") << f.values.at("name");
    const LayerInfo sites = inspect_layer(gpkg, "sites");
    bool garros = false;
    for (const auto& f : sites.features) {
        if (f.values.at("id") == "1271") {
            garros = true;
            EXPECT_EQ(f.values.at("area_name"), "Auch-3");
            EXPECT_EQ(f.values.at("type"), "Principal");
        }
    }
    EXPECT_TRUE(garros);
    const LayerInfo origins = inspect_layer(gpkg, "origins");
    for (const auto& f : origins.features) {
        if (f.values.at("code") != "32271") continue;
        EXPECT_EQ(f.values.at("site_id"), "1272");
        EXPECT_NEAR(std::stod(f.values.at("distance_m")), 15500.0, 100.0);
        EXPECT_EQ(f.values.at("travel_time_s"), "");  // no --roads
        EXPECT_FALSE(f.values.at("population").empty());
    }
}

TEST_F(ReportDefaults, EveryLayerHasADefaultQgisStyle) {
    ASSERT_EQ(result_->exit_code, 0) << result_->report();
    const LayerInfo styles = inspect_layer(path("sitecover-report.gpkg"), "layer_styles");
    ASSERT_TRUE(styles.opened) << styles.error;
    ASSERT_EQ(styles.layer_name, "layer_styles") << styles.error;
    for (const char* field :
         {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
          "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"}) {
        EXPECT_NE(std::find(styles.fields.begin(), styles.fields.end(), field), styles.fields.end())
            << field;
    }
    std::set<std::string> styled;
    for (const auto& f : styles.features) {
        styled.insert(f.values.at("f_table_name"));
        EXPECT_EQ(f.values.at("useAsDefault"), "1");
        EXPECT_EQ(f.values.at("f_geometry_column"), "geom");
        const std::string& qml = f.values.at("styleQML");
        EXPECT_NE(qml.find("<qgis"), std::string::npos);
        EXPECT_NE(qml.find("<renderer-v2"), std::string::npos);
        CPLXMLNode* root = CPLParseXMLString(qml.c_str());
        EXPECT_NE(root, nullptr) << "not XML: " << qml.substr(0, 200);
        if (root != nullptr) {
            EXPECT_NE(CPLSearchXMLNode(root, "=qgis"), nullptr);
            CPLDestroyXMLNode(root);
        }
    }
    EXPECT_EQ(styled, (std::set<std::string>{"sites", "areas", "origins", "links"}));
}

TEST_F(ReportDefaults, MapIsAPngOfTheDefaultSizeWithManyColours) {
    ASSERT_EQ(result_->exit_code, 0) << result_->report();
    const std::string png = read_file(path("sitecover-report.png"));
    ASSERT_GT(png.size(), 24u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(png_size(png), std::make_pair(1600u, 1200u));
    std::set<std::uint32_t> colours;
    EXPECT_GT(distinct_colours(path("sitecover-report.png"), &colours), 100u);
    // The distance classes of the legend, exactly.
    for (const std::uint32_t rgb :
         {0xffffb2u, 0xfed976u, 0xfeb24cu, 0xfd8d3cu, 0xf03b20u, 0xbd0026u}) {
        EXPECT_TRUE(colours.count(rgb)) << std::hex << rgb;
    }
    // The scale bar shows the --within-km threshold, as the préfecture's map does.
    EXPECT_NE(result_->out.find("scale bar 19 km"), std::string::npos) << result_->out;
    // Every canton label found a free place (none overlaps another or a site).
    EXPECT_EQ(result_->out.find("left out for lack of room"), std::string::npos) << result_->out;
}

TEST_F(ReportDefaults, HtmlPageHoldsTheFiguresTablesAndMap) {
    ASSERT_EQ(result_->exit_code, 0) << result_->report();
    const std::string html = read_file(path("sitecover-report.html"));
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    for (const char* needle : {"17/17", "cantons covered", "Auch-3", "Monguilhem", "15.5 km",
                               "<svg", "data:image/png;base64,iVBORw0KGgo", "</html>"}) {
        EXPECT_NE(html.find(needle), std::string::npos) << needle;
    }
    // Self-contained: nothing fetched from the network.
    EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));
    EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST(CliReport, MapSizeAndVectorFormats) {
    const TempDir dir;
    const CliResult png =
        report({"--map", "small.png", "--map-width", "640", "--map-height", "400"}, dir.path());
    ASSERT_EQ(png.exit_code, 0) << png.report();
    EXPECT_EQ(png_size(dir.read("small.png")), std::make_pair(640u, 400u));
    EXPECT_FALSE(std::filesystem::exists(dir / "sitecover-report.gpkg"));  // only what was named

    const CliResult vector =
        report({"--map", "map.svg", "--html", "page.html", "-o", "layers.gpkg"}, dir.path());
    ASSERT_EQ(vector.exit_code, 0) << vector.report();
    const std::string svg = dir.read("map.svg");
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(dir / "page.html"));
    EXPECT_EQ(inspect_layer(dir / "layers.gpkg", "origins").feature_count, 462);

    const CliResult pdf = report({"--map", "map.PDF"}, dir.path());
    ASSERT_EQ(pdf.exit_code, 0) << pdf.report();
    EXPECT_EQ(dir.read("map.PDF").rfind("%PDF-", 0), 0u);
}

TEST(CliReport, ExistingOutputNeedsOverwriteAndNothingIsWritten) {
    const TempDir dir;
    dir.write("out.gpkg", "old");
    const auto before = dir.snapshot();
    const CliResult r =
        report({"-o", "out.gpkg", "--map", "map.png", "--html", "page.html"}, dir.path());
    EXPECT_EQ(r.exit_code, 5) << r.report();
    EXPECT_EQ(
        r.err,
        "sitecover: error: output 'out.gpkg' already exists: use --overwrite to replace it\n");
    EXPECT_EQ(dir.snapshot(), before);  // no map, no page, no temporary file

    const CliResult again = report({"-o", "out.gpkg", "--overwrite"}, dir.path());
    ASSERT_EQ(again.exit_code, 0) << again.report();
    EXPECT_EQ(inspect_layer(dir / "out.gpkg", "sites").feature_count, 27);
}

TEST(CliReport, OutputErrors) {
    const TempDir dir;
    const auto before = dir.snapshot();
    const std::vector<std::tuple<std::vector<std::string>, int, std::string>> cases = {
        {{"-o", "missing/out.gpkg"},
         5,
         "sitecover: error: output 'missing/out.gpkg': directory 'missing' does not exist\n"},
        {{"--map", "map.gif"},
         2,
         "sitecover: error: option '--map': 'map.gif' is not a .png, .svg or .pdf file\n"},
        {{"-o", "out.csv"},
         5,
         "sitecover: error: output 'out.csv': the report is a GeoPackage: name it .gpkg\n"},
        {{"--map", "same.png", "--html", "same.png"},
         2,
         "sitecover: error: options '--map' and '--html' name the same file 'same.png': give "
         "each output its own file name\n"},
        {{"--map", "m.png", "--map-width", "10"}, 2, ""},
    };
    for (const auto& [args, code, message] : cases) {
        const CliResult r = report(args, dir.path());
        EXPECT_EQ(r.exit_code, code) << r.report();
        if (!message.empty()) {
            EXPECT_EQ(r.err, message) << r.report();
        }
        EXPECT_EQ(dir.snapshot(), before) << r.command;
    }
}

// A file that cannot be created is found out only when written (root passes the access
// check on /proc): the outputs already written under temporary names are removed.
TEST(CliReport, LateOutputFailureLeavesNoPartialFile) {
    const TempDir dir;
    const auto before = dir.snapshot();
    const CliResult r =
        report({"-o", "layers.gpkg", "--map", "map.png", "--html", "/proc/page.html"}, dir.path());
    EXPECT_EQ(r.exit_code, 5) << r.report();
    EXPECT_NE(r.err.find("'/proc/page.html'"), std::string::npos) << r.report();
    EXPECT_EQ(dir.snapshot(), before);
}

TEST(CliReport, UnwritableDirectory) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes anywhere";
    const TempDir dir;
    std::filesystem::create_directory(dir / "ro");
    std::filesystem::permissions(
        dir / "ro", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    const CliResult r = report({"--html", "ro/page.html"}, dir.path());
    EXPECT_EQ(r.exit_code, 5) << r.report();
    EXPECT_NE(r.err.find("is not writable"), std::string::npos) << r.report();
}

TEST(CliReport, EmptyInputsAreInputErrors) {
    const TempDir dir;
    dir.write("no-sites.csv",
              "id_fs,lib_fs,longitude,latitude,type_fs,insee_dep,labellisation_fs\n");
    dir.write("no-areas.geojson", R"({"type":"FeatureCollection","features":[]})");
    const auto before = dir.snapshot();
    const CliResult sites = report({"--sites", "no-sites.csv", "--html", "page.html"}, dir.path());
    EXPECT_EQ(sites.exit_code, 3) << sites.report();
    EXPECT_EQ(sites.err, "sitecover: error: no site in no-sites.csv\n");
    const CliResult areas =
        report({"--areas", "no-areas.geojson", "--html", "page.html"}, dir.path());
    EXPECT_EQ(areas.exit_code, 3) << areas.report();
    EXPECT_NE(areas.err.find("no-areas.geojson"), std::string::npos) << areas.report();
    const CliResult filtered =
        report({"--areas-where", "code = 'none'", "--html", "page.html"}, dir.path());
    EXPECT_EQ(filtered.exit_code, 3) << filtered.report();
    EXPECT_NE(filtered.err.find("no feature matches"), std::string::npos) << filtered.report();
    EXPECT_EQ(dir.snapshot(), before);
}

}  // namespace

namespace {

TEST(CliReport, RoadsAddTravelTimes) {
    const TempDir dir;
    const CliResult r =
        report({"--roads", kDataDir + "/france/roads-major-travelmapping-2026-08.geojson", "-o",
                "roads.gpkg", "--html", "roads.html"},
               dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.out.find("reachable by road: 462/462"), std::string::npos) << r.out;
    const LayerInfo origins = inspect_layer(dir / "roads.gpkg", "origins");
    ASSERT_EQ(origins.feature_count, 462);
    for (const auto& f : origins.features) {
        ASSERT_FALSE(f.values.at("travel_time_s").empty()) << f.values.at("code");
        EXPECT_LE(std::stod(f.values.at("travel_time_s")), 30 * 60.0) << f.values.at("code");
    }
    const LayerInfo links = inspect_layer(dir / "roads.gpkg", "links");
    ASSERT_EQ(links.feature_count, 462);
    for (const auto& f : links.features) EXPECT_EQ(f.values.at("by"), "road");
    const LayerInfo styles = inspect_layer(dir / "roads.gpkg", "layer_styles");
    bool shaded_by_time = false;
    for (const auto& f : styles.features) {
        if (f.values.at("f_table_name") == "origins") {
            shaded_by_time =
                f.values.at("styleQML").find("attr=\"travel_time_s\"") != std::string::npos;
        }
    }
    EXPECT_TRUE(shaded_by_time);
    const std::string html = dir.read("roads.html");
    for (const char* needle :
         {"462/462", "communes within 30 min", "Gavarret-sur-Aulouste", "18.4 min"}) {
        EXPECT_NE(html.find(needle), std::string::npos) << needle;
    }
}

}  // namespace

namespace {

TEST(CliReport, PageThresholdsFollowTheOptions) {
    const TempDir dir;
    const CliResult r =
        report({"--roads", kDataDir + "/france/roads-major-travelmapping-2026-08.geojson", "--html",
                "t.html", "--within-km", "10", "--within-min", "15"},
               dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const std::string html = dir.read("t.html");
    for (const char* needle :
         {"communes within 10 km", "communes within 15 min", "inhabitants within 15 min"}) {
        EXPECT_NE(html.find(needle), std::string::npos) << needle;
    }
    EXPECT_EQ(html.find("communes within 19 km"), std::string::npos);
}

}  // namespace
