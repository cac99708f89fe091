#pragma once
// `sitecover plan`: the summary printed, before / after, and the per-origin and per-site tables.

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "plan_options.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/plan_job.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site_suggestion.hpp"

namespace sitecover::cli {

/// Prints the plan's summary (inputs, figures before / after, changed origins, suggestion).
void print_plan_summary(std::ostream& out, const PlanOptions& plan,
                        const report::PlanInputs& inputs, const report::PlanRun& run);

/// The "wrote FILE" lines of the tables the plan wrote.
void print_plan_written(std::ostream& out, const PlanOptions& plan);

}  // namespace sitecover::cli
