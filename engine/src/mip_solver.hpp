#pragma once
// A small mixed-integer model and one call that solves it with COIN-OR CBC (through its C API,
// which runs CBC's standard strategy: presolve, cuts, heuristics, then branch and bound). Private
// to engine/src: no CBC type leaves mip_solver.cpp.

#include <cstddef>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace sitecover::detail {

/// A model built column by column, minimised. Rows are lower <= a.x <= upper.
class MipModel {
public:
    /// Adds a row with bounds and no coefficient yet; returns its index.
    int add_row(double lower, double upper);
    /// Adds a column with (row, coefficient) pairs; returns its index.
    int add_column(double cost, double lower, double upper, bool integer,
                   const std::vector<std::pair<int, double>>& coefficients);

    int row_count() const noexcept { return static_cast<int>(row_lower_.size()); }
    int column_count() const noexcept { return static_cast<int>(cost_.size()); }

private:
    friend class MipRun;
    std::vector<double> row_lower_, row_upper_;
    std::vector<double> cost_, col_lower_, col_upper_;
    std::vector<bool> integer_;
    std::vector<int> start_{0};  // compressed sparse columns
    std::vector<int> index_;
    std::vector<double> value_;
};

/// How one run went.
enum class MipStatus {
    Optimal,     ///< the search finished with a solution, proven optimal (within the cutoff)
    Infeasible,  ///< the search finished: no solution (or none better than the cutoff)
    Stopped,     ///< a limit stopped it: see `solution` and `bound`
    Failed       ///< CBC gave up (numerical trouble)
};

/// What to ask of one run.
struct MipOptions {
    double time_limit_s = 60.0;  ///< wall clock
    /// Only solutions strictly better than this are wanted (minimising: below it).
    std::optional<double> cutoff;
    /// Stop at the first solution found (for feasibility questions with a cutoff).
    bool first_solution = false;
    /// Values of some integer columns (column, value) of a known solution: the search starts
    /// from it.
    std::vector<std::pair<int, double>> start;
    /// Proven-optimal tolerance on the relative gap (CBC's ratioGap).
    double relative_gap = 1e-9;
};

/// The outcome: the best solution found (empty when none) and the proven bound on the optimum
/// (a lower bound on the optimum; only meaningful when not Failed).
struct MipOutcome {
    MipStatus status = MipStatus::Failed;
    std::vector<double> solution;
    double value = std::numeric_limits<double>::quiet_NaN();
    double bound = std::numeric_limits<double>::quiet_NaN();
};

/// Solves `model` with CBC, single-threaded and silent. Thread-safe (one CBC model per call).
MipOutcome solve_mip(const MipModel& model, const MipOptions& options);

/// The linear relaxation of `model` solved by CLP: its optimum (NaN when infeasible).
double solve_lp_relaxation(const MipModel& model);

}  // namespace sitecover::detail
