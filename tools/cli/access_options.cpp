#include "access_options.hpp"

#include "flag_spelling.hpp"
#include "road_report.hpp"
#include "run_files.hpp"

namespace sitecover::cli {
namespace {

// The road options that make sense for access (the cost's metric follows the catchment).
void declare_access_road_options(Options& options) {
    options.group("Travel by road");
    declare_road_network_options(
        options, "a point farther than this from any road takes no part (default 5000)", false);
}

}  // namespace

void declare_access_options(Options& options) {
    declare_data_options(options);
    declare_origin_options(options);
    declare_site_options(options);
    options.group("Accessibility (two-step floating catchment, 2SFCA / E2SFCA)");
    options.value("--catchment-km", "KM",
                  "catchment: crow-fly kilometres (road kilometres with --roads)");
    options.value("--catchment-min", "MIN", "catchment: minutes by road (needs --roads)");
    options.value("--decay", "RULE",
                  "distance decay: none (default), step:10=1,20=0.68,30=0.22 (weight 1 up to 10,\n"
                  "0.68 up to 20, 0.22 up to 30, in the catchment's unit) or gaussian");
    options.value("--capacity-field", "NAME", "site field holding its capacity (default: 1 each)");
    options.value("--population", "FILE",
                  "commune populations, code / population / anciens_codes (default: INSEE 2024)");
    options.value("--group-by", "RULE",
                  "per-group equity figures: 'dep' (département of INSEE codes) or 'prefix:N'");
    options.value("--threads", "N",
                  "threads (default: all cores); the output is the same for any N");
    declare_access_road_options(options);
    declare_output_options(options);
    options.value("--sites-output", "FILE",
                  "a table of the sites: site_id, site_name, capacity, demand, ratio");
    declare_quiet_option(options);
    options.epilog(
        "For each site, the ratio R = capacity / (population within the catchment, weighted by\n"
        "the decay); for each origin, access_index = 10,000 x the sum of the ratios of the\n"
        "sites within its catchment, weighted by the decay (capacity per 10,000 inhabitants).\n"
        "Columns: origin_code, origin_name, origin_lon, origin_lat, population, access_index,\n"
        "sites_reached. The summary gives the population-weighted Gini of the index, the Palma\n"
        "ratio (top 10 % / bottom 40 %) and, by road, the shares of the population within 20\n"
        "and 30 minutes of its nearest site.\n\n"
        "Examples:\n"
        "  sitecover access --catchment-km 19 -o access.csv\n"
        "  sitecover access --catchment-km 30 --decay step:10=1,20=0.68,30=0.22 -o access.gpkg\n"
        "  sitecover access --roads roads.geojson --catchment-min 30 --group-by dep -o a.csv\n");
}

AccessOptions read_access_options(const Options& options) {
    check_run_files(options);  // outputs distinct and none of them an input, before any work
    check_road_options_need_roads(options);
    AccessOptions o;
    report::AccessJob& job = o.job;
    if (options.has("--catchment-km"))
        job.catchment_km = options.number("--catchment-km", 0, 0, 2e4);
    if (options.has("--catchment-min"))
        job.catchment_min = options.number("--catchment-min", 0, 0, 1e4);
    job.decay = options.get("--decay");
    job.capacity_field = options.get("--capacity-field");
    if (options.has("--group-by")) {
        o.group_by_text = options.get("--group-by");
        job.group_by = group_rule(o.group_by_text);
    }
    job.study.threads = static_cast<unsigned>(options.integer("--threads", 0, 0, 256));
    if (options.has("--roads")) job.study.roads = road_options(options);
    if (options.has("--population")) job.study.population = options.get("--population");
    job.study.data_dir = options.get("--data");
    o.output = read_output_options(options);
    job.output = table_output(o.output);
    if (options.has("--sites-output")) {
        OutputOptions sites = o.output;
        sites.path = options.get("--sites-output");
        job.sites_output = table_output(sites);
        job.sites_output.format.clear();  // from its own extension
    }
    try {
        report::check_access_job(job);
    } catch (const ArgumentError& e) {
        throw UsageError(cli_text(e));
    }
    job.study.origins = origin_layer(options);
    job.study.sites = site_set_options(options);  // last: it looks for the data directory
    return o;
}

}  // namespace sitecover::cli
