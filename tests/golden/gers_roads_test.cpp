// Golden road results on the real Gers data (main-road file, national France Services), the
// road answers of every commune against the edge-splitting reference Dijkstra, and the CLI's
// road columns and summary.

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

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

// Runs the CLI through the shell; returns the exit code and fills stdout / stderr.
int run_cli(const std::string& args, std::string& out, std::string& err) {
    // One file per process: ctest runs the tests of this file in parallel processes.
    const std::string err_path =
        ::testing::TempDir() + "/sitecover_roads_err_" + std::to_string(::getpid()) + ".txt";
    const std::string command = std::string(SITECOVER_CLI) + " " + args + " 2>" + err_path;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return -1;
    std::array<char, 4096> buffer{};
    out.clear();
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
        out.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    std::ifstream in(err_path);
    std::stringstream text;
    text << in.rdbuf();
    err = text.str();
    std::remove(err_path.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(GersRoadsCli, ColumnsAndSummary) {
    std::string out, err;
    ASSERT_EQ(run_cli("nearest --data " + kData + " --roads " + kRoads, out, err), 0) << err;
    EXPECT_EQ(out.substr(0, out.find('\n')),
              "origin_code,origin_name,origin_lon,origin_lat,site_id,site_name,site_dep,distance_m,"
              "road_site_id,road_distance_m,travel_time_s,snap_m,reachable");
    EXPECT_NE(err.find("reachable by road: 462/462\n"), std::string::npos) << err;
    EXPECT_NE(err.find("within 30 min by road: 462/462"), std::string::npos) << err;
    EXPECT_NE(err.find("circuity (road / crow-fly distance"), std::string::npos) << err;
    EXPECT_NE(err.find("population within 30 min by road: "), std::string::npos) << err;
}

TEST(GersRoadsCli, BadRoadInputs) {
    std::string out, err;
    EXPECT_EQ(run_cli("nearest --data " + kData + " --roads " + kData +
                          "/gers/cantons-32-geofla2016.geojson",
                      out, err),
              3);
    EXPECT_NE(err.find("sitecover: error: file '"), std::string::npos) << err;
    EXPECT_NE(err.find("not a line layer"), std::string::npos) << err;

    EXPECT_EQ(run_cli("nearest --data " + kData + " --by distance", out, err), 2);
    EXPECT_NE(err.find("option '--by' needs --roads FILE"), std::string::npos) << err;

    EXPECT_EQ(run_cli("nearest --data " + kData + " --roads " + kRoads + " --speeds motorway:130",
                      out, err),
              3);
    EXPECT_NE(err.find("--speeds: 'motorway:130' is not class=km/h"), std::string::npos) << err;

    EXPECT_EQ(run_cli("nearest --data " + kData + " --roads " + kRoads + " --by fastest", out, err),
              2);

    // An origin 30 km out at sea is unreachable, reported, and not an error.
    const std::string points =
        ::testing::TempDir() + "/sitecover_roads_points_" + std::to_string(::getpid()) + ".csv";
    std::ofstream(points) << "id,lon,lat\nauch,0.5857,43.6465\nsea,-1.8,43.6\n";
    ASSERT_EQ(
        run_cli("nearest --data " + kData + " --roads " + kRoads + " --from " + points, out, err),
        0)
        << err;
    EXPECT_NE(err.find("reachable by road: 1/2; unreachable: sea (no road within --max-snap-m)"),
              std::string::npos)
        << err;
    EXPECT_NE(out.find("\nsea,"), std::string::npos);
    EXPECT_NE(out.find(",,,,0\n"), std::string::npos)
        << out;  // road columns empty, reachable false
}

}  // namespace
