// Floating catchment figures (2SFCA, E2SFCA), crow-fly and by road, against the brute-force
// oracles of access_reference.hpp on random instances: asymmetric travel times (oneway roads,
// other speeds each way), zero-demand sites, origins reaching no site; the same result for any
// thread count. The equity figures against their definitions.

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "random_roads.hpp"
#include "sitecover/access_reference.hpp"
#include "sitecover/accessibility.hpp"
#include "sitecover/equity.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/road_catchment.hpp"
#include "sitecover/site_index.hpp"

namespace {

using namespace sitecover;

constexpr double kInf = std::numeric_limits<double>::infinity();

AccessDecay step_decay(std::vector<DecayStep> steps) {
    AccessDecay decay;
    decay.kind = DecayKind::Step;
    decay.steps = std::move(steps);
    return decay;
}

// Relative agreement to 1e-9 (absolute near 0).
void expect_close(double actual, double expected, const std::string& what) {
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::fabs(expected))) << what;
}

void expect_same_figures(const AccessResult& got, const AccessResult& want) {
    ASSERT_EQ(got.access.size(), want.access.size());
    ASSERT_EQ(got.ratio.size(), want.ratio.size());
    for (std::size_t j = 0; j < want.ratio.size(); ++j) {
        expect_close(got.site_demand[j], want.site_demand[j],
                     "demand of site " + std::to_string(j));
        expect_close(got.ratio[j], want.ratio[j], "ratio of site " + std::to_string(j));
    }
    for (std::size_t i = 0; i < want.access.size(); ++i) {
        expect_close(got.access[i], want.access[i], "access of origin " + std::to_string(i));
        EXPECT_EQ(got.sites_reached[i], want.sites_reached[i]) << "origin " << i;
    }
}

TEST(AccessDecay, WeightsByZoneAndGaussian) {
    const AccessDecay step = step_decay({{10, 1.0}, {20, 0.68}, {30, 0.22}});
    EXPECT_EQ(step.weight(0, 30), 1.0);
    EXPECT_EQ(step.weight(10, 30), 1.0);
    EXPECT_EQ(step.weight(10.5, 30), 0.68);
    EXPECT_EQ(step.weight(30, 30), 0.22);
    EXPECT_EQ(step.weight(30.01, 40), 0.0);
    EXPECT_EQ(step.weight(31, 30), 0.0);
    AccessDecay gaussian;
    gaussian.kind = DecayKind::Gaussian;
    EXPECT_DOUBLE_EQ(gaussian.weight(0, 30), 1.0);
    EXPECT_NEAR(gaussian.weight(30, 30), 0.0, 1e-15);
    EXPECT_GT(gaussian.weight(10, 30), gaussian.weight(20, 30));
    EXPECT_EQ(AccessDecay{}.weight(30, 30), 1.0);
    EXPECT_EQ(AccessDecay{}.weight(30.1, 30), 0.0);
}

TEST(AccessDecay, RefusesBadZonesNamingTheField) {
    const auto message = [](const AccessDecay& decay, double catchment) -> std::string {
        try {
            check_access_decay(decay, catchment, "catchment_km", "decay");
        } catch (const ArgumentError& e) {
            return e.field() + " | " + e.what();
        }
        return "accepted";
    };
    EXPECT_EQ(message(step_decay({{10, 1.0}, {20, 0.68}, {30, 0.22}}), 30), "accepted");
    EXPECT_EQ(message(AccessDecay{}, 0),
              "catchment_km | catchment_km must be a positive number, got 0");
    EXPECT_EQ(message(AccessDecay{}, std::nan("")),
              "catchment_km | catchment_km must be a positive number, got nan");
    EXPECT_EQ(message(step_decay({{10, 1.0}, {20, 0.7}, {30, 0.8}}), 30),
              "decay | decay: zone 3 (30=0.8): the weights must decrease from one zone to the "
              "next (0.7 before)");
    EXPECT_EQ(message(step_decay({{10, 1.2}}), 30),
              "decay | decay: zone 1 (10=1.2): the weight must lie in [0, 1]");
    EXPECT_EQ(message(step_decay({{10, 1}, {10, 0.5}}), 30),
              "decay | decay: zone 2 (10=0.5): the bounds must increase from one zone to the next");
    EXPECT_EQ(message(step_decay({{10, 1}, {40, 0.5}}), 30),
              "decay | decay: the last zone ends at 40, beyond the catchment (30)");
    EXPECT_EQ(message(step_decay({}), 30),
              "decay | decay: a step decay needs at least one zone (UPPER=WEIGHT)");
    EXPECT_EQ(message(step_decay({{-1, 1}}), 30),
              "decay | decay: zone 1 (-1=1): the bound must be a positive number");
}

