#pragma once
// The p-median instances of Beasley's OR-Library (pmed1 ... pmed40): a first line "n m p", then
// m lines "i j cost" of an undirected graph (vertices 1..n; an edge listed twice keeps its last
// cost, as the library's notes say). Every vertex is a client of weight 1 and a candidate; the
// costs are shortest-path distances (Floyd-Warshall, O(n^3): under a second for n = 900). The
// published optima are the sums of the distances, i.e. n times PlanValue::mean_cost.

#include <cstddef>
#include <istream>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sitecover/planning.hpp"

namespace sitecover::bench {

struct OrlibPmed {
    std::size_t n = 0;
    std::size_t p = 0;
    std::vector<double> distance;  ///< n x n shortest-path distances, row-major
};

/// Reads an instance; std::runtime_error naming the line for a malformed one.
inline OrlibPmed read_orlib_pmed(std::istream& in) {
    OrlibPmed pm;
    std::size_t edges = 0;
    if (!(in >> pm.n >> edges >> pm.p) || pm.n == 0 || pm.p == 0 || pm.p > pm.n)
        throw std::runtime_error("line 1: expected 'n m p' with 1 <= p <= n");
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::vector<double>& d = pm.distance;
    d.assign(pm.n * pm.n, kInf);
    for (std::size_t v = 0; v < pm.n; ++v) d[v * pm.n + v] = 0.0;
    for (std::size_t e = 0; e < edges; ++e) {
        std::size_t i = 0, j = 0;
        double cost = 0.0;
        if (!(in >> i >> j >> cost) || i == 0 || j == 0 || i > pm.n || j > pm.n || cost < 0.0)
            throw std::runtime_error("line " + std::to_string(e + 2) + ": expected 'i j cost'");
        d[(i - 1) * pm.n + (j - 1)] = cost;  // the last listing of an edge wins
        d[(j - 1) * pm.n + (i - 1)] = cost;
    }
    for (std::size_t k = 0; k < pm.n; ++k) {
        for (std::size_t i = 0; i < pm.n; ++i) {
            const double ik = d[i * pm.n + k];
            if (ik == kInf) continue;
            for (std::size_t j = 0; j < pm.n; ++j) {
                const double through = ik + d[k * pm.n + j];
                if (through < d[i * pm.n + j]) d[i * pm.n + j] = through;
            }
        }
    }
    return pm;
}

/// The library's problem: every vertex an origin of weight 1 (no fixed site: greenfield) and a
/// candidate with its distance to every vertex.
inline PlanProblem orlib_problem(const OrlibPmed& pm) {
    PlanProblem problem(std::vector<double>(pm.n, 1.0),
                        std::vector<double>(pm.n, std::numeric_limits<double>::infinity()));
    for (std::size_t c = 0; c < pm.n; ++c) {
        std::vector<std::pair<std::size_t, double>> costs;
        costs.reserve(pm.n);
        for (std::size_t v = 0; v < pm.n; ++v) costs.emplace_back(v, pm.distance[c * pm.n + v]);
        problem.add_candidate(costs);
    }
    return problem;
}

}  // namespace sitecover::bench
