#pragma once
// `sitecover plan`: the summary printed, before / after, and the per-origin and per-site tables.

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "plan_options.hpp"
#include "plan_world.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site_suggestion.hpp"

namespace sitecover::cli {

/// A plan computed: the scenario before and after, and what changed.
struct PlanRun {
    std::vector<Site> final_sites;    ///< after the what-if and the suggestion
    std::vector<SiteChange> changes;  ///< removed, added, then suggested
    std::optional<Suggestion> suggestion;
    ScenarioOutcome before, after;
    ScenarioFigures figures_before, figures_after;
};

/// Prints the plan's summary (inputs, figures before / after, changed origins, suggestion).
void print_plan_summary(std::ostream& out, const PlanOptions& plan, const PlanInputs& inputs,
                        const PlanRun& run);

/// The two output tables, staged before any input is read (nullptr when not asked for).
struct PlanWriters {
    std::unique_ptr<geodata::TableWriter> origins;
    std::unique_ptr<geodata::TableWriter> sites;
};

/// Stages --output and --sites-output (OutputError for a bad path).
PlanWriters open_plan_writers(const PlanOptions& plan);

/// Writes the rows and publishes the tables; "wrote ..." lines on `out`.
void write_plan_tables(PlanWriters& writers, std::ostream& out, const PlanOptions& plan,
                       const PlanInputs& inputs, const PlanRun& run);

}  // namespace sitecover::cli