// Random origins and sites near Auch; some sites far from everybody (zero demand), some origins
// far from every site (no site reached); random demands with zeros and random capacities.
struct Instance {
    std::vector<LonLat> origins;
    std::vector<Site> sites;
    std::vector<double> demand, supply;
};

Instance random_instance(std::mt19937_64& rng, std::size_t origins, std::size_t sites) {
    std::uniform_real_distribution<double> lon(0.48, 0.78), lat(43.58, 43.88), unit(0.0, 1.0);
    Instance in;
    for (std::size_t i = 0; i < origins; ++i) {
        in.origins.push_back({lon(rng), lat(rng)});
        in.demand.push_back(unit(rng) < 0.1 ? 0.0 : std::floor(unit(rng) * 5000.0));
    }
    in.origins.push_back({1.5, 44.5});  // reaches no site
    in.demand.push_back(300.0);
    std::vector<LonLat> positions;
    for (std::size_t j = 0; j < sites; ++j) positions.push_back({lon(rng), lat(rng)});
    positions.push_back({-0.5, 43.0});  // serves nobody: zero demand
    in.sites = test::sites_at(positions);
    for (std::size_t j = 0; j < in.sites.size(); ++j)
        in.supply.push_back(1.0 + std::floor(unit(rng) * 3));
    return in;
}

TEST(FloatingCatchment, CrowFlyMatchesTheReference) {
    const std::uint64_t seed = 270027;
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    const Instance in = random_instance(rng, 400, 25);
    const SiteIndex index(in.sites, SiteIndexOptions{DistanceMethod::Karney});
    std::vector<std::vector<double>> cost(in.origins.size(), std::vector<double>(in.sites.size()));
    for (std::size_t i = 0; i < in.origins.size(); ++i) {
        for (std::size_t j = 0; j < in.sites.size(); ++j)
            cost[i][j] = geodesic_distance_m(in.origins[i], in.sites[j].position);
    }
    const double catchment_m = 9000.0;
    const CatchmentTable table = crow_fly_catchment(index, in.origins, catchment_m, 1);
    for (const AccessDecay& decay :
         {AccessDecay{}, step_decay({{3000, 1.0}, {6000, 0.68}, {9000, 0.22}}),
          AccessDecay{DecayKind::Gaussian, {}}}) {
        const AccessResult got =
            floating_catchment(table, in.demand, in.supply, decay, catchment_m);
        const AccessResult want =
            reference::floating_catchment(cost, in.demand, in.supply, decay, catchment_m);
        expect_same_figures(got, want);
        EXPECT_EQ(got.sites_reached.back(), 0u);
        EXPECT_EQ(got.access.back(), 0.0);
        EXPECT_EQ(got.ratio.back(), 0.0);  // the far site serves nobody
    }
    for (const unsigned threads : {2u, 5u}) {
        const CatchmentTable many = crow_fly_catchment(index, in.origins, catchment_m, threads);
        EXPECT_EQ(many.offset, table.offset);
        EXPECT_EQ(many.hits, table.hits);
    }
}

