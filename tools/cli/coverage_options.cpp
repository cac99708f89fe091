#include "coverage_options.hpp"

#include "run_files.hpp"

namespace sitecover::cli {

void declare_coverage_options(Options& options) {
    declare_data_options(options);
    declare_area_options(options);
    declare_site_options(options);
    options.group("Coverage");
    options.value("--boundary", "RULE",
                  "a site exactly on a boundary: 'included' (default: it covers every area it "
                  "touches) or 'excluded' (strictly inside only)");
    options.value("--fragile-m", "METRES",
                  "flag areas whose best site is closer than this to the boundary (default 500)");
    options.value("--noun", "WORD", "what the areas are called in the summary (default: cantons)");
    options.value("--group-by", "RULE",
                  "per-group summary: 'dep' (département of INSEE-style codes) or 'prefix:N'");
    options.flag("--fail-uncovered", "exit with status 1 when an area holds no site");
    declare_output_options(options);
    declare_quiet_option(options);
    options.epilog(
        "Columns: area_code, area_name, site_count, site_ids (';'-separated, by id), covered,\n"
        "margin_m (distance from the best-placed site to the boundary, metres).\n"
        "The summary goes to stdout, or to stderr when the table itself goes to stdout.\n\n"
        "Examples:\n"
        "  sitecover coverage -o coverage.csv\n"
        "  sitecover coverage --as-of 2022-04-20 --site-types Principal\n"
        "  sitecover coverage --areas cantons.gpkg --sites sites.geojson --fail-uncovered\n");
}

CoverageOptions read_coverage_options(const Options& options) {
    check_run_files(options);  // outputs distinct and none of them an input, before any work
    CoverageOptions o;
    const std::string boundary = options.get("--boundary", "included");
    if (boundary != "included" && boundary != "excluded") {
        throw UsageError("option '--boundary': '" + boundary + "' is not 'included' or 'excluded'");
    }
    o.boundary = boundary == "included" ? Boundary::Included : Boundary::Excluded;
    o.fragile_m = options.number("--fragile-m", 500.0, 0.0, kMaxFragileM);
    o.noun = options.get("--noun", "cantons");
    if (options.has("--group-by")) {
        o.group_by_text = options.get("--group-by");
        o.group_by = group_rule(o.group_by_text);
    }
    o.output = read_output_options(options);
    o.fail_uncovered = options.has("--fail-uncovered");
    o.sites = site_set_options(options);  // last: it looks for the data directory
    return o;
}

}  // namespace sitecover::cli
