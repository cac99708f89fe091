// Certified location answers: the shared pieces (clock, quality, covering models), the
// dispatch, maximal coverage and the location set covering problem (`cover`). p-center and
// p-median have their own files.

#include "sitecover/exact_planning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "exact_common.hpp"

namespace sitecover {
namespace detail {

constexpr double kInf = std::numeric_limits<double>::infinity();

Deadline::Deadline(double limit_s) : start_(std::chrono::steady_clock::now()), limit_s_(limit_s) {}

double Deadline::elapsed_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

double Deadline::remaining_s() const { return std::max(0.0, limit_s_ - elapsed_s()); }

void check_time_limit(double time_limit_s) {
    if (!(time_limit_s > 0.0)) {
        throw ArgumentError("ExactOptions::time_limit_s must be > 0 seconds, got " +
                            std::to_string(time_limit_s));
    }
}

PlanQuality make_quality(double value, double bound, std::string method, const Deadline& clock,
                         bool time_limit_reached) {
    PlanQuality q;
    q.value = value;
    q.bound = bound;
    const double scale = std::abs(value);
    if (value == bound || (std::isinf(value) && std::isinf(bound))) {
        q.gap = 0.0;
    } else if (std::isinf(value) || std::isinf(bound) || scale == 0.0) {
        q.gap = kInf;
    } else {
        q.gap = std::abs(value - bound) / scale;
    }
    // Values within a relative 1e-9 are one value summed in another order (the solver's
    // tolerances are looser than that: it is asked for a relative gap of 1e-9 too).
    if (q.gap <= 1e-9) q.gap = 0.0;
    q.proven_optimal = q.gap == 0.0;
    q.time_limit_reached = time_limit_reached;
    q.method = std::move(method);
    q.solve_s = clock.elapsed_s();
    return q;
}

void report(const ExactOptions& options, const Deadline& clock, const std::string& stage,
            double value, double bound) {
    if (options.progress) options.progress({stage, value, bound, clock.elapsed_s()});
}

std::vector<std::vector<OriginEntry>> entries_by_origin(const PlanProblem& problem) {
    std::vector<std::vector<OriginEntry>> by_origin(problem.origin_count());
    for (std::size_t j = 0; j < problem.candidate_count(); ++j) {
        for (const PlanProblem::Entry& e : problem.entries(j))
            by_origin[e.origin].push_back({j, e.cost});
    }
    for (auto& list : by_origin) {
        std::sort(list.begin(), list.end(), [](const OriginEntry& a, const OriginEntry& b) {
            return a.cost < b.cost || (a.cost == b.cost && a.candidate < b.candidate);
        });
    }
    return by_origin;
}

CoverRows cover_rows(const PlanProblem& problem,
                     const std::vector<std::vector<OriginEntry>>& by_origin, double radius) {
    CoverRows rows;
    for (std::size_t i = 0; i < problem.origin_count(); ++i) {
        if (problem.base_costs()[i] <= radius) continue;
        std::vector<std::size_t> covers;
        for (const OriginEntry& e : by_origin[i]) {
            if (e.cost > radius) break;  // sorted by cost
            covers.push_back(e.candidate);
        }
        if (covers.empty()) {
            rows.unreachable.push_back(i);
            continue;
        }
        rows.origins.push_back(i);
        rows.covers.push_back(std::move(covers));
    }
    return rows;
}

namespace {

// The rows each candidate covers: the transpose of CoverRows::covers.
std::vector<std::vector<std::size_t>> rows_of_candidates(const CoverRows& rows,
                                                         std::size_t candidate_count) {
    std::vector<std::vector<std::size_t>> of(candidate_count);
    for (std::size_t r = 0; r < rows.covers.size(); ++r) {
        for (const std::size_t j : rows.covers[r]) of[j].push_back(r);
    }
    return of;
}

// The candidate of `pool` covering most rows still uncovered (ties: the lower index).
std::size_t most_covering(const std::vector<std::size_t>& pool,
                          const std::vector<std::vector<std::size_t>>& rows_of,
                          const std::vector<int>& times_covered) {
    std::size_t best = pool.front();
    std::size_t best_count = 0;
    for (const std::size_t j : pool) {
        std::size_t count = 0;
        for (const std::size_t r : rows_of[j]) count += times_covered[r] == 0 ? 1 : 0;
        if (count > best_count || (count == best_count && j < best)) {
            best = j;
            best_count = count;
        }
    }
    return best;
}

// Drops the rows that contain another row (covering that one covers them). Equal rows: the
// first stays. Rows must be sorted.
bool drop_dominated_rows(CoverRows& rows, std::size_t candidate_count) {
    const auto rows_of = rows_of_candidates(rows, candidate_count);
    const std::size_t n = rows.covers.size();
    std::vector<bool> dropped(n, false);
    for (std::size_t small = 0; small < n; ++small) {
        if (dropped[small]) continue;
        const auto& members = rows.covers[small];
        for (const std::size_t big : rows_of[members.front()]) {
            if (big == small || dropped[big] || rows.covers[big].size() < members.size()) continue;
            if (rows.covers[big].size() == members.size() && big < small) continue;
            if (std::includes(rows.covers[big].begin(), rows.covers[big].end(), members.begin(),
                              members.end()))
                dropped[big] = true;
        }
    }
    CoverRows kept;
    for (std::size_t r = 0; r < n; ++r) {
        if (dropped[r]) continue;
        kept.origins.push_back(rows.origins[r]);
        kept.covers.push_back(std::move(rows.covers[r]));
    }
    const bool changed = kept.covers.size() < n;
    kept.unreachable = std::move(rows.unreachable);
    rows = std::move(kept);
    return changed;
}

// Drops the candidates whose rows another candidate also covers (that one does at least as
// well), unless they belong to a cover group. Equal ones: the lower index stays.
bool drop_dominated_candidates(CoverRows& rows, std::size_t candidate_count,
                               const std::vector<bool>& in_group) {
    const auto rows_of = rows_of_candidates(rows, candidate_count);
    std::vector<bool> dropped(candidate_count, false);
    for (std::size_t j = 0; j < candidate_count; ++j) {
        if (in_group[j] || rows_of[j].empty()) continue;
        for (const std::size_t other : rows.covers[rows_of[j].front()]) {
            if (other == j || dropped[other] || rows_of[other].size() < rows_of[j].size()) continue;
            if (rows_of[other].size() == rows_of[j].size() && other > j) continue;
            if (std::includes(rows_of[other].begin(), rows_of[other].end(), rows_of[j].begin(),
                              rows_of[j].end())) {
                dropped[j] = true;
                break;
            }
        }
    }
    bool changed = false;
    for (auto& covers : rows.covers) {
        const auto end =
            std::remove_if(covers.begin(), covers.end(), [&](std::size_t j) { return dropped[j]; });
        changed = changed || end != covers.end();
        covers.erase(end, covers.end());
    }
    return changed;
}

}  // namespace

void reduce_cover(CoverRows& rows, std::size_t candidate_count,
                  const std::vector<std::vector<std::size_t>>& groups) {
    if (!rows.unreachable.empty()) return;
    for (auto& covers : rows.covers) std::sort(covers.begin(), covers.end());
    std::vector<bool> in_group(candidate_count, false);
    for (const auto& group : groups) {
        for (const std::size_t j : group) in_group[j] = true;
    }
    // A few rounds: each reduction can enable the other; the first ones do nearly all of it.
    for (int round = 0; round < 4; ++round) {
        const bool rows_changed = drop_dominated_rows(rows, candidate_count);
        const bool candidates_changed = drop_dominated_candidates(rows, candidate_count, in_group);
        if (!rows_changed && !candidates_changed) break;
    }
}

std::vector<std::size_t> greedy_cover(const CoverRows& rows, std::size_t candidate_count,
                                      const std::vector<std::vector<std::size_t>>& groups) {
    if (!rows.unreachable.empty()) return {};
    const auto rows_of = rows_of_candidates(rows, candidate_count);
    std::vector<int> times_covered(rows.covers.size(), 0);
    std::vector<bool> open(candidate_count, false);
    std::vector<std::size_t> chosen;
    const auto take = [&](std::size_t j) {
        open[j] = true;
        chosen.push_back(j);
        for (const std::size_t r : rows_of[j]) ++times_covered[r];
    };
    for (const auto& group : groups) {
        if (std::none_of(group.begin(), group.end(), [&](std::size_t j) { return open[j]; }))
            take(most_covering(group, rows_of, times_covered));
    }
    for (std::size_t r = 0; r < rows.covers.size(); ++r) {
        if (times_covered[r] == 0) take(most_covering(rows.covers[r], rows_of, times_covered));
    }
    // Latest picks first: the early broad ones often make the late ones redundant, and back.
    for (std::size_t p = chosen.size(); p-- > 0;) {
        const std::size_t j = chosen[p];
        const bool rows_kept = std::all_of(rows_of[j].begin(), rows_of[j].end(),
                                           [&](std::size_t r) { return times_covered[r] >= 2; });
        bool groups_kept = true;
        for (const auto& group : groups) {
            if (std::find(group.begin(), group.end(), j) == group.end()) continue;
            groups_kept = groups_kept && std::count_if(group.begin(), group.end(),
                                                       [&](auto g) { return open[g]; }) >= 2;
        }
        if (!rows_kept || !groups_kept) continue;
        open[j] = false;
        for (const std::size_t r : rows_of[j]) --times_covered[r];
        chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(p));
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

MipModel cover_model(const CoverRows& rows, std::size_t candidate_count,
                     const std::vector<std::vector<std::size_t>>& groups) {
    MipModel model;
    std::vector<std::vector<std::pair<int, double>>> columns(candidate_count);
    for (std::size_t r = 0; r < rows.covers.size(); ++r) {
        const int row = model.add_row(1.0, kInf);
        for (const std::size_t j : rows.covers[r]) columns[j].emplace_back(row, 1.0);
    }
    for (const auto& group : groups) {
        const int row = model.add_row(1.0, kInf);
        for (const std::size_t j : group) columns[j].emplace_back(row, 1.0);
    }
    for (std::size_t j = 0; j < candidate_count; ++j)
        model.add_column(1.0, 0.0, 1.0, true, columns[j]);
    return model;
}

std::vector<std::size_t> opened(const std::vector<double>& solution, std::size_t candidate_count) {
    std::vector<std::size_t> chosen;
    for (std::size_t j = 0; j < candidate_count && j < solution.size(); ++j) {
        if (solution[j] > 0.5) chosen.push_back(j);
    }
    return chosen;
}

}  // namespace detail

namespace {

using detail::Deadline;
using detail::kInf;

void check_groups(const PlanProblem& problem, const PlanGoal& goal) {
    for (std::size_t g = 0; g < goal.cover_groups.size(); ++g) {
        if (goal.cover_groups[g].empty())
            throw ArgumentError("cover group " + std::to_string(g) + " has no candidate");
        for (const std::size_t j : goal.cover_groups[g]) {
            if (j >= problem.candidate_count()) {
                throw ArgumentError("cover group " + std::to_string(g) + ": candidate " +
                                    std::to_string(j) + " out of range");
            }
        }
    }
}

// Maximal coverage: maximise the weight of the origins within the threshold, written as
// minimising the weight left out; u_i <= sum of the candidates covering i.
ExactPlan solve_max_coverage(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                             const PlanResult& start, const ExactOptions& options) {
    const Deadline clock(options.time_limit_s);
    const std::size_t m = problem.candidate_count();
    const auto& w = problem.weights();
    const detail::CoverRows rows =
        detail::cover_rows(problem, detail::entries_by_origin(problem), goal.within);
    double base_covered = 0.0;  // weight within the threshold whatever is opened
    for (std::size_t i = 0; i < problem.origin_count(); ++i)
        base_covered += problem.base_costs()[i] <= goal.within ? w[i] : 0.0;

    detail::MipModel model;
    std::vector<std::vector<std::pair<int, double>>> y(m);
    std::vector<std::pair<int, double>> u_rows;
    for (std::size_t r = 0; r < rows.origins.size(); ++r) {
        if (w[rows.origins[r]] == 0.0) continue;
        const int row = model.add_row(-kInf, 0.0);
        for (const std::size_t j : rows.covers[r]) y[j].emplace_back(row, -1.0);
        u_rows.emplace_back(row, w[rows.origins[r]]);
    }
    const int k_row = model.add_row(static_cast<double>(k), static_cast<double>(k));
    for (std::size_t j = 0; j < m; ++j) y[j].emplace_back(k_row, 1.0);
    for (const auto& group : goal.cover_groups) {
        const int row = model.add_row(1.0, kInf);
        for (const std::size_t j : group) y[j].emplace_back(row, 1.0);
    }
    for (std::size_t j = 0; j < m; ++j) model.add_column(0.0, 0.0, 1.0, true, y[j]);
    for (const auto& [row, weight] : u_rows)
        model.add_column(-weight, 0.0, 1.0, false, {{row, 1.0}});

    const double start_extra = start.value.covered_weight - base_covered;
    detail::MipOptions mip;
    mip.time_limit_s = clock.remaining_s();
    mip.cutoff = -start_extra + 1e-9 * std::max(1.0, std::abs(start_extra));
    for (const std::size_t j : start.chosen) mip.start.emplace_back(static_cast<int>(j), 1.0);
    detail::report(options, clock, "branch and bound", start.value.covered_weight, kInf);
    const detail::MipOutcome outcome = detail::solve_mip(model, mip);

    ExactPlan plan{start, {}};
    if (!outcome.solution.empty()) {
        const std::vector<std::size_t> found = detail::opened(outcome.solution, m);
        const PlanValue v = plan_evaluate(problem, found, goal.within);
        if (found.size() == k && plan_better(v, start.value, Objective::MaxCoverage)) {
            plan.result = improve_sites(problem, found, goal);
            plan.result.before = start.before;
            plan.result.greedy = start.greedy;
        }
    }
    const double value = plan.result.value.covered_weight;
    double bound = value;
    if (outcome.status == detail::MipStatus::Stopped ||
        outcome.status == detail::MipStatus::Failed) {
        // No bound from a failed search: everyone within is the only sure one.
        bound = std::isnan(outcome.bound) ? problem.total_weight()
                                          : std::max(value, base_covered - outcome.bound);
    }
    plan.quality = detail::make_quality(value, bound, "branch and bound (CBC)", clock,
                                        outcome.status == detail::MipStatus::Stopped);
    return plan;
}

std::string unreachable_message(const std::vector<std::size_t>& origins, double within) {
    std::string list;
    for (std::size_t n = 0; n < origins.size() && n < 10; ++n)
        list += (n == 0 ? "" : ", ") + std::to_string(origins[n]);
    if (origins.size() > 10) list += "...";
    return std::to_string(origins.size()) + " origin(s) lie farther than the threshold (" +
           std::to_string(within) + ") from every candidate and every fixed site: " + list;
}

// Among covers of the same size, the one the swap search finds with the lowest weighted mean,
// provided everyone stays within the threshold (an origin of weight 0 could slip out).
PlanResult polish_cover(const PlanProblem& problem, const std::vector<std::size_t>& chosen,
                        const PlanGoal& goal) {
    PlanGoal polish = goal;
    polish.objective = Objective::MaxCoverage;
    PlanResult result = improve_sites(problem, chosen, polish);
    const PlanAssignment a = plan_assign(problem, result.chosen);
    if (std::all_of(a.cost.begin(), a.cost.end(), [&](double c) { return c <= goal.within; }))
        return result;
    PlanResult plain;
    plain.chosen = chosen;
    std::sort(plain.chosen.begin(), plain.chosen.end());
    plain.value = plan_evaluate(problem, plain.chosen, goal.within);
    return plain;
}

}  // namespace

ExactPlan solve_exact(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                      const PlanResult& start, const ExactOptions& options) {
    detail::check_time_limit(options.time_limit_s);
    check_groups(problem, goal);
    if (k == 0 || k > problem.candidate_count()) {
        throw ArgumentError("cannot choose " + std::to_string(k) + " sites among " +
                            std::to_string(problem.candidate_count()) + " candidates");
    }
    if (start.chosen.size() != k)
        throw ArgumentError("solve_exact: the start does not hold k candidates");
    switch (goal.objective) {
        case Objective::PCenter:
            return detail::solve_center(problem, k, goal, start, options);
        case Objective::PMedian:
            return detail::solve_median(problem, k, goal, start, options);
        case Objective::MaxCoverage:
            return solve_max_coverage(problem, k, goal, start, options);
        case Objective::Cover:
            break;
    }
    throw ArgumentError("solve_exact: Objective::Cover has no k (use solve_cover)");
}

ExactPlan solve_cover(const PlanProblem& problem, const PlanGoal& goal,
                      const ExactOptions& options) {
    detail::check_time_limit(options.time_limit_s);
    check_groups(problem, goal);
    const Deadline clock(options.time_limit_s);
    const std::size_t m = problem.candidate_count();
    detail::CoverRows rows =
        detail::cover_rows(problem, detail::entries_by_origin(problem), goal.within);
    if (!rows.unreachable.empty())
        throw UnreachableOriginsError(rows.unreachable,
                                      unreachable_message(rows.unreachable, goal.within));
    detail::reduce_cover(rows, m, goal.cover_groups);
    std::vector<std::size_t> chosen = detail::greedy_cover(rows, m, goal.cover_groups);
    const auto heuristic_count = static_cast<double>(chosen.size());
    detail::report(options, clock, "greedy cover", heuristic_count, 0.0);
    detail::MipOutcome outcome;
    outcome.status = detail::MipStatus::Optimal;
    outcome.bound = heuristic_count;
    if (!chosen.empty()) {
        detail::MipOptions mip;
        mip.time_limit_s = clock.remaining_s();
        mip.cutoff = heuristic_count + 0.5;
        for (const std::size_t j : chosen) mip.start.emplace_back(static_cast<int>(j), 1.0);
        outcome = detail::solve_mip(detail::cover_model(rows, m, goal.cover_groups), mip);
        const std::vector<std::size_t> found = detail::opened(outcome.solution, m);
        if (!outcome.solution.empty() && found.size() < chosen.size()) chosen = found;
    }
    ExactPlan plan;
    plan.result = chosen.empty() ? PlanResult{} : polish_cover(problem, chosen, goal);
    plan.result.before = plan_evaluate(problem, {}, goal.within);
    plan.result.greedy = plan_evaluate(problem, chosen, goal.within);
    if (chosen.empty()) plan.result.value = plan.result.before;
    const auto count = static_cast<double>(plan.result.chosen.size());
    const bool stopped =
        outcome.status == detail::MipStatus::Stopped || outcome.status == detail::MipStatus::Failed;
    double bound = count;
    if (stopped) {
        // No bound from a failed search: one site at least when someone needs one.
        bound = std::isnan(outcome.bound) ? (rows.origins.empty() ? 0.0 : 1.0)
                                          : std::min(count, std::ceil(outcome.bound - 1e-6));
    }
    plan.quality = detail::make_quality(count, bound, "set covering (CBC)", clock,
                                        outcome.status == detail::MipStatus::Stopped);
    return plan;
}

}  // namespace sitecover
