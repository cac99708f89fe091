#pragma once
/// @file
/// Certified answers to the location problems of planning.hpp: the proven optimum when the
/// search closes within its time limit, else the best answer found with a proven bound and the
/// gap between them. p-center: binary search over the candidate radii, each step an exact set
/// covering question; p-median: the linear relaxation by column generation, then branch and
/// bound on the columns that can still matter; max-coverage and cover: branch and bound on the
/// compact model. The solver (COIN-OR CBC and CLP) stays inside the library.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/planning.hpp"

namespace sitecover {

/// How good an answer is, with a proof. The primary figure of the objective: the largest cost
/// (PCenter), the weighted mean cost (PMedian), the weight within the threshold (MaxCoverage),
/// the number of new sites (Cover).
struct PlanQuality {
    double value = 0.0;  ///< the answer's primary figure
    /// Proven: no answer does better (a lower bound when minimising, an upper bound for
    /// MaxCoverage). Equal to `value` when proven optimal.
    double bound = 0.0;
    /// |value - bound| / |value| (0 when both are 0 or both infinite): 0.0123 reads 1.23 %.
    double gap = 0.0;
    bool proven_optimal = false;      ///< value == bound within a relative 1e-9
    bool time_limit_reached = false;  ///< the limit cut the search (gap may still be 0)
    /// How the bound was obtained, for the reader: "exhaustive", "set covering (CBC)",
    /// "LP relaxation + branch and bound (CLP/CBC)", "branch and bound (CBC)".
    std::string method;
    double solve_s = 0.0;  ///< wall time of the certified search, the heuristic not included
};

/// A step of a long solve, for progress reports.
struct SolveProgressEvent {
    std::string stage;       ///< e.g. "radius 24.8 km?", "LP bound", "branch and bound"
    double value = 0.0;      ///< best primary figure found so far
    double bound = 0.0;      ///< best proven bound so far
    double elapsed_s = 0.0;  ///< since the certified search started
};

/// Called between the steps of a solve (from the calling thread); may be empty.
using SolveProgress = std::function<void(const SolveProgressEvent&)>;

/// Limits of a certified search.
struct ExactOptions {
    /// Wall-clock seconds for the whole search (> 0); when it runs out, the best answer found
    /// is returned with its proven gap.
    double time_limit_s = 60.0;
    SolveProgress progress;  ///< optional
};

/// A certified answer: the chosen candidates with their figures, and their quality.
struct ExactPlan {
    PlanResult result;    ///< `chosen` and `value` (plan_evaluate), `before`
    PlanQuality quality;  ///< value, bound, gap, proven
};

/// Thrown by solve_cover when some origins are farther than the threshold from every candidate
/// and from every fixed site: no number of new sites can bring them within it.
class UnreachableOriginsError : public ArgumentError {
public:
    /// `origins`: their indices (in the caller's numbering); `message`: what() text.
    UnreachableOriginsError(std::vector<std::size_t> origins, const std::string& message)
        : ArgumentError(message), origins_(std::move(origins)) {}
    /// The origins no candidate reaches within the threshold, by increasing index.
    const std::vector<std::size_t>& origins() const noexcept { return origins_; }

private:
    std::vector<std::size_t> origins_;
};

/// The certified answer for k new sites and goal.objective PCenter, PMedian or MaxCoverage
/// (with goal.cover_groups kept as constraints). `start` is a known answer (suggest_sites'):
/// it warm-starts the search, and is returned unchanged unless something strictly better
/// (plan_better) is found, so that equally good answers keep the heuristic's tie rules. k must
/// be >= 1. Throws ArgumentError as suggest_sites, or for a time limit <= 0, or for
/// Objective::Cover (see solve_cover).
ExactPlan solve_exact(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                      const PlanResult& start, const ExactOptions& options = {});

/// The fewest candidates such that every origin's cost is <= goal.within (the fixed sites
/// count: an origin whose base cost is within needs nothing), serving every cover group. Among
/// equally few, a swap search then lowers the weighted mean cost while keeping everyone within.
/// quality.value is the number of candidates chosen. Throws UnreachableOriginsError naming the
/// origins whose base cost and every candidate cost exceed goal.within, ArgumentError for a
/// time limit <= 0 or a bad cover group.
ExactPlan solve_cover(const PlanProblem& problem, const PlanGoal& goal,
                      const ExactOptions& options = {});

}  // namespace sitecover
