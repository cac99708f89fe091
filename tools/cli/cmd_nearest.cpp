// `sitecover nearest`: the nearest site(s) of every origin, with exact WGS84 distances.

#include <cstdint>
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "flag_spelling.hpp"
#include "inputs.hpp"
#include "nearest_options.hpp"
#include "nearest_summary.hpp"
#include "progress.hpp"
#include "road_report.hpp"
#include "sitecover/error.hpp"
#include "sitecover/report/nearest_job.hpp"
#include "sitecover/site_filter.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

// The library's request for the parsed options.
NearestJob nearest_job(const NearestOptions& o) {
    NearestJob job;
    job.study.sites = o.sites;
    if (o.roads) job.study.roads = *o.roads;
    job.study.within_km = o.within_km;
    job.study.within_min = o.within_min;
    job.study.threads = o.threads;
    job.study.population = o.population;
    job.study.data_dir = o.data_dir;
    job.origins = o.origins;
    job.k = o.k;
    job.ranked = o.ranked;
    job.max_km = o.max_km;
    job.group_by = o.group_by;
    job.karney = o.karney;
    job.output = table_output(o.output);
    return job;
}

// run_nearest, its errors in the command line's words.
NearestOutcome run(const NearestJob& job, Progress& progress) {
    NearestHooks hooks;
    hooks.warn = warning_sink();
    hooks.progress = [&](std::size_t origins, std::uint64_t read, std::uint64_t total) {
        progress.update(origins, read, total);
    };
    if (job.origins.csv.skip_bad && !reads_plain_point_csv(job.origins))
        throw UsageError("option '--skip-bad' applies to a plain CSV of points (id,lon,lat) only");
    try {
        return report::run_nearest(job, hooks);
    } catch (const UnknownSiteTypeError& e) {
        throw site_types_error(e, job.study.sites.source.path);
    } catch (const SitesOffRoadError& e) {
        throw sites_off_road_error(e);
    }
}

}  // namespace

int run_nearest(const std::vector<std::string>& args) {
    Options options("nearest",
                    "The nearest site of every origin (commune, point), with exact WGS84\n"
                    "ellipsoidal distances. One row per origin, or --k rows.");
    declare_nearest_options(options);
    if (!options.parse(args)) return kOk;
    const NearestOptions o = read_nearest_options(options);  // every check, before any read
    Progress progress("nearest", !o.output.quiet);
    const NearestOutcome outcome = run(nearest_job(o), progress);
    warn_undated(outcome.site_set);
    progress.finish();

    std::ostream& out = summary_stream(o.output);
    out << "origins: " << outcome.figures->origins() << " from " << outcome.origins_path << "\n";
    out << "sites: " << outcome.sites->sites().size() << " searched (from " << outcome.site_set.path
        << ")\n";
    print_nearest_summary(out, *outcome.figures, o.max_km_given);
    if (outcome.road_figures)
        print_road_summary(out, *outcome.road_figures, *outcome.roads, outcome.sites->sites());
    if (!o.output.to_stdout()) out << "wrote " << o.output.path << "\n";
    return kOk;
}

}  // namespace sitecover::cli
