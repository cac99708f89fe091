// Loading a road layer larger than the loader's first hash table (65,536 slots) and than one
// batch of segment lengths (262,144 segments): nodes merged exactly once, edges in reading
// order, and the same network whatever the thread count.

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "sitecover/fast_geodesic.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodesic.hpp"

namespace {

using namespace sitecover;
using namespace sitecover::geodata;

// A side x side grid of vertices 0.001 degree apart near Auch: one line per row and one per
// column, crossing at shared vertices.
std::string grid_geojson(int side) {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    char coord[64];
    for (int line = 0; line < 2 * side; ++line) {
        text += line ? "," : "";
        text += R"({"type":"Feature","properties":{"class":"local"},)"
                R"("geometry":{"type":"LineString","coordinates":[)";
        for (int k = 0; k < side; ++k) {
            const int i = line < side ? k : line - side;
            const int j = line < side ? line : k;
            std::snprintf(coord, sizeof coord, "%s[%.7f,%.7f]", k ? "," : "", 0.5 + i * 0.001,
                          43.6 + j * 0.001);
            text += coord;
        }
        text += "]}}";
    }
    return text + "]}";
}

TEST(RoadLoaderScale, GridOfFourHundredSquaredMergesVerticesAndIsThreadIndependent) {
    constexpr int kSide = 400;  // 160,000 nodes, 319,200 segments
    test::TempDir dir;
    const std::string path = (dir.path() / "grid.geojson").string();
    test::write_file(dir.path() / "grid.geojson", grid_geojson(kSide));
    RoadLoadOptions one;
    one.threads = 1;
    RoadLoadOptions three;
    three.threads = 3;
    const LoadedRoads a = load_roads({path, "", "", ""}, one);
    const LoadedRoads b = load_roads({path, "", "", ""}, three);

    ASSERT_EQ(a.network.nodes.size(), static_cast<std::size_t>(kSide) * kSide);
    ASSERT_EQ(a.network.edges.size(), 2u * 2u * kSide * (kSide - 1));
    // First-seen order: row 0 gives nodes 0..399 from west to east.
    EXPECT_EQ(a.network.nodes[1], (LonLat{0.501, 43.6}));
    ASSERT_EQ(b.network.nodes.size(), a.network.nodes.size());
    ASSERT_EQ(b.network.edges.size(), a.network.edges.size());
    for (std::size_t i = 0; i < a.network.nodes.size(); ++i)
        ASSERT_EQ(a.network.nodes[i], b.network.nodes[i]) << "node " << i;
    for (std::size_t e = 0; e < a.network.edges.size(); ++e) {
        const RoadEdge& x = a.network.edges[e];
        const RoadEdge& y = b.network.edges[e];
        ASSERT_TRUE(x.from == y.from && x.to == y.to && x.length_m == y.length_m &&
                    x.time_s == y.time_s)
            << "edge " << e;
    }
    // The last edge of the last batch: the last segment of the last column, travelled back
    // (b -> a) with the length of the line's direction a -> b: the chord formula's, within its
    // bound of Karney's.
    const RoadEdge& last = a.network.edges.back();
    const LonLat& line_a = a.network.nodes[last.to];
    const LonLat& line_b = a.network.nodes[last.from];
    EXPECT_EQ(last.length_m, fast_geodesic_distance_m(line_a, line_b));
    EXPECT_NEAR(last.length_m, geodesic_distance_m(line_a, line_b), kShortGeodesicErrorM);
    EXPECT_DOUBLE_EQ(last.time_s, last.length_m / (40.0 / 3.6));
}

}  // namespace
