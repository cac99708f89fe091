// Road networks from GDAL line layers and OpenStreetMap extracts, speed profiles, populations,
// and the bad inputs each must report.

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/road_graph.hpp"

namespace {

using namespace sitecover;
using namespace sitecover::geodata;
const std::string kData = SITECOVER_TEST_DATA_DIR;

std::string error_of(const LayerSource& source, const RoadLoadOptions& options = {}) {
    try {
        load_roads(source, options);
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

std::string feature(const std::string& cls, const std::string& coords,
                    const std::string& extra = "") {
    return R"({"type":"Feature","properties":{"class":")" + cls + "\"" + extra +
           R"(},"geometry":{"type":"LineString","coordinates":)" + coords + "}}";
}

std::string collection(const std::vector<std::string>& features) {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) text += (i ? "," : "") + features[i];
    return text + "]}";
}

// Number of (from, to) pairs present in one direction only.
std::size_t one_direction_pairs(const RoadNetwork& net) {
    std::set<std::pair<RoadNode, RoadNode>> pairs;
    for (const auto& e : net.edges) pairs.emplace(e.from, e.to);
    std::size_t n = 0;
    for (const auto& [a, b] : pairs) n += pairs.count({b, a}) == 0;
    return n;
}

TEST(RoadLoader, TravelMappingMainRoads) {
    const LoadedRoads roads =
        load_roads({kData + "/france/roads-major-travelmapping-2026-08.geojson", "", "", ""});
    EXPECT_FALSE(roads.osm);
    EXPECT_EQ(roads.features_read, 3516u);
    // README: about 18,400 distinct vertices, 44,700 km of road.
    EXPECT_NEAR(static_cast<double>(roads.network.nodes.size()), 18400.0, 200.0);
    double total_m = 0.0;
    for (const auto& e : roads.network.edges) total_m += e.length_m;
    EXPECT_NEAR(total_m / 2.0 / 1000.0, 44700.0, 1500.0);  // each segment counted both ways
    EXPECT_EQ(one_direction_pairs(roads.network), 0u);     // no oneway in this file
    const RoadGraph graph(roads.network);
    EXPECT_GT(static_cast<double>(graph.component_size(0)),
              0.99 * static_cast<double>(graph.node_count()));
    // Motorway edges run at 110 km/h.
    const auto fastest = std::max_element(
        roads.network.edges.begin(), roads.network.edges.end(),
        [](auto& a, auto& b) { return a.length_m / a.time_s < b.length_m / b.time_s; });
    EXPECT_NEAR(fastest->length_m / fastest->time_s * 3.6, 110.0, 1e-9);
}

struct OsmCase {
    const char* file;
    std::size_t min_nodes, max_nodes;
};

TEST(RoadLoader, OsmExtractsLoadWithOnewayRespected) {
    for (const OsmCase c :
         {OsmCase{"andorra.osm.pbf", 5000, 40000}, OsmCase{"monaco.osm.gz", 1000, 10000},
          OsmCase{"north-bayreuth.osm.gz", 2000, 20000},
          OsmCase{"saint_barthelemy.osm.pbf", 1000, 10000}}) {
        SCOPED_TRACE(c.file);
        const LoadedRoads roads = load_roads({kData + "/osm/" + c.file, "", "", ""});
        EXPECT_TRUE(roads.osm);
        EXPECT_GE(roads.network.nodes.size(), c.min_nodes);
        EXPECT_LE(roads.network.nodes.size(), c.max_nodes);
        EXPECT_GT(roads.not_drivable, 0u);  // footways, paths, tracks... were left out
        EXPECT_GT(roads.features_used, 100u);
        // Every edge is a pair of distinct nodes; oneway ways give edges in one direction only.
        EXPECT_GT(roads.oneway_features, 0u);
        EXPECT_GT(one_direction_pairs(roads.network), 0u);
        const RoadGraph graph(roads.network);
        EXPECT_GT(static_cast<double>(graph.component_size(0)),
                  0.9 * static_cast<double>(graph.node_count()));
    }
}

TEST(RoadLoader, OsmOnewayWayHasEdgesInItsDirectionOnly) {
    test::TempDir dir;
    // Three nodes in a row: a two-way residential street 1-2, a oneway=yes 2-3, a oneway=-1 3-4,
    // and a footway (not drivable).
    test::write_file(dir.path() / "tiny.osm", R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="43.0" lon="0.0"/>
  <node id="2" lat="43.0" lon="0.01"/>
  <node id="3" lat="43.0" lon="0.02"/>
  <node id="4" lat="43.0" lon="0.03"/>
  <node id="5" lat="43.01" lon="0.03"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>
  <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="oneway" v="yes"/></way>
  <way id="12"><nd ref="3"/><nd ref="4"/><tag k="highway" v="tertiary"/><tag k="oneway" v="-1"/></way>
  <way id="13"><nd ref="4"/><nd ref="5"/><tag k="highway" v="footway"/></way>
</osm>
)");
    const LoadedRoads roads = load_roads({(dir.path() / "tiny.osm").string(), "", "", ""});
    ASSERT_EQ(roads.network.nodes.size(), 4u);  // the footway's far node is not there
    EXPECT_EQ(roads.not_drivable, 1u);
    EXPECT_EQ(roads.oneway_features, 2u);
    ASSERT_EQ(roads.network.edges.size(), 4u);
    const auto node_at = [&](double lon) {
        for (RoadNode i = 0; i < roads.network.nodes.size(); ++i) {
            if (std::abs(roads.network.nodes[i].lon_deg - lon) < 1e-9) return i;
        }
        return RoadNode(999);
    };
    std::set<std::pair<RoadNode, RoadNode>> edges;
    for (const auto& e : roads.network.edges) edges.emplace(e.from, e.to);
    EXPECT_TRUE(edges.count({node_at(0.0), node_at(0.01)}));
    EXPECT_TRUE(edges.count({node_at(0.01), node_at(0.0)}));
    EXPECT_TRUE(edges.count({node_at(0.01), node_at(0.02)}));
    EXPECT_FALSE(edges.count({node_at(0.02), node_at(0.01)}));
    EXPECT_TRUE(edges.count({node_at(0.03), node_at(0.02)}));
    EXPECT_FALSE(edges.count({node_at(0.02), node_at(0.03)}));
    // Primary at 70 km/h.
    for (const auto& e : roads.network.edges) {
        if (e.from == node_at(0.01) && e.to == node_at(0.02)) {
            EXPECT_NEAR(e.length_m / e.time_s * 3.6, 70.0, 1e-9);
        }
    }
}

TEST(RoadLoader, OsmWithoutDrivableWayIsAnInputError) {
    test::TempDir dir;
    test::write_file(dir.path() / "paths.osm", R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="43.0" lon="0.0"/>
  <node id="2" lat="43.0" lon="0.01"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
</osm>
)");
    const std::string message = error_of({(dir.path() / "paths.osm").string(), "", "", ""});
    EXPECT_NE(message.find("paths.osm"), std::string::npos) << message;
    EXPECT_NE(message.find("layer 'lines'"), std::string::npos) << message;
    EXPECT_NE(message.find("no drivable way"), std::string::npos) << message;
}

TEST(RoadLoader, LayerWithoutLinesIsAnInputError) {
    const std::string message =
        error_of({kData + "/gers/cantons-32-geofla2016.geojson", "", "", ""});
    EXPECT_NE(message.find("cantons-32-geofla2016.geojson"), std::string::npos) << message;
    EXPECT_NE(message.find("not a line layer"), std::string::npos) << message;
}

TEST(RoadLoader, MissingClassFieldNamesTheField) {
    test::TempDir dir;
    test::write_file(dir.path() / "r.geojson", collection({feature("trunk", "[[0,43],[0.1,43]]")}));
    RoadLoadOptions options;
    options.class_field = "vocation";
    const std::string message =
        error_of({(dir.path() / "r.geojson").string(), "", "", ""}, options);
    EXPECT_NE(message.find("no field 'vocation' for the road class (class_field)"),
              std::string::npos)
        << message;
    // The kind and the request field are typed: a door spells the field without reading text.
    try {
        load_roads({(dir.path() / "r.geojson").string(), "", "", ""}, options);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Input);
        EXPECT_EQ(e.field(), "class_field");
        const std::string flagged =
            e.message([](std::string_view field) { return "<" + std::string(field) + ">"; });
        EXPECT_NE(flagged.find("for the road class (<class_field>) (fields: class)"),
                  std::string::npos)
            << flagged;
    }
    options.class_field.clear();
    options.speed_field = "vmax";
    try {
        load_roads({(dir.path() / "r.geojson").string(), "", "", ""}, options);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Input);
        EXPECT_EQ(e.field(), "speed_field");
    }
}

