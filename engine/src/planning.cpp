// The location search: greedy construction, swap local search and exhaustive enumeration,
// all on one incremental evaluator of "the current sites plus one candidate".

#include "sitecover/planning.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "sitecover/error.hpp"

namespace sitecover {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// -1, 0 or 1 as x is below, level with or above y; a relative 1e-12 counts as level.
int compare(double x, double y) {
    if (x == y) return 0;
    if (std::isinf(x) || std::isinf(y)) return x < y ? -1 : 1;
    const double scale = std::max(std::abs(x), std::abs(y));
    if (std::abs(x - y) <= 1e-12 * scale) return 0;
    return x < y ? -1 : 1;
}

void check_candidates(const PlanProblem& problem, const std::vector<std::size_t>& chosen) {
    for (const std::size_t j : chosen) {
        if (j >= problem.candidate_count()) {
            throw ArgumentError("candidate " + std::to_string(j) + " out of range (" +
                                std::to_string(problem.candidate_count()) + " candidates)");
        }
    }
}

void check_k(const PlanProblem& problem, std::size_t k) {
    if (k > problem.candidate_count()) {
        throw ArgumentError("cannot choose " + std::to_string(k) + " sites among " +
                            std::to_string(problem.candidate_count()) + " candidates");
    }
}

// The costs with a set of candidates open, and the figures of that set plus any one more
// candidate in O(its entries): the weighted sum moves by the entries' gains, the coverage by
// the entries that cross the threshold, and the largest cost is the larger of the improved
// entries and the first origin, by decreasing cost, that the candidate does not improve.
class SearchState {
public:
    SearchState(const PlanProblem& problem, double within)
        : problem_(problem), within_(within), stamp_(problem.origin_count(), 0) {}

    void reset(const std::vector<std::size_t>& open) {
        const PlanAssignment assignment = plan_assign(problem_, open);
        cost_ = assignment.cost;
        const auto& w = problem_.weights();
        sum_ = 0.0;
        unserved_ = 0;
        covered_ = 0.0;
        for (std::size_t i = 0; i < cost_.size(); ++i) {
            if (cost_[i] == kInf) {
                if (w[i] > 0.0) ++unserved_;
            } else {
                sum_ += w[i] * cost_[i];
            }
            if (cost_[i] <= within_) covered_ += w[i];
        }
        order_.resize(cost_.size());
        std::iota(order_.begin(), order_.end(), std::size_t{0});
        std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
            return cost_[a] > cost_[b] || (cost_[a] == cost_[b] && a < b);
        });
    }

    PlanValue value_with(std::size_t j) {
        const auto& w = problem_.weights();
        ++epoch_;
        double gain = 0.0;     // weighted cost saved on origins already served
        double added = 0.0;    // weighted cost of origins served for the first time
        double covered = 0.0;  // weight newly within the threshold
        double improved_max = 0.0;
        std::size_t newly_served = 0;
        for (const PlanProblem::Entry& e : problem_.entries(j)) {
            const double now = cost_[e.origin];
            if (!(e.cost < now)) continue;
            stamp_[e.origin] = epoch_;
            if (now == kInf) {
                if (w[e.origin] > 0.0) ++newly_served;
                added += w[e.origin] * e.cost;
            } else {
                gain += w[e.origin] * (now - e.cost);
            }
            if (e.cost <= within_ && !(now <= within_)) covered += w[e.origin];
            improved_max = std::max(improved_max, e.cost);
        }
        double rest_max = 0.0;
        for (const std::size_t i : order_) {
            if (stamp_[i] != epoch_) {
                rest_max = cost_[i];
                break;
            }
        }
        PlanValue v;
        v.total_weight = problem_.total_weight();
        v.max_cost = std::max(rest_max, improved_max);
        v.mean_cost = unserved_ > newly_served ? kInf : (sum_ - gain + added) / v.total_weight;
        v.covered_weight = covered_ + covered;
        return v;
    }

private:
    const PlanProblem& problem_;
    double within_;
    std::vector<double> cost_;
    std::vector<std::size_t> order_;  // origins by decreasing cost, then index
    std::vector<std::uint64_t> stamp_;
    std::uint64_t epoch_ = 0;
    double sum_ = 0.0;
    std::size_t unserved_ = 0;  // weighted origins with no site at all
    double covered_ = 0.0;
};

