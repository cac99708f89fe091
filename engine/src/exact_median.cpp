// The certified p-median. The bound comes from the Lagrangian relaxation of the assignment
// constraints (Beasley's, by subgradient optimisation): its value equals the bound of the
// linear relaxation, but each step costs one pass over the cost table, where the LP itself has
// one column and one row per origin / candidate pair (213,000 on the Gers) and takes minutes
// for CLP. The multipliers then prove most candidates useless (opening one would cost more
// than the heuristic's answer) or indispensable; branch and bound (CBC) settles the few left,
// on the pairs of those candidates only.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>

#include "exact_common.hpp"

namespace sitecover::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Above this many origin / candidate pairs left after the fixing, no branch and bound (measured
// on the Gers: 17,000 pairs solve in seconds, 60,000 take minutes in CBC's first LP).
constexpr std::size_t kMaxBranchPairs = 30000;

// The problem in the units of the objective: each cost times w_i / W, so that sums are the
// weighted mean. Origins of weight 0 change no mean and are left out (they have active 0).
struct MedianData {
    std::vector<bool> active;  // weight > 0
    std::vector<double> base;  // scaled base cost (infinity: no fixed site)
    struct Pair {
        std::uint32_t origin;
        double cost;  // scaled
    };
    std::vector<std::vector<Pair>> pairs;  // per candidate, the active origins it improves
};

MedianData median_data(const PlanProblem& problem) {
    MedianData d;
    const double total = problem.total_weight();
    for (std::size_t i = 0; i < problem.origin_count(); ++i) {
        const double scale = problem.weights()[i] / total;
        d.active.push_back(scale > 0.0);
        const double b = problem.base_costs()[i];
        d.base.push_back(std::isinf(b) ? kInf : scale * b);
    }
    d.pairs.resize(problem.candidate_count());
    for (std::size_t j = 0; j < problem.candidate_count(); ++j) {
        for (const PlanProblem::Entry& e : problem.entries(j)) {
            if (!d.active[e.origin]) continue;
            const double scale = problem.weights()[e.origin] / total;
            d.pairs[j].push_back({e.origin, scale * e.cost});
        }
    }
    return d;
}

// The Lagrangian function at multipliers lambda: sum_i lambda_i + sum_i min(0, b_i - lambda_i)
// + the k smallest rho_j, rho_j = sum_i min(0, c_ij - lambda_i).
struct LagrangianPoint {
    double value = -kInf;
    std::vector<double> rho;
    std::vector<std::size_t> chosen;  // the k smallest rho (ties: lower index)
};

LagrangianPoint evaluate(const MedianData& d, const std::vector<double>& lambda, std::size_t k) {
    LagrangianPoint p;
    p.value = 0.0;
    for (std::size_t i = 0; i < lambda.size(); ++i) {
        if (!d.active[i]) continue;
        p.value += lambda[i] + std::min(0.0, d.base[i] - lambda[i]);
    }
    p.rho.assign(d.pairs.size(), 0.0);
    for (std::size_t j = 0; j < d.pairs.size(); ++j) {
        for (const MedianData::Pair& e : d.pairs[j])
            p.rho[j] += std::min(0.0, e.cost - lambda[e.origin]);
    }
    std::vector<std::size_t> order(d.pairs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto by_rho = [&](std::size_t a, std::size_t b) {
        return p.rho[a] < p.rho[b] || (p.rho[a] == p.rho[b] && a < b);
    };
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      by_rho);
    p.chosen.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k));
    for (const std::size_t j : p.chosen) p.value += p.rho[j];
    return p;
}

// The subgradient at a point: 1 minus how many times the relaxed solution serves each origin.
std::vector<double> subgradient(const MedianData& d, const std::vector<double>& lambda,
                                const LagrangianPoint& p) {
    std::vector<double> g(lambda.size(), 0.0);
    for (std::size_t i = 0; i < lambda.size(); ++i) {
        if (d.active[i]) g[i] = 1.0 - (d.base[i] < lambda[i] ? 1.0 : 0.0);
    }
    for (const std::size_t j : p.chosen) {
        for (const MedianData::Pair& e : d.pairs[j])
            g[e.origin] -= e.cost < lambda[e.origin] ? 1.0 : 0.0;
    }
    return g;
}

