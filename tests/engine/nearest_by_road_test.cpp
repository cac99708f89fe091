// NearestByRoad: every answer equals the edge-splitting reference Dijkstra, whatever the thread
// count; sites beyond max_snap_m and on cut-off pieces are reported; errors are clear.

#include <cmath>
#include <optional>
#include <random>

#include <gtest/gtest.h>

#include "random_roads.hpp"
#include "sitecover/error.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/road_reference.hpp"

namespace {

using namespace sitecover;

TEST(NearestByRoad, MatchesTheReferenceForAnyThreadCount) {
    const std::uint64_t seed = 424242;
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    const RoadGraph graph(test::random_network(rng, 14));
    const RoadSnapper snapper(graph);
    std::uniform_real_distribution<double> lon(0.48, 0.78), lat(43.58, 43.88);
    std::vector<LonLat> site_positions(12);
    for (auto& p : site_positions) p = {lon(rng), lat(rng)};
    site_positions.push_back({3.0, 46.0});  // far from every road: left out
    const std::vector<Site> sites = test::sites_at(site_positions);
    std::vector<LonLat> points(600);
    for (auto& p : points) p = {lon(rng), lat(rng)};

    for (const RoadMetric metric : {RoadMetric::Time, RoadMetric::Distance}) {
        NearestByRoadOptions options;
        options.query.metric = metric;
        options.max_snap_m = 3000.0;
        const NearestByRoad road(graph, snapper, sites, options);
        EXPECT_EQ(road.sites_beyond_snap(), std::vector<std::size_t>{12});
        EXPECT_EQ(road.sites_on_network().size(), 12u);

        std::vector<std::optional<RoadSnap>> site_snaps;
        for (const Site& s : sites) site_snaps.push_back(snapper.snap(s.position, 3000.0));
        const std::vector<RoadNearest> one = road.nearest_batch(points, 1);
        std::size_t reached = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const auto snap = snapper.snap(points[i], 3000.0);
            ASSERT_EQ(one[i].snapped, snap.has_value()) << "point " << i;
            if (!snap) continue;
            const RoadResult expected =
                reference::road_nearest(graph, *snap, site_snaps, sites, options.query);
            ASSERT_EQ(one[i].result.reached(), expected.reached()) << "point " << i;
            if (!expected.reached()) continue;
            ++reached;
            EXPECT_EQ(one[i].result.site, expected.site) << "point " << i;
            EXPECT_NEAR(one[i].result.distance_m, expected.distance_m, 1e-6) << "point " << i;
            EXPECT_NEAR(one[i].result.time_s, expected.time_s, 1e-6) << "point " << i;
        }
        EXPECT_GT(reached, points.size() / 2);
        for (const unsigned threads : {2u, 7u}) {
            const std::vector<RoadNearest> many = road.nearest_batch(points, threads);
            for (std::size_t i = 0; i < points.size(); ++i) {
                ASSERT_EQ(many[i].result.site, one[i].result.site) << "threads=" << threads;
                ASSERT_EQ(many[i].result.time_s, one[i].result.time_s) << "threads=" << threads;
                ASSERT_EQ(many[i].snap_m, one[i].snap_m) << "threads=" << threads;
            }
        }
    }
}

TEST(NearestByRoad, ReportsCutOffSitesAndRejectsBadInput) {
    RoadNetwork net;
    net.nodes = {{0.50, 43.60}, {0.51, 43.60}, {0.60, 43.70}, {0.61, 43.70}, {0.62, 43.70}};
    test::add_road(net, 2, 3, 50.0);  // the larger piece (component 0)
    test::add_road(net, 3, 4, 50.0);
    test::add_road(net, 0, 1, 50.0);  // a piece of its own
    const RoadGraph graph(net);
    const RoadSnapper snapper(graph);
    const std::vector<Site> sites = test::sites_at({{0.505, 43.6}, {0.615, 43.7}});
    const NearestByRoad road(graph, snapper, sites);
    EXPECT_EQ(road.sites_cut_off(), std::vector<std::size_t>{0});
    const RoadNearest near_first = road.nearest({0.501, 43.6001});
    EXPECT_TRUE(near_first.reached() && near_first.cut_off);
    EXPECT_EQ(near_first.result.site, 0u);
    EXPECT_FALSE(road.nearest({2.0, 45.0}).snapped);

    EXPECT_THROW(road.nearest_batch({{0.5, 43.6}, {0.5, 95.0}}, 2), ArgumentError);
    NearestByRoadOptions bad;
    bad.max_snap_m = std::nan("");
    EXPECT_THROW(NearestByRoad(graph, snapper, sites, bad), ArgumentError);
    const std::vector<Site> far = test::sites_at({{5.0, 45.0}});
    try {
        NearestByRoad none(graph, snapper, far);
        FAIL() << "no site on the network should be an error";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("max_snap_m"), std::string::npos) << e.what();
    }
}

}  // namespace
