// Direct tests of the geodata API on small files written to a temporary directory: the loaders
// (areas, sites, origins), their error messages (file, layer, feature, field), the labelling
// date parser, and the atomic table writer.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "error_message.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"

namespace {

namespace fs = std::filesystem;
namespace gd = sitecover::geodata;
using sitecover::InputError;
using sitecover::LonLat;
using sitecover::OutputError;
using sitecover::test::error_of;
using sitecover::test::expect_mentions;
using sitecover::test::read_file;
using sitecover::test::TempDir;

// ---- helpers -----------------------------------------------------------------------------

std::string feature(const std::string& properties, const std::string& geometry) {
    return R"({"type":"Feature","properties":)" + properties + R"(,"geometry":)" + geometry + "}";
}
std::string collection(const std::vector<std::string>& features, const std::string& extra = "") {
    std::string text = R"({"type":"FeatureCollection",)" + extra + R"("features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) text += (i ? "," : "") + features[i];
    return text + "]}";
}
std::string polygon(const std::string& rings) {
    return R"({"type":"Polygon","coordinates":[)" + rings + "]}";
}
std::string point(double lon, double lat) {
    return R"({"type":"Point","coordinates":[)" + std::to_string(lon) + "," + std::to_string(lat) +
           "]}";
}
const std::string kSquareRing = "[[0.5,43.5],[0.7,43.5],[0.7,43.7],[0.5,43.7],[0.5,43.5]]";

gd::LayerSource source(const fs::path& path, const std::string& where = "",
                       const std::string& crs = "") {
    return {path.string(), "", where, crs};
}

bool inside(const sitecover::Area& area, const LonLat& p) {
    const sitecover::CoverageIndex index({area});
    return !index.areas_containing(p, sitecover::Boundary::Excluded).empty();
}

// ---- load_areas ----------------------------------------------------------------------------

TEST(LoadAreas, ReadsCodesNamesPartsAndHoles) {
    const TempDir tmp;
    const auto path = tmp.write(
        "areas.geojson",
        collection(
            {feature(
                 R"({"code":"A1","nom":"Sud-Ouest"})",
                 polygon(kSquareRing +
                         ",[[0.55,43.55],[0.55,43.65],[0.65,43.65],[0.65,43.55],[0.55,43.55]]")),
             feature(
                 R"({"code":"A2","nom":"Deux îles"})",
                 R"({"type":"MultiPolygon","coordinates":[[[[1,43],[1.1,43],[1.1,43.1],[1,43]]],[[[2,43],[2.1,43],[2.1,43.1],[2,43]]]]})")}));
    const auto areas = gd::load_areas(source(path));
    ASSERT_EQ(areas.size(), 2u);
    EXPECT_EQ(areas[0].code, "A1");
    EXPECT_EQ(areas[0].name, "Sud-Ouest");
    ASSERT_EQ(areas[0].parts.size(), 1u);
    EXPECT_EQ(areas[0].parts[0].holes.size(), 1u);
    EXPECT_EQ(areas[1].name, "Deux îles");  // UTF-8 kept as is
    EXPECT_EQ(areas[1].parts.size(), 2u);
    EXPECT_TRUE(inside(areas[0], {0.52, 43.52}));
    EXPECT_FALSE(inside(areas[0], {0.6, 43.6}));  // in the hole
}

TEST(LoadAreas, NameFieldMayBeSwitchedOff) {
    const TempDir tmp;
    const auto path =
        tmp.write("areas.geojson", collection({feature(R"({"code":"A1"})", polygon(kSquareRing))}));
    gd::AreaFields fields;
    fields.name = "";
    const auto areas = gd::load_areas(source(path), fields);
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas[0].name, "");
    // With the default name field the missing "nom" is an error naming the field.
    expect_mentions(
        error_of<InputError>([&] { gd::load_areas(source(path)); }),
        {"file '" + path.string() + "'", "no field 'nom' for the area name (fields: code)"});
}

TEST(LoadAreas, NumericCodesAreReadAsText) {
    const TempDir tmp;
    const auto path =
        tmp.write("areas.geojson",
                  collection({feature(R"({"code":32006,"nom":"Auch-3"})", polygon(kSquareRing))}));
    const auto areas = gd::load_areas(source(path));
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas[0].code, "32006");
}

TEST(LoadAreas, RepairsOpenAndClockwiseRings) {
    const TempDir tmp;
    const auto path = tmp.write(
        "areas.geojson",
        collection({feature(R"({"code":"OPEN","nom":"a"})",
                            polygon("[[0.5,43.5],[0.7,43.5],[0.7,43.7],[0.5,43.7]]")),
                    feature(R"({"code":"CW","nom":"b"})",
                            polygon("[[1.5,43.5],[1.5,43.7],[1.7,43.7],[1.7,43.5],[1.5,43.5]]"))}));
    const auto areas = gd::load_areas(source(path));
    ASSERT_EQ(areas.size(), 2u);
    EXPECT_TRUE(inside(areas[0], {0.6, 43.6}));
    EXPECT_TRUE(inside(areas[1], {1.6, 43.6}));
    EXPECT_FALSE(inside(areas[1], {1.8, 43.6}));
}

