// The certified location answers against a brute-force oracle: every k-subset of small random
// instances (uniform points, and grid points full of ties), greenfield and with fixed sites,
// with and without cover groups. Seeds are fixed and printed on failure.

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/exact_planning.hpp"
#include "sitecover/planning.hpp"

namespace {

using sitecover::ExactOptions;
using sitecover::Objective;
using sitecover::PlanGoal;
using sitecover::PlanProblem;
using sitecover::PlanValue;

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Point {
    double x = 0.0, y = 0.0;
};

double distance(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

// A random instance: n origins with weights 0..9, m candidates, `fixed` fixed sites (their
// distances give the base costs). Grid points (integers 0..6) make many equal costs.
struct Instance {
    PlanProblem problem;
    std::vector<std::vector<std::size_t>> groups;
    std::string description;
};

Instance random_instance(unsigned seed, bool grid, std::size_t fixed, bool with_groups) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> size(8, 16);
    const std::size_t n = static_cast<std::size_t>(size(rng));
    const std::size_t m = static_cast<std::size_t>(std::uniform_int_distribution<int>(5, 11)(rng));
    std::uniform_real_distribution<double> coordinate(0.0, 100.0);
    std::uniform_int_distribution<int> grid_coordinate(0, 6);
    const auto point = [&] {
        if (grid) return Point{10.0 * grid_coordinate(rng), 10.0 * grid_coordinate(rng)};
        return Point{coordinate(rng), coordinate(rng)};
    };
    std::vector<Point> origins(n), candidates(m), sites(fixed);
    for (auto& p : origins) p = point();
    for (auto& p : candidates) p = point();
    for (auto& p : sites) p = point();
    std::vector<double> weights(n), base(n, kInf);
    std::uniform_int_distribution<int> weight(0, 9);
    for (std::size_t i = 0; i < n; ++i) {
        weights[i] = weight(rng);
        for (const Point& s : sites) base[i] = std::min(base[i], distance(origins[i], s));
    }
    weights[0] = std::max(weights[0], 1.0);
    PlanProblem problem(weights, base);
    for (const Point& c : candidates) {
        std::vector<std::pair<std::size_t, double>> costs;
        for (std::size_t i = 0; i < n; ++i) costs.emplace_back(i, distance(origins[i], c));
        problem.add_candidate(costs);
    }
    std::vector<std::vector<std::size_t>> groups;
    if (with_groups) {
        groups = {{0, 1}, {m - 1, m - 2, m - 3}};
    }
    const std::string description = "seed " + std::to_string(seed) + (grid ? " grid" : " uniform") +
                                    ", " + std::to_string(n) + " origins, " + std::to_string(m) +
                                    " candidates, " + std::to_string(fixed) + " fixed sites" +
                                    (with_groups ? ", 2 cover groups" : "");
    return {std::move(problem), std::move(groups), description};
}

bool serves_groups(const std::vector<std::size_t>& set,
                   const std::vector<std::vector<std::size_t>>& groups) {
    return std::all_of(groups.begin(), groups.end(), [&](const std::vector<std::size_t>& g) {
        return std::any_of(g.begin(), g.end(), [&](std::size_t j) {
            return std::find(set.begin(), set.end(), j) != set.end();
        });
    });
}

// Calls visit(subset) for every k-subset of [0, m).
template <typename Visit>
void for_each_subset(std::size_t m, std::size_t k, Visit&& visit) {
    std::vector<std::size_t> subset(k);
    for (std::size_t p = 0; p < k; ++p) subset[p] = p;
    while (true) {
        visit(subset);
        std::size_t p = k;
        while (p > 0 && subset[p - 1] == m - k + p - 1) --p;
        if (p == 0) return;
        ++subset[p - 1];
        for (std::size_t q = p; q < k; ++q) subset[q] = subset[q - 1] + 1;
    }
}

// The primary figure of an objective, as minimised (MaxCoverage: the weight left out).
double primary(const PlanValue& v, Objective objective) {
    switch (objective) {
        case Objective::PCenter:
            return v.max_cost;
        case Objective::PMedian:
            return v.mean_cost;
        case Objective::MaxCoverage:
        case Objective::Cover:
            break;
    }
    return v.total_weight - v.covered_weight;
}

// The oracle: the best primary figure over every k-subset serving the groups (none: none),
// and the worst such subset (a poor start for the certified search).
struct Oracle {
    std::optional<double> best;
    std::vector<std::size_t> worst_set;
};

Oracle brute_force(const Instance& in, std::size_t k, const PlanGoal& goal) {
    Oracle o;
    double worst = -kInf;
    for_each_subset(in.problem.candidate_count(), k, [&](const std::vector<std::size_t>& set) {
        if (!serves_groups(set, goal.cover_groups)) return;
        const double v =
            primary(sitecover::plan_evaluate(in.problem, set, goal.within), goal.objective);
        if (!o.best || v < *o.best) o.best = v;
        if (v > worst) {
            worst = v;
            o.worst_set = set;
        }
    });
    return o;
}

void expect_same(double found, double expected) {
    if (std::isinf(expected)) {
        EXPECT_TRUE(std::isinf(found)) << found;
        return;
    }
    EXPECT_NEAR(found, expected, 1e-9 * std::max(1.0, std::abs(expected)));
}

// One instance, one objective, every k: the certified answer equals the oracle's optimum and
// says so (bound = value, gap 0, proven).
void check_against_oracle(const Instance& in, Objective objective, double within) {
    PlanGoal goal{objective, within, in.groups};
    const std::size_t kmax = std::min<std::size_t>(4, in.problem.candidate_count());
    for (std::size_t k = std::max<std::size_t>(1, in.groups.size()); k <= kmax; ++k) {
        SCOPED_TRACE("k = " + std::to_string(k));
        const Oracle oracle = brute_force(in, k, goal);
        ASSERT_TRUE(oracle.best.has_value());
        // From the heuristic's answer, and from the worst answer there is (which makes the
        // search find better ones rather than prove the start optimal).
        sitecover::PlanResult poor;
        poor.chosen = oracle.worst_set;
        poor.value = sitecover::plan_evaluate(in.problem, poor.chosen, within);
        for (const sitecover::PlanResult& start :
             {sitecover::suggest_sites(in.problem, k, goal), poor}) {
            SCOPED_TRACE(&start == &poor ? "from the worst start" : "from the heuristic");
            const sitecover::ExactPlan exact = sitecover::solve_exact(in.problem, k, goal, start);
            ASSERT_EQ(exact.result.chosen.size(), k);
            EXPECT_TRUE(serves_groups(exact.result.chosen, goal.cover_groups));
            const PlanValue again =
                sitecover::plan_evaluate(in.problem, exact.result.chosen, within);
            expect_same(primary(again, objective), *oracle.best);
            expect_same(primary(exact.result.value, objective), *oracle.best);
            EXPECT_TRUE(exact.quality.proven_optimal) << exact.quality.method;
            EXPECT_EQ(exact.quality.gap, 0.0);
            EXPECT_FALSE(sitecover::plan_better(start.value, exact.result.value, objective))
                << "the certified answer is worse than its start";
        }
    }
}

constexpr unsigned kSeeds = 24;

class ExactPlanningOracle : public ::testing::TestWithParam<Objective> {};

TEST_P(ExactPlanningOracle, EqualsTheBruteForceOptimum) {
    for (unsigned seed = 1; seed <= kSeeds; ++seed) {
        const bool grid = seed % 3 == 0;
        const std::size_t fixed = seed % 4;  // 0: greenfield
        const bool groups = seed % 5 == 0;
        const Instance in = random_instance(seed, grid, fixed, groups);
        SCOPED_TRACE(in.description);
        check_against_oracle(in, GetParam(), grid ? 20.0 : 25.0);
    }
}

INSTANTIATE_TEST_SUITE_P(Objectives, ExactPlanningOracle,
                         ::testing::Values(Objective::PCenter, Objective::PMedian,
                                           Objective::MaxCoverage),
                         [](const auto& info) {
                             switch (info.param) {
                                 case Objective::PCenter:
                                     return std::string("PCenter");
                                 case Objective::PMedian:
                                     return std::string("PMedian");
                                 default:
                                     return std::string("MaxCoverage");
                             }
                         });

// The oracle of `cover`: the smallest k for which some k-subset brings everyone within.
std::optional<std::size_t> fewest_covering(const Instance& in, double within) {
    for (std::size_t k = 0; k <= in.problem.candidate_count(); ++k) {
        bool found = false;
        if (k == 0) {
            found = in.groups.empty() &&
                    sitecover::plan_evaluate(in.problem, {}, within).max_cost <= within;
        } else {
            for_each_subset(in.problem.candidate_count(), k, [&](const auto& set) {
                found =
                    found || (serves_groups(set, in.groups) &&
                              sitecover::plan_evaluate(in.problem, set, within).max_cost <= within);
            });
        }
        if (found) return k;
    }
    return std::nullopt;
}

// The origins whose base cost and every candidate cost exceed the threshold.
std::vector<std::size_t> unreachable(const Instance& in, double within) {
    std::vector<std::size_t> all(in.problem.candidate_count());
    for (std::size_t j = 0; j < all.size(); ++j) all[j] = j;
    const sitecover::PlanAssignment a = sitecover::plan_assign(in.problem, all);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < a.cost.size(); ++i) {
        if (a.cost[i] > within) out.push_back(i);
    }
    return out;
}