// The cover groups of a goal: which groups each candidate serves, and which groups a set of
// candidates leaves unserved.
class CoverGroups {
public:
    CoverGroups(const PlanProblem& problem, const std::vector<std::vector<std::size_t>>& groups)
        : groups_(groups), of_candidate_(problem.candidate_count()) {
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].empty()) {
                throw ArgumentError("cover group " + std::to_string(g) + " has no candidate");
            }
            for (const std::size_t j : groups[g]) {
                if (j >= problem.candidate_count()) {
                    throw ArgumentError("cover group " + std::to_string(g) + ": candidate " +
                                        std::to_string(j) + " out of range");
                }
                of_candidate_[j].push_back(g);
            }
        }
    }
    bool empty() const { return groups_.empty(); }
    const std::vector<std::size_t>& group(std::size_t g) const { return groups_[g]; }
    // Groups with no member in `set`, in group order.
    std::vector<std::size_t> missing(const std::vector<std::size_t>& set) const {
        std::vector<bool> served(groups_.size(), false);
        for (const std::size_t j : set) {
            for (const std::size_t g : of_candidate_[j]) served[g] = true;
        }
        std::vector<std::size_t> gaps;
        for (std::size_t g = 0; g < groups_.size(); ++g) {
            if (!served[g]) gaps.push_back(g);
        }
        return gaps;
    }
    // Whether adding j serves every group of `gaps`.
    bool fills(const std::vector<std::size_t>& gaps, std::size_t j) const {
        for (const std::size_t g : gaps) {
            if (std::find(of_candidate_[j].begin(), of_candidate_[j].end(), g) ==
                of_candidate_[j].end())
                return false;
        }
        return true;
    }

private:
    const std::vector<std::vector<std::size_t>>& groups_;
    std::vector<std::vector<std::size_t>> of_candidate_;
};

std::string too_few(std::size_t k) {
    return "cannot serve every cover group with " + std::to_string(k) + " site(s)";
}

std::vector<std::size_t> without(const std::vector<std::size_t>& chosen, std::size_t position) {
    std::vector<std::size_t> rest;
    for (std::size_t p = 0; p < chosen.size(); ++p) {
        if (p != position) rest.push_back(chosen[p]);
    }
    return rest;
}

}  // namespace

PlanProblem::PlanProblem(std::vector<double> weights, std::vector<double> base_costs)
    : weights_(std::move(weights)), base_(std::move(base_costs)) {
    if (weights_.size() != base_.size()) {
        throw ArgumentError("PlanProblem: " + std::to_string(weights_.size()) + " weights for " +
                            std::to_string(base_.size()) + " base costs");
    }
    for (std::size_t i = 0; i < weights_.size(); ++i) {
        if (!(weights_[i] >= 0.0) || !std::isfinite(weights_[i])) {
            throw ArgumentError("PlanProblem: weight of origin " + std::to_string(i) +
                                " is not a finite number >= 0");
        }
        if (!(base_[i] >= 0.0)) {
            throw ArgumentError("PlanProblem: base cost of origin " + std::to_string(i) +
                                " is negative or NaN");
        }
        total_weight_ += weights_[i];
    }
    if (!(total_weight_ > 0.0)) throw ArgumentError("PlanProblem: the weights add up to zero");
}

std::size_t PlanProblem::add_candidate(const std::vector<std::pair<std::size_t, double>>& costs) {
    std::vector<Entry> kept;
    for (const auto& [origin, cost] : costs) {
        if (origin >= weights_.size()) {
            throw ArgumentError("PlanProblem: origin " + std::to_string(origin) +
                                " out of range (" + std::to_string(weights_.size()) + " origins)");
        }
        if (!(cost >= 0.0)) {
            throw ArgumentError("PlanProblem: cost to origin " + std::to_string(origin) +
                                " is negative or NaN");
        }
        if (cost < base_[origin]) kept.push_back({static_cast<std::uint32_t>(origin), cost});
    }
    std::sort(kept.begin(), kept.end(),
              [](const Entry& a, const Entry& b) { return a.origin < b.origin; });
    for (std::size_t i = 1; i < kept.size(); ++i) {
        if (kept[i].origin == kept[i - 1].origin) {
            throw ArgumentError("PlanProblem: origin " + std::to_string(kept[i].origin) +
                                " listed twice for one candidate");
        }
    }
    entries_.insert(entries_.end(), kept.begin(), kept.end());
    first_.push_back(entries_.size());
    return first_.size() - 2;
}