// Takes `set` as the answer when it is strictly better (plan_better) than the incumbent.
void try_answer(const PlanProblem& problem, std::vector<std::size_t> set, const PlanGoal& goal,
                PlanResult& incumbent) {
    std::sort(set.begin(), set.end());
    for (const auto& group : goal.cover_groups) {
        if (std::none_of(group.begin(), group.end(), [&](std::size_t j) {
                return std::binary_search(set.begin(), set.end(), j);
            }))
            return;
    }
    const PlanValue v = plan_evaluate(problem, set, goal.within);
    if (plan_better(v, incumbent.value, Objective::PMedian)) {
        incumbent.chosen = std::move(set);
        incumbent.value = v;
    }
}

// Subgradient optimisation (Held, Wolfe and Crowder's step, halved after 30 steps without
// progress), stopped when the bound meets `upper`, the step vanishes or time runs out. Starts
// from each origin's cheapest cost, where every rho is 0.
LagrangianPoint lagrangian_bound(const PlanProblem& problem, const MedianData& d, std::size_t k,
                                 const PlanGoal& goal, const ExactOptions& options,
                                 const Deadline& clock, PlanResult& incumbent) {
    std::vector<double> lambda(d.base);
    for (std::size_t j = 0; j < d.pairs.size(); ++j) {
        for (const MedianData::Pair& e : d.pairs[j])
            lambda[e.origin] = std::min(lambda[e.origin], e.cost);
    }
    for (std::size_t i = 0; i < lambda.size(); ++i) {
        if (!d.active[i] || std::isinf(lambda[i])) lambda[i] = 0.0;
    }
    LagrangianPoint best;
    double upper = incumbent.value.mean_cost;
    double step_scale = 2.0;
    int without_progress = 0;
    const double target_gap = 1e-9 * std::max(1.0, std::abs(incumbent.value.mean_cost));
    for (std::size_t iteration = 0; step_scale > 1e-6 && !clock.expired(); ++iteration) {
        LagrangianPoint p = evaluate(d, lambda, k);
        if (p.value > best.value + target_gap * 1e-3) {
            without_progress = 0;
            best = p;
        } else if (++without_progress >= 100) {
            step_scale /= 2.0;
            without_progress = 0;
        }
        const std::vector<double> g = subgradient(d, lambda, p);
        const double norm = std::inner_product(g.begin(), g.end(), g.begin(), 0.0);
        // Beasley's Lagrangian heuristic: the relaxation's k candidates are often a better
        // answer (always the optimum when the relaxed solution is feasible, norm 0).
        if (iteration % 10 == 0 || norm == 0.0) try_answer(problem, p.chosen, goal, incumbent);
        upper = incumbent.value.mean_cost;
        if (best.value >= upper - target_gap || norm == 0.0) break;
        const double step = step_scale * (upper - p.value) / norm;
        for (std::size_t i = 0; i < lambda.size(); ++i) lambda[i] += step * g[i];
        if (iteration % 100 == 0) report(options, clock, "Lagrangian bound", upper, best.value);
    }
    return best;
}

// Which candidates may still be open in an answer better than `upper`: opening j (in place of
// the k-th chosen) or closing it (for the (k+1)-th) changes the Lagrangian bound by the
// difference of their rho; when the bound then exceeds upper, j is settled.
struct Fixing {
    std::vector<std::size_t> free_or_open;  // candidates left to branch and bound
    std::vector<bool> must_open;
};

