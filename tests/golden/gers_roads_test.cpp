// Golden road results on the real Gers data (main-road file, national France Services), the
// road answers of every commune against the edge-splitting reference Dijkstra, and the CLI's
// road columns and summary.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "golden_file.hpp"

#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_reference.hpp"
#include "sitecover/road_snapper.hpp"

namespace {

using namespace sitecover;
const std::string kData = SITECOVER_TEST_DATA_DIR;
const std::string kRoads = kData + "/france/roads-major-travelmapping-2026-08.geojson";

// The network, the sites and the labelled query, built once for the whole suite.
struct GersRoads {
    RoadNetwork network;
    std::unique_ptr<RoadGraph> graph;
    std::unique_ptr<RoadSnapper> snapper;
    std::vector<Site> sites;
    std::vector<std::optional<RoadSnap>> site_snaps;
    std::unique_ptr<RoadQuery> query;

    GersRoads() {
        network = geodata::load_roads({kRoads, "", "", ""}).network;
        graph = std::make_unique<RoadGraph>(network);
        snapper = std::make_unique<RoadSnapper>(*graph);
        sites = geodata::load_sites({kData + "/france/france-services-2024-08-01.csv", "", "", ""})
                    .sites;
        for (const Site& s : sites) site_snaps.push_back(snapper->snap(s.position, 5000.0));
        query = std::make_unique<RoadQuery>(*graph);
        query->run(site_snaps, sites);
    }
};

const GersRoads& gers() {
    static const GersRoads instance;
    return instance;
}

TEST(GersRoadsGolden, PinnedCommunesMatch) {
    const GersRoads& g = gers();
    const auto rows = sitecover::test::read_golden_rows("gers_roads.txt");
    ASSERT_GE(rows.size(), 10u);
    for (const auto& row : rows) {
        SCOPED_TRACE(row[0] + " " + row[1]);
        ASSERT_EQ(row.size(), 8u);
        const LonLat p{std::stod(row[2]), std::stod(row[3])};
        const auto snap = g.snapper->snap(p, 5000.0);
        ASSERT_TRUE(snap);
        EXPECT_NEAR(snap->snap_m, std::stod(row[7]), 1.0);
        const RoadResult r = g.query->nearest(*snap);
        ASSERT_TRUE(r.reached());
        EXPECT_EQ(g.sites[r.site].id, row[4]);
        EXPECT_NEAR(r.distance_m, std::stod(row[5]), 1.0);
        EXPECT_NEAR(r.time_s, std::stod(row[6]), 1.0);
    }
}

TEST(GersRoadsGolden, EveryCommuneReachableAndWithinOnePercentOfReference) {
    const GersRoads& g = gers();
    const auto origins =
        geodata::load_origins({kData + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
    ASSERT_EQ(origins.size(), 462u);
    std::size_t checked = 0;
    for (std::size_t i = 0; i < origins.size(); ++i) {
        SCOPED_TRACE(origins[i].code);
        const auto snap = g.snapper->snap(origins[i].position, 5000.0);
        ASSERT_TRUE(snap);
        const RoadResult r = g.query->nearest(*snap);
        ASSERT_TRUE(r.reached());
        EXPECT_LT(r.time_s, 30 * 60.0);  // the national promise holds on this network
        if (i % 15 != 0) continue;       // the reference copies the graph per origin: sample it
        const RoadResult want = reference::road_nearest(*g.graph, *snap, g.site_snaps, g.sites);
        ASSERT_TRUE(want.reached());
        EXPECT_NEAR(r.time_s, want.time_s, 0.01 * want.time_s);
        EXPECT_NEAR(r.distance_m, want.distance_m, 0.01 * want.distance_m);
        ++checked;
    }
    EXPECT_EQ(checked, 31u);
}

using sitecover::test::CliResult;
using sitecover::test::run_cli;

// `sitecover nearest --data <real data> <extra...>`.
CliResult nearest(std::vector<std::string> extra) {
    extra.insert(extra.begin(), {"nearest", "--data", kData});
    return run_cli(extra);
}

TEST(GersRoadsCli, ColumnsAndSummary) {
    const CliResult r = nearest({"--roads", kRoads});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
              "origin_code,origin_name,origin_lon,origin_lat,site_id,site_name,site_dep,distance_m,"
              "road_site_id,road_distance_m,travel_time_s,snap_m,reachable");
    EXPECT_NE(r.err.find("reachable by road: 462/462\n"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("within 30 min by road: 462/462"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("circuity (road / crow-fly distance"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("population within 30 min by road: "), std::string::npos) << r.err;
}

TEST(GersRoadsCli, BadRoadInputs) {
    CliResult r = nearest({"--roads", kData + "/gers/cantons-32-geofla2016.geojson"});
    EXPECT_EQ(r.exit_code, 3) << r.report();
    EXPECT_NE(r.err.find("sitecover: error: file '"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("not a line layer"), std::string::npos) << r.err;

    r = nearest({"--by", "distance"});
    EXPECT_EQ(r.exit_code, 2) << r.report();
    EXPECT_NE(r.err.find("option '--by' needs --roads FILE"), std::string::npos) << r.err;

    r = nearest({"--roads", kRoads, "--speeds", "motorway:130"});
    EXPECT_EQ(r.exit_code, 2) << r.report();  // a bad option value (issue 23)
    EXPECT_NE(r.err.find("--speeds: 'motorway:130' is not class=km/h"), std::string::npos) << r.err;

    r = nearest({"--roads", kRoads, "--by", "fastest"});
    EXPECT_EQ(r.exit_code, 2) << r.report();

    // An origin 30 km out at sea is unreachable, reported, and not an error.
    const sitecover::test::TempDir dir("sitecover-golden-roads");
    const auto points = dir.write("points.csv", "id,lon,lat\nauch,0.5857,43.6465\nsea,-1.8,43.6\n");
    r = nearest({"--roads", kRoads, "--from", points.string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_NE(r.err.find("reachable by road: 1/2; unreachable: sea (no road within --max-snap-m)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("\nsea,"), std::string::npos);
    EXPECT_NE(r.out.find(",,,,0\n"), std::string::npos)
        << r.out;  // road columns empty, reachable false
}

}  // namespace