bool plan_better(const PlanValue& a, const PlanValue& b, Objective objective) {
    int first = 0;
    int second = 0;
    switch (objective) {
        case Objective::PCenter:
            first = compare(a.max_cost, b.max_cost);
            second = compare(a.mean_cost, b.mean_cost);
            break;
        case Objective::PMedian:
            first = compare(a.mean_cost, b.mean_cost);
            second = compare(a.max_cost, b.max_cost);
            break;
        case Objective::MaxCoverage:
        case Objective::Cover:
            first = compare(b.covered_weight, a.covered_weight);
            second = compare(a.mean_cost, b.mean_cost);
            break;
    }
    return first != 0 ? first < 0 : second < 0;
}

PlanAssignment plan_assign(const PlanProblem& problem, const std::vector<std::size_t>& chosen) {
    check_candidates(problem, chosen);
    PlanAssignment a;
    a.cost = problem.base_costs();
    a.by.assign(problem.origin_count(), std::nullopt);
    for (std::size_t p = 0; p < chosen.size(); ++p) {
        for (const PlanProblem::Entry& e : problem.entries(chosen[p])) {
            if (e.cost < a.cost[e.origin]) {
                a.cost[e.origin] = e.cost;
                a.by[e.origin] = p;
            }
        }
    }
    return a;
}

PlanValue plan_evaluate(const PlanProblem& problem, const std::vector<std::size_t>& chosen,
                        double within) {
    const PlanAssignment a = plan_assign(problem, chosen);
    const auto& w = problem.weights();
    PlanValue v;
    v.total_weight = problem.total_weight();
    double sum = 0.0;
    bool unserved = false;
    for (std::size_t i = 0; i < a.cost.size(); ++i) {
        v.max_cost = std::max(v.max_cost, a.cost[i]);
        if (a.cost[i] == kInf) {
            unserved = unserved || w[i] > 0.0;
        } else {
            sum += w[i] * a.cost[i];
        }
        if (a.cost[i] <= within) v.covered_weight += w[i];
    }
    v.mean_cost = unserved ? kInf : sum / v.total_weight;
    return v;
}

PlanResult suggest_sites(const PlanProblem& problem, std::size_t k, const PlanGoal& goal) {
    return complete_sites(problem, {}, k, goal);
}

PlanResult complete_sites(const PlanProblem& problem, std::vector<std::size_t> start, std::size_t k,
                          const PlanGoal& goal) {
    check_k(problem, k);
    check_candidates(problem, start);
    if (start.size() > k) throw ArgumentError("complete_sites: more than k sites to start from");
    const std::size_t m = problem.candidate_count();
    PlanResult result;
    result.before = plan_evaluate(problem, {}, goal.within);
    SearchState state(problem, goal.within);
    std::vector<bool> open(m, false);
    std::vector<std::size_t> chosen = std::move(start);
    for (const std::size_t j : chosen) open[j] = true;

    // Greedy: add the best candidate, k times; while a cover group is unserved, the best
    // candidate of the first such group.
    const CoverGroups groups(problem, goal.cover_groups);
    while (chosen.size() < k) {
        state.reset(chosen);
        const std::vector<std::size_t> gaps = groups.missing(chosen);
        std::vector<std::size_t> pool;
        if (gaps.empty()) {
            pool.resize(m);
            std::iota(pool.begin(), pool.end(), std::size_t{0});
        } else {
            pool = groups.group(gaps.front());
        }
        std::optional<std::size_t> best;
        PlanValue best_value;
        for (const std::size_t j : pool) {
            if (open[j]) continue;
            const PlanValue v = state.value_with(j);
            ++result.evaluations;
            if (!best || plan_better(v, best_value, goal.objective)) {
                best = j;
                best_value = v;
            }
        }
        chosen.push_back(*best);
        open[*best] = true;
    }
    if (!groups.missing(chosen).empty()) throw ArgumentError(too_few(k));
    std::sort(chosen.begin(), chosen.end());
    const PlanValue greedy = plan_evaluate(problem, chosen, goal.within);
    PlanResult improved = improve_sites(problem, chosen, goal);
    improved.before = result.before;
    improved.greedy = greedy;
    improved.evaluations += result.evaluations;
    return improved;
}