TEST(RoadLoader, DegenerateSegmentsNanVerticesAndUnknownClassesAreSkippedWithWarnings) {
    test::TempDir dir;
    test::write_file(
        dir.path() / "r.geojson",
        collection({feature("trunk", "[[0,43],[0.1,43],[0.1,43],[0.2,43]]"),  // repeated vertex
                    feature("trunk", "[[0.2,43],[NaN,43.1]]"),                // NaN vertex
                    feature("footpath", "[[0.2,43],[0.3,43]]"),               // no speed
                    feature("trunk", "[[0.5,43],[0.5,43]]")}));               // one point twice
    const LoadedRoads roads = load_roads({(dir.path() / "r.geojson").string(), "", "", ""});
    EXPECT_EQ(roads.features_read, 4u);
    EXPECT_EQ(roads.features_used, 1u);
    EXPECT_EQ(roads.skipped_features, 2u);
    EXPECT_EQ(roads.degenerate_segments, 2u);
    EXPECT_EQ(roads.network.edges.size(), 4u);  // two segments, both ways
    std::string all;
    for (const auto& w : roads.warnings) all += w.str() + "\n";
    // The unknown class's warning names the request field that fixes it.
    const auto unknown = std::find_if(roads.warnings.begin(), roads.warnings.end(),
                                      [](const Message& w) { return !w.first_field().empty(); });
    ASSERT_NE(unknown, roads.warnings.end()) << all;
    EXPECT_EQ(unknown->first_field(), "speeds");
    EXPECT_NE(unknown->str().find("(add them with speeds CLASS=KMH)"), std::string::npos) << all;
    EXPECT_NE(all.find("NaN"), std::string::npos) << all;
    EXPECT_NE(all.find("feature 1, vertex 1"), std::string::npos) << all;
    EXPECT_NE(all.find("'footpath' (1)"), std::string::npos) << all;
    EXPECT_NE(all.find("2 zero-length segment(s)"), std::string::npos) << all;
}

