// `sitecover plan`: what-if scenarios (open here, close there) and suggested locations for new
// sites, crow-fly or by road, with before / after figures. Parse into the library's request,
// call report::run_plan (the call Python makes too), print.

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "plan_options.hpp"
#include "plan_summary.hpp"
#include "progress.hpp"
#include "sitecover/site_filter.hpp"

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

// run_plan, its errors in the command line's words.
report::PlanOutcome run(const PlanOptions& plan) {
    report::PlanJob job = plan.job;
    Progress progress("certified search steps", !plan.quiet);
    std::size_t steps = 0;
    job.progress = [&](const SolveProgressEvent&) { progress.update(++steps); };
    try {
        return report::run_plan(std::move(job), warning_sink());
    } catch (const UnknownSiteTypeError& e) {
        throw site_types_error(e, plan.sites.source.path);
    }
}

}  // namespace

int run_plan(const std::vector<std::string>& args) {
    Options options = plan_command_options();
    if (!options.parse(args)) return kOk;
    const PlanOptions plan = parse_plan_options(options);
    std::ostream& out = summary_stream(options, plan.output_path == "-");
    const report::PlanOutcome outcome = run(plan);
    warn_undated(outcome.inputs.site_set);
    print_plan_summary(out, plan, outcome.inputs, outcome.run);
    print_plan_written(out, plan);
    return kOk;
}

}  // namespace sitecover::cli
