// OR-Library p-median instances through the library's certified search: on random graphs in the
// library's text format (fixed, printed seeds), solve_exact's proven optimum equals the best of
// every p-subset, and the reader follows the format's rules.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../../bench/orlib_pmed.hpp"
#include "sitecover/exact_planning.hpp"

namespace {

using sitecover::bench::orlib_problem;
using sitecover::bench::OrlibPmed;
using sitecover::bench::read_orlib_pmed;

// A connected random graph (a path plus random chords) in the OR-Library format.
std::string random_instance(std::uint32_t seed, std::size_t n, std::size_t chords, std::size_t p) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> cost(1, 100);
    std::uniform_int_distribution<std::size_t> vertex(1, n);
    std::ostringstream text;
    text << n << " " << (n - 1 + chords) << " " << p << "\n";
    for (std::size_t v = 1; v < n; ++v) text << v << " " << v + 1 << " " << cost(rng) << "\n";
    for (std::size_t c = 0; c < chords; ++c)
        text << vertex(rng) << " " << vertex(rng) << " " << cost(rng) << "\n";
    return text.str();
}

// The smallest sum of distances over every p-subset of medians.
double brute_force(const OrlibPmed& pm) {
    std::vector<char> pick(pm.n, 0);
    std::fill(pick.begin(), pick.begin() + static_cast<std::ptrdiff_t>(pm.p), 1);
    double best = std::numeric_limits<double>::infinity();
    do {
        double sum = 0.0;
        for (std::size_t v = 0; v < pm.n; ++v) {
            double nearest = std::numeric_limits<double>::infinity();
            for (std::size_t m = 0; m < pm.n; ++m)
                if (pick[m]) nearest = std::min(nearest, pm.distance[m * pm.n + v]);
            sum += nearest;
        }
        best = std::min(best, sum);
    } while (std::prev_permutation(pick.begin(), pick.end()));
    return best;
}

TEST(OrlibPmed, ProvenOptimumEqualsTheBestSubsetOnRandomGraphs) {
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const std::size_t n = 12 + seed % 5, p = 2 + seed % 3;
        std::istringstream in(random_instance(seed, n, n, p));
        const OrlibPmed pm = read_orlib_pmed(in);
        const sitecover::PlanProblem problem = orlib_problem(pm);
        sitecover::PlanGoal goal;
        goal.objective = sitecover::Objective::PMedian;
        const sitecover::PlanResult start = sitecover::suggest_sites(problem, p, goal);
        const sitecover::ExactPlan exact = sitecover::solve_exact(problem, p, goal, start);
        EXPECT_TRUE(exact.quality.proven_optimal);
        EXPECT_NEAR(exact.quality.value * static_cast<double>(n), brute_force(pm), 1e-6);
    }
}

TEST(OrlibPmed, ReaderKeepsTheLastCostOfAnEdgeAndRefusesBadLines) {
    std::istringstream in("3 3 1\n1 2 10\n2 3 5\n1 2 1\n");
    const OrlibPmed pm = read_orlib_pmed(in);
    EXPECT_EQ(pm.distance[0 * 3 + 1], 1.0);  // the second listing of 1-2
    EXPECT_EQ(pm.distance[0 * 3 + 2], 6.0);  // 1-2-3
    std::istringstream bad("3 2 1\n1 2 10\n2 x 5\n");
    EXPECT_THROW(read_orlib_pmed(bad), std::runtime_error);
    std::istringstream too_many("3 0 4\n");
    EXPECT_THROW(read_orlib_pmed(too_many), std::runtime_error);
}

}  // namespace