TEST(LoadAreas, ReprojectsALambert93File) {
    const TempDir tmp;
    // The Auch - Garros site (0.592823, 43.635558) is (505724.99, 6284796.16) in Lambert-93.
    const auto path = tmp.write(
        "l93.geojson",
        collection(
            {feature(
                R"({"code":"L1","nom":"a"})",
                polygon("[[504724.99,6283796.16],[506724.99,6283796.16],[506724.99,6285796.16],"
                        "[504724.99,6285796.16],[504724.99,6283796.16]]"))},
            R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},)"));
    const auto areas = gd::load_areas(source(path));
    ASSERT_EQ(areas.size(), 1u);
    for (const auto& p : areas[0].parts.at(0).outer) {
        EXPECT_NEAR(p.lon_deg, 0.5928, 0.02);
        EXPECT_NEAR(p.lat_deg, 43.6356, 0.02);
    }
    EXPECT_TRUE(inside(areas[0], {0.592823, 43.635558}));
}

TEST(LoadAreas, FiltersWithWhere) {
    const TempDir tmp;
    const auto path = tmp.write(
        "areas.geojson", collection({feature(R"({"code":"A","nom":"a"})", polygon(kSquareRing)),
                                     feature(R"({"code":"B","nom":"b"})", polygon(kSquareRing))}));
    const auto areas = gd::load_areas(source(path, "code = 'B'"));
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas[0].code, "B");
    expect_mentions(
        error_of<InputError>([&] { gd::load_areas(source(path, "code = 'Z'")); }),
        {"file '" + path.string() + "', layer 'areas'", "no feature matches \"code = 'Z'\""});
}

TEST(LoadAreas, ErrorsNameTheFileFeatureAndField) {
    const TempDir tmp;
    const auto write = [&](const std::string& text) { return tmp.write("bad.geojson", text); };
    const std::string file = "file '" + (tmp / "bad.geojson").string() + "', layer 'bad'";

    write(collection({feature(R"({"code":"A","nom":"a"})", point(0.5, 43.6))}));
    expect_mentions(
        error_of<InputError>([&] { gd::load_areas(source(tmp / "bad.geojson")); }),
        {file, "feature 0 (code 'A')", "a Point geometry, expected Polygon or MultiPolygon"});

    write(collection({feature(R"({"id":"A","nom":"a"})", polygon(kSquareRing))}));
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(tmp / "bad.geojson")); }),
                    {file, "no field 'code' for the area code (fields: id, nom)"});

    write(collection({feature(R"({"code":"A","nom":"a"})", polygon(kSquareRing)),
                      feature(R"({"code":null,"nom":"b"})", polygon(kSquareRing))}));
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(tmp / "bad.geojson")); }),
                    {file, "feature 1", "field 'code': empty code"});

    write(collection({feature(R"({"code":"A","nom":"a"})", polygon(kSquareRing)),
                      feature(R"({"code":"B","nom":"b"})", polygon(kSquareRing)),
                      feature(R"({"code":"A","nom":"c"})", polygon(kSquareRing))}));
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(tmp / "bad.geojson")); }),
                    {file, "feature 2", "field 'code': code 'A' already used by feature 0"});

    write(collection({feature(R"({"code":"BOW","nom":"a"})",
                              polygon("[[0,43],[2,44],[2,43],[0,44.5],[0,43]]"))}));
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(tmp / "bad.geojson")); }),
                    {file, "feature 0", "BOW", "self-intersection"});

    write(collection({feature(R"({"code":"N","nom":"a"})", "null")}));
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(tmp / "bad.geojson")); }),
                    {file, "feature 0 (code 'N'): no geometry"});

    write(collection({feature(
        R"({"code":"M","nom":"a"})",
        polygon("[[500000,6280000],[510000,6280000],[510000,6290000],[500000,6280000]]"))}));
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(tmp / "bad.geojson")); }),
                    {file, "feature 0 (code 'M')", "out of range", "is the CRS right?"});

    write(
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},)");
    expect_mentions(
        error_of<InputError>([&] { gd::load_areas(source(tmp / "bad.geojson")); }),
        {"cannot read file '" + (tmp / "bad.geojson").string() + "' as a vector layer"});
}

TEST(LoadAreas, ErrorsForMissingFilesDirectoriesLayersAndCrs) {
    const TempDir tmp;
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(tmp / "nope.geojson")); }),
                    {"file '" + (tmp / "nope.geojson").string() + "' not found"});
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(tmp.path())); }),
                    {"file '" + tmp.path().string() + "' is a directory"});
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source("")); }), {"empty file path"});
    const auto path = tmp.write(
        "areas.geojson", collection({feature(R"({"code":"A","nom":"a"})", polygon(kSquareRing))}));
    expect_mentions(error_of<InputError>([&] {
                        gd::load_areas({path.string(), "nope", "", ""});
                    }),
                    {"file '" + path.string() + "' has no layer 'nope' (layers: areas)"});
    expect_mentions(error_of<InputError>([&] { gd::load_areas(source(path, "code ==")); }),
                    {"file '" + path.string() + "', layer 'areas'", "invalid filter \"code ==\""});
}

