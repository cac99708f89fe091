// RoadGraph, RoadSnapper and RoadQuery against the brute-force oracles: multi-source labels
// against repeated single-source Dijkstra, and snapped origins against explicit edge splitting.

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "random_roads.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_reference.hpp"
#include "sitecover/road_snapper.hpp"

namespace {

using namespace sitecover;
using sitecover::test::add_road;
using sitecover::test::random_network;
using sitecover::test::sites_at;
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(RoadGraph, CsrArraysAndParallelEdges) {
    RoadNetwork net;
    net.nodes = {{0.0, 43.0}, {0.01, 43.0}, {0.02, 43.0}};
    net.edges = {{0, 1, 800, 60}, {0, 1, 800, 40}, {1, 2, 800, 50}, {2, 1, 800, 50}, {2, 2, 0, 0}};
    const RoadGraph g(net);
    EXPECT_EQ(g.node_count(), 3u);
    EXPECT_EQ(g.edge_count(), 3u);  // the slower 0 -> 1 and the self-loop are gone
    ASSERT_EQ(g.first_out().size(), 4u);
    EXPECT_EQ(g.first_out()[1] - g.first_out()[0], 1u);
    EXPECT_DOUBLE_EQ(g.time_s()[g.first_out()[0]], 40.0);
    ASSERT_EQ(g.segments().size(), 2u);
    EXPECT_NE(g.segments()[0].forward, RoadGraph::kNoEdge);
    EXPECT_EQ(g.segments()[0].backward, RoadGraph::kNoEdge);  // 0 -> 1 is oneway
    EXPECT_EQ(g.component_count(), 1u);
}

TEST(RoadGraph, RejectsBadNumbersWithTheEdge) {
    RoadNetwork net;
    net.nodes = {{0.0, 43.0}, {0.01, 43.0}};
    net.edges = {{0, 1, std::nan(""), 1.0}};
    try {
        const RoadGraph g(net);
        FAIL() << "no throw";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("edge 0"), std::string::npos) << e.what();
    }
    net.edges = {{0, 5, 1.0, 1.0}};
    EXPECT_THROW(RoadGraph{net}, InputError);
    net.nodes[1] = {std::nan(""), 43.0};
    net.edges.clear();
    EXPECT_THROW(RoadGraph{net}, InputError);
}

TEST(RoadSnapper, OnVertexOnSegmentAndBeyondMaxSnap) {
    RoadNetwork net;
    net.nodes = {{0.0, 43.0}, {0.1, 43.0}, {0.1, 43.1}};
    add_road(net, 0, 1, 70);
    add_road(net, 1, 2, 70);
    const RoadGraph g(net);
    const RoadSnapper snapper(g);

    const auto on_vertex = snapper.snap({0.1, 43.1}, 100.0);
    ASSERT_TRUE(on_vertex);
    EXPECT_NEAR(on_vertex->snap_m, 0.0, 1e-6);
    EXPECT_EQ(on_vertex->point, (LonLat{0.1, 43.1}));

    // 0.01 degree north of the middle of the first segment: about 1,111 m.
    const auto mid = snapper.snap({0.05, 43.01}, 5000.0);
    ASSERT_TRUE(mid);
    EXPECT_NEAR(mid->fraction, 0.5, 1e-3);
    EXPECT_NEAR(mid->snap_m, 1111.0, 5.0);
    EXPECT_NEAR(mid->point.lat_deg, 43.0, 1e-9);

    EXPECT_FALSE(snapper.snap({0.05, 43.06}, 1000.0));  // 4 km from both roads
    EXPECT_TRUE(snapper.snap({0.05, 43.06}, 5000.0));
    EXPECT_FALSE(snapper.snap({5.0, 45.0}, 5000.0));
    EXPECT_THROW(snapper.snap({std::nan(""), 43.0}, 10.0), ArgumentError);
    EXPECT_THROW(snapper.snap({0.0, 43.0}, -1.0), ArgumentError);
}

