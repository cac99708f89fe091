#include "plan_options.hpp"

#include <cmath>
#include <cstdlib>

#include "inputs.hpp"
#include "run_files.hpp"
#include "sitecover/batch_query.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover::cli {
namespace {

constexpr std::uint64_t kDefaultExhaustiveLimit = 2'000'000;

std::string trim(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

bool parse_number(const std::string& text, double& value) {
    const std::string t = trim(text);
    if (t.empty()) return false;
    char* end = nullptr;
    value = std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size() && std::isfinite(value);
}

// "Name@lon,lat" -> a site; UsageError saying what is wrong.
Site parse_added_site(const std::string& text) {
    const std::string example = " (e.g. --add \"Lupiac@0.18,43.68\")";
    const auto at = text.rfind('@');
    if (at == std::string::npos) {
        throw UsageError("option '--add': '" + text + "' is not NAME@LON,LAT" + example);
    }
    Site site;
    site.name = trim(text.substr(0, at));
    if (site.name.empty()) {
        throw UsageError("option '--add': '" + text + "' has no name before '@'" + example);
    }
    const std::string coords = text.substr(at + 1);
    const auto comma = coords.find(',');
    double lon = 0.0, lat = 0.0;
    if (comma == std::string::npos || !parse_number(coords.substr(0, comma), lon) ||
        !parse_number(coords.substr(comma + 1), lat)) {
        throw UsageError("option '--add': '" + coords + "' is not LON,LAT in degrees" + example);
    }
    site.position = {lon, lat};
    if (!is_valid(site.position)) {
        throw UsageError("option '--add': " + to_string(site.position) +
                         " is out of range (longitude -180..180, latitude -90..90, in that order)");
    }
    return site;
}

Objective parse_objective(const std::string& text) {
    if (text == "p-center") return Objective::PCenter;
    if (text == "p-median") return Objective::PMedian;
    if (text == "max-coverage") return Objective::MaxCoverage;
    if (text == "cover") return Objective::Cover;
    throw UsageError("option '--objective': '" + text +
                     "' is not p-center, p-median, max-coverage or cover");
}

void declare_what_if_and_suggest(Options& options) {
    options.group("What if");
    options.repeated("--add", "NAME@LON,LAT", "open a site there (repeatable)");
    options.repeated("--add-commune", "CODE",
                     "open a site at an origin's point, by its code (repeatable)");
    options.repeated("--remove", "SITE_ID", "close a site (repeatable)");
    options.group("Suggest new sites");
    options.value("--suggest", "K", "choose K new sites (the sites of the scenario stay)");
    options.value("--objective", "NAME",
                  "p-median (smallest weighted mean; default), p-center, max-coverage, or cover "
                  "(the fewest new sites bringing everyone within --within-km / --within-min; "
                  "no --suggest)");
    options.value("--candidates", "FILE",
                  "candidate points (point or polygon layer; default: every origin's point)");
    options.value("--candidates-code-field", "NAME", "candidate code field (default: code)");
    options.value("--candidates-name-field", "NAME", "candidate name field (default: nom)");
    options.value("--within-km", "KM",
                  "distance threshold of the figures and of max-coverage (default 19)");
    options.value("--exhaustive-limit", "N",
                  "K <= 2: exact optimum too when at most N sets (default 2000000; 0: never)");
    options.flag("--cover-areas",
                 "each area left without a site gets one of the K new sites first");
    options.value("--time-limit", "S",
                  "seconds for proving the answer optimal (default 60); when they run out, the "
                  "best answer found and its proven gap");
    options.value("--threads", "N", "threads for the road cost table (0 or default: all cores)");
}

void declare_plan_outputs(Options& options) {
    options.group("Output");
    options.value("--output", "FILE",
                  "per-origin table before / after (.csv, .geojson, .gpkg...; '-': CSV on stdout)",
                  "-o");
    options.value("--format", "DRIVER", "GDAL driver name when the extension is not enough", "-f");
    options.value("--sites-output", "FILE",
                  "the sites added, removed and suggested, as points (.gpkg, .geojson, .csv...)");
    options.value("--noun", "WORD", "what the areas are called (default: cantons)");
    declare_t_srs_option(options);
    options.flag("--overwrite", "replace existing output files");
    declare_quiet_option(options);
}

// --objective cover takes no K (K is its answer); the others need --suggest K.
void parse_objective_options(const Options& options, PlanOptions& plan) {
    plan.objective_name = options.get("--objective", "p-median");
    plan.objective = parse_objective(plan.objective_name);
    plan.cover = plan.objective == Objective::Cover;
    if (plan.cover && options.has("--suggest")) {
        throw UsageError(
            "option '--suggest': --objective cover finds how many new sites are needed; give "
            "no --suggest K");
    }
    if (plan.cover && options.has("--exhaustive-limit"))
        throw UsageError("option '--exhaustive-limit' needs --suggest K (not with cover)");
    plan.time_limit_s = options.number("--time-limit", 60.0, 0.0, 1e7);
    if (!(plan.time_limit_s > 0.0)) {
        throw UsageError("option '--time-limit': must be more than 0 seconds, got " +
                         options.get("--time-limit"));
    }
}

void parse_suggest_options(const Options& options, PlanOptions& plan) {
    plan.suggest_k = static_cast<std::size_t>(options.integer("--suggest", 0, 0, 1000));
    const bool cover = options.get("--objective") == "cover";
    for (const char* suggest_only :
         {"--objective", "--candidates", "--candidates-code-field", "--candidates-name-field",
          "--exhaustive-limit", "--cover-areas", "--time-limit"}) {
        if (options.has(suggest_only) && !options.has("--suggest") && !cover)
            throw UsageError(std::string("option '") + suggest_only + "' needs --suggest K");
    }
    parse_objective_options(options, plan);
    plan.within_m = options.number("--within-km", 19.0, 0.0, 1e5) * 1000.0;
    plan.exhaustive_limit = static_cast<std::uint64_t>(
        options.integer("--exhaustive-limit", static_cast<long long>(kDefaultExhaustiveLimit), 0,
                        1'000'000'000'000));
    // 0 (the default) stands for all cores.
    plan.threads =
        resolve_thread_count(static_cast<unsigned>(options.integer("--threads", 0, 0, 256)));
    if (options.has("--candidates")) plan.candidates_path = options.get("--candidates");
    plan.candidate_fields.code = options.get("--candidates-code-field", plan.candidate_fields.code);
    plan.candidate_fields.name = options.get("--candidates-name-field", plan.candidate_fields.name);
    plan.cover_areas = options.has("--cover-areas");
}

// The library's request: the inputs (the defaults resolved with the command line's words), the
// what-if, the suggestion and the tables.
report::PlanJob plan_job(const Options& options, const PlanOptions& plan) {
    report::PlanJob job;
    report::StudyRequest& study = job.study;
    study.areas = area_request(options);
    study.sites = plan.sites;
    study.origins = origin_layer(options);
    if (options.has("--population")) study.population = options.get("--population");
    study.data_dir = options.get("--data");
    if (plan.roads) study.roads = *plan.roads;
    study.within_km = plan.within_m / 1000.0;
    study.within_min = options.number("--within-min", 30.0, 0.0, 1e6);
    study.threads = plan.threads;
    job.remove = plan.remove_ids;
    job.add = plan.add_sites;
    job.add_commune = plan.add_codes;
    job.suggest = plan.suggest_k;
    job.objective = plan.objective;
    job.candidates = plan.candidates_path;
    job.candidate_fields = plan.candidate_fields;
    job.exhaustive_limit = plan.exhaustive_limit;
    job.cover_areas = plan.cover_areas;
    job.time_limit_s = plan.time_limit_s;
    const report::Lang lang = report::lang_from_environment();
    job.output = {plan.output_path, plan.output_format, plan.t_srs, plan.overwrite, lang};
    job.sites_output = {plan.sites_output_path, "", plan.t_srs, plan.overwrite, lang};
    return job;
}

}  // namespace

void declare_plan_options(Options& options) {
    declare_data_options(options);
    declare_area_options(options);
    declare_origin_options(options);
    declare_site_options(options);
    declare_what_if_and_suggest(options);
    declare_road_options(options);
    declare_plan_outputs(options);
}

PlanOptions parse_plan_options(const Options& options) {
    check_run_files(options);  // outputs distinct and none of them an input, before any work
    check_road_options_need_roads(options);
    PlanOptions plan;
    parse_suggest_options(options, plan);
    plan.remove_ids = options.all("--remove");
    plan.add_codes = options.all("--add-commune");
    if (options.all("--add").empty() && plan.add_codes.empty() && plan.remove_ids.empty() &&
        plan.suggest_k == 0 && !plan.cover) {
        throw UsageError(
            "nothing to plan: give --add, --add-commune, --remove or --suggest K (or --objective "
            "cover; see --help)");
    }
    for (const std::string& text : options.all("--add"))
        plan.add_sites.push_back(parse_added_site(text));
    plan.output_path = options.get("--output");
    plan.output_format = options.get("--format");
    plan.sites_output_path = options.get("--sites-output");
    plan.noun = options.get("--noun", "cantons");
    plan.t_srs = target_srs(options);
    plan.overwrite = options.has("--overwrite");
    plan.quiet = options.has("--quiet");
    if (options.has("--roads")) plan.roads = road_options(options);
    plan.sites = site_set_options(options);
    origin_rule(options);
    plan.job = plan_job(options, plan);
    return plan;
}

}  // namespace sitecover::cli