// ---- load_sites ----------------------------------------------------------------------------

const std::string kSitesHeader =
    "id_fs,lib_fs,longitude,latitude,type_fs,insee_dep,labellisation_fs";

TEST(LoadSites, ReadsTheAnctColumns) {
    const TempDir tmp;
    const auto path = tmp.write(
        "sites.csv", kSitesHeader +
                         "\n"
                         "1271,\"France services La Poste d'Auch - "
                         "Garros\",0.592823,43.635558,Principal,32,Espace labellisé 01/10/2021\n"
                         "190,\"Barran, antenne\",0.442847,43.616542,Antenne,32,2020-01-01\n"
                         "9,Sans date,0.5,43.5,Principal,32,\n");
    const auto loaded = gd::load_sites(source(path));
    EXPECT_TRUE(loaded.warnings.empty());
    ASSERT_EQ(loaded.sites.size(), 3u);
    const auto& s = loaded.sites[0];
    EXPECT_EQ(s.id, "1271");
    EXPECT_EQ(s.name, "France services La Poste d'Auch - Garros");
    EXPECT_DOUBLE_EQ(s.position.lon_deg, 0.592823);
    EXPECT_DOUBLE_EQ(s.position.lat_deg, 43.635558);
    EXPECT_EQ(s.kind, "Principal");
    EXPECT_EQ(s.department, "32");
    EXPECT_EQ(s.labelled_on, "2021-10-01");
    EXPECT_EQ(loaded.sites[1].name, "Barran, antenne");
    EXPECT_EQ(loaded.sites[1].labelled_on, "2020-01-01");
    EXPECT_EQ(loaded.sites[2].labelled_on, "");
}

TEST(LoadSites, AcceptsAUtf8BomAndCrlfLineEnds) {
    const TempDir tmp;
    // The last column is the one a CRLF would spoil, the first the one a BOM would.
    const auto path = tmp.write(
        "sites.csv",
        "\xEF\xBB\xBFid_fs,lib_fs,longitude,latitude,insee_dep,labellisation_fs,type_fs\r\n"
        "1271,Auch Garros,0.592823,43.635558,32,Espace labellisé 01/10/2021,Principal\r\n"
        "190,Barran,0.442847,43.616542,32,01/01/2020,Antenne\r\n");
    const auto loaded = gd::load_sites(source(path));
    EXPECT_TRUE(loaded.warnings.empty());
    ASSERT_EQ(loaded.sites.size(), 2u);
    EXPECT_EQ(loaded.sites[0].id, "1271");
    EXPECT_EQ(loaded.sites[0].kind, "Principal");
    EXPECT_EQ(loaded.sites[1].kind, "Antenne");
    EXPECT_EQ(loaded.sites[0].labelled_on, "2021-10-01");
    EXPECT_EQ(loaded.sites[1].labelled_on, "2020-01-01");
    EXPECT_DOUBLE_EQ(loaded.sites[1].position.lat_deg, 43.616542);
}

TEST(LoadSites, AcceptsSpreadsheetNumbers) {
    const TempDir tmp;
    // Blanks around numbers, a leading '+', and French decimal commas (quoted).
    const auto path = tmp.write("sites.csv", kSitesHeader +
                                                 "\n"
                                                 "1, a , 0.5 ,+43.6,P,32,\n"
                                                 "2,b,\"0,25\",\"43,75\",P,32,\n");
    const auto loaded = gd::load_sites(source(path));
    ASSERT_EQ(loaded.sites.size(), 2u);
    EXPECT_DOUBLE_EQ(loaded.sites[0].position.lon_deg, 0.5);
    EXPECT_DOUBLE_EQ(loaded.sites[0].position.lat_deg, 43.6);
    EXPECT_DOUBLE_EQ(loaded.sites[1].position.lon_deg, 0.25);
    EXPECT_DOUBLE_EQ(loaded.sites[1].position.lat_deg, 43.75);
}

TEST(LoadSites, MissingOptionalFieldsAreWarnings) {
    const TempDir tmp;
    const auto path = tmp.write("sites.csv", "id_fs,lib_fs,longitude,latitude\n1,a,0.5,43.6\n");
    const auto loaded = gd::load_sites(source(path));
    ASSERT_EQ(loaded.sites.size(), 1u);
    EXPECT_EQ(loaded.sites[0].kind, "");
    ASSERT_EQ(loaded.warnings.size(), 3u);
    expect_mentions(loaded.warnings[0], {"file '" + path.string() + "'", "no field 'type_fs'"});
    expect_mentions(loaded.warnings[1], {"no field 'insee_dep'"});
    expect_mentions(loaded.warnings[2], {"no field 'labellisation_fs'"});
}