TEST(RoadSnapper, MatchesBruteForceOnRandomPoints) {
    const std::uint64_t seed = 11;
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 rng(seed);
    const RoadNetwork net = random_network(rng, 12);
    const RoadGraph g(net);
    const RoadSnapper snapper(g);
    std::uniform_real_distribution<double> lon(0.45, 0.75), lat(43.55, 43.85);
    for (int q = 0; q < 60; ++q) {
        const LonLat p{lon(rng), lat(rng)};
        const auto snap = snapper.snap(p, 1e6);
        ASSERT_TRUE(snap);
        // Brute force: sample every segment finely.
        double best = kInf;
        for (const auto& seg : g.segments()) {
            for (int k = 0; k <= 100; ++k) {
                const double t = k / 100.0;
                const LonLat a = g.position(seg.a), b = g.position(seg.b);
                best = std::min(best,
                                geodesic_distance_m(p, {a.lon_deg + t * (b.lon_deg - a.lon_deg),
                                                        a.lat_deg + t * (b.lat_deg - a.lat_deg)}));
            }
        }
        EXPECT_LE(snap->snap_m, best + 0.5) << "query " << q;
        EXPECT_GE(snap->snap_m, best - 25.0) << "query " << q;  // sampling step ~ 20 m
    }
}

TEST(RoadQuery, MultiSourceEqualsRepeatedSingleSource) {
    for (const std::uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        std::mt19937_64 rng(seed);
        const RoadNetwork net = random_network(rng, 9);
        const RoadGraph g(net);
        const RoadSnapper snapper(g);
        std::uniform_int_distribution<RoadNode> node(0,
                                                     static_cast<RoadNode>(net.nodes.size() - 1));
        std::vector<RoadNode> site_nodes;
        std::vector<LonLat> positions;
        for (int s = 0; s < 4; ++s) {
            site_nodes.push_back(node(rng));
            positions.push_back(net.nodes[site_nodes.back()]);
        }
        const std::vector<Site> sites = sites_at(positions);
        std::vector<std::optional<RoadSnap>> snaps;
        for (const auto& p : positions) snaps.push_back(snapper.snap(p, 1.0));

        for (const RoadMetric metric : {RoadMetric::Time, RoadMetric::Distance}) {
            RoadQuery query(g);
            query.run(snaps, sites, {metric, 30.0});
            for (RoadNode v = 0; v < net.nodes.size(); ++v) {
                const auto costs = reference::road_costs_from(net, v, metric);
                double best = kInf;
                for (const RoadNode s : site_nodes) best = std::min(best, costs[s]);
                if (best == kInf) {
                    EXPECT_EQ(query.node_cost(v), kInf) << "node " << v;
                    EXPECT_FALSE(query.node_site(v));
                } else {
                    EXPECT_NEAR(query.node_cost(v), best, 1e-9 * best + 1e-9) << "node " << v;
                    ASSERT_TRUE(query.node_site(v));
                    EXPECT_NEAR(costs[site_nodes[*query.node_site(v)]], best, 1e-9 * best + 1e-9);
                }
            }
        }
    }
}

