// The catalogue of bad invocations of the sitecover CLI: each case gives the arguments, the small
// input files it needs, the documented exit code (tools/exit_codes.hpp: 2 usage, 3 input data,
// 5 output) and the text the error line must hold. Every case also checks that the run changed
// nothing on disk: no output, no leftover temporary file, existing files untouched.
// After the catalogue: the inputs that look wrong but must be accepted (repairable rings,
// --overwrite) and the output-path cases found to misbehave.

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "tools/cli_test_support.hpp"

namespace {

using sitecover::test::CliOptions;
using sitecover::test::CliResult;
using sitecover::test::kDataDir;
using sitecover::test::parse_csv;
using sitecover::test::run_cli;
using sitecover::test::TempDir;

constexpr int kUsage = 2;
constexpr int kInput = 3;
constexpr int kOutput = 5;

// ---- small input files -------------------------------------------------------------------

// A sites table with every field the loader looks for (so that no warning precedes the error).
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

// ---- the catalogue -----------------------------------------------------------------------

struct BadCase {
    std::string name;
    std::vector<std::string> args;  // {tmp}: the case's directory, {data}: the real data
    std::vector<std::pair<std::string, std::string>> files;  // written to {tmp} first
    int exit_code;
    std::vector<std::string> expect;  // each must appear in the error line ({tmp} expanded)
    std::map<std::string, std::optional<std::string>> env = {};
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

// coverage / nearest on the real data, writing to {tmp}/out.csv, then `extra`.
std::vector<std::string> cov(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"coverage", "--data", "{data}", "-o", "{tmp}/out.csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}
std::vector<std::string> near(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"nearest", "--data", "{data}", "-o", "{tmp}/out.csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::vector<BadCase> bad_cases() {
    const auto sites = [](const std::string& rows) {
        return std::make_pair(std::string("sites.csv"), kSitesHeader + rows);
    };
    return {
        // -- usage (2) ------------------------------------------------------------------------
        {"UnknownOption",
         cov({"--bogus"}),
         {},
         kUsage,
         {"unknown option '--bogus'", "(see 'sitecover coverage --help')"}},
        {"OptionOfTheOtherCommand", cov({"--k", "3"}), {}, kUsage, {"unknown option '--k'"}},
        {"MissingOptionValue",
         cov({"--areas"}),
         {},
         kUsage,
         {"option '--areas' needs a value (FILE)"}},
        {"MissingKValue", near({"--k"}), {}, kUsage, {"option '--k' needs a value (N)"}},
        {"KZero", near({"--k", "0"}), {}, kUsage, {"option '--k': 0 is outside [1, 1000]"}},
        {"KNotANumber",
         near({"--k", "abc"}),
         {},
         kUsage,
         {"option '--k': 'abc' is not a whole number"}},
        {"KFraction",
         near({"--k", "2.5"}),
         {},
         kUsage,
         {"option '--k': '2.5' is not a whole number"}},
        {"KEmptyInline", near({"--k="}), {}, kUsage, {"option '--k': '' is not a whole number"}},
        {"KTooLarge",
         near({"--k", "1001"}),
         {},
         kUsage,
         {"option '--k': 1001 is outside [1, 1000]"}},
        {"MaxKmNegative",
         near({"--max-km", "-1"}),
         {},
         kUsage,
         {"option '--max-km': -1 is outside"}},
        {"FragileNotANumber",
         cov({"--fragile-m", "far"}),
         {},
         kUsage,
         {"option '--fragile-m': 'far' is not a number"}},
        {"AsOfMonth13",
         cov({"--as-of", "2022-13-01"}),
         {},
         kUsage,
         {"option '--as-of': '2022-13-01' is not a date YYYY-MM-DD"}},
        {"AsOfFrenchFormat",
         cov({"--as-of", "20/04/2022"}),
         {},
         kUsage,
         {"option '--as-of': '20/04/2022' is not a date YYYY-MM-DD"}},
        // Known bug: valid_iso_date (tools/inputs.cpp) accepts any day up to 31 in any month.
        {"AsOfFebruary31",
         cov({"--as-of", "2022-02-31"}),
         {},
         kUsage,
         {"option '--as-of': '2022-02-31' is not a date"}},
        {"BoundaryUnknown",
         cov({"--boundary", "maybe"}),
         {},
         kUsage,
         {"option '--boundary': 'maybe' is not 'included' or 'excluded'"}},
        {"OriginRuleUnknown",
         near({"--origin", "middle"}),
         {},
         kUsage,
         {"option '--origin': 'middle' is not 'point-on-surface' or 'centroid'"}},
        {"SiteTypesEmpty",
         cov({"--site-types", " , "}),
         {},
         kUsage,
         {"option '--site-types': give at least one type"}},
        {"OptionGivenTwice",
         cov({"--boundary", "included", "--boundary", "excluded"}),
         {},
         kUsage,
         {"option '--boundary' given twice"}},
        {"FlagWithValue",
         cov({"--overwrite=yes"}),
         {},
         kUsage,
         {"option '--overwrite' takes no value"}},
        {"UnexpectedArgument",
         cov({"cantons.geojson"}),
         {},
         kUsage,
         {"unexpected argument 'cantons.geojson'"}},
        {"UnknownCommand",
         {"frobnicate", "-o", "{tmp}/out.csv"},
         {},
         kUsage,
         {"unknown command 'frobnicate' (commands: coverage, nearest"}},

        // -- input data (3): files and fields ---------------------------------------------------
        {"MissingAreasFile",
         cov({"--areas", "{tmp}/nope.geojson"}),
         {},
         kInput,
         {"file '{tmp}/nope.geojson' not found"}},
        {"DirectoryAsSites",
         cov({"--sites", "{tmp}/dir"}),
         {{"dir/readme.txt", "not a layer\n"}},
         kInput,
         {"file '{tmp}/dir' is a directory, not a vector file"}},
        {"NotAVectorFile",
         cov({"--areas", "{tmp}/notes.txt.gz"}),
         {{"notes.txt.gz", "\x01\x02 binary?"}},
         kInput,
         {"cannot read file '{tmp}/notes.txt.gz' as a vector layer"}},
        {"EmptySitesLayer",
         near({"--sites", "{tmp}/sites.csv"}),
         {sites("")},
         kInput,
         {"no site to search in {tmp}/sites.csv"}},
        {"FiltersRemoveEverySite",
         near({"--sites", "{tmp}/sites.csv", "--as-of", "2000-01-01"}),
         {{"sites.csv", kSitesCsv}},
         kInput,
         {"no site to search in {tmp}/sites.csv after the filters"}},
        {"MissingSiteIdField",
         cov({"--sites", "{tmp}/sites.csv", "--site-id-field", "nope"}),
         {{"sites.csv", kSitesCsv}},
         kInput,
         {"file '{tmp}/sites.csv', layer 'sites': no field 'nope' for the site id",
          "(fields: id_fs, lib_fs, longitude, latitude, type_fs, insee_dep, labellisation_fs)"}},
        {"MissingSiteIdFieldInTheNationalList",
         cov({"--site-id-field", "nope"}),
         {},
         kInput,
         {"france-services-2024-08-01.csv', layer 'france-services-2024-08-01': no field 'nope' "
          "for the site id",
          "(fields: id_fs, insee_dep, lib_fs, ", "labellisation_fs)"}},
        {"MissingLatitudeColumn",
         cov({"--sites", "{tmp}/sites.csv", "--site-lat-field", "lat"}),
         {{"sites.csv", kSitesCsv}},
         kInput,
         {"no field 'lat' for the latitude"}},
        {"NonNumericLatitude",
         near({"--sites", "{tmp}/sites.csv"}),
         {sites("1,a,0.5,43.6,Principal,32,\n2,b,0.6,abc,Principal,32,\n")},
         kInput,
         {"file '{tmp}/sites.csv'", "feature 2 (id '2')", "field 'latitude'",
          "'abc' is not a number"}},
        {"EmptyLatitude",
         near({"--sites", "{tmp}/sites.csv"}),
         {sites("1,a,0.5,,Principal,32,\n")},
         kInput,
         {"file '{tmp}/sites.csv'", "feature 1 (id '1')", "field 'latitude'"}},
        {"LatitudeOutOfRange",
         near({"--sites", "{tmp}/sites.csv"}),
         {sites("7,a,0.5,95,Principal,32,\n")},
         kInput,
         {"file '{tmp}/sites.csv'", "feature 1 (id '7')", "field 'latitude': 95",
          "out of range [-90, 90]", "swapped"}},
        {"LongitudeOutOfRange",
         near({"--sites", "{tmp}/sites.csv"}),
         {sites("7,a,200,43.6,Principal,32,\n")},
         kInput,
         {"feature 1 (id '7')", "field 'longitude': 200", "out of range [-180, 180]"}},
        {"DuplicateSiteId",
         cov({"--sites", "{tmp}/sites.csv"}),
         {sites("1,a,0.5,43.6,Principal,32,\n1,b,0.6,43.6,Principal,32,\n")},
         kInput,
         {"file '{tmp}/sites.csv'", "feature 2",
          "field 'id_fs': site id '1' already used by feature 1"}},
        {"EmptySiteId",
         cov({"--sites", "{tmp}/sites.csv"}),
         {sites(",a,0.5,43.6,Principal,32,\n")},
         kInput,
         {"file '{tmp}/sites.csv'", "feature 1", "field 'id_fs': empty site id"}},
        {"SitesAsLinesNotPoints",
         cov({"--sites", "{tmp}/sites.geojson"}),
         {{"sites.geojson",
           collection({feature(
               R"({"id_fs":"1","lib_fs":"a","type_fs":"P","insee_dep":"32","labellisation_fs":""})",
               R"({"type":"LineString","coordinates":[[0.5,43.6],[0.6,43.6]]})")})}},
         kInput,
         {"file '{tmp}/sites.geojson'", "feature 0 (id '1')",
          "a Line String geometry, expected Point"}},
        {"UnknownSitesCrs",
         cov({"--sites", "{tmp}/sites.csv", "--sites-crs", "EPSG:99999"}),
         {{"sites.csv", kSitesCsv}},
         kInput,
         {"file '{tmp}/sites.csv'", "unknown CRS 'EPSG:99999'"}},
        {"GarbageSitesCrs",
         cov({"--sites", "{tmp}/sites.csv", "--sites-crs", "not a crs"}),
         {{"sites.csv", kSitesCsv}},
         kInput,
         {"file '{tmp}/sites.csv'", "unknown CRS 'not a crs'"}},
        {"InvalidSitesWhere",
         cov({"--sites-where", "insee_dep = = '32'"}),
         {},
         kInput,
         {"invalid filter \"insee_dep = = '32'\"", "syntax error"}},
        {"SitesWhereOnAMissingField",
         cov({"--sites-where", "nofield = '32'"}),
         {},
         kInput,
         {"invalid filter \"nofield = '32'\"", "nofield"}},

        // -- input data (3): areas ------------------------------------------------------------
        {"AreasPointGeometry",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson", collection({feature(R"({"code":"A","nom":"a"})",
                                                R"({"type":"Point","coordinates":[0.5,43.6]})")})}},
         kInput,
         {"file '{tmp}/areas.geojson'", "feature 0 (code 'A')",
          "a Point geometry, expected Polygon or MultiPolygon"}},
        {"AreasNaNCoordinate",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection(
               {feature(R"({"code":"N1","nom":"n"})",
                        polygon("[[0.5,43.5],[0.7,43.5],[0.7,NaN],[0.5,43.7],[0.5,43.5]]"))})}},
         kInput,
         {"file '{tmp}/areas.geojson'", "feature 0 (code 'N1')",
          "a non-finite coordinate at vertex 2"}},
        {"AreasHugeCoordinate",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection(
               {feature(R"({"code":"H1","nom":"h"})",
                        polygon("[[0.5,43.5],[0.7,43.5],[0.7,1e300],[0.5,43.7],[0.5,43.5]]"))})}},
         kInput,
         {"feature 0 (code 'H1')",
          "a coordinate out of range at vertex 2 (0.7, 1e+300): is the CRS right?"}},
        {"AreasEmptyGeometryCollection",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection({feature(R"({"code":"G1","nom":"g"})",
                               R"({"type":"GeometryCollection","geometries":[]})")})}},
         kInput,
         {"feature 0 (code 'G1'): no geometry"}},
        {"AreasMixedGeometryTypes",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection(
               {feature(R"({"code":"M1","nom":"poly"})", polygon(kSquareRing)),
                feature(R"({"code":"M2","nom":"line"})",
                        R"({"type":"LineString","coordinates":[[0.5,43.5],[0.7,43.5]]})")})}},
         kInput,
         {"feature 1 (code 'M2')", "a Line String geometry, expected Polygon or MultiPolygon"}},
        {"AreasTruncated",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson", kSquare.substr(0, kSquare.size() / 2)}},
         kInput,
         {"cannot read file '{tmp}/areas.geojson' as a vector layer"}},
        {"AreasMalformedJson",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson", R"({"type":"FeatureCollection","features":[ } ])"}},
         kInput,
         {"cannot read file '{tmp}/areas.geojson' as a vector layer"}},
        // A symmetric bow-tie (two equal lobes, zero signed area).
        {"AreasBowTieSymmetric",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection({feature(R"({"code":"BOW1","nom":"bow"})",
                               polygon("[[0,43],[1,44],[1,43],[0,44],[0,43]]"))})}},
         kInput,
         {"file '{tmp}/areas.geojson'", "feature 0", "BOW1", "invalid polygon"}},
        {"AreasBowTie",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection({feature(R"({"code":"BOW2","nom":"bow"})",
                               polygon("[[0,43],[2,44],[2,43],[0,44.5],[0,43]]"))})}},
         kInput,
         {"file '{tmp}/areas.geojson'", "feature 0", "BOW2", "self-intersection"}},
        {"DuplicateAreaCodes",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection({feature(R"({"code":"X","nom":"a"})", polygon(kSquareRing)),
                       feature(R"({"code":"X","nom":"b"})",
                               polygon("[[1,43],[2,43],[2,44],[1,44],[1,43]]"))})}},
         kInput,
         {"file '{tmp}/areas.geojson'", "feature 1",
          "field 'code': code 'X' already used by feature 0"}},
        {"MissingAreaCodeField",
         cov({"--areas", "{tmp}/areas.geojson", "--area-code-field", "insee"}),
         {{"areas.geojson", kSquare}},
         kInput,
         {"file '{tmp}/areas.geojson', layer 'areas': no field 'insee' for the area code (fields: "
          "code, nom)"}},
        {"MissingAreaCodeFieldInTheCantons",
         cov({"--area-code-field", "insee"}),
         {},
         kInput,
         {"cantons-32-geofla2016.geojson'",
          "no field 'insee' for the area code (fields: code, nom)"}},
        {"MissingAreaNameField",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson", collection({feature(R"({"code":"A"})", polygon(kSquareRing))})}},
         kInput,
         {"no field 'nom' for the area name (fields: code)"}},
        {"EmptyAreaCode",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection({feature(R"({"code":"","nom":"a"})", polygon(kSquareRing))})}},
         kInput,
         {"file '{tmp}/areas.geojson'", "feature 0", "field 'code': empty code"}},
        {"AreaWithoutGeometry",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson", collection({feature(R"({"code":"N1","nom":"a"})", "null")})}},
         kInput,
         {"feature 0 (code 'N1'): no geometry"}},
        {"AreaInMetresWithoutCrs",
         cov({"--areas", "{tmp}/areas.geojson"}),
         {{"areas.geojson",
           collection({feature(
               R"({"code":"M1","nom":"a"})",
               polygon(
                   "[[500000,6280000],[510000,6280000],[510000,6290000],[500000,6280000]]"))})}},
         kInput,
         {"feature 0 (code 'M1')", "out of range", "is the CRS right?"}},
        {"AreasWhereMatchesNothing",
         cov({"--areas-where", "code = 'zzz'"}),
         {},
         kInput,
         {"cantons-32-geofla2016.geojson'", "no feature matches \"code = 'zzz'\""}},
        {"AreasWhereInvalid",
         cov({"--areas", "{tmp}/areas.geojson", "--areas-where", "code =="}),
         {{"areas.geojson", kSquare}},
         kInput,
         {"file '{tmp}/areas.geojson'", "invalid filter \"code ==\""}},
        {"AreasNoSuchLayer",
         cov({"--areas", "{tmp}/areas.geojson", "--areas-layer", "nope"}),
         {{"areas.geojson", kSquare}},
         kInput,
         {"file '{tmp}/areas.geojson' has no layer 'nope' (layers: areas)"}},

        // -- input data (3): origins ----------------------------------------------------------
        {"MissingFromCodeField",
         near({"--from", "{tmp}/points.csv", "--from-code-field", "nope"}),
         {{"points.csv", "id,lon,lat\nP1,0.5,43.6\n"}},
         kInput,
         {"file '{tmp}/points.csv', layer 'points': no field 'nope' for the origin code (fields: "
          "id, lon, lat)"}},
        {"FromNonNumericLongitude",
         near({"--from", "{tmp}/points.csv"}),
         {{"points.csv", "id,lon,lat\nP1,east,43.6\n"}},
         kInput,
         // A plain id,lon,lat table goes through the streaming reader, which counts lines.
         {"file '{tmp}/points.csv'", "line 2, field 'lon'", "'east' is not a number"}},
        {"FromWithoutLonColumn",
         near({"--from", "{tmp}/points.csv"}),
         {{"points.csv", "id,x,y\nP1,0.5,43.6\n"}},
         kInput,
         {"no field 'lon' for the longitude (fields: id, x, y)"}},
        {"OriginPointsMissingACode",
         near({"--from", "{tmp}/areas.geojson", "--origin-points", "{tmp}/points.csv"}),
         {{"areas.geojson", kSquare}, {"points.csv", "code,lon,lat\nOTHER,0.6,43.6\n"}},
         kInput,
         {"file '{tmp}/points.csv': no point with code 'SQ1'"}},

        // -- input data (3): the data directory -------------------------------------------------
        {"MissingDataDirectory",
         {"coverage", "--data", "{tmp}/no-geodata", "-o", "{tmp}/out.csv"},
         {},
         kInput,
         {"data directory '{tmp}/no-geodata' not found", "--data DIR", "SITECOVER_DATA"}},
        {"MissingDataDirectoryFromTheEnvironment",
         {"nearest", "-o", "{tmp}/out.csv"},
         {},
         kInput,
         {"data directory '{tmp}/no-geodata' (from SITECOVER_DATA) not found", "--data DIR"},
         {{"SITECOVER_DATA", "{tmp}/no-geodata"}}},

        // -- output (5) -------------------------------------------------------------------------
        {"OutputDirectoryMissing",
         {"coverage", "--data", "{data}", "-o", "{tmp}/no/such/dir/out.csv"},
         {},
         kOutput,
         {"output '{tmp}/no/such/dir/out.csv': directory '{tmp}/no/such/dir' does not exist"}},
        {"OutputExists",
         {"coverage", "--data", "{data}", "-o", "{tmp}/out.csv"},
         {{"out.csv", "keep me\n"}},
         kOutput,
         {"output '{tmp}/out.csv' already exists: use --overwrite to replace it"}},
        {"OutputExistsGeoPackage",
         {"nearest", "--data", "{data}", "-o", "{tmp}/out.gpkg"},
         {{"out.gpkg", "not really a geopackage\n"}},
         kOutput,
         {"output '{tmp}/out.gpkg' already exists"}},
        {"OutputUnknownExtension",
         {"coverage", "--data", "{data}", "-o", "{tmp}/out.xyz"},
         {},
         kOutput,
         {"output '{tmp}/out.xyz': no GDAL driver writes this extension; use one of ", ".csv, ",
          ".gpkg, ", ", or -f DRIVER"}},
        {"OutputExtensionOfSeveralDrivers",
         {"coverage", "--data", "{data}", "-o", "{tmp}/out.txt"},
         {},
         kOutput,
         {"output '{tmp}/out.txt': several GDAL drivers write this extension (Geoconcept, VDV): "
          "choose one with -f DRIVER"}},
        {"TargetSrsUnknown",
         cov({"--t-srs", "EPSG:99999"}),
         {},
         kUsage,
         {"option '--t-srs': 'EPSG:99999' is not a CRS GDAL/PROJ know"}},
        {"SiteTypeNoSiteHas",
         cov({"--site-types", "Foo"}),
         {},
         kUsage,
         {"option '--site-types': no site of type 'Foo' in "
          "{data}/france/france-services-2024-08-01.csv "
          "(types present: Antenne, Principal)"}},
        {"FromCrsUnknownForGeoJson",
         near({"--from-crs", "EPSG:nope"}),
         {},
         kInput,
         {"file '{data}/gers/communes-32-adminexpress2018.geojson', layer "
          "'communes-32-adminexpress2018': unknown CRS 'EPSG:nope'"}},
        {"OutputIsADirectory",
         {"coverage", "--data", "{data}", "-o", "{tmp}/dir.csv"},
         {{"dir.csv/keep.txt", "x"}},
         kOutput,
         {"output '{tmp}/dir.csv' is a directory"}},
        {"OutputUnknownDriver",
         {"coverage", "--data", "{data}", "-f", "Nope", "-o", "{tmp}/out.csv"},
         {},
         kOutput,
         {"output '{tmp}/out.csv': GDAL cannot write the format 'Nope'"}},
        {"OutputReadOnlyDriver",
         {"nearest", "--data", "{data}", "-f", "OSM", "-o", "{tmp}/out.osm"},
         {},
         kOutput,
         {"GDAL cannot write the format 'OSM'"}},
    };
}