// A random network made more asymmetric: some roads faster one way than the other.
RoadNetwork asymmetric_network(std::mt19937_64& rng) {
    RoadNetwork net = test::random_network(rng, 14);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (RoadEdge& edge : net.edges) {
        if (unit(rng) < 0.3) edge.time_s *= 1.0 + 2.0 * unit(rng);
    }
    return net;
}

TEST(FloatingCatchment, ByRoadMatchesTheReferenceForAnyThreadCount) {
    const std::uint64_t seed = 770701;
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    const RoadGraph graph(asymmetric_network(rng));
    const RoadSnapper snapper(graph);
    const Instance in = random_instance(rng, 150, 10);
    const double max_snap_m = 3000.0;
    for (const RoadMetric metric : {RoadMetric::Time, RoadMetric::Distance}) {
        SCOPED_TRACE(metric == RoadMetric::Time ? "time" : "distance");
        RoadCatchmentOptions options;
        options.metric = metric;
        options.max_snap_m = max_snap_m;
        options.catchment = metric == RoadMetric::Time ? 900.0 : 12000.0;
        RoadQueryOptions query;
        query.metric = metric;
        const auto cost =
            reference::road_costs(graph, snapper, in.sites, in.origins, query, max_snap_m);
        const RoadCatchment one = road_catchment(graph, snapper, in.sites, in.origins, options, 1);
        // Every pair within the catchment, at the reference's cost.
        std::size_t pairs = 0, asymmetric = 0;
        for (std::size_t i = 0; i < in.origins.size(); ++i) {
            std::vector<SiteCost> want;
            for (std::size_t j = 0; j < in.sites.size(); ++j) {
                if (cost[i][j] <= options.catchment) want.push_back({j, cost[i][j]});
            }
            const auto begin =
                one.table.hits.begin() + static_cast<std::ptrdiff_t>(one.table.offset[i]);
            const std::vector<SiteCost> got(
                begin,
                begin + static_cast<std::ptrdiff_t>(one.table.offset[i + 1] - one.table.offset[i]));
            ASSERT_EQ(got.size(), want.size()) << "origin " << i;
            for (std::size_t h = 0; h < got.size(); ++h) {
                EXPECT_EQ(got[h].site, want[h].site) << "origin " << i;
                EXPECT_NEAR(got[h].cost, want[h].cost, 1e-6) << "origin " << i;
            }
            pairs += got.size();
        }
        EXPECT_GT(pairs, in.origins.size());  // most origins reach a site or more
        // Travel there and back differ somewhere: the direction matters.
        const auto back = reference::road_costs(
            graph, snapper, test::sites_at(in.origins),
            [&] {
                std::vector<LonLat> p;
                for (const Site& s : in.sites) p.push_back(s.position);
                return p;
            }(),
            query, max_snap_m);
        for (std::size_t i = 0; i < in.origins.size(); ++i) {
            for (std::size_t j = 0; j < in.sites.size(); ++j) {
                if (std::isfinite(cost[i][j]) && std::fabs(cost[i][j] - back[j][i]) > 1.0)
                    ++asymmetric;
            }
        }
        if (metric == RoadMetric::Time) {
            EXPECT_GT(asymmetric, 100u);
        }
        EXPECT_EQ(one.site_snapped.back(), 0);  // the far site is off the network
        EXPECT_EQ(one.origin_snapped[in.origins.size() - 1], 0);

        for (const AccessDecay& decay :
             {AccessDecay{}, step_decay({{options.catchment / 3, 1.0},
                                         {2 * options.catchment / 3, 0.68},
                                         {options.catchment, 0.22}})}) {
            const AccessResult got =
                floating_catchment(one.table, in.demand, in.supply, decay, options.catchment);
            const AccessResult want =
                reference::floating_catchment(cost, in.demand, in.supply, decay, options.catchment);
            expect_same_figures(got, want);
        }
        for (const unsigned threads : {2u, 3u}) {
            const RoadCatchment many =
                road_catchment(graph, snapper, in.sites, in.origins, options, threads);
            EXPECT_EQ(many.table.offset, one.table.offset) << "threads=" << threads;
            EXPECT_EQ(many.table.hits, one.table.hits) << "threads=" << threads;
        }
    }
}

