// The inputs that look wrong but must be accepted (repairable rings, swapped axes, Latin-1
// names, --overwrite) and the output paths found to misbehave. The catalogue of bad
// invocations (exit code, error text, nothing written) is in tests/cli/cases/*.case.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"

namespace {

using sitecover::test::CliResult;
using sitecover::test::kDataDir;
using sitecover::test::parse_csv;
using sitecover::test::run_cli;
using sitecover::test::TempDir;

// ---- small input files -------------------------------------------------------------------

// A sites table with every field the loader looks for (so that no warning is printed).
const std::string kSitesHeader =
    "id_fs,lib_fs,longitude,latitude,type_fs,insee_dep,labellisation_fs\n";
const std::string kSitesCsv =
    kSitesHeader + "1271,Auch Garros,0.592823,43.635558,Principal,32,Espace labellisé 01/10/2021\n";

std::string feature(const std::string& properties, const std::string& geometry) {
    return R"({"type":"Feature","properties":)" + properties + R"(,"geometry":)" + geometry + "}";
}
std::string collection(const std::vector<std::string>& features) {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) text += (i ? "," : "") + features[i];
    return text + "]}";
}
std::string polygon(const std::string& ring) {
    return R"({"type":"Polygon","coordinates":[)" + ring + "]}";
}

// A square around Auch (holds site 1271).
const std::string kSquareRing = "[[0.5,43.5],[0.7,43.5],[0.7,43.7],[0.5,43.7],[0.5,43.5]]";
const std::string kSquare =
    collection({feature(R"({"code":"SQ1","nom":"square"})", polygon(kSquareRing))});

// ---- inputs that look wrong but are accepted ----------------------------------------------

CliResult coverage_of(const TempDir& tmp, const std::string& areas) {
    tmp.write("areas.geojson", areas);
    tmp.write("sites.csv", kSitesCsv);
    return run_cli({"coverage", "--areas", (tmp / "areas.geojson").string(), "--sites",
                    (tmp / "sites.csv").string()});
}

TEST(CliRepairedInput, UnclosedRingIsClosed) {
    const TempDir tmp;
    const CliResult r = coverage_of(
        tmp, collection({feature(R"({"code":"U1","nom":"open"})",
                                 polygon("[[0.5,43.5],[0.7,43.5],[0.7,43.7],[0.5,43.7]]"))}));
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto table = parse_csv(r.out);
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.at(0, "area_code"), "U1");
    EXPECT_EQ(table.at(0, "site_ids"), "1271");
    EXPECT_EQ(table.at(0, "covered"), "1");
}

TEST(CliRepairedInput, ClockwiseRingIsReoriented) {
    const TempDir tmp;
    const CliResult r = coverage_of(
        tmp,
        collection({feature(R"({"code":"CW1","nom":"clockwise"})",
                            polygon("[[0.5,43.5],[0.5,43.7],[0.7,43.7],[0.7,43.5],[0.5,43.5]]"))}));
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto table = parse_csv(r.out);
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.at(0, "site_ids"), "1271");
    // Same margin as the counter-clockwise square: the repair does not change the shape.
    const TempDir ccw;
    const CliResult reference = coverage_of(ccw, kSquare);
    ASSERT_EQ(reference.exit_code, 0) << reference.report();
    EXPECT_EQ(table.at(0, "margin_m"), parse_csv(reference.out).at(0, "margin_m"));
}

TEST(CliRepairedInput, RepeatedVerticesAreAccepted) {
    const TempDir tmp;
    const CliResult r = coverage_of(
        tmp, collection({feature(
                 R"({"code":"R1","nom":"repeats"})",
                 polygon("[[0.5,43.5],[0.7,43.5],[0.7,43.5],[0.7,43.7],[0.5,43.7],[0.5,43.5]]"))}));
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_EQ(parse_csv(r.out).at(0, "site_ids"), "1271");
}