std::string expand(std::string text, const std::string& tmp) {
    for (const auto& [key, value] :
         {std::pair<std::string, std::string>{"{tmp}", tmp}, {"{data}", kDataDir}}) {
        for (std::size_t at; (at = text.find(key)) != std::string::npos;)
            text.replace(at, key.size(), value);
    }
    return text;
}

class CliBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(CliBadInput, FailsWithTheDocumentedCodeAndMessageAndWritesNothing) {
    const BadCase& c = GetParam();
    const TempDir tmp("sitecover-cli-errors");
    const std::string dir = tmp.path().string();
    for (const auto& [name, content] : c.files) {
        std::filesystem::create_directories((tmp / name).parent_path());
        tmp.write(name, content);
    }
    std::vector<std::string> args;
    for (const auto& a : c.args) args.push_back(expand(a, dir));
    CliOptions options;
    options.cwd = tmp.path();
    for (const auto& [name, value] : c.env) {
        options.env[name] = value ? std::optional<std::string>(expand(*value, dir)) : std::nullopt;
    }
    const auto before = tmp.snapshot();

    const CliResult r = run_cli(args, options);

    EXPECT_EQ(r.exit_code, c.exit_code) << r.report();
    EXPECT_EQ(r.out, "") << r.report();
    // Warnings first, then one error, which runs to the end (GDAL's own message may span
    // lines, e.g. an OGR SQL syntax error with its caret line).
    const auto lines = r.err_lines();
    std::size_t first_error = 0;
    while (first_error < lines.size() && lines[first_error].rfind("sitecover: warning: ", 0) == 0)
        ++first_error;
    ASSERT_LT(first_error, lines.size()) << "no error line\n" << r.report();
    EXPECT_EQ(lines[first_error].rfind("sitecover: error: ", 0), 0u) << r.report();
    std::string error;
    for (std::size_t i = first_error; i < lines.size(); ++i) {
        error += (i > first_error ? "\n" : "") + lines[i];
        if (i > first_error) {
            EXPECT_EQ(lines[i].rfind("sitecover: ", 0), std::string::npos) << r.report();
        }
    }
    for (const auto& expected : c.expect) {
        EXPECT_NE(error.find(expand(expected, dir)), std::string::npos)
            << "the error line should contain: " << expand(expected, dir) << "\n"
            << r.report();
    }
    // Nothing created, nothing left half-written, nothing changed.
    const auto after = tmp.snapshot();
    for (const auto& [name, content] : after) {
        EXPECT_EQ(name.find(".sitecover-tmp-"), std::string::npos)
            << "leftover temporary file " << name;
        EXPECT_TRUE(before.count(name)) << "the failed run created " << name;
    }
    EXPECT_EQ(before, after);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, CliBadInput, ::testing::ValuesIn(bad_cases()),
                         [](const ::testing::TestParamInfo<BadCase>& info) {
                             return info.param.name;
                         });

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