PlanResult improve_sites(const PlanProblem& problem, std::vector<std::size_t> start,
                         const PlanGoal& goal) {
    check_candidates(problem, start);
    const std::size_t m = problem.candidate_count();
    const std::size_t k = start.size();
    std::vector<std::size_t> chosen = std::move(start);
    std::sort(chosen.begin(), chosen.end());
    std::vector<bool> open(m, false);
    for (const std::size_t j : chosen) {
        if (open[j])
            throw ArgumentError("improve_sites: candidate " + std::to_string(j) + " twice");
        open[j] = true;
    }
    PlanResult result;
    result.before = plan_evaluate(problem, {}, goal.within);
    result.greedy = plan_evaluate(problem, chosen, goal.within);
    SearchState state(problem, goal.within);
    const CoverGroups groups(problem, goal.cover_groups);
    const bool groups_served = groups.missing(chosen).empty();

    // Swap: the best exchange of one chosen candidate for another, while it improves. Rounds
    // are capped so that ties within the tolerance can never cycle.
    constexpr std::size_t kMaxRounds = 10000;
    for (std::size_t round = 0; round < kMaxRounds && k > 0 && k < m; ++round) {
        const PlanValue current = plan_evaluate(problem, chosen, goal.within);
        PlanValue best_value = current;
        std::optional<std::pair<std::size_t, std::size_t>> best_move;
        for (std::size_t p = 0; p < chosen.size(); ++p) {
            const std::vector<std::size_t> rest = without(chosen, p);
            const std::vector<std::size_t> gaps =
                groups_served ? groups.missing(rest) : std::vector<std::size_t>{};
            state.reset(rest);
            for (std::size_t j = 0; j < m; ++j) {
                if (open[j] || !groups.fills(gaps, j)) continue;
                const PlanValue v = state.value_with(j);
                ++result.evaluations;
                if (plan_better(v, best_value, goal.objective)) {
                    best_value = v;
                    best_move = {p, j};
                }
            }
        }
        if (!best_move) break;
        open[chosen[best_move->first]] = false;
        chosen[best_move->first] = best_move->second;
        open[best_move->second] = true;
        std::sort(chosen.begin(), chosen.end());
        ++result.swaps;
    }
    result.chosen = chosen;
    result.value = plan_evaluate(problem, chosen, goal.within);
    return result;
}

std::uint64_t subset_count(std::size_t n, std::size_t k) noexcept {
    if (k > n) return 0;
    k = std::min(k, n - k);
    std::uint64_t count = 1;
    for (std::size_t i = 1; i <= k; ++i) {
        // count * (n - k + i) / i stays exact: count is C(n - k + i - 1, i - 1).
        const std::uint64_t factor = n - k + i;
        if (count > std::numeric_limits<std::uint64_t>::max() / factor)
            return std::numeric_limits<std::uint64_t>::max();
        count = count * factor / i;
    }
    return count;
}

PlanResult best_sites_exhaustive(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                                 std::uint64_t max_subsets) {
    check_k(problem, k);
    const std::size_t m = problem.candidate_count();
    const std::uint64_t subsets = subset_count(m, k);
    if (subsets > max_subsets) {
        throw ArgumentError("exhaustive search over " + std::to_string(subsets) +
                            " subsets exceeds the limit of " + std::to_string(max_subsets));
    }
    PlanResult result;
    result.before = plan_evaluate(problem, {}, goal.within);
    const CoverGroups groups(problem, goal.cover_groups);
    if (k == 0) {
        if (!groups.empty()) throw ArgumentError(too_few(k));
        result.greedy = result.value = result.before;
        return result;
    }
    SearchState state(problem, goal.within);
    std::optional<std::vector<std::size_t>> best;
    PlanValue best_value;
    std::vector<std::size_t> prefix;
    // Subsets in lexicographic order: the first k - 1 members fix a state, the last one is
    // evaluated incrementally.
    const auto visit = [&](auto&& self, std::size_t start) -> void {
        if (prefix.size() + 1 == k) {
            const std::vector<std::size_t> gaps = groups.missing(prefix);
            state.reset(prefix);
            for (std::size_t j = start; j < m; ++j) {
                if (!groups.fills(gaps, j)) continue;
                const PlanValue v = state.value_with(j);
                ++result.evaluations;
                if (!best || plan_better(v, best_value, goal.objective)) {
                    prefix.push_back(j);
                    best = prefix;
                    prefix.pop_back();
                    best_value = v;
                }
            }
            return;
        }
        for (std::size_t j = start; j + (k - prefix.size()) <= m; ++j) {
            prefix.push_back(j);
            self(self, j + 1);
            prefix.pop_back();
        }
    };
    visit(visit, 0);
    if (!best) throw ArgumentError(too_few(k));
    result.chosen = *best;
    result.value = plan_evaluate(problem, result.chosen, goal.within);
    result.greedy = result.value;
    return result;
}

}  // namespace sitecover