TEST(FloatingCatchment, TwoOriginsTwoSitesByHand) {
    // Origin 0 (100 people) reaches sites 0 and 1; origin 1 (300 people) only site 1.
    CatchmentTable table;
    table.site_count = 2;
    table.offset = {0, 2, 3};
    table.hits = {{0, 5.0}, {1, 15.0}, {1, 5.0}};
    const AccessResult r = floating_catchment(table, {100, 300}, {1, 2}, AccessDecay{}, 20);
    EXPECT_DOUBLE_EQ(r.ratio[0], 1.0 / 100);
    EXPECT_DOUBLE_EQ(r.ratio[1], 2.0 / 400);
    EXPECT_DOUBLE_EQ(r.access[0], 1.0 / 100 + 2.0 / 400);
    EXPECT_DOUBLE_EQ(r.access[1], 2.0 / 400);
    EXPECT_EQ(r.sites_reached, (std::vector<std::size_t>{2, 1}));
    // Population-weighted total access equals total supply when everybody reaches some site.
    EXPECT_DOUBLE_EQ(100 * r.access[0] + 300 * r.access[1], 3.0);
    EXPECT_THROW(floating_catchment(table, {100, -1}, {1, 2}, AccessDecay{}, 20), ArgumentError);
    EXPECT_THROW(floating_catchment(table, {100}, {1, 2}, AccessDecay{}, 20), ArgumentError);
}

TEST(Equity, GiniMatchesItsDefinition) {
    const std::uint64_t seed = 5150;
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int round = 0; round < 20; ++round) {
        std::vector<double> values, weights;
        for (int i = 0; i < 60; ++i) {
            values.push_back(unit(rng) < 0.2 ? 0.0 : std::floor(unit(rng) * 10));  // ties
            weights.push_back(unit(rng) < 0.1 ? 0.0 : unit(rng) * 1000);
        }
        const auto got = weighted_gini(values, weights);
        const auto want = reference::weighted_gini(values, weights);
        ASSERT_TRUE(got && want);
        EXPECT_NEAR(*got, *want, 1e-12) << "round " << round;
    }
    EXPECT_DOUBLE_EQ(*weighted_gini({0, 1}, {1, 1}), 0.5);
    EXPECT_DOUBLE_EQ(*weighted_gini({3, 3, 3}, {1, 2, 3}), 0.0);
    EXPECT_FALSE(weighted_gini({0, 0}, {1, 1}));
    EXPECT_THROW(weighted_gini({1}, {1, 2}), ArgumentError);
    EXPECT_THROW(weighted_gini({-1}, {1}), ArgumentError);
}

TEST(Equity, PalmaAndSharesWithin) {
    // Ten people with values 1..10: top 10 % holds 10, bottom 40 % holds 1+2+3+4.
    std::vector<double> values, weights(10, 1.0);
    for (int v = 10; v >= 1; --v) values.push_back(v);
    EXPECT_DOUBLE_EQ(*palma_ratio(values, weights), 1.0);
    // One entry of weight 10 straddles every quantile: a ratio of 1/4 of the value per 10 %.
    EXPECT_DOUBLE_EQ(*palma_ratio({7}, {10}), 0.25);
    EXPECT_FALSE(palma_ratio({0, 0, 5}, {4, 4, 2}));  // bottom 40 % holds nothing
    EXPECT_DOUBLE_EQ(*share_within({1.0, 5.0, std::nullopt}, {1, 1, 2}, 2.0), 0.25);
    EXPECT_DOUBLE_EQ(*share_within({1.0, 5.0, std::nullopt}, {1, 1, 2}, 5.0), 0.5);
    EXPECT_FALSE(share_within({1.0}, {0.0}, 2.0));
}

}  // namespace