TEST(LoadSites, CustomFieldNames) {
    const TempDir tmp;
    const auto path = tmp.write("sites.csv", "ref,label,x,y\nS1,One,0.5,43.6\n");
    gd::SiteFields fields;
    fields.id = "ref";
    fields.name = "label";
    fields.lon = "x";
    fields.lat = "y";
    fields.kind = fields.department = fields.labelled_on = "";
    const auto loaded = gd::load_sites(source(path), fields);
    EXPECT_TRUE(loaded.warnings.empty());
    ASSERT_EQ(loaded.sites.size(), 1u);
    EXPECT_EQ(loaded.sites[0].id, "S1");
    EXPECT_EQ(loaded.sites[0].name, "One");
}

TEST(LoadSites, ReadsAPointLayerAndItsGeometry) {
    const TempDir tmp;
    const auto path = tmp.write(
        "sites.geojson",
        collection({feature(
            R"({"id_fs":12,"lib_fs":"a","type_fs":"Principal","insee_dep":"32","labellisation_fs":"01/09/2020"})",
            point(0.5, 43.6))}));
    const auto loaded = gd::load_sites(source(path));
    ASSERT_EQ(loaded.sites.size(), 1u);
    EXPECT_EQ(loaded.sites[0].id, "12");
    EXPECT_NEAR(loaded.sites[0].position.lon_deg, 0.5, 1e-9);
    EXPECT_NEAR(loaded.sites[0].position.lat_deg, 43.6, 1e-9);
    EXPECT_EQ(loaded.sites[0].labelled_on, "2020-09-01");
}

TEST(LoadSites, ReprojectsATableWithAnAssumedCrs) {
    const TempDir tmp;
    const auto path = tmp.write(
        "sites.csv", "id_fs,lib_fs,longitude,latitude\n1271,Garros,505724.99269,6284796.15949\n");
    const auto loaded = gd::load_sites(source(path, "", "EPSG:2154"));
    ASSERT_EQ(loaded.sites.size(), 1u);
    EXPECT_NEAR(loaded.sites[0].position.lon_deg, 0.592823, 1e-7);
    EXPECT_NEAR(loaded.sites[0].position.lat_deg, 43.635558, 1e-7);
    expect_mentions(error_of<InputError>([&] { gd::load_sites(source(path, "", "EPSG:99999")); }),
                    {"file '" + path.string() + "', layer 'sites'", "unknown CRS 'EPSG:99999'"});
    // Without the CRS the metres are out of range, and the message says which field.
    expect_mentions(error_of<InputError>([&] { gd::load_sites(source(path)); }),
                    {"feature 1 (id '1271')", "out of range"});
}

TEST(LoadSites, ErrorsNameTheFileFeatureAndField) {
    const TempDir tmp;
    const std::string name = "sites.csv";
    const std::string file = "file '" + (tmp / name).string() + "', layer 'sites'";
    const auto fails_with = [&](const std::string& rows, const std::vector<std::string>& pieces,
                                const gd::SiteFields& fields = {}) {
        tmp.write(name, kSitesHeader + "\n" + rows);
        expect_mentions(error_of<InputError>([&] { gd::load_sites(source(tmp / name), fields); }),
                        pieces);
    };
    fails_with("1,a,0.5,43.6,P,32,\n2,b,0.5,abc,P,32,\n",
               {file, "feature 2 (id '2'), field 'latitude': 'abc' is not a number"});
    fails_with("1,a,east,43.6,P,32,\n",
               {file, "feature 1 (id '1'), field 'longitude': 'east' is not a number"});
    fails_with("1,a,0.5,95,P,32,\n",
               {file, "feature 1 (id '1'), field 'latitude'", "out of range [-90, 90]"});
    fails_with("1,a,-181,43.6,P,32,\n",
               {file, "feature 1 (id '1'), field 'longitude'", "out of range [-180, 180]"});
    fails_with("1,a,0.5,43.6,P,32,\n1,b,0.6,43.6,P,32,\n",
               {file, "feature 2, field 'id_fs': site id '1' already used by feature 1"});
    fails_with(",a,0.5,43.6,P,32,\n", {file, "feature 1, field 'id_fs': empty site id"});
    gd::SiteFields fields;
    fields.id = "nope";
    fails_with("1,a,0.5,43.6,P,32,\n",
               {file,
                "no field 'nope' for the site id (fields: id_fs, lib_fs, longitude, latitude, "
                "type_fs, insee_dep, "
                "labellisation_fs)"},
               fields);
    const auto lines = tmp.write(
        "lines.geojson",
        collection({feature(R"({"id_fs":"L","lib_fs":"a"})",
                            R"({"type":"LineString","coordinates":[[0.5,43.6],[0.6,43.6]]})")}));
    expect_mentions(error_of<InputError>([&] { gd::load_sites(source(lines)); }),
                    {"file '" + lines.string() + "'", "feature 0 (id 'L')",
                     "a Line String geometry, expected Point"});
}

TEST(LoadSites, HeaderOnlyTableGivesNoSite) {
    const TempDir tmp;
    const auto path = tmp.write("sites.csv", kSitesHeader + "\n");
    EXPECT_TRUE(gd::load_sites(source(path)).sites.empty());  // "nothing found" is not an error
}