Fixing fix_candidates(const LagrangianPoint& p, std::size_t k, double upper) {
    const std::size_t m = p.rho.size();
    std::vector<double> sorted(p.rho);
    std::sort(sorted.begin(), sorted.end());
    const double kth = sorted[k - 1];
    const double next = k < m ? sorted[k] : kInf;
    const double limit = upper + 1e-9 * std::max(1.0, std::abs(upper));
    std::vector<bool> in_relaxed(m, false);
    for (const std::size_t j : p.chosen) in_relaxed[j] = true;
    Fixing f;
    f.must_open.assign(m, false);
    for (std::size_t j = 0; j < m; ++j) {
        if (!in_relaxed[j] && p.value + p.rho[j] - kth > limit) continue;  // never open
        if (in_relaxed[j] && p.value - p.rho[j] + next > limit) f.must_open[j] = true;
        f.free_or_open.push_back(j);
    }
    return f;
}

// Branch and bound on the candidates left: y_j for each, x_ij <= y_j for the pairs cheaper
// than the origin's cheapest sure site (its fixed site or a candidate that must open),
// z_i for the fixed site, sum_j x_ij + z_i = 1, sum_j y_j = k. Columns [0, |free_or_open|)
// are the candidates, in that order.
MipModel median_mip(const MedianData& d, const Fixing& f, std::size_t k,
                    const std::vector<std::vector<std::size_t>>& groups) {
    const std::size_t n = d.base.size();
    std::vector<double> sure(d.base);
    for (const std::size_t j : f.free_or_open) {
        if (!f.must_open[j]) continue;
        for (const MedianData::Pair& e : d.pairs[j])
            sure[e.origin] = std::min(sure[e.origin], e.cost);
    }
    MipModel model;
    std::vector<int> origin_row(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        if (d.active[i]) origin_row[i] = model.add_row(1.0, 1.0);
    }
    const int k_row = model.add_row(static_cast<double>(k), static_cast<double>(k));
    std::vector<int> column_of(d.pairs.size(), -1);
    std::vector<std::vector<std::pair<int, double>>> y(f.free_or_open.size());
    for (std::size_t c = 0; c < f.free_or_open.size(); ++c) {
        column_of[f.free_or_open[c]] = static_cast<int>(c);
        y[c].emplace_back(k_row, 1.0);
    }
    for (const auto& group : groups) {
        const int row = model.add_row(1.0, kInf);
        for (const std::size_t j : group) {
            if (column_of[j] >= 0) y[static_cast<std::size_t>(column_of[j])].emplace_back(row, 1.0);
        }
    }
    std::vector<std::tuple<int, int, double>> x;  // origin row, link row, cost
    for (std::size_t c = 0; c < f.free_or_open.size(); ++c) {
        for (const MedianData::Pair& e : d.pairs[f.free_or_open[c]]) {
            if (e.cost > sure[e.origin]) continue;
            const int link = model.add_row(-kInf, 0.0);
            y[c].emplace_back(link, -1.0);
            x.emplace_back(origin_row[e.origin], link, e.cost);
        }
    }
    for (std::size_t c = 0; c < y.size(); ++c) {
        const double lower = f.must_open[f.free_or_open[c]] ? 1.0 : 0.0;
        model.add_column(0.0, lower, 1.0, true, y[c]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (d.active[i] && std::isfinite(d.base[i]))
            model.add_column(d.base[i], 0.0, 1.0, false, {{origin_row[i], 1.0}});
    }
    for (const auto& [row, link, cost] : x)
        model.add_column(cost, 0.0, 1.0, false, {{row, 1.0}, {link, 1.0}});
    return model;
}

// The candidates left by the fixing, solved by CBC for an answer better than `upper` (finite:
// the heuristic's answer is the MIP start); the answer found replaces plan.result when
// strictly better. Returns the proven bound (cut at upper) and whether the search finished.
std::pair<double, bool> branch_and_bound(const PlanProblem& problem, const MedianData& d,
                                         const Fixing& fixing, std::size_t k, const PlanGoal& goal,
                                         double upper, const Deadline& clock, ExactPlan& plan) {
    MipOptions mip;
    mip.time_limit_s = clock.remaining_s();
    if (std::isfinite(upper)) mip.cutoff = upper + 1e-9 * std::max(1.0, upper);
    for (std::size_t c = 0; c < fixing.free_or_open.size(); ++c) {
        const std::size_t j = fixing.free_or_open[c];
        if (std::isfinite(upper) &&
            std::binary_search(plan.result.chosen.begin(), plan.result.chosen.end(), j))
            mip.start.emplace_back(static_cast<int>(c), 1.0);
    }
    const MipOutcome outcome = solve_mip(median_mip(d, fixing, k, goal.cover_groups), mip);
    std::vector<std::size_t> found;
    for (const std::size_t c : opened(outcome.solution, fixing.free_or_open.size()))
        found.push_back(fixing.free_or_open[c]);
    if (found.size() == k) {
        const PlanValue v = plan_evaluate(problem, found, goal.within);
        if (plan_better(v, plan.result.value, Objective::PMedian)) {
            plan.result.chosen = found;
            plan.result.value = v;
        }
    }
    if (outcome.status == MipStatus::Optimal || outcome.status == MipStatus::Infeasible)
        return {plan.result.value.mean_cost, true};
    return {std::isnan(outcome.bound) ? 0.0 : std::min(outcome.bound, upper), false};
}

// Some origin that weighs has neither a fixed site nor a candidate: every answer leaves it out.
bool someone_unservable(const MedianData& d) {
    std::vector<bool> reached(d.base.size(), false);
    for (const auto& pairs : d.pairs) {
        for (const MedianData::Pair& e : pairs) reached[e.origin] = true;
    }
    for (std::size_t i = 0; i < d.base.size(); ++i) {
        if (d.active[i] && std::isinf(d.base[i]) && !reached[i]) return true;
    }
    return false;
}

}  // namespace

