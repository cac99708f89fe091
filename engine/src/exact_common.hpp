#pragma once
// What the certified searches share (private to engine/src): the clock, the quality record,
// the origins' view of a PlanProblem and covering models.

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "mip_solver.hpp"
#include "sitecover/exact_planning.hpp"

namespace sitecover::detail {

/// The wall clock of one certified search and its time limit.
class Deadline {
public:
    explicit Deadline(double limit_s);
    double elapsed_s() const;
    /// Seconds left (>= 0).
    double remaining_s() const;
    bool expired() const { return remaining_s() <= 0.0; }

private:
    std::chrono::steady_clock::time_point start_;
    double limit_s_;
};

/// Throws ArgumentError unless the limit is a number > 0.
void check_time_limit(double time_limit_s);

/// A quality record: the gap from value and bound, proven when they meet (relative 1e-9).
PlanQuality make_quality(double value, double bound, std::string method, const Deadline& clock,
                         bool time_limit_reached);

/// Reports a step to options.progress, when set.
void report(const ExactOptions& options, const Deadline& clock, const std::string& stage,
            double value, double bound);

/// One origin's candidates (candidate, cost), by increasing cost then candidate: the transpose
/// of PlanProblem's lists.
struct OriginEntry {
    std::size_t candidate = 0;
    double cost = 0.0;
};
std::vector<std::vector<OriginEntry>> entries_by_origin(const PlanProblem& problem);

/// A covering question: which candidates cover each origin that needs it. Rows are the origins
/// whose base cost exceeds `radius`; a candidate covers one when its cost is <= radius.
struct CoverRows {
    std::vector<std::size_t> origins;              ///< the origins needing a new site
    std::vector<std::vector<std::size_t>> covers;  ///< per such origin, its candidates
    std::vector<std::size_t> unreachable;          ///< origins no candidate covers
};
CoverRows cover_rows(const PlanProblem& problem,
                     const std::vector<std::vector<OriginEntry>>& by_origin, double radius);

/// Shrinks a covering question without changing its answer (the fewest candidates, and whether
/// k of them do): rows that contain another row go, and candidates whose rows another
/// candidate covers too (outside the cover groups). A cover of the rows left covers the rows
/// given. Rows end sorted by candidate index.
void reduce_cover(CoverRows& rows, std::size_t candidate_count,
                  const std::vector<std::vector<std::size_t>>& groups);

/// A quick cover: the candidate covering most uncovered rows, repeatedly (ties: lower index),
/// serving the groups first, then without the members made redundant. Empty when a row has no
/// candidate. Sorted.
std::vector<std::size_t> greedy_cover(const CoverRows& rows, std::size_t candidate_count,
                                      const std::vector<std::vector<std::size_t>>& groups);

/// The set covering model: minimise the candidates, a row >= 1 per origin and per group.
/// Columns are the candidates, in order.
MipModel cover_model(const CoverRows& rows, std::size_t candidate_count,
                     const std::vector<std::vector<std::size_t>>& groups);

/// The candidates a solution of a model opens: columns [0, candidate_count) above 0.5.
std::vector<std::size_t> opened(const std::vector<double>& solution, std::size_t candidate_count);

/// The certified p-center search (exact_center.cpp).
ExactPlan solve_center(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                       const PlanResult& start, const ExactOptions& options);

/// The certified p-median search (exact_median.cpp).
ExactPlan solve_median(const PlanProblem& problem, std::size_t k, const PlanGoal& goal,
                       const PlanResult& start, const ExactOptions& options);

}  // namespace sitecover::detail