TEST(ParseLabellingDate, AcceptsTheAnctAndIsoForms) {
    EXPECT_EQ(gd::parse_labelling_date("Espace labellisé 01/09/2020"), "2020-09-01");
    EXPECT_EQ(gd::parse_labelling_date("Espace labellisé 20/04/2022 "), "2022-04-20");
    EXPECT_EQ(gd::parse_labelling_date("01/09/2020"), "2020-09-01");
    EXPECT_EQ(gd::parse_labelling_date("2020-09-01"), "2020-09-01");
    EXPECT_EQ(gd::parse_labelling_date(" 2020-09-01T10:00:00"), "2020-09-01");
    EXPECT_EQ(gd::parse_labelling_date(""), "");
    EXPECT_EQ(gd::parse_labelling_date("Espace labellisé"), "");
    EXPECT_EQ(gd::parse_labelling_date("bientôt"), "");
    EXPECT_EQ(gd::parse_labelling_date("1/9/2020"), "");
}

// ---- load_origins ---------------------------------------------------------------------------

TEST(LoadOrigins, CsvPointsUseTheIdColumnWhenThereIsNoCode) {
    const TempDir tmp;
    const auto path = tmp.write("points.csv", "id,lon,lat\nP1,0.592823,43.635558\nP2,0.5,43.7\n");
    const auto origins = gd::load_origins(source(path));
    ASSERT_EQ(origins.size(), 2u);
    EXPECT_EQ(origins[0].code, "P1");
    EXPECT_EQ(origins[0].name, "");
    EXPECT_EQ(origins[0].position, (LonLat{0.592823, 43.635558}));
    EXPECT_EQ(origins[1].code, "P2");
}

TEST(LoadOrigins, CsvWithBomCrlfCodeAndName) {
    const TempDir tmp;
    const auto path = tmp.write("points.csv",
                                "\xEF\xBB\xBF"
                                "code,nom,lon,lat\r\n32013,Auch,0.5856,43.6465\r\n");
    const auto origins = gd::load_origins(source(path));
    ASSERT_EQ(origins.size(), 1u);
    EXPECT_EQ(origins[0].code, "32013");
    EXPECT_EQ(origins[0].name, "Auch");
    EXPECT_DOUBLE_EQ(origins[0].position.lat_deg, 43.6465);
}

TEST(LoadOrigins, PolygonsBecomePointsByRule) {
    const TempDir tmp;
    // A U shape: its centroid falls in the notch, outside; the point on surface stays inside.
    const auto path = tmp.write(
        "u.geojson",
        collection({feature(R"({"code":"U","nom":"u"})",
                            polygon("[[0.0,43.0],[0.3,43.0],[0.3,43.3],[0.2,43.3],[0.2,43.1],[0.1,"
                                    "43.1],[0.1,43.3],[0.0,43.3],[0.0,43.0]]"))}));
    const auto surface = gd::load_origins(source(path));
    const auto centroid = gd::load_origins(source(path), {}, gd::OriginRule::Centroid);
    ASSERT_EQ(surface.size(), 1u);
    ASSERT_EQ(centroid.size(), 1u);
    EXPECT_EQ(surface[0].name, "u");
    EXPECT_NEAR(centroid[0].position.lon_deg, 0.15, 1e-6);
    EXPECT_NEAR(centroid[0].position.lat_deg, 43.0 + 0.3 * (9.5 / 7.0) / 3.0, 2e-3);
    auto areas = gd::load_areas(source(path));
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_FALSE(inside(areas[0], centroid[0].position));
    EXPECT_TRUE(inside(areas[0], surface[0].position));
}

TEST(LoadOrigins, PointLayer) {
    const TempDir tmp;
    const auto path = tmp.write(
        "points.geojson", collection({feature(R"({"code":"A","nom":"a"})", point(0.5, 43.6)),
                                      feature(R"({"code":"B","nom":"b"})", point(0.6, 43.7))}));
    const auto origins = gd::load_origins(source(path));
    ASSERT_EQ(origins.size(), 2u);
    EXPECT_EQ(origins[1].code, "B");
    EXPECT_NEAR(origins[1].position.lon_deg, 0.6, 1e-9);
}

TEST(LoadOrigins, ErrorsNameTheFileFeatureAndField) {
    const TempDir tmp;
    const auto path = tmp.write("points.csv", "id,lon,lat\nP1,0.5,43.6\nP2,0.5,north\n");
    expect_mentions(error_of<InputError>([&] { gd::load_origins(source(path)); }),
                    {"file '" + path.string() + "', layer 'points'", "feature 2 (code 'P2')",
                     "field 'lat'", "'north' is not a number"});
    gd::OriginFields fields;
    fields.code = "nope";
    expect_mentions(error_of<InputError>([&] { gd::load_origins(source(path), fields); }),
                    {"no field 'nope' for the origin code (fields: id, lon, lat)"});
    const auto no_lon = tmp.write("xy.csv", "id,x,y\nP1,0.5,43.6\n");
    expect_mentions(
        error_of<InputError>([&] { gd::load_origins(source(no_lon)); }),
        {"file '" + no_lon.string() + "'", "no field 'lon' for the longitude (fields: id, x, y)"});
    const auto lines = tmp.write(
        "lines.geojson",
        collection({feature(R"({"code":"L"})",
                            R"({"type":"LineString","coordinates":[[0.5,43.6],[0.6,43.6]]})")}));
    expect_mentions(error_of<InputError>([&] { gd::load_origins(source(lines)); }),
                    {"file '" + lines.string() + "'", "feature 0 (code 'L')",
                     "Line String geometry", "(origins are points or polygons)"});
}

