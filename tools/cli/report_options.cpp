#include "report_options.hpp"

#include <filesystem>
#include <utility>
#include <vector>

#include "inputs.hpp"
#include "road_report.hpp"
#include "run_files.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

void declare_map_context_options(Options& options) {
    options.value("--context", "FILE|none",
                  "polygons drawn in grey around the areas, dissolved by the first 2 characters "
                  "of their code (default: the data directory's national cantons, i.e. the "
                  "neighbouring départements)");
    options.value("--map-roads", "FILE|none",
                  "roads drawn on the map (default: --roads, else the data directory's road "
                  "file); classes motorway, trunk and primary");
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
    options.value("--footer", "TEXT", "a line at the foot of the map and the page");
    options.value("--logo", "FILE",
                  "a PNG or SVG logo at the top left of the map and the page (an SVG logo: "
                  "with an .svg map or none)");
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
void parse_documents(const Options& options, ReportJob& r) {
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
    r.study.fragile_m = options.number("--fragile-m", 500.0, 0.0, 1e7);
}

// The three outputs; with none named, all three under their default names. Distinct, and none
// of them an input.
void parse_outputs(const Options& options, ReportJob& r) {
    r.outputs.gpkg_path = options.get("--output");
    r.outputs.map_path = options.get("--map");
    r.outputs.html_path = options.get("--html");
    if (!options.has("--output") && !options.has("--map") && !options.has("--html"))
        default_report_outputs(r.outputs);
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

ReportJob parse_report_options(const Options& options) {
    ReportJob r;
    r.outputs.t_srs = target_srs(options);
    check_road_options_need_roads(options);
    r.outputs.map_width_px = static_cast<int>(options.integer("--map-width", 1600, 200, 20000));
    r.outputs.map_height_px = static_cast<int>(options.integer("--map-height", 1200, 150, 20000));
    origin_rule(options);  // a bad rule is a usage error, before any output is staged
    parse_documents(options, r);
    parse_outputs(options, r);
    if (options.has("--place")) r.place = options.get("--place");
    r.noun = options.get("--noun", "cantons");
    r.footer = options.get("--footer");
    r.logo = options.get("--logo");
    check_report_job(r);  // texts, map and logo formats: usage errors, before any file is read
    StudyRequest& study = r.study;
    study.within_km = options.number("--within-km", 19.0, 0.0, 1e5);
    study.within_min = options.number("--within-min", 30.0, 0.0, 1e6);
    if (options.has("--scenario")) study.scenario = options.get("--scenario");
    if (options.has("--roads")) study.roads = road_options(options);
    // The inputs as given; those left out are the library's defaults (resolved below).
    study.sites = site_set_options(options, false);
    study.areas = area_request(options, false);
    study.origins = origin_layer(options, false);
    if (options.has("--population")) study.population = options.get("--population");
    study.data_dir = options.get("--data");
    if (options.has("--context")) r.map.context = options.get("--context");
    if (options.has("--map-roads")) r.map.map_roads = options.get("--map-roads");
    // The defaults, resolved here so that a missing data directory is said with the flags.
    resolve_report_defaults(r, kDataDirHint);
    if (!r.outputs.map_path.empty() || !r.outputs.html_path.empty())
        resolve_map_context(r.map, study.roads, study.data_dir, kDataDirHint);
    return r;
}

}  // namespace sitecover::cli
