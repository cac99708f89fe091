#include "report_options.hpp"

#include <filesystem>
#include <utility>
#include <vector>

#include "inputs.hpp"
#include "map_context.hpp"
#include "road_report.hpp"
#include "run_files.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

constexpr const char* kDefaultGpkg = "sitecover-report.gpkg";
constexpr const char* kDefaultMap = "sitecover-report.png";
constexpr const char* kDefaultHtml = "sitecover-report.html";

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

void declare_report_outputs(Options& options) {
    options.group("Report");
    options.value("--output", "FILE.gpkg", "the GeoPackage", "-o");
    options.value("--map", "FILE", "the map: .png, .svg or .pdf");
    options.value("--map-width", "PX", "map width in pixels (points for SVG / PDF; default 1600)");
    options.value("--map-height", "PX",
                  "map height in pixels (points for SVG / PDF; default 1200)");
    options.value("--html", "FILE", "the one-page HTML summary (map embedded)");
    options.value("--place", "NAME", "name in the title (default: Gers (32) on the default data)");
    options.value("--noun", "WORD", "what the areas are called (default: cantons)");
    options.value(
        "--within-km", "KM",
        "the page counts communes within this distance; the map's scale bar (default 19)");
    options.value("--fragile-m", "METRES",
                  "flag areas whose best site is closer than this to the boundary (default 500)");
    options.value("--lang", "fr|en",
                  "language of the map, page and GeoPackage (default: French when LC_ALL, "
                  "LC_MESSAGES or LANG starts with fr, else English)");
    options.value("--page", "A4|A3[-landscape|-portrait]",
                  "print the map (.pdf or .svg) on this page at a round scale 1:N written on it");
    declare_map_context_options(options);
    options.value("--scenario", "FILE",
                  "apply a plan's --sites-output: new sites drawn as stars, removed ones gone");
    declare_t_srs_option(options);
    options.flag("--overwrite", "replace existing output files");
    declare_quiet_option(options);
}

// The language and page of the documents.
void parse_documents(const Options& options, ReportOptions& r) {
    r.lang = lang_from_environment();
    if (options.has("--lang")) {
        const auto lang = parse_lang(options.get("--lang"));
        if (!lang)
            throw UsageError("option '--lang': '" + options.get("--lang") + "' is not fr or en");
        r.lang = *lang;
    }
    if (options.has("--page")) {
        r.outputs.render.page = parse_page(options.get("--page"));
        if (!r.outputs.render.page) {
            throw UsageError("option '--page': '" + options.get("--page") +
                             "' is not A4 or A3, optionally -landscape or -portrait");
        }
        const auto format = map_format_for_path(options.get("--map"));
        if (!options.has("--map") || format == MapFormat::Png) {
            throw UsageError("option '--page' prints the map: name a .pdf or .svg --map");
        }
    }
    r.fragile_m = options.number("--fragile-m", 500.0, 0.0, 1e7);
}

// The three outputs; with none named, all three under their default names. Distinct, and none
// of them an input.
void parse_outputs(const Options& options, ReportOptions& r) {
    const bool any = options.has("--output") || options.has("--map") || options.has("--html");
    r.outputs.gpkg_path = options.get("--output", any ? "" : kDefaultGpkg);
    r.outputs.map_path = options.get("--map", any ? "" : kDefaultMap);
    r.outputs.html_path = options.get("--html", any ? "" : kDefaultHtml);
    r.outputs.overwrite = options.has("--overwrite");
    std::vector<NamedFile> outputs;
    for (const auto& [option, name] :
         {std::pair<std::string, std::string>{"--output", r.outputs.gpkg_path},
          {"--map", r.outputs.map_path},
          {"--html", r.outputs.html_path}}) {
        if (name.empty()) continue;
        outputs.push_back({options.has(option) ? option : option + " (default)", name});
    }
    check_run_files(outputs, input_files(options));
}

}  // namespace

void declare_report_options(Options& options) {
    declare_data_options(options);
    declare_area_options(options);
    declare_origin_options(options);
    declare_site_options(options);
    declare_road_options(options);
    declare_report_outputs(options);
}

ReportOptions parse_report_options(const Options& options) {
    ReportOptions r;
    r.outputs.t_srs = target_srs(options);
    check_road_options_need_roads(options);
    r.outputs.map_width_px = static_cast<int>(options.integer("--map-width", 1600, 200, 20000));
    r.outputs.map_height_px = static_cast<int>(options.integer("--map-height", 1200, 150, 20000));
    origin_rule(options);  // a bad rule is a usage error, before any output is staged
    parse_documents(options, r);
    parse_outputs(options, r);
    if (options.has("--place")) r.place = options.get("--place");
    r.noun = options.get("--noun", "cantons");
    r.within_km = options.number("--within-km", 19.0, 0.0, 1e5);
    r.within_min = options.number("--within-min", 30.0, 0.0, 1e6);
    r.within_m = r.within_km * 1000.0;
    r.within_s = r.within_min * 60.0;
    if (options.has("--scenario")) r.scenario = options.get("--scenario");
    if (options.has("--roads")) r.roads = road_options(options);
    r.sites = site_set_options(options);
    r.map_context = read_map_context_options(options, r.roads);
    return r;
}

ReportParameters report_parameters(const Options& options, const ReportOptions& report,
                                   const std::string& sites_path, const std::string& areas_path,
                                   const std::string& origins_path,
                                   const std::string& population_path) {
    ReportParameters p;
    p.sites_file = file_name(sites_path);
    p.sites_date = file_date(sites_path);
    p.as_of = report.sites.filter.as_of_iso.value_or("");
    p.site_types = options.get("--site-types");  // as given
    p.sites_where = report.sites.source.where;
    p.areas_file = file_name(areas_path);
    p.areas_where = options.get("--areas-where");
    p.origins_file = file_name(origins_path);
    p.from_where = options.get("--from-where");
    p.population_file = population_path.empty() ? "" : file_name(population_path);
    p.scenario_file = report.scenario ? file_name(*report.scenario) : "";
    p.within_km = report.within_km;
    p.within_min = report.within_min;
    p.fragile_m = report.fragile_m;
    p.with_roads = report.roads.has_value();
    if (report.roads) {
        p.roads_file = file_name(report.roads->source.path);
        p.roads_where = report.roads->source.where;
        if (options.has("--profile")) p.road_profile = file_name(options.get("--profile"));
        if (options.has("--speeds"))
            p.road_profile += (p.road_profile.empty() ? "" : "; ") + options.get("--speeds");
        p.road_by = options.get("--by", "time");
    }
    p.run_date = run_date();
    p.version = SITECOVER_VERSION;
    return p;
}

}  // namespace sitecover::cli