// Polygons are repaired and reduced to points on helper threads while GDAL reads on: the
// points, the warnings and the first error still come in file order.
TEST(LoadOrigins, ManyPolygonsKeepFileOrderWarningsAndTheFirstError) {
    const TempDir tmp;
    // Square i of a 20-wide grid of 0.008-degree cells; `twisted`: the same corners as a bowtie.
    const auto ring = [](int i, bool twisted) {
        const double lon = 0.01 * (i % 20), lat = 43.0 + 0.01 * (i / 20);
        char text[256];
        std::snprintf(text, sizeof text,
                      "[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]", lon, lat,
                      lon + 0.008, twisted ? lat + 0.008 : lat, lon + 0.008,
                      twisted ? lat : lat + 0.008, lon, lat + 0.008, lon, lat);
        return std::string(text);
    };
    const auto square = [&](int i) { return ring(i, false); };
    const auto bowtie = [&](int i) { return ring(i, true); };
    const auto code = [](int i) {
        char text[16];
        std::snprintf(text, sizeof text, "P%03d", i);
        return std::string(text);
    };
    std::vector<std::string> features;
    for (int i = 0; i < 300; ++i) {
        const bool bad = i == 50 || i == 200;
        features.push_back(
            feature(R"({"code":")" + code(i) + R"("})", polygon(bad ? bowtie(i) : square(i))));
    }
    const auto path = tmp.write("many.geojson", collection(features));
    std::vector<std::string> warnings;
    const auto origins =
        gd::load_origins(source(path), {}, gd::OriginRule::PointOnSurface, &warnings);
    ASSERT_EQ(origins.size(), 300u);
    for (int i = 0; i < 300; ++i) {
        SCOPED_TRACE(code(i));
        EXPECT_EQ(origins[i].code, code(i));
        const double lon = 0.01 * (i % 20), lat = 43.0 + 0.01 * (i / 20);
        EXPECT_GT(origins[i].position.lon_deg, lon);
        EXPECT_LT(origins[i].position.lon_deg, lon + 0.008);
        EXPECT_GT(origins[i].position.lat_deg, lat);
        EXPECT_LT(origins[i].position.lat_deg, lat + 0.008);
    }
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_NE(warnings[0].find("feature 50 (code 'P050'): invalid polygon made valid"),
              std::string::npos)
        << warnings[0];
    EXPECT_NE(warnings[1].find("feature 200 (code 'P200')"), std::string::npos) << warnings[1];

    // A polygon nothing can repair (a flat ring) at 100, an empty code at 150: the error of
    // feature 100 wins, although the reading thread met its own error later.
    features[100] = feature(R"({"code":"FLAT"})", polygon("[[0,43],[0.5,43],[0,43],[0,43]]"));
    features[150] = feature(R"({"code":""})", polygon(square(150)));
    const auto bad = tmp.write("bad.geojson", collection(features));
    for (int run = 0; run < 5; ++run) {
        const std::string message = error_of<InputError>([&] { gd::load_origins(source(bad)); });
        EXPECT_NE(message.find("feature 100"), std::string::npos) << message;
        EXPECT_NE(message.find("fewer than 3 distinct vertices"), std::string::npos) << message;
    }
}

TEST(LoadOrigins, AGdalFileThatChangesWhileReadIsAnError) {
    const TempDir tmp;
    const auto path =
        tmp.write("points.geojson", collection({feature(R"({"code":"A"})", point(0.5, 43.6)),
                                                feature(R"({"code":"B"})", point(0.6, 43.7))}));
    auto reader = gd::open_origins(source(path));
    std::vector<gd::Origin> out;
    ASSERT_TRUE(reader->next_chunk(out, 1));
    std::filesystem::last_write_time(
        path, std::filesystem::last_write_time(path) + std::chrono::seconds(2));
    expect_mentions(error_of<InputError>([&] {
                        while (reader->next_chunk(out, 1)) {
                        }
                    }),
                    {"file '" + path.string() + "' changed while it was being read",
                     "modified since it was opened"});
}

// ---- TableWriter ---------------------------------------------------------------------------

const std::vector<gd::Column> kColumns = {{"code", gd::FieldType::String},
                                          {"count", gd::FieldType::Integer},
                                          {"ok", gd::FieldType::Boolean},
                                          {"metres", gd::FieldType::Real, 1}};

gd::Row values_row(std::vector<gd::Value> values) {
    gd::Row row;
    row.values = std::move(values);
    return row;
}

