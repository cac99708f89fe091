// `sitecover plan`: what-if scenarios (open here, close there) and suggested locations for new
// sites, crow-fly or by road, with before / after figures. Parse, call the library
// (apply_what_if, suggest_new_sites, evaluate_scenario), print and write.

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "plan_options.hpp"
#include "plan_summary.hpp"
#include "plan_world.hpp"

namespace sitecover::cli {
namespace {

Options plan_command_options() {
    Options options("plan",
                    "What if sites open or close, and where new sites would help most. Prints\n"
                    "the figures before and after (cantons covered, distances or travel times,\n"
                    "population within the thresholds) and the communes whose nearest site\n"
                    "changes; --suggest K picks K new sites among candidate points.");
    declare_plan_options(options);
    options.epilog(
        "Objectives: p-median minimises the population-weighted mean cost (then the worst),\n"
        "p-center the worst cost of any origin (then the mean), max-coverage maximises the\n"
        "population within --within-km, or --within-min by road (then the mean).\n"
        "Costs are crow-fly geodesic distances, or with --roads travel times (--by distance:\n"
        "road distances). Population weights come from --population (default: the INSEE file\n"
        "of the data directory); without it every origin weighs 1. The search is greedy, then\n"
        "swaps one site for another while that improves the objective (a local optimum); for\n"
        "K <= 2 the exact optimum is also computed when small enough, to show the gap. Ties go\n"
        "to the candidate listed first (candidates sorted by code). Then the answer is\n"
        "certified (COIN-OR CBC): the proven optimum, or after --time-limit seconds the best\n"
        "answer found with its proven gap. --objective cover gives the fewest new sites that\n"
        "bring every origin within --within-km (or --within-min by road).\n\n"
        "Examples:\n"
        "  sitecover plan --remove 1271\n"
        "  sitecover plan --add \"Lupiac@0.18,43.68\" --add-commune 32271\n"
        "  sitecover plan --suggest 2 --objective p-center\n"
        "  sitecover plan --objective cover --within-km 10\n"
        "  sitecover plan --suggest 1 --objective max-coverage --within-min 15 --roads "
        "../shared/geodata/france/roads-major-travelmapping-2026-08.geojson\n");
    return options;
}

// The what-if, the suggestion on top of it, and both scenarios measured.
PlanRun compute_plan(const PlanOptions& plan, const PlanInputs& in) {
    PlanRun run;
    WhatIf what_if = plan_what_if(plan, in);
    run.final_sites = what_if.after;
    run.changes = std::move(what_if.changes);
    if (plan.suggest_k > 0 || plan.cover) {
        run.suggestion = plan_suggestion(plan, in, what_if.after);
        for (const SiteChange& c : run.suggestion->changes) {
            run.final_sites.push_back(c.site);
            run.changes.push_back(c);
        }
    }
    run.before = evaluate_scenario(in.world, in.site_set.sites);
    run.after = evaluate_scenario(in.world, run.final_sites);
    const double within_s = plan.roads ? plan.roads->within_s : 1800.0;
    run.figures_before = scenario_figures(in.world, run.before, plan.within_m, within_s);
    run.figures_after = scenario_figures(in.world, run.after, plan.within_m, within_s);
    // Takeovers of the added sites (crow-fly, or by road with --roads).
    count_served_origins(in.world, run.after, run.final_sites, in.roads != nullptr, run.changes);
    return run;
}

}  // namespace

int run_plan(const std::vector<std::string>& args) {
    Options options = plan_command_options();
    if (!options.parse(args)) return kOk;
    const PlanOptions plan = parse_plan_options(options);
    std::ostream& out = summary_stream(options, plan.output_path == "-");
    PlanWriters writers = open_plan_writers(plan);  // a bad path fails before the work
    const PlanInputs inputs = load_plan_inputs(options, plan);
    const PlanRun run = compute_plan(plan, inputs);
    print_plan_summary(out, plan, inputs, run);
    write_plan_tables(writers, out, plan, inputs, run);
    return kOk;
}

}  // namespace sitecover::cli
