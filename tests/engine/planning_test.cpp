// The location search against exhaustive enumeration on a dense cost matrix, the cost builders
// against direct queries (geodesic distances, RoadQuery with the candidate added), and the
// errors of bad requests.

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "random_roads.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/plan_costs.hpp"
#include "sitecover/planning.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site_index.hpp"

namespace {

using namespace sitecover;
constexpr double kInf = std::numeric_limits<double>::infinity();

// A dense instance: every origin / candidate cost, for the oracle.
struct Dense {
    std::vector<double> weights, base;
    std::vector<std::vector<double>> cost;  // [candidate][origin]
};

PlanProblem sparse_of(const Dense& d) {
    PlanProblem p(d.weights, d.base);
    for (const auto& row : d.cost) {
        std::vector<std::pair<std::size_t, double>> costs;
        for (std::size_t i = 0; i < row.size(); ++i) costs.emplace_back(i, row[i]);
        p.add_candidate(costs);
    }
    return p;
}

// The oracle's figures of a subset, straight from the definitions.
PlanValue dense_value(const Dense& d, const std::vector<std::size_t>& subset, double within) {
    PlanValue v;
    double sum = 0.0;
    for (std::size_t i = 0; i < d.weights.size(); ++i) {
        double c = d.base[i];
        for (const std::size_t j : subset) c = std::min(c, d.cost[j][i]);
        v.max_cost = std::max(v.max_cost, c);
        sum += d.weights[i] * c;
        v.total_weight += d.weights[i];
        if (c <= within) v.covered_weight += d.weights[i];
    }
    v.mean_cost = sum / v.total_weight;
    return v;
}

// Whether a subset (bitmask) has a member in every cover group of the goal.
bool serves_groups(unsigned mask, const PlanGoal& goal) {
    for (const auto& group : goal.cover_groups) {
        bool served = false;
        for (const std::size_t j : group) served = served || (mask & (1u << j)) != 0;
        if (!served) return false;
    }
    return true;
}

// The best figures over every k-subset that serves the cover groups, enumerated by bitmask.
PlanValue dense_optimum(const Dense& d, std::size_t k, const PlanGoal& goal) {
    const std::size_t m = d.cost.size();
    std::optional<PlanValue> best;
    for (unsigned mask = 0; mask < (1u << m); ++mask) {
        if (static_cast<std::size_t>(__builtin_popcount(mask)) != k) continue;
        if (!serves_groups(mask, goal)) continue;
        std::vector<std::size_t> subset;
        for (std::size_t j = 0; j < m; ++j) {
            if (mask & (1u << j)) subset.push_back(j);
        }
        const PlanValue v = dense_value(d, subset, goal.within);
        if (!best || plan_better(v, *best, goal.objective)) best = v;
    }
    return *best;
}

// Neither is better than the other: the same figures up to the tolerance.
void expect_level(const PlanValue& a, const PlanValue& b, Objective objective) {
    EXPECT_FALSE(plan_better(a, b, objective));
    EXPECT_FALSE(plan_better(b, a, objective));
}

Dense random_dense(std::mt19937_64& rng, std::size_t n, std::size_t m) {
    std::uniform_real_distribution<double> pos(0.0, 100.0);
    std::uniform_int_distribution<int> weight(0, 50);
    std::vector<std::pair<double, double>> origins(n), candidates(m);
    for (auto& o : origins) o = {pos(rng), pos(rng)};
    for (auto& c : candidates) c = {pos(rng), pos(rng)};
    const std::pair<double, double> fixed{pos(rng), pos(rng)};
    const auto dist = [](auto a, auto b) {
        return std::hypot(a.first - b.first, a.second - b.second);
    };
    Dense d;
    for (const auto& o : origins) {
        d.weights.push_back(weight(rng));
        d.base.push_back(dist(o, fixed));
    }
    d.weights[0] += 1.0;  // never all zero
    d.cost.resize(m);
    for (std::size_t j = 0; j < m; ++j) {
        for (const auto& o : origins) d.cost[j].push_back(dist(o, candidates[j]));
    }
    return d;
}

TEST(Planning, ExhaustiveAndHeuristicAgainstDenseEnumeration) {
    for (const std::uint64_t seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 9u, 10u, 11u, 12u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        std::mt19937_64 rng(seed);
        const Dense d = random_dense(rng, 14, 9);
        const PlanProblem p = sparse_of(d);
        std::vector<double> all_costs;
        for (const auto& row : d.cost) all_costs.insert(all_costs.end(), row.begin(), row.end());
        std::nth_element(all_costs.begin(), all_costs.begin() + all_costs.size() / 5,
                         all_costs.end());
        const double within = all_costs[all_costs.size() / 5];
        for (const Objective objective :
             {Objective::PCenter, Objective::PMedian, Objective::MaxCoverage, {}}) {
            SCOPED_TRACE("objective " + std::to_string(static_cast<int>(objective)));
            const PlanGoal goal{objective, within, {}};
            for (std::size_t k = 1; k <= 3; ++k) {
                SCOPED_TRACE("k " + std::to_string(k));
                const PlanValue optimum = dense_optimum(d, k, goal);
                const PlanResult exact = best_sites_exhaustive(p, k, goal, 1000);
                ASSERT_EQ(exact.chosen.size(), k);
                expect_level(exact.value, optimum, objective);
                expect_level(exact.value, dense_value(d, exact.chosen, within), objective);
                EXPECT_EQ(exact.evaluations, subset_count(9, k));

                const PlanResult heuristic = suggest_sites(p, k, goal);
                ASSERT_EQ(heuristic.chosen.size(), k);
                EXPECT_TRUE(std::is_sorted(heuristic.chosen.begin(), heuristic.chosen.end()));
                expect_level(heuristic.value, dense_value(d, heuristic.chosen, within), objective);
                EXPECT_FALSE(plan_better(heuristic.value, optimum, objective));
                EXPECT_FALSE(plan_better(heuristic.greedy, heuristic.value, objective));
                // One site: the greedy step is the enumeration.
                if (k == 1) expect_level(heuristic.value, optimum, objective);
                expect_level(heuristic.before, dense_value(d, {}, within), objective);
            }
        }
    }
}

TEST(Planning, CoverGroupsAgainstDenseEnumeration) {
    for (const std::uint64_t seed : {61u, 62u, 63u, 64u, 65u, 66u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        std::mt19937_64 rng(seed);
        const Dense d = random_dense(rng, 14, 9);
        const PlanProblem p = sparse_of(d);
        for (const Objective objective :
             {Objective::PCenter, Objective::PMedian, Objective::MaxCoverage, {}}) {
            PlanGoal goal{objective, 30.0, {{7, 8}, {2, 5, 6}}};  // two "uncovered areas"
            for (std::size_t k = 2; k <= 4; ++k) {
                SCOPED_TRACE("objective " + std::to_string(static_cast<int>(objective)) + ", k " +
                             std::to_string(k));
                const PlanValue optimum = dense_optimum(d, k, goal);
                const PlanResult exact = best_sites_exhaustive(p, k, goal, 1000);
                expect_level(exact.value, optimum, objective);
                const PlanResult heuristic = suggest_sites(p, k, goal);
                EXPECT_FALSE(plan_better(heuristic.value, optimum, objective));
                for (const PlanResult* r : {&exact, &heuristic}) {
                    unsigned mask = 0;
                    for (const std::size_t j : r->chosen) mask |= 1u << j;
                    EXPECT_TRUE(serves_groups(mask, goal));
                }
            }
            // One site cannot serve two disjoint groups.
            EXPECT_THROW(suggest_sites(p, 1, goal), ArgumentError);
            EXPECT_THROW(best_sites_exhaustive(p, 1, goal, 1000), ArgumentError);
        }
    }
    PlanProblem p({1.0}, {1.0});
    p.add_candidate({});
    EXPECT_THROW(suggest_sites(p, 1, {Objective::PMedian, kInf, {{}}}), ArgumentError);
    EXPECT_THROW(suggest_sites(p, 1, {Objective::PMedian, kInf, {{3}}}), ArgumentError);
}

// Two heavy towns 10 km apart with a light village between them: one new site goes to the
// village (mean 50/21 km... from both towns), but for two the greedy keeps the village and the
// swap moves it to the second town.
TEST(Planning, SwapRepairsTheGreedyChoice) {
    Dense d;
    d.weights = {10.0, 1.0, 10.0};
    d.base = {100.0, 100.0, 100.0};
    d.cost = {{0.0, 5.0, 10.0}, {5.0, 0.0, 5.0}, {10.0, 5.0, 0.0}};  // at 0, 5 and 10 km
    const PlanProblem p = sparse_of(d);
    const PlanGoal goal{Objective::PMedian, kInf, {}};
    const PlanResult one = suggest_sites(p, 1, goal);
    EXPECT_EQ(one.chosen, (std::vector<std::size_t>{1}));
    EXPECT_DOUBLE_EQ(one.value.mean_cost, 100.0 / 21.0);
    const PlanResult two = suggest_sites(p, 2, goal);
    EXPECT_DOUBLE_EQ(two.greedy.mean_cost, 50.0 / 21.0);  // {village, a town}
    EXPECT_EQ(two.chosen, (std::vector<std::size_t>{0, 2}));
    EXPECT_DOUBLE_EQ(two.value.mean_cost, 5.0 / 21.0);
    EXPECT_EQ(two.swaps, 1u);
    EXPECT_EQ(best_sites_exhaustive(p, 2, goal, 10).chosen, (std::vector<std::size_t>{0, 2}));
}

TEST(Planning, ObjectivesReadTheRightFigures) {
    Dense d;
    d.weights = {1.0, 1.0, 8.0};
    d.base = {30.0, 20.0, 10.0};
    // Candidate 0 fixes the worst-off origin; candidate 1 helps the populous one.
    d.cost = {{2.0, 50.0, 50.0}, {50.0, 50.0, 1.0}};
    const PlanProblem p = sparse_of(d);
    EXPECT_EQ(p.entry_count(), 2u);  // only the improving pairs are kept
    EXPECT_EQ(suggest_sites(p, 1, {Objective::PCenter, kInf, {}}).chosen,
              (std::vector<std::size_t>{0}));
    EXPECT_EQ(suggest_sites(p, 1, {Objective::PMedian, kInf, {}}).chosen,
              (std::vector<std::size_t>{1}));
    const PlanResult cover = suggest_sites(p, 1, {Objective::MaxCoverage, 5.0, {}});
    EXPECT_EQ(cover.chosen, (std::vector<std::size_t>{1}));
    EXPECT_DOUBLE_EQ(cover.before.covered_weight, 0.0);
    EXPECT_DOUBLE_EQ(cover.value.covered_weight, 8.0);
    EXPECT_DOUBLE_EQ(cover.value.max_cost, 30.0);
    EXPECT_DOUBLE_EQ(cover.value.mean_cost, (30.0 + 20.0 + 8.0) / 10.0);
}

TEST(Planning, UnservedOriginsCountAsInfinite) {
    Dense d;
    d.weights = {1.0, 1.0};
    d.base = {kInf, 3.0};
    d.cost = {{kInf, 1.0}, {7.0, kInf}};
    const PlanProblem p = sparse_of(d);
    const PlanResult r = suggest_sites(p, 1, {Objective::PMedian, kInf, {}});
    EXPECT_EQ(r.before.mean_cost, kInf);
    EXPECT_EQ(r.before.max_cost, kInf);
    EXPECT_EQ(r.chosen, (std::vector<std::size_t>{1}));  // the only one that serves origin 0
    EXPECT_DOUBLE_EQ(r.value.mean_cost, 5.0);
    const PlanAssignment a = plan_assign(p, r.chosen);
    EXPECT_EQ(a.by[0], std::optional<std::size_t>(0));
    EXPECT_EQ(a.by[1], std::nullopt);
}

TEST(Planning, TiesGoToTheLowerCandidate) {
    Dense d;
    d.weights = {1.0, 1.0};
    d.base = {10.0, 10.0};
    d.cost = {{4.0, 6.0}, {6.0, 4.0}, {4.0, 6.0}};
    const PlanProblem p = sparse_of(d);
    EXPECT_EQ(suggest_sites(p, 1, {Objective::PMedian, kInf, {}}).chosen,
              (std::vector<std::size_t>{0}));
    EXPECT_EQ(best_sites_exhaustive(p, 1, {Objective::PCenter, kInf, {}}, 10).chosen,
              (std::vector<std::size_t>{0}));
}

TEST(Planning, RejectsBadRequests) {
    EXPECT_THROW(PlanProblem({1.0}, {1.0, 2.0}), ArgumentError);
    EXPECT_THROW(PlanProblem({0.0, 0.0}, {1.0, 2.0}), ArgumentError);
    EXPECT_THROW(PlanProblem({-1.0, 2.0}, {1.0, 2.0}), ArgumentError);
    PlanProblem p({1.0, 1.0}, {5.0, 5.0});
    EXPECT_THROW(p.add_candidate({{2, 1.0}}), ArgumentError);
    EXPECT_THROW(p.add_candidate({{0, -1.0}}), ArgumentError);
    EXPECT_THROW(p.add_candidate({{0, 1.0}, {0, 2.0}}), ArgumentError);
    p.add_candidate({{0, 1.0}});
    p.add_candidate({{1, 1.0}});
    try {
        suggest_sites(p, 3, {});
        FAIL() << "k > candidates accepted";
    } catch (const ArgumentError& e) {
        EXPECT_STREQ(e.what(), "cannot choose 3 sites among 2 candidates");
    }
    EXPECT_THROW(best_sites_exhaustive(p, 2, {}, 0), ArgumentError);
    EXPECT_THROW(plan_assign(p, {5}), ArgumentError);
    EXPECT_EQ(subset_count(462, 2), 106491u);
    EXPECT_EQ(subset_count(5, 6), 0u);
    EXPECT_EQ(subset_count(100000, 50), std::numeric_limits<std::uint64_t>::max());
}

TEST(PlanCosts, CrowFlyKeepsExactlyThePairsThatBeatTheFixedSites) {
    const std::uint64_t seed = 31;
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(-0.5, 1.5), lat(43.0, 44.2);
    std::vector<LonLat> origins(300), candidates(80);
    for (auto& o : origins) o = {lon(rng), lat(rng)};
    for (auto& c : candidates) c = {lon(rng), lat(rng)};
    std::vector<Site> fixed_sites(6);
    for (std::size_t s = 0; s < fixed_sites.size(); ++s) {
        fixed_sites[s].id = std::to_string(s);
        fixed_sites[s].position = {lon(rng), lat(rng)};
    }
    const SiteIndex fixed(fixed_sites);
    const PlanProblem p =
        crow_fly_problem(origins, std::vector<double>(origins.size(), 1.0), fixed, candidates);
    std::size_t expected_entries = 0;
    for (std::size_t j = 0; j < candidates.size(); ++j) {
        const auto entries = p.entries(j);
        std::size_t e = 0;
        for (std::size_t i = 0; i < origins.size(); ++i) {
            double base = kInf;
            for (const Site& s : fixed_sites)
                base = std::min(base, geodesic_distance_m(origins[i], s.position));
            ASSERT_DOUBLE_EQ(p.base_costs()[i], base);
            const double c = geodesic_distance_m(origins[i], candidates[j]);
            if (c < base) {
                ++expected_entries;
                ASSERT_LT(e, entries.size());
                EXPECT_EQ(entries[e].origin, i);
                EXPECT_NEAR(entries[e].cost, c, 1e-6);
                ++e;
            }
        }
        EXPECT_EQ(e, entries.size());
    }
    EXPECT_EQ(p.entry_count(), expected_entries);
    EXPECT_GT(expected_entries, 0u);

    // With no fixed site every pair counts.
    const SiteIndex none(std::vector<Site>{});
    const PlanProblem all =
        crow_fly_problem(origins, std::vector<double>(origins.size(), 1.0), none, candidates);
    EXPECT_EQ(all.entry_count(), origins.size() * candidates.size());
}

TEST(PlanCosts, RoadCostsEqualRoadQueryWithTheCandidateAdded) {
    for (const std::uint64_t seed : {41u, 42u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        std::mt19937_64 rng(seed);
        const RoadGraph graph(test::random_network(rng, 14));
        const RoadSnapper snapper(graph);
        std::uniform_real_distribution<double> lon(0.5, 0.76), lat(43.6, 43.86);
        const auto random_points = [&](std::size_t count) {
            std::vector<LonLat> points(count);
            for (auto& p : points) p = {lon(rng), lat(rng)};
            return points;
        };
        const std::vector<LonLat> origins = random_points(60);
        const std::vector<LonLat> candidates = random_points(25);
        const std::vector<Site> fixed_sites = test::sites_at(random_points(3));
        RoadPlanInput input;
        input.graph = &graph;
        for (const LonLat& o : origins) input.origin_snaps.push_back(snapper.snap(o, 3000.0));
        for (const LonLat& c : candidates) input.candidate_snaps.push_back(snapper.snap(c, 3000.0));
        std::vector<std::optional<RoadSnap>> fixed_snaps;
        for (const Site& s : fixed_sites) fixed_snaps.push_back(snapper.snap(s.position, 3000.0));
        for (const RoadMetric metric : {RoadMetric::Time, RoadMetric::Distance}) {
            input.options.metric = metric;
            RoadQuery fixed(graph);
            fixed.run(fixed_snaps, fixed_sites, input.options);
            input.threads = 1;
            const PlanProblem p =
                road_problem(input, std::vector<double>(origins.size(), 1.0), fixed);
            input.threads = 2;
            const PlanProblem p2 =
                road_problem(input, std::vector<double>(origins.size(), 1.0), fixed);
            ASSERT_EQ(p.entry_count(), p2.entry_count());
            EXPECT_GT(p.entry_count(), 0u);
            for (std::size_t j = 0; j < candidates.size(); ++j) {
                // Oracle: the fixed sites and this candidate together, unbounded.
                std::vector<Site> with = fixed_sites;
                with.push_back(test::sites_at({candidates[j]}).front());
                with.back().id = "candidate";
                std::vector<std::optional<RoadSnap>> with_snaps = fixed_snaps;
                with_snaps.push_back(input.candidate_snaps[j]);
                RoadQuery oracle(graph);
                oracle.run(with_snaps, with, {metric, 30.0});
                const PlanAssignment a = plan_assign(p, {j});
                for (std::size_t i = 0; i < origins.size(); ++i) {
                    if (!input.origin_snaps[i]) continue;
                    const RoadResult r = oracle.nearest(*input.origin_snaps[i]);
                    const double expected = !r.reached()                 ? kInf
                                            : metric == RoadMetric::Time ? r.time_s
                                                                         : r.distance_m;
                    if (expected == kInf) {
                        EXPECT_EQ(a.cost[i], kInf);
                    } else {
                        EXPECT_NEAR(a.cost[i], expected, 1e-6 * expected + 1e-9) << "origin " << i;
                    }
                }
                const auto e1 = p.entries(j);
                const auto e2 = p2.entries(j);
                ASSERT_EQ(e1.size(), e2.size());
                for (std::size_t e = 0; e < e1.size(); ++e) {
                    EXPECT_EQ(e1[e].origin, e2[e].origin);
                    EXPECT_EQ(e1[e].cost, e2[e].cost);
                }
            }
        }
    }
}

TEST(RoadQuery, MaxCostLeavesFartherNodesUnlabelled) {
    std::mt19937_64 rng(51);
    const RoadGraph graph(test::random_network(rng, 10));
    const RoadSnapper snapper(graph);
    const std::vector<Site> sites = test::sites_at({{0.6, 43.7}});
    const std::vector<std::optional<RoadSnap>> snaps{snapper.snap(sites[0].position, 3000.0)};
    RoadQuery full(graph), bounded(graph);
    full.run(snaps, sites, {RoadMetric::Time, 30.0});
    bounded.run(snaps, sites, {RoadMetric::Time, 30.0, 300.0});
    std::size_t labelled = 0;
    for (RoadNode v = 0; v < graph.node_count(); ++v) {
        if (full.node_cost(v) <= 300.0) {
            EXPECT_EQ(bounded.node_cost(v), full.node_cost(v));
            ++labelled;
        } else {
            EXPECT_EQ(bounded.node_cost(v), kInf);
            EXPECT_EQ(bounded.node_site(v), std::nullopt);
        }
    }
    EXPECT_GT(labelled, 0u);
    EXPECT_LT(labelled, graph.node_count());
    EXPECT_THROW(bounded.run(snaps, sites, {RoadMetric::Time, 30.0, 0.0}), ArgumentError);
}

}  // namespace