gd::TableOptions table_options(const fs::path& path,
                               gd::GeometryKind geometry = gd::GeometryKind::None,
                               bool overwrite = false, const std::string& format = "") {
    gd::TableOptions options;
    options.path = path.string();
    options.format = format;
    options.layer_name = "result";
    options.overwrite = overwrite;
    options.geometry = geometry;
    return options;
}

TEST(TableWriter, WritesCsvWithNullsRoundingAndQuoting) {
    const TempDir tmp;
    {
        gd::TableWriter writer(table_options(tmp / "t.csv"), kColumns);
        writer.add_row(values_row({std::string("a,b"), std::int64_t{3}, true, 164.84}));
        writer.add_row(values_row({std::string("Auch-3"), std::int64_t{0}, false, gd::Value()}));
        writer.add_row(values_row({std::string("say \"hi\""), gd::Value(), false, std::nan("")}));
        // Before commit nothing is visible at the target.
        EXPECT_FALSE(fs::exists(tmp / "t.csv"));
        writer.commit();
    }
    EXPECT_EQ(read_file(tmp / "t.csv"),
              "code,count,ok,metres\n"
              "\"a,b\",3,1,164.8\n"
              "Auch-3,0,0,\n"
              "\"say \"\"hi\"\"\",,0,\n");
    EXPECT_EQ(tmp.snapshot().size(), 1u);
}

TEST(TableWriter, UncommittedWriterLeavesNothing) {
    const TempDir tmp;
    {
        gd::TableWriter writer(table_options(tmp / "t.gpkg", gd::GeometryKind::Point), kColumns);
        gd::Row row{{std::string("a"), std::int64_t{1}, true, 1.0}, {{0.5, 43.6}}, nullptr};
        writer.add_row(row);
    }
    EXPECT_TRUE(tmp.snapshot().empty());
}

TEST(TableWriter, RefusesToReplaceAFileWithoutOverwrite) {
    const TempDir tmp;
    tmp.write("t.csv", "keep me\n");
    expect_mentions(error_of<OutputError>([&] {
                        [[maybe_unused]] const gd::TableWriter w(table_options(tmp / "t.csv"),
                                                                 kColumns);
                    }),
                    {"output '" + (tmp / "t.csv").string() + "' already exists",
                     "use overwrite to replace it"});
    EXPECT_EQ(tmp.read("t.csv"), "keep me\n");
    {
        gd::TableWriter writer(table_options(tmp / "t.csv", gd::GeometryKind::None, true),
                               kColumns);
        writer.add_row(values_row({std::string("x"), std::int64_t{1}, true, 2.0}));
        // Until commit the old content stays in place.
        EXPECT_EQ(tmp.read("t.csv"), "keep me\n");
        writer.commit();
    }
    EXPECT_EQ(tmp.read("t.csv"), "code,count,ok,metres\nx,1,1,2\n");
    EXPECT_EQ(tmp.snapshot().size(), 1u);
}

TEST(TableWriter, OutputErrorsNameThePath) {
    const TempDir tmp;
    expect_mentions(
        error_of<OutputError>([&] {
            [[maybe_unused]] const gd::TableWriter w(table_options(tmp / "t.xyz"), kColumns);
        }),
        {"output '" + (tmp / "t.xyz").string() + "': no GDAL driver writes this extension"});
    expect_mentions(error_of<OutputError>([&] {
                        [[maybe_unused]] const gd::TableWriter w(
                            table_options(tmp / "no" / "t.csv"), kColumns);
                    }),
                    {"directory '" + (tmp / "no").string() + "' does not exist"});
    fs::create_directory(tmp / "d.csv");
    expect_mentions(error_of<OutputError>([&] {
                        [[maybe_unused]] const gd::TableWriter w(table_options(tmp / "d.csv"),
                                                                 kColumns);
                    }),
                    {"output '" + (tmp / "d.csv").string() + "' is a directory"});
    expect_mentions(
        error_of<OutputError>([&] {
            [[maybe_unused]] const gd::TableWriter w(
                table_options(tmp / "t.csv", gd::GeometryKind::None, false, "NoSuchDriver"),
                kColumns);
        }),
        {"cannot write the format 'NoSuchDriver'"});
    EXPECT_EQ(tmp.snapshot().size(), 1u);  // only d.csv/
}

TEST(TableWriter, RowsAfterCommitAreRefused) {
    const TempDir tmp;
    gd::TableWriter writer(table_options(tmp / "t.csv"), kColumns);
    writer.commit();
    expect_mentions(
        error_of<OutputError>([&] {
            writer.add_row(values_row({std::string("late"), std::int64_t{1}, true, 1.0}));
        }),
        {"already closed"});
    expect_mentions(error_of<OutputError>([&] { writer.commit(); }), {"already closed"});
    EXPECT_EQ(read_file(tmp / "t.csv"), "code,count,ok,metres\n");
}