ExactPlan solve_median(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                       const PlanResult& start, const ExactOptions& options) {
    const Deadline clock(options.time_limit_s);
    const std::string method = "Lagrangian bound + branch and bound (CBC)";
    double upper = start.value.mean_cost;
    ExactPlan plan{start, {}};
    const MedianData d = median_data(problem);
    if (someone_unservable(d)) {
        plan.quality = make_quality(upper, kInf, method, clock, false);
        return plan;
    }
    // Without a finite answer to beat (the heuristic left someone out), nothing can be fixed.
    Fixing fixing;
    double bound = 0.0;
    if (std::isfinite(upper)) {
        const LagrangianPoint relaxed =
            lagrangian_bound(problem, d, k, goal, options, clock, plan.result);
        upper = plan.result.value.mean_cost;
        bound = std::min(relaxed.value, upper);
        fixing = fix_candidates(relaxed, k, upper);
    } else {
        fixing.free_or_open.resize(problem.candidate_count());
        std::iota(fixing.free_or_open.begin(), fixing.free_or_open.end(), std::size_t{0});
        fixing.must_open.assign(problem.candidate_count(), false);
    }
    bool finished = make_quality(upper, bound, method, clock, false).gap == 0.0;
    // CBC's first LP of a large pair model runs its course whatever the time limit, so branch
    // and bound is left out when too many pairs remain: the answer keeps the Lagrangian gap.
    std::size_t pairs = 0;
    for (const std::size_t j : fixing.free_or_open) pairs += d.pairs[j].size();
    if (!finished && !clock.expired() && pairs <= kMaxBranchPairs) {
        report(options, clock,
               "branch and bound on " + std::to_string(fixing.free_or_open.size()) + " candidates",
               upper, bound);
        const auto [mip_bound, done] =
            branch_and_bound(problem, d, fixing, k, goal, upper, clock, plan);
        bound = std::max(bound, mip_bound);
        finished = done;
    }
    plan.quality = make_quality(plan.result.value.mean_cost, bound, method, clock,
                                !finished && clock.expired());
    report(options, clock, "done", plan.quality.value, plan.quality.bound);
    return plan;
}

}  // namespace sitecover::detail
