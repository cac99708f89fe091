#pragma once
/// @file
/// Choosing where to open new sites: the costs of a location problem, its three objectives
/// (p-center, p-median, maximal coverage), greedy construction with a swap local search, and
/// an exhaustive search that gives the exact optimum of small instances.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace sitecover {

/// The costs of a location problem, kept sparse. Origin i (a commune) has a weight (its
/// inhabitants) and a base cost: its cost to the nearest fixed site (infinity: none). A
/// candidate lists only the origins it would serve strictly better than the fixed sites, so a
/// national problem holds a few entries per candidate instead of one per origin. Costs are in
/// one unit chosen by the caller (metres, or seconds by road).
///
/// Thread-safety: const members may be called concurrently.
class PlanProblem {
public:
    /// One origin a candidate would serve better than the fixed sites.
    struct Entry {
        std::uint32_t origin = 0;  ///< index of the origin
        double cost = 0.0;         ///< its cost to the candidate (< its base cost)
    };

    /// Throws ArgumentError when the sizes differ, a weight is negative or not finite, the
    /// weights add up to zero, or a base cost is negative or NaN.
    PlanProblem(std::vector<double> weights, std::vector<double> base_costs);

    /// Adds a candidate with its cost to each origin it can reach, (origin, cost) in any order;
    /// the entries that do not beat the base cost are dropped. Returns the candidate's index
    /// (0, 1, 2... in the order added). Throws ArgumentError for an origin out of range, a
    /// negative or NaN cost, or an origin listed twice.
    std::size_t add_candidate(const std::vector<std::pair<std::size_t, double>>& costs);

    /// Number of origins.
    std::size_t origin_count() const noexcept { return weights_.size(); }
    /// Number of candidates added.
    std::size_t candidate_count() const noexcept { return first_.size() - 1; }
    /// The origins' weights.
    const std::vector<double>& weights() const noexcept { return weights_; }
    /// The origins' costs to the nearest fixed site.
    const std::vector<double>& base_costs() const noexcept { return base_; }
    /// Sum of the weights (> 0).
    double total_weight() const noexcept { return total_weight_; }
    /// The origins candidate j improves, by increasing origin index. j < candidate_count().
    std::span<const Entry> entries(std::size_t j) const {
        return {entries_.data() + first_[j], entries_.data() + first_[j + 1]};
    }
    /// Total number of entries, all candidates together.
    std::size_t entry_count() const noexcept { return entries_.size(); }

private:
    std::vector<double> weights_;
    std::vector<double> base_;
    double total_weight_ = 0.0;
    std::vector<std::size_t> first_{0};
    std::vector<Entry> entries_;
};

/// What the new sites should achieve.
enum class Objective {
    PCenter,      ///< minimise the largest cost of any origin (then the weighted mean)
    PMedian,      ///< minimise the weighted mean cost (then the largest)
    MaxCoverage,  ///< maximise the weight within `within` (then minimise the weighted mean)
    /// The fewest new sites that bring every origin within `within` (solve_cover in
    /// exact_planning.hpp; k is the answer). Compared as MaxCoverage.
    Cover
};

/// The figures of a solution.
struct PlanValue {
    double max_cost = 0.0;        ///< largest cost over all origins (infinity: one is unserved)
    double mean_cost = 0.0;       ///< weighted mean cost (infinity: a weighted origin unserved)
    double covered_weight = 0.0;  ///< weight of the origins with cost <= the threshold
    double total_weight = 0.0;    ///< weight of all origins
};

/// The objective and, for MaxCoverage, its threshold (in the problem's cost unit).
struct PlanGoal {
    Objective objective = Objective::PMedian;  ///< what to optimise
    /// MaxCoverage: an origin counts as covered when its cost is <= this. Also counted (and
    /// reported) for the other objectives.
    double within = std::numeric_limits<double>::infinity();
    /// Groups of candidate indices, each of which must get at least one chosen candidate (the
    /// candidates inside an area left without a site, so that every area is covered). Empty:
    /// no constraint. The greedy construction serves the groups first, in order.
    std::vector<std::vector<std::size_t>> cover_groups;
};

/// Whether `a` is strictly better than `b` for the objective, comparing the primary figure and
/// then the secondary one (see Objective). Differences within a relative 1e-12 count as ties,
/// so that sums added in another order do not decide.
bool plan_better(const PlanValue& a, const PlanValue& b, Objective objective);

/// Which candidate serves each origin once `chosen` are open: the cheapest of them when it beats
/// the base cost strictly (ties: the earlier entry of `chosen`), else none (a fixed site).
struct PlanAssignment {
    std::vector<std::optional<std::size_t>> by;  ///< index into `chosen`, or none
    std::vector<double> cost;                    ///< the origin's resulting cost
};

/// The assignment of every origin with `chosen` open (candidate indices). O(n + their entries).
/// Throws ArgumentError for a candidate index out of range.
PlanAssignment plan_assign(const PlanProblem& problem, const std::vector<std::size_t>& chosen);

/// The figures with `chosen` open, computed afresh in origin order. Throws as plan_assign.
PlanValue plan_evaluate(const PlanProblem& problem, const std::vector<std::size_t>& chosen,
                        double within);

/// The outcome of a search.
struct PlanResult {
    std::vector<std::size_t> chosen;  ///< candidate indices, by increasing index
    PlanValue before;                 ///< fixed sites only
    PlanValue greedy;                 ///< after the greedy construction (suggest_sites only)
    PlanValue value;                  ///< the final figures (plan_evaluate of `chosen`)
    std::size_t swaps = 0;            ///< improving swaps made by the local search
    std::uint64_t evaluations = 0;    ///< candidate sets evaluated
};

/// Picks k candidates: greedily, each time the one that improves the objective most (ties: the
/// lower candidate index), then swaps one chosen candidate for another while the swap improves
/// the objective strictly (the best swap of each round), which ends at a local optimum.
/// With cover groups, every step keeps each group served (a swap may only replace a group's
/// last member by another of its members). Deterministic. Throws ArgumentError when k exceeds
/// the number of candidates, when a group is empty or names a candidate out of range, or when
/// k sites cannot serve every group.
PlanResult suggest_sites(const PlanProblem& problem, std::size_t k, const PlanGoal& goal);

/// suggest_sites' greedy construction and swap search, the construction starting from `start`
/// (candidate indices, each once, at most k) instead of from nothing.
PlanResult complete_sites(const PlanProblem& problem, std::vector<std::size_t> start, std::size_t k,
                          const PlanGoal& goal);

/// The swap local search of suggest_sites, started from `start` (candidate indices, each once):
/// the best exchange of one chosen candidate for another while it improves goal.objective
/// (plan_better). Cover groups served by `start` stay served. Deterministic.
PlanResult improve_sites(const PlanProblem& problem, std::vector<std::size_t> start,
                         const PlanGoal& goal);

/// The number of k-subsets of n candidates, saturating at UINT64_MAX.
std::uint64_t subset_count(std::size_t n, std::size_t k) noexcept;

/// The exact optimum over every k-subset that serves every cover group (ties: the
/// lexicographically smallest subset). Throws ArgumentError as suggest_sites, or when there are
/// more than max_subsets subsets (see subset_count).
PlanResult best_sites_exhaustive(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                                 std::uint64_t max_subsets);

}  // namespace sitecover