TEST(TableWriter, PointsRoundTripThroughGeoJsonAndGeoPackage) {
    for (const char* name : {"p.geojson", "p.gpkg", "p.fgb"}) {
        SCOPED_TRACE(name);
        const TempDir tmp;
        {
            gd::TableWriter writer(table_options(tmp / name, gd::GeometryKind::Point), kColumns);
            writer.add_row({{std::string("A"), std::int64_t{1}, true, 1.25},
                            {{0.592823, 43.635558}},
                            nullptr});
            writer.add_row(
                {{std::string("B"), std::int64_t{2}, false, 2.5}, {{-0.1, 44.0}}, nullptr});
            writer.commit();
        }
        const auto origins = gd::load_origins(source(tmp / name));
        ASSERT_EQ(origins.size(), 2u);
        EXPECT_EQ(origins[0].code, "A");
        EXPECT_NEAR(origins[0].position.lon_deg, 0.592823, 1e-9);
        EXPECT_NEAR(origins[0].position.lat_deg, 43.635558, 1e-9);
        EXPECT_EQ(origins[1].code, "B");
        EXPECT_NEAR(origins[1].position.lon_deg, -0.1, 1e-9);
        EXPECT_EQ(tmp.snapshot().size(), 1u);
    }
}

TEST(TableWriter, AreasRoundTripThroughGeoPackage) {
    const TempDir tmp;
    sitecover::Area area{"A1", "Carré", {}};
    sitecover::Polygon part;
    part.outer = {{0.5, 43.5}, {0.7, 43.5}, {0.7, 43.7}, {0.5, 43.7}};
    part.holes = {{{0.55, 43.55}, {0.55, 43.65}, {0.65, 43.65}, {0.65, 43.55}}};
    area.parts.push_back(part);
    {
        gd::TableWriter writer(table_options(tmp / "a.gpkg", gd::GeometryKind::MultiPolygon),
                               {{"code", gd::FieldType::String}, {"nom", gd::FieldType::String}});
        gd::Row row;
        row.values = {std::string("A1"), std::string("Carré")};
        row.area = &area;
        writer.add_row(row);
        writer.commit();
    }
    const auto areas = gd::load_areas(source(tmp / "a.gpkg"));
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas[0].code, "A1");
    EXPECT_EQ(areas[0].name, "Carré");
    ASSERT_EQ(areas[0].parts.size(), 1u);
    EXPECT_EQ(areas[0].parts[0].holes.size(), 1u);
    EXPECT_TRUE(inside(areas[0], {0.52, 43.52}));
    EXPECT_FALSE(inside(areas[0], {0.6, 43.6}));
}

TEST(TableWriter, ShapefileSidecarsAreAllRenamed) {
    const TempDir tmp;
    {
        gd::TableWriter writer(table_options(tmp / "s.shp", gd::GeometryKind::Point), kColumns);
        writer.add_row({{std::string("A"), std::int64_t{1}, true, 1.0}, {{0.5, 43.6}}, nullptr});
        writer.commit();
    }
    const auto entries = tmp.snapshot();
    for (const char* sidecar : {"s.shp", "s.shx", "s.dbf", "s.prj"})
        EXPECT_EQ(entries.count(sidecar), 1u) << sidecar;
    for (const auto& [name, content] : entries)
        EXPECT_EQ(name.find("sitecover-tmp"), std::string::npos) << name;
    EXPECT_EQ(gd::load_origins(source(tmp / "s.shp")).size(), 1u);
}

// Known bug (TableWriter::Impl::temporary_files matches by stem): a target path without extension
// (with an explicit format) is committed as "<name>.sitecover-tmp-<pid>", not "<name>".
TEST(TableWriter, ExtensionlessPathWithExplicitFormat) {
    const TempDir tmp;
    {
        gd::TableWriter writer(table_options(tmp / "out", gd::GeometryKind::Point, false, "GPKG"),
                               kColumns);
        writer.add_row({{std::string("A"), std::int64_t{1}, true, 1.0}, {{0.5, 43.6}}, nullptr});
        writer.commit();
    }
    EXPECT_TRUE(fs::is_regular_file(tmp / "out"));
    EXPECT_EQ(tmp.snapshot().size(), 1u);
}

TEST(DriverForPath, KnownExtensionsInAnyCase) {
    EXPECT_EQ(gd::driver_for_path("-"), "CSV");
    EXPECT_EQ(gd::driver_for_path("a.csv"), "CSV");
    EXPECT_EQ(gd::driver_for_path("A.CSV"), "CSV");
    EXPECT_EQ(gd::driver_for_path("a.geojson"), "GeoJSON");
    EXPECT_EQ(gd::driver_for_path("a.json"), "GeoJSON");
    EXPECT_EQ(gd::driver_for_path("dir.v2/a.gpkg"), "GPKG");
    EXPECT_EQ(gd::driver_for_path("a.fgb"), "FlatGeobuf");
    EXPECT_EQ(gd::driver_for_path("a.shp"), "ESRI Shapefile");
    EXPECT_EQ(gd::driver_for_path("a.txt"), "");
    EXPECT_EQ(gd::driver_for_path("a"), "");
}

}  // namespace
