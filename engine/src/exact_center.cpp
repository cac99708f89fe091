// The proven p-center optimum. The answer's largest cost is one of the costs in the table (an
// origin's base cost or a candidate's cost to it), so a binary search over those radii, asking
// at each one the exact question "can k candidates bring every origin within r?" (set covering,
// with the fixed sites counted), finds the optimum. The heuristic's answer gives the first
// feasible radius; the LP relaxation and a greedy cover settle most steps without branching.

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "exact_common.hpp"

namespace sitecover::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The largest of the origins' best possible costs: no answer does better, however many sites.
double own_best_max(const PlanProblem& problem,
                    const std::vector<std::vector<OriginEntry>>& by_origin) {
    double lower = 0.0;
    for (std::size_t i = 0; i < problem.origin_count(); ++i) {
        double best = problem.base_costs()[i];
        if (!by_origin[i].empty()) best = std::min(best, by_origin[i].front().cost);
        lower = std::max(lower, best);
    }
    return lower;
}

// The distinct costs in [lower, upper], increasing: the radii the optimum can take.
std::vector<double> candidate_radii(const PlanProblem& problem, double lower, double upper) {
    std::vector<double> radii;
    const auto keep = [&](double c) {
        if (c >= lower && c <= upper && std::isfinite(c)) radii.push_back(c);
    };
    for (const double b : problem.base_costs()) keep(b);
    for (std::size_t j = 0; j < problem.candidate_count(); ++j) {
        for (const PlanProblem::Entry& e : problem.entries(j)) keep(e.cost);
    }
    std::sort(radii.begin(), radii.end());
    radii.erase(std::unique(radii.begin(), radii.end()), radii.end());
    return radii;
}

enum class Answer { Yes, No, Unknown };

struct CoverCheck {
    Answer answer = Answer::Unknown;
    std::vector<std::size_t> sites;  // Yes: at most k candidates that do it
};

// Whether k candidates (with the fixed sites and the cover groups) bring every origin within
// `radius`: cheap answers first (an origin no candidate reaches, the LP bound, a greedy
// cover), then branch and bound asked to stop at the first cover of at most k sites.
CoverCheck can_cover(const PlanProblem& problem,
                     const std::vector<std::vector<OriginEntry>>& by_origin, double radius,
                     std::size_t k, const PlanGoal& goal, const Deadline& clock) {
    const std::size_t m = problem.candidate_count();
    CoverRows rows = cover_rows(problem, by_origin, radius);
    if (!rows.unreachable.empty()) return {Answer::No, {}};
    reduce_cover(rows, m, goal.cover_groups);
    const MipModel model = cover_model(rows, m, goal.cover_groups);
    const double lp = solve_lp_relaxation(model);
    // A relative 1e-9 more than k: the LP is solved to tolerances, and a wrong No would be a
    // wrong proof, while a wrong "maybe" only costs a branch and bound.
    if (std::isnan(lp) || lp > static_cast<double>(k) * (1.0 + 1e-9) + 1e-9)
        return {Answer::No, {}};
    std::vector<std::size_t> greedy = greedy_cover(rows, m, goal.cover_groups);
    if (greedy.size() <= k) return {Answer::Yes, std::move(greedy)};
    MipOptions options;
    options.time_limit_s = clock.remaining_s();
    if (options.time_limit_s <= 0.0) return {};
    options.cutoff = static_cast<double>(k) + 0.5;
    options.first_solution = true;
    const MipOutcome outcome = solve_mip(model, options);
    std::vector<std::size_t> found = opened(outcome.solution, m);
    if (!outcome.solution.empty() && found.size() <= k) return {Answer::Yes, std::move(found)};
    if (outcome.status == MipStatus::Infeasible) return {Answer::No, {}};
    return {};
}

std::string radius_stage(double radius) { return "radius " + std::to_string(radius) + "?"; }