TEST(RoadQuery, SnappedOriginsMatchEdgeSplittingReference) {
    for (const std::uint64_t seed : {21u, 22u, 23u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        std::mt19937_64 rng(seed);
        const RoadNetwork net = random_network(rng, 10);
        const RoadGraph g(net);
        const RoadSnapper snapper(g);
        std::uniform_real_distribution<double> lon(0.48, 0.68), lat(43.58, 43.78);
        std::vector<LonLat> positions;
        for (int s = 0; s < 6; ++s) positions.push_back({lon(rng), lat(rng)});
        const std::vector<Site> sites = sites_at(positions);
        std::vector<std::optional<RoadSnap>> snaps;
        for (const auto& p : positions) snaps.push_back(snapper.snap(p, 5000.0));
        for (const RoadMetric metric : {RoadMetric::Time, RoadMetric::Distance}) {
            const RoadQueryOptions options{metric, 25.0};
            RoadQuery query(g);
            query.run(snaps, sites, options);
            for (int q = 0; q < 60; ++q) {
                // Every fifth origin sits on a site's segment, to exercise the same-edge case.
                std::optional<RoadSnap> origin = snapper.snap({lon(rng), lat(rng)}, 5000.0);
                ASSERT_TRUE(origin);
                if (q % 5 == 0 && snaps[q % 6]) {
                    origin->segment = snaps[q % 6]->segment;
                    origin->fraction = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
                }
                const RoadResult got = query.nearest(*origin);
                const RoadResult want = reference::road_nearest(g, *origin, snaps, sites, options);
                ASSERT_EQ(got.reached(), want.reached()) << "origin " << q;
                if (!got.reached()) continue;
                const double got_cost = metric == RoadMetric::Time ? got.time_s : got.distance_m;
                const double want_cost = metric == RoadMetric::Time ? want.time_s : want.distance_m;
                EXPECT_NEAR(got_cost, want_cost, 1e-9 * want_cost) << "origin " << q;
                if (got.site == want.site) {
                    EXPECT_NEAR(got.distance_m, want.distance_m, 1e-6 * want.distance_m)
                        << "origin " << q;
                    EXPECT_NEAR(got.time_s, want.time_s, 1e-6 * want.time_s) << "origin " << q;
                }
            }
        }
    }
}

// A straight road 0 -> 1 -> 2 (east), oneway eastward between 1 and 2.
struct Line {
    RoadNetwork net;
    Line() {
        net.nodes = {{0.0, 43.0}, {0.1, 43.0}, {0.2, 43.0}};
        add_road(net, 0, 1, 60);
        add_road(net, 1, 2, 60, 1);
    }
};

TEST(RoadQuery, SameSegmentRespectsOneway) {
    const Line line;
    const RoadGraph g(line.net);
    const RoadSnapper snapper(g);
    const auto sites = sites_at({{0.15, 43.0}});
    const std::vector<std::optional<RoadSnap>> snaps = {snapper.snap(sites[0].position, 10.0)};
    RoadQuery query(g);
    query.run(snaps, sites);
    const double segment_m = geodesic_distance_m({0.1, 43.0}, {0.2, 43.0});

    // Upstream on the same oneway segment: straight along it, half of it minus a quarter.
    const auto before = snapper.snap({0.125, 43.0}, 10.0);
    ASSERT_TRUE(before);
    const RoadResult r = query.nearest(*before);
    ASSERT_TRUE(r.reached());
    EXPECT_NEAR(r.distance_m, 0.25 * segment_m, 1e-6 * segment_m);
    EXPECT_NEAR(r.time_s, 0.25 * segment_m / (60 / 3.6), 1e-6);

    // Downstream: the oneway forbids going back and node 2 is a dead end.
    const auto after = snapper.snap({0.175, 43.0}, 10.0);
    ASSERT_TRUE(after);
    EXPECT_EQ(query.nearest(*after).status, RoadResult::Status::NoRoute);
}

TEST(RoadQuery, AccessLegsCountAtBothEnds) {
    const Line line;
    const RoadGraph g(line.net);
    const RoadSnapper snapper(g);
    const auto sites = sites_at({{0.05, 43.01}});  // ~1.1 km north of the first segment
    const std::vector<std::optional<RoadSnap>> snaps = {snapper.snap(sites[0].position, 5000.0)};
    RoadQuery query(g);
    query.run(snaps, sites, {RoadMetric::Time, 30.0});
    const auto origin = snapper.snap({0.0, 42.99}, 5000.0);  // ~1.1 km south of node 0
    ASSERT_TRUE(origin);
    const RoadResult r = query.nearest(*origin);
    ASSERT_TRUE(r.reached());
    const double along_m = geodesic_distance_m({0.0, 43.0}, {0.05, 43.0});
    const double legs_m = origin->snap_m + snaps[0]->snap_m;
    EXPECT_NEAR(r.distance_m, along_m + legs_m, 0.01 * along_m);
    EXPECT_NEAR(r.time_s, along_m / (60 / 3.6) + legs_m / (30 / 3.6), 0.01 * r.time_s);
}

TEST(RoadQuery, CutOffPieceHasNoRouteAndTiesGoToSmallerId) {
    RoadNetwork net;
    net.nodes = {{0.0, 43.0}, {0.1, 43.0}, {0.2, 43.0}, {1.0, 44.0}, {1.1, 44.0}};
    add_road(net, 0, 1, 60);
    add_road(net, 1, 2, 60);
    add_road(net, 3, 4, 60);  // an island
    const RoadGraph g(net);
    EXPECT_EQ(g.component_count(), 2u);
    EXPECT_EQ(g.component(0), 0u);
    EXPECT_EQ(g.component(3), 1u);
    const RoadSnapper snapper(g);
    // Sites "20" and "3" at the same distance either side of node 1: "3" < "20" numerically.
    const auto sites = sites_at({{0.0, 43.0}, {0.2, 43.0}});
    std::vector<Site> named = sites;
    named[0].id = "20";
    named[1].id = "3";
    const std::vector<std::optional<RoadSnap>> snaps = {snapper.snap(named[0].position, 1.0),
                                                        snapper.snap(named[1].position, 1.0)};
    RoadQuery query(g);
    query.run(snaps, named);
    const auto middle = snapper.snap({0.1, 43.0}, 1.0);
    ASSERT_TRUE(middle);
    const RoadResult r = query.nearest(*middle);
    ASSERT_TRUE(r.reached());
    EXPECT_EQ(named[r.site].id, "3");

    const auto island = snapper.snap({1.05, 44.0}, 10.0);
    ASSERT_TRUE(island);
    EXPECT_EQ(g.component(g.segments()[island->segment].a), 1u);
    EXPECT_EQ(query.nearest(*island).status, RoadResult::Status::NoRoute);
}

// The documented thread-safety: one graph and one snapper shared by every thread; a RoadQuery
// after run() answers nearest() from many threads at once; and queries of their own, run
// concurrently on the shared graph, label it exactly as a sequential run does.
TEST(RoadQuery, ConcurrentUseMatchesSequentialAnswers) {
    constexpr std::uint64_t kSeed = 31;
    SCOPED_TRACE("seed " + std::to_string(kSeed));
    std::mt19937_64 rng(kSeed);
    const RoadNetwork net = random_network(rng, 12);
    const RoadGraph g(net);
    const RoadSnapper snapper(g);
    std::uniform_real_distribution<double> lon(0.48, 0.76), lat(43.58, 43.86);
    std::vector<LonLat> positions;
    for (int s = 0; s < 6; ++s) positions.push_back({lon(rng), lat(rng)});
    const std::vector<Site> sites = sites_at(positions);
    std::vector<std::optional<RoadSnap>> snaps;
    for (const auto& p : positions) snaps.push_back(snapper.snap(p, 5000.0));
    std::vector<LonLat> origins(300);
    for (auto& p : origins) p = {lon(rng), lat(rng)};
    for (std::size_t i = 0; i < origins.size(); i += 10) origins[i].lon_deg += 0.5;  // off-road

    // Everything a caller sees for each origin, compared exactly (no tolerance).
    const auto answers = [&](const RoadQuery& query) {
        std::vector<double> out;
        for (const auto& p : origins) {
            const std::optional<RoadSnap> snap = snapper.snap(p, 5000.0);
            if (!snap) {
                out.push_back(-1.0);
                continue;
            }
            const RoadResult r = query.nearest(*snap);
            out.insert(out.end(), {static_cast<double>(snap->segment), snap->fraction, snap->snap_m,
                                   static_cast<double>(r.status), static_cast<double>(r.site),
                                   r.distance_m, r.time_s});
        }
        return out;
    };
    const RoadMetric metrics[] = {RoadMetric::Time, RoadMetric::Distance};
    std::vector<std::vector<double>> sequential;
    std::vector<std::vector<double>> node_costs;
    for (const RoadMetric metric : metrics) {
        RoadQuery query(g);
        query.run(snaps, sites, {metric, 30.0});
        sequential.push_back(answers(query));
        std::vector<double> costs;
        for (RoadNode v = 0; v < g.node_count(); ++v) costs.push_back(query.node_cost(v));
        node_costs.push_back(costs);
    }

    // One query object, already run, shared by all threads.
    RoadQuery shared(g);
    shared.run(snaps, sites, {RoadMetric::Time, 30.0});
    std::vector<std::vector<double>> from_shared(4);
    // One query object per thread, run concurrently (alternating metrics).
    std::vector<std::vector<double>> from_own(4), own_costs(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < from_shared.size(); ++t) {
        threads.emplace_back([&, t] { from_shared[t] = answers(shared); });
        threads.emplace_back([&, t] {
            RoadQuery own(g);
            own.run(snaps, sites, {metrics[t % 2], 30.0});
            for (RoadNode v = 0; v < g.node_count(); ++v) own_costs[t].push_back(own.node_cost(v));
            from_own[t] = answers(own);
        });
    }
    for (auto& thread : threads) thread.join();
    for (std::size_t t = 0; t < from_shared.size(); ++t) {
        EXPECT_TRUE(from_shared[t] == sequential[0]) << "shared query, thread " << t;
        EXPECT_TRUE(from_own[t] == sequential[t % 2]) << "own query, thread " << t;
        EXPECT_TRUE(own_costs[t] == node_costs[t % 2]) << "own query, thread " << t;
    }
    // The origins must exercise both outcomes of a snap.
    EXPECT_GT(std::count(sequential[0].begin(), sequential[0].end(), -1.0), 0);
}

TEST(RoadQuery, RejectsMismatchedInputs) {
    const Line line;
    const RoadGraph g(line.net);
    RoadQuery query(g);
    EXPECT_THROW(query.run({std::nullopt}, {}), ArgumentError);
    EXPECT_THROW(query.run({}, {}, {RoadMetric::Time, 0.0}), ArgumentError);
}

}  // namespace