TEST(ExactPlanningCover, FewestSitesEqualsTheBruteForce) {
    for (unsigned seed = 1; seed <= kSeeds; ++seed) {
        const bool grid = seed % 3 == 0;
        const Instance in = random_instance(seed, grid, seed % 4, seed % 5 == 0);
        SCOPED_TRACE(in.description);
        for (const double within : {15.0, 30.0, 45.0, 80.0}) {
            SCOPED_TRACE("within " + std::to_string(within));
            const PlanGoal goal{Objective::Cover, within, in.groups};
            const std::vector<std::size_t> out_of_reach = unreachable(in, within);
            if (!out_of_reach.empty()) {
                try {
                    (void)sitecover::solve_cover(in.problem, goal);
                    ADD_FAILURE() << "no UnreachableOriginsError";
                } catch (const sitecover::UnreachableOriginsError& e) {
                    EXPECT_EQ(e.origins(), out_of_reach);
                }
                continue;
            }
            const std::optional<std::size_t> fewest = fewest_covering(in, within);
            ASSERT_TRUE(fewest.has_value());
            const sitecover::ExactPlan plan = sitecover::solve_cover(in.problem, goal);
            EXPECT_EQ(plan.result.chosen.size(), *fewest);
            EXPECT_EQ(plan.quality.value, static_cast<double>(*fewest));
            EXPECT_TRUE(plan.quality.proven_optimal);
            EXPECT_TRUE(serves_groups(plan.result.chosen, in.groups));
            EXPECT_LE(sitecover::plan_evaluate(in.problem, plan.result.chosen, within).max_cost,
                      within);
        }
    }
}