TEST(CliRepairedInput, SwappedLongitudeAndLatitudeDoNotCrash) {
    // Gers sites with the two columns swapped stay in range (lat 0.6, lon 43.6): the run cannot
    // tell, but it must finish and show that no site falls in the cantons.
    const TempDir tmp;
    tmp.write("sites.csv", kSitesHeader +
                               "1271,Auch Garros,43.635558,0.592823,Principal,32,\n"
                               "190,Barran,43.616542,0.442847,Antenne,32,\n");
    const CliResult r =
        run_cli({"coverage", "--data", kDataDir, "--sites", (tmp / "sites.csv").string()});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << r.report();
    if (r.exit_code == 0) {
        EXPECT_NE(r.err.find("0 inside the cantons"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("0/17 cantons covered"), std::string::npos) << r.err;
    }
    const CliResult n =
        run_cli({"nearest", "--data", kDataDir, "--sites", (tmp / "sites.csv").string()});
    EXPECT_TRUE(n.exit_code == 0 || n.exit_code == 3) << n.report();
    if (n.exit_code == 0) {
        EXPECT_NE(n.err.find("within 19.0 km: 0/462"), std::string::npos) << n.err;
    }
}

TEST(CliOutput, OverwriteReplacesAnExistingFile) {
    const TempDir tmp;
    tmp.write("out.csv", "keep me\n");
    const CliResult r =
        run_cli({"coverage", "--data", kDataDir, "-o", (tmp / "out.csv").string(), "--overwrite"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto table = parse_csv(tmp.read("out.csv"));
    EXPECT_EQ(table.header.at(0), "area_code");
    EXPECT_EQ(table.rows.size(), 17u);
    EXPECT_EQ(tmp.snapshot().size(), 1u);  // no temporary file left beside it
}

TEST(CliOutput, ExplicitFormatWithAnotherExtension) {
    const TempDir tmp;
    const CliResult r =
        run_cli({"nearest", "--data", kDataDir, "-f", "GeoJSON", "-o", (tmp / "out.dat").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto info = sitecover::test::inspect_layer(tmp / "out.dat");
    ASSERT_TRUE(info.opened) << info.error;
    EXPECT_EQ(info.driver, "GeoJSON");
    EXPECT_EQ(info.feature_count, 462);
    EXPECT_EQ(tmp.snapshot().size(), 1u);
}

// Known bug: GDAL takes driver names in any case, but TableWriter compares them with
// "CSV" and "GeoJSON" exactly: -f csv quotes every string, -f geojson is not RFC 7946.
TEST(CliOutput, FormatNamesAreCaseInsensitive) {
    const TempDir tmp;
    for (const auto& [format, name] :
         {std::pair<std::string, std::string>{"csv", "t.csv"}, {"geojson", "t.geojson"}}) {
        SCOPED_TRACE(format);
        const CliResult lower = run_cli({"coverage", "--data", kDataDir, "-f", format, "-o",
                                         (tmp / ("lower-" + name)).string()});
        const CliResult plain =
            run_cli({"coverage", "--data", kDataDir, "-o", (tmp / name).string()});
        ASSERT_EQ(lower.exit_code, 0) << lower.report();
        ASSERT_EQ(plain.exit_code, 0) << plain.report();
        EXPECT_EQ(tmp.read("lower-" + name), tmp.read(name));
    }
}

// Known bug: with -f CSV and a name not ending in .csv, GDAL's CSV driver makes a
// directory holding nearest.csv, and the CLI renames that directory onto the target.
TEST(CliOutput, CsvFormatWithAnotherExtensionWritesOneFile) {
    const TempDir tmp;
    const CliResult r =
        run_cli({"nearest", "--data", kDataDir, "-f", "CSV", "-o", (tmp / "out.dat").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_TRUE(std::filesystem::is_regular_file(tmp / "out.dat")) << "out.dat should be a file";
    EXPECT_EQ(parse_csv(tmp.read("out.dat")).rows.size(), 462u);
}

// Known bug: a target without extension makes the temporary name
// ".out.sitecover-tmp-PID", whose stem is ".out": commit() renames it to "out.sitecover-tmp-PID"
// instead of "out", and also renames any unrelated file of stem ".out" (here ".out.txt").
TEST(CliOutput, ExtensionlessOutputWithFormatIsWrittenAtThePath) {
    const TempDir tmp;
    tmp.write(".out.txt", "unrelated\n");
    const CliResult r =
        run_cli({"nearest", "--data", kDataDir, "-f", "GPKG", "-o", (tmp / "out").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto info = sitecover::test::inspect_layer(tmp / "out");
    EXPECT_TRUE(info.opened) << info.error;
    EXPECT_EQ(info.feature_count, 462);
    const auto entries = tmp.snapshot();
    EXPECT_EQ(entries.count(".out.txt"), 1u) << "an unrelated file was moved";
    EXPECT_EQ(entries.size(), 2u);
    for (const auto& [name, content] : entries)
        EXPECT_TRUE(name == "out" || name == ".out.txt") << name;
}

TEST(CliAcceptedInput, Latin1NamesAreReadAsLatin1AndWrittenAsUtf8) {
    const TempDir tmp;
    tmp.write("points.csv", std::string("id,lon,lat,name\nP1,0.5,43.6,Auch\xe9\n"));
    tmp.write("sites.csv", kSitesCsv);
    const CliResult ok =
        run_cli({"nearest", "--from", (tmp / "points.csv").string(), "--from-layer", "points",
                 "--from-name-field", "name", "--sites", (tmp / "sites.csv").string()});
    ASSERT_EQ(ok.exit_code, 0) << ok.report();
    EXPECT_EQ(parse_csv(ok.out).at(0, "origin_name"), "Auch\xc3\xa9");  // é in UTF-8
}

TEST(CliAcceptedInput, SwappedAxesGiveAHintNotASilentAnswer) {
    const TempDir tmp;
    // Latitude first, as a file claiming urn:ogc:def:crs:EPSG::4326 axis order might be written.
    const CliResult r = coverage_of(
        tmp,
        collection({feature(R"({"code":"S1","nom":"swapped"})",
                            polygon("[[43.5,0.5],[43.5,0.7],[43.7,0.7],[43.7,0.5],[43.5,0.5]]"))}));
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("are longitude and latitude swapped"), std::string::npos) << r.report();
}

}  // namespace