TEST(RoadLoader, OnlyDegenerateLinesIsAnInputError) {
    test::TempDir dir;
    test::write_file(dir.path() / "r.geojson",
                     collection({feature("trunk", "[[0.5,43],[0.5,43]]")}));
    const std::string message = error_of({(dir.path() / "r.geojson").string(), "", "", ""});
    EXPECT_NE(message.find("no road segment"), std::string::npos) << message;
}

TEST(RoadLoader, SpeedFieldWithMissingValuesFallsBackToClassSpeed) {
    test::TempDir dir;
    test::write_file(dir.path() / "r.geojson",
                     collection({feature("trunk", "[[0,43],[0.1,43]]", R"(,"vmax":"90")"),
                                 feature("trunk", "[[0.1,43],[0.2,43]]", R"(,"vmax":null)"),
                                 feature("trunk", "[[0.2,43],[0.3,43]]", R"(,"vmax":"fast")")}));
    RoadLoadOptions options;
    options.speed_field = "vmax";
    const LoadedRoads roads =
        load_roads({(dir.path() / "r.geojson").string(), "", "", ""}, options);
    EXPECT_EQ(roads.missing_speeds, 2u);
    ASSERT_EQ(roads.network.edges.size(), 6u);
    EXPECT_NEAR(roads.network.edges[0].length_m / roads.network.edges[0].time_s * 3.6, 90.0, 1e-9);
    EXPECT_NEAR(roads.network.edges[2].length_m / roads.network.edges[2].time_s * 3.6, 80.0, 1e-9);
    ASSERT_FALSE(roads.warnings.empty());
    EXPECT_NE(roads.warnings.back().str().find("field 'vmax'"), std::string::npos)
        << roads.warnings.back().str();
}

