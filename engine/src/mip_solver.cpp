// CBC and CLP behind a std-only interface. The C API of CBC is used because it runs the same
// strategy as the `cbc` program (CbcMain1: presolve, cut generators, primal heuristics), which
// a bare CbcModel would not, and because it takes a MIP start by column index.

#include "mip_solver.hpp"

#include <cmath>
#include <memory>
#include <string>

#include <coin/Cbc_C_Interface.h>
#include <coin/ClpSimplex.hpp>

namespace sitecover::detail {
namespace {

struct CbcDeleter {
    void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

std::string number_text(double x) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", x);
    return buffer;
}

}  // namespace

int MipModel::add_row(double lower, double upper) {
    row_lower_.push_back(lower);
    row_upper_.push_back(upper);
    return row_count() - 1;
}

int MipModel::add_column(double cost, double lower, double upper, bool integer,
                         const std::vector<std::pair<int, double>>& coefficients) {
    cost_.push_back(cost);
    col_lower_.push_back(lower);
    col_upper_.push_back(upper);
    integer_.push_back(integer);
    for (const auto& [row, value] : coefficients) {
        index_.push_back(row);
        value_.push_back(value);
    }
    start_.push_back(static_cast<int>(index_.size()));
    return column_count() - 1;
}

// The friend that hands the arrays to the solvers.
class MipRun {
public:
    static void load(const MipModel& m, Cbc_Model* cbc) {
        Cbc_loadProblem(cbc, m.column_count(), m.row_count(), m.start_.data(), m.index_.data(),
                        m.value_.data(), m.col_lower_.data(), m.col_upper_.data(), m.cost_.data(),
                        m.row_lower_.data(), m.row_upper_.data());
        for (int j = 0; j < m.column_count(); ++j) {
            if (m.integer_[static_cast<std::size_t>(j)]) Cbc_setInteger(cbc, j);
        }
    }
    static void load(const MipModel& m, ClpSimplex& clp) {
        clp.loadProblem(m.column_count(), m.row_count(), m.start_.data(), m.index_.data(),
                        m.value_.data(), m.col_lower_.data(), m.col_upper_.data(), m.cost_.data(),
                        m.row_lower_.data(), m.row_upper_.data());
    }
};

MipOutcome solve_mip(const MipModel& model, const MipOptions& options) {
    const std::unique_ptr<Cbc_Model, CbcDeleter> cbc(Cbc_newModel());
    MipRun::load(model, cbc.get());
    // Parameters go to CbcMain1 as "-name value": the wall clock, not the CPU time, since the
    // caller's limit is a wall-clock promise; one thread, as the machine is shared.
    Cbc_setParameter(cbc.get(), "log", "0");
    Cbc_setParameter(cbc.get(), "slog", "0");
    Cbc_setParameter(cbc.get(), "timeMode", "elapsed");
    Cbc_setParameter(cbc.get(), "sec", number_text(std::max(options.time_limit_s, 0.01)).c_str());
    Cbc_setParameter(cbc.get(), "ratioGap", number_text(options.relative_gap).c_str());
    Cbc_setParameter(cbc.get(), "allowableGap", "1e-9");
    if (options.cutoff) Cbc_setParameter(cbc.get(), "cutoff", number_text(*options.cutoff).c_str());
    if (options.first_solution) Cbc_setParameter(cbc.get(), "maxSolutions", "1");
    if (!options.start.empty()) {
        std::vector<int> columns;
        std::vector<double> values;
        for (const auto& [column, value] : options.start) {
            columns.push_back(column);
            values.push_back(value);
        }
        Cbc_setMIPStartI(cbc.get(), static_cast<int>(columns.size()), columns.data(),
                         values.data());
    }
    Cbc_solve(cbc.get());

    MipOutcome out;
    const double* best = Cbc_bestSolution(cbc.get());
    if (best != nullptr) {
        out.solution.assign(best, best + model.column_count());
        out.value = Cbc_getObjValue(cbc.get());
    }
    out.bound = Cbc_getBestPossibleObjValue(cbc.get());
    const int status = Cbc_status(cbc.get());
    if (status == 2 || Cbc_isAbandoned(cbc.get())) {
        out.status = MipStatus::Failed;
    } else if (status == 0 && best != nullptr && Cbc_isProvenOptimal(cbc.get())) {
        out.status = MipStatus::Optimal;
    } else if (status == 0 && (best == nullptr || Cbc_isProvenInfeasible(cbc.get()))) {
        out.status = best == nullptr ? MipStatus::Infeasible : MipStatus::Optimal;
    } else {
        out.status = MipStatus::Stopped;
    }
    return out;
}

double solve_lp_relaxation(const MipModel& model) {
    ClpSimplex clp;
    clp.setLogLevel(0);
    MipRun::load(model, clp);
    clp.dual();
    if (!clp.isProvenOptimal()) return std::numeric_limits<double>::quiet_NaN();
    return clp.objectiveValue();
}

}  // namespace sitecover::detail