TEST(ExactPlanning, RejectsATimeLimitThatIsNotPositive) {
    const Instance in = random_instance(7, false, 0, false);
    const PlanGoal goal{Objective::PCenter, 20.0, {}};
    const sitecover::PlanResult start = sitecover::suggest_sites(in.problem, 2, goal);
    for (const double limit : {0.0, -1.0, std::nan("")}) {
        EXPECT_THROW(sitecover::solve_exact(in.problem, 2, goal, start, ExactOptions{limit, {}}),
                     sitecover::ArgumentError);
        EXPECT_THROW(sitecover::solve_cover(in.problem, {Objective::Cover, 50.0, {}},
                                            ExactOptions{limit, {}}),
                     sitecover::ArgumentError);
    }
    EXPECT_THROW(sitecover::solve_exact(in.problem, 2, {Objective::Cover, 20.0, {}}, start),
                 sitecover::ArgumentError);
}

TEST(ExactPlanning, ReportsProgressAndKeepsTheHeuristicOnTies) {
    const Instance in = random_instance(11, true, 2, false);
    const PlanGoal goal{Objective::PCenter, 20.0, {}};
    const sitecover::PlanResult start = sitecover::suggest_sites(in.problem, 3, goal);
    int calls = 0;
    ExactOptions options;
    options.progress = [&](const sitecover::SolveProgressEvent& e) {
        ++calls;
        EXPECT_GE(e.elapsed_s, 0.0);
    };
    const sitecover::ExactPlan exact = sitecover::solve_exact(in.problem, 3, goal, start, options);
    EXPECT_GT(calls, 0);
    if (!sitecover::plan_better(exact.result.value, start.value, Objective::PCenter)) {
        EXPECT_EQ(exact.result.chosen, start.chosen);
    }
}

TEST(ExactPlanning, CompleteSitesFillsUpAndImproveSitesNeverWorsens) {
    for (unsigned seed = 1; seed <= 8; ++seed) {
        const Instance in = random_instance(seed, seed % 2 == 0, seed % 3, false);
        SCOPED_TRACE(in.description);
        const PlanGoal goal{Objective::PMedian, 30.0, {}};
        const sitecover::PlanResult filled = sitecover::complete_sites(in.problem, {1}, 3, goal);
        EXPECT_EQ(filled.chosen.size(), 3u);
        const std::vector<std::size_t> start{0, 2};
        const PlanValue before = sitecover::plan_evaluate(in.problem, start, goal.within);
        const sitecover::PlanResult improved = sitecover::improve_sites(in.problem, start, goal);
        EXPECT_FALSE(sitecover::plan_better(before, improved.value, Objective::PMedian));
    }
}

}  // namespace