// Whether the linear relaxation of "k candidates bring everyone within radius" has a solution:
// a No is a proof; the relaxation's optimum only falls as the radius grows.
bool lp_allows(const PlanProblem& problem, const std::vector<std::vector<OriginEntry>>& by_origin,
               double radius, std::size_t k, const PlanGoal& goal) {
    CoverRows rows = cover_rows(problem, by_origin, radius);
    if (!rows.unreachable.empty()) return false;
    reduce_cover(rows, problem.candidate_count(), goal.cover_groups);
    const double lp =
        solve_lp_relaxation(cover_model(rows, problem.candidate_count(), goal.cover_groups));
    return !std::isnan(lp) && lp <= static_cast<double>(k) * (1.0 + 1e-9) + 1e-9;
}

// The smallest index in [lo, hi] whose radius the relaxation allows (hi is allowed: a known
// answer reaches it), by bisection: each step one LP, no branching.
std::size_t lp_lower_index(const PlanProblem& problem,
                           const std::vector<std::vector<OriginEntry>>& by_origin,
                           const std::vector<double>& radii, std::size_t lo, std::size_t hi,
                           std::size_t k, const PlanGoal& goal, const Deadline& clock) {
    while (lo < hi && !clock.expired()) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (lp_allows(problem, by_origin, radii[mid], k, goal)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return lo;
}

}  // namespace

ExactPlan solve_center(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                       const PlanResult& start, const ExactOptions& options) {
    const Deadline clock(options.time_limit_s);
    const auto by_origin = entries_by_origin(problem);
    const double lower = own_best_max(problem, by_origin);
    const double upper = start.value.max_cost;
    const std::string method = "set covering (CBC)";
    ExactPlan plan{start, {}};
    if (std::isinf(lower)) {  // an origin nothing reaches: every answer is infinitely far
        plan.quality = make_quality(upper, kInf, method, clock, false);
        return plan;
    }
    const std::vector<double> radii = candidate_radii(problem, lower, upper);
    // Invariant: every radius below radii[lo] is proven out of reach of k sites; radii[hi] is
    // reached by plan.result (hi == size: none known yet, the heuristic left someone unserved).
    std::size_t hi = std::isinf(upper) ? radii.size() : radii.size() - 1;
    std::size_t lo = lp_lower_index(problem, by_origin, radii, 0, hi, k, goal, clock);
    // Then downwards from the best answer: each step either proves the radius just below it
    // out of reach (and the answer optimal) or finds a cover there, which the greedy fill and
    // the swaps of complete_sites turn into an answer that is often lower still. Bisection
    // would ask several of the hard questions just below the optimum; this asks one.
    bool stopped = clock.expired();
    while (lo < hi && !stopped) {
        const double radius = hi < radii.size() ? radii[hi - 1] : radii.back();
        report(options, clock, radius_stage(radius), hi < radii.size() ? radii[hi] : kInf,
               radii[lo]);
        const CoverCheck check = can_cover(problem, by_origin, radius, k, goal, clock);
        if (check.answer == Answer::Unknown) {
            stopped = true;
        } else if (check.answer == Answer::No) {
            lo = hi < radii.size() ? hi : radii.size();
        } else {
            PlanResult completed = complete_sites(problem, check.sites, k, goal);
            completed.before = start.before;
            completed.greedy = start.greedy;
            // Below radii[hi], as the cover reaches `radius` and neither step raises the max.
            const double reached = completed.value.max_cost;
            hi = static_cast<std::size_t>(std::lower_bound(radii.begin(), radii.end(), reached) -
                                          radii.begin());
            plan.result = std::move(completed);
        }
    }
    const double value = plan.result.value.max_cost;
    const double bound = lo < radii.size() ? std::min(radii[lo], value) : value;
    plan.quality = make_quality(value, bound, method, clock, stopped);
    report(options, clock, "done", value, bound);
    return plan;
}

}  // namespace sitecover::detail