TEST(SpeedProfile, DefaultsOverridesAndFiles) {
    SpeedProfile p = SpeedProfile::defaults();
    EXPECT_EQ(p.speed_for("motorway"), 110.0);
    EXPECT_EQ(p.speed_for("motorway_link"), 110.0);
    EXPECT_EQ(p.speed_for("departmental"), 70.0);
    EXPECT_EQ(p.speed_for("residential"), 40.0);
    EXPECT_FALSE(p.speed_for("track"));
    apply_speeds(p, "motorway=130, local=30");
    EXPECT_EQ(p.speed_for("motorway"), 130.0);
    EXPECT_EQ(p.speed_for("service"), 30.0);
    EXPECT_THROW(apply_speeds(p, "motorway:130"), ArgumentError);
    EXPECT_THROW(apply_speeds(p, "motorway=-5"), ArgumentError);

    test::TempDir dir;
    test::write_file(dir.path() / "p.txt",
                     "# rural profile\ntrunk = 90\n\ndepartmental=75 # D roads\n");
    apply_profile_file(p, (dir.path() / "p.txt").string());
    EXPECT_EQ(p.speed_for("trunk"), 90.0);
    EXPECT_EQ(p.speed_for("departmental"), 75.0);
    test::write_file(dir.path() / "bad.txt", "trunk = 90\ntrunk fast\n");
    try {
        apply_profile_file(p, (dir.path() / "bad.txt").string());
        FAIL() << "no throw";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
}

TEST(SpeedProfile, LongLinkChainsInLinearTime) {
    // Found while writing tests/fuzz/fuzz_roads: a class value of "_link" repeated (from a road
    // file) made speed_for recurse once per suffix, copying the rest each time (a 1.5 MB value
    // took all memory). Too large for the fuzz corpus, hence this test.
    SpeedProfile p = SpeedProfile::defaults();
    std::string chain = "motorway";
    for (int i = 0; i < 200000; ++i) chain += "_link";
    EXPECT_EQ(p.speed_for(chain), 110.0);
    EXPECT_EQ(p.speed_for("residential_link_link"), 40.0);
    EXPECT_FALSE(p.speed_for("x" + chain));
    p.speed_kmh["motorway_link"] = 90.0;
    EXPECT_EQ(p.speed_for("motorway_link_link"), 90.0);
    p.speed_kmh.erase("local");
    EXPECT_FALSE(p.speed_for("service"));
}

TEST(Population, FollowsFormerCodesOfMergedCommunes) {
    const PopulationTable table =
        load_population({kData + "/france/population-communes-2024.csv", "", "", ""});
    EXPECT_GT(table.by_code.size(), 34000u);
    ASSERT_TRUE(table.by_code.count("32013"));  // Auch
    EXPECT_GT(*table.by_code.at("32013"), 20000);
    EXPECT_EQ(table.resolve("32074"), std::optional<std::string>("32344"));  // Cannet -> Riscle
    EXPECT_EQ(table.resolve("32344"), std::optional<std::string>("32344"));
    EXPECT_FALSE(table.resolve("99999"));
    ASSERT_TRUE(table.by_code.count("98414"));  // Terre-Adélie: listed, no population
    EXPECT_FALSE(table.by_code.at("98414"));
}

TEST(Population, BadValueNamesFeatureAndField) {
    test::TempDir dir;
    test::write_file(dir.path() / "pop.csv", "code,population\n32013,21000\n32001,many\n");
    try {
        load_population({(dir.path() / "pop.csv").string(), "", "", ""});
        FAIL() << "no throw";
    } catch (const InputError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("pop.csv"), std::string::npos) << m;
        EXPECT_NE(m.find("field 'population'"), std::string::npos) << m;
        EXPECT_NE(m.find("'many'"), std::string::npos) << m;
    }
}

}  // namespace
