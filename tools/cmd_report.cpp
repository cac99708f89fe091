// `sitecover report`: the planner's outputs in one run: a QGIS-ready GeoPackage, a static map
// (PNG, SVG or PDF) and a one-page HTML summary, all written or none.

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>
#include <unordered_map>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "html_report.hpp"
#include "inputs.hpp"
#include "map_context.hpp"
#include "map_render.hpp"
#include "map_scene.hpp"
#include "origin_population.hpp"
#include "plan_scenario.hpp"
#include "report_format.hpp"
#include "report_geopackage.hpp"
#include "report_lang.hpp"
#include "report_model.hpp"
#include "report_text.hpp"
#include "road_report.hpp"
#include "run_files.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "data_dir.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/staged_file.hpp"
#include "sitecover/site_index.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultGpkg = "sitecover-report.gpkg";
constexpr const char* kDefaultMap = "sitecover-report.png";
constexpr const char* kDefaultHtml = "sitecover-report.html";
constexpr int kHtmlMapWidth_px = 1200;
constexpr int kHtmlMapHeight_px = 900;

// Which outputs to write; with none named, all three under their default names.
struct Targets {
    std::optional<geodata::StagedFile> gpkg, map, html;
    MapFormat map_format = MapFormat::Png;
};

Targets stage_targets(const Options& options) {
    const bool overwrite = options.has("--overwrite");
    const bool any = options.has("--output") || options.has("--map") || options.has("--html");
    Targets t;
    const std::string gpkg = options.get("--output", any ? "" : kDefaultGpkg);
    const std::string map = options.get("--map", any ? "" : kDefaultMap);
    const std::string html = options.get("--html", any ? "" : kDefaultHtml);
    // Before staging: the three names distinct, none of them an input.
    std::vector<NamedFile> outputs;
    for (const auto& [option, name] : {std::pair<std::string, std::string>{"--output", gpkg},
                                       {"--map", map},
                                       {"--html", html}}) {
        if (name.empty()) continue;
        outputs.push_back({options.has(option) ? option : option + " (default)", name});
    }
    check_run_files(outputs, input_files(options));
    if (!gpkg.empty()) {
        std::string ext = fs::path(gpkg).extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (ext != ".gpkg")
            throw OutputError("output '" + gpkg + "': the report is a GeoPackage: name it .gpkg");
        t.gpkg.emplace(gpkg, overwrite);
    }
    if (!map.empty()) {
        const auto format = map_format_for_path(map);
        if (!format)
            throw OutputError("map '" + map + "': unknown format; use a .png, .svg or .pdf name");
        t.map_format = *format;
        t.map.emplace(map, overwrite);
    }
    if (!html.empty()) t.html.emplace(html, overwrite);
    return t;
}

// The credits of the map and the page, in the documents' language.
std::vector<std::string> report_sources(const Options& options, const ReportModel& model,
                                        std::size_t map_roads) {
    const ReportText& text = report_text(model.lang);
    const ReportParameters& p = model.parameters;
    // The files read are listed with the parameters; the credits name their producers.
    std::vector<std::string> sources;
    if (!options.has("--areas") && !options.has("--from") && !options.has("--sites")) {
        sources.push_back(fill(text.source_default, {format_date(p.sites_date, model.lang)}));
    }
    // Roads drawn or routed from the Travel Mapping file (the default one, or named).
    const std::string drawn = options.get("--map-roads", p.with_roads ? p.roads_file : "");
    if ((map_roads > 0 && drawn.empty()) || drawn.find("travelmapping") != std::string::npos ||
        p.roads_file.find("travelmapping") != std::string::npos)
        sources.push_back(text.source_roads_default);
    return sources;
}

// The covered areas whose best site is within --fragile-m of their boundary, as `coverage`
// prints them.
void print_fragile(std::ostream& out, const ReportModel& model) {
    std::vector<std::string> names;
    for (const ReportArea& a : model.area_rows) {
        if (!model.fragile(a)) continue;
        const Area& area = model.areas->areas()[a.area];
        names.push_back(area.name + " (" + area.code + "): " + format_fixed(*a.margin_m, 0) + " m");
    }
    out << "fragile (best site less than " << format_fixed(model.fragile_m, 0)
        << " m from the boundary): " << names.size();
    if (!names.empty()) out << ": " << first_items(names);
    out << "\n";
}

std::string default_place(const Options& options, const std::vector<Area>& areas) {
    if (options.has("--place")) return options.get("--place");
    if (!options.has("--areas")) return "Gers (32)";
    std::string prefix = areas.front().code.substr(0, 2);
    for (const Area& a : areas) {
        if (a.code.compare(0, 2, prefix) != 0) return "Study area";
    }
    return "Département " + prefix;
}

// An error message that names the output as given instead of its staged name.
std::string naming_target(std::string message, const geodata::StagedFile& staged) {
    const std::string& staged_name = staged.temporary();
    for (std::size_t at; (at = message.find(staged_name)) != std::string::npos;)
        message.replace(at, staged_name.size(), staged.target());
    return message;
}

// The language and page of the documents, checked before any file is read.
struct DocumentOptions {
    Lang lang = Lang::En;
    MapRenderOptions render;
};

DocumentOptions document_options(const Options& options) {
    DocumentOptions d;
    d.lang = lang_from_environment();
    if (options.has("--lang")) {
        const auto lang = parse_lang(options.get("--lang"));
        if (!lang)
            throw UsageError("option '--lang': '" + options.get("--lang") + "' is not fr or en");
        d.lang = *lang;
    }
    if (options.has("--page")) {
        d.render.page = parse_page(options.get("--page"));
        if (!d.render.page) {
            throw UsageError("option '--page': '" + options.get("--page") +
                             "' is not A4 or A3, optionally -landscape or -portrait");
        }
        const auto format = map_format_for_path(options.get("--map"));
        if (!options.has("--map") || format == MapFormat::Png) {
            throw UsageError("option '--page' prints the map: name a .pdf or .svg --map");
        }
    }
    (void)options.number("--fragile-m", 500.0, 0.0, 1e7);
    return d;
}

}  // namespace

int run_report(const std::vector<std::string>& args) {
    Options options("report",
                    "The planner's outputs in one run: a GeoPackage ready for QGIS (layers sites,\n"
                    "areas, origins, links, with default styles), a map (PNG, SVG or PDF, in\n"
                    "Lambert-93) and a self-contained HTML page. With no output named, writes\n"
                    "sitecover-report.gpkg, .png and .html in the current directory.");
    declare_data_options(options);
    declare_area_options(options);
    declare_origin_options(options);
    declare_site_options(options);
    declare_road_options(options);
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
    options.epilog(
        "Layers: sites (inside the areas: id, name, type, labelled_on, area), areas (site_count,\n"
        "covered, margin_m, worst commune by distance and time), origins (nearest site crow-fly\n"
        "and by road, distance_m, travel_time_s, population), links (origin -> nearest site).\n"
        "Outputs are written under temporary names and renamed only when all succeeded.\n\n"
        "Examples:\n"
        "  sitecover report\n"
        "  sitecover report -o gers.gpkg --map gers.pdf --html gers.html --overwrite\n"
        "  sitecover plan --suggest 2 --sites-output plan.gpkg && sitecover report --scenario "
        "plan.gpkg\n"
        "  sitecover report --roads "
        "../shared/geodata/france/roads-major-travelmapping-2026-08.geojson\n");
    if (!options.parse(args)) return kOk;
    const std::string srs = target_srs(options);  // checked before any file is read
    check_road_options_need_roads(options);
    const int map_width_px = static_cast<int>(options.integer("--map-width", 1600, 200, 20000));
    const int map_height_px = static_cast<int>(options.integer("--map-height", 1200, 150, 20000));
    origin_rule(options);  // a bad rule is a usage error, before any output is staged
    const DocumentOptions document = document_options(options);
    Targets targets = stage_targets(options);  // output errors before any long work

    // Inputs.
    std::string areas_path;
    CoverageIndex area_index(load_area_set(options, areas_path));
    LoadedSiteSet site_set = load_site_set(options);
    std::optional<ScenarioApplied> scenario;
    if (options.has("--scenario"))
        scenario = apply_scenario_file(options.get("--scenario"), site_set.sites);
    if (site_set.sites.empty()) {
        throw InputError("no site in " + site_set.path +
                         (site_set.read > 0 ? " after the filters" : ""));
    }
    const SiteIndex site_index(std::move(site_set.sites));
    const std::vector<Site>& sites = site_index.sites();
    const OriginLayer origin_input = origin_layer(options);
    const std::string& origins_path = origin_input.source.path;
    const std::vector<geodata::Origin> origins = load_origin_set(origin_input);
    // The origins' outlines, to shade them; a point layer has none.
    std::vector<Area> origin_polygons;
    try {
        origin_polygons = geodata::load_areas(origin_input.source,
                                              {origin_input.fields.code, origin_input.fields.name});
    } catch (const InputError&) {
        origin_polygons.clear();
    }
    std::unordered_map<std::string, const Area*> polygon_of_code;
    for (const Area& a : origin_polygons) polygon_of_code.emplace(a.code, &a);
    std::unique_ptr<RoadReport> roads;
    if (options.has("--roads")) roads = std::make_unique<RoadReport>(options, sites, true);

    // Figures.
    ReportModel model;
    model.areas = &area_index;
    model.sites = &sites;
    model.with_roads = roads != nullptr;
    model.lang = document.lang;
    model.shade_classes = default_shade_classes(model.with_roads, model.lang);
    model.fragile_m = options.number("--fragile-m", 500.0, 0.0, 1e7);
    model.noun = options.get("--noun", "cantons");
    model.within_m = options.number("--within-km", 19.0, 0.0, 1e5) * 1000.0;
    model.within_s = options.number("--within-min", 30.0, 0.0, 1e6) * 60.0;
    model.place = default_place(options, area_index.areas());
    const std::vector<AreaCoverage> coverage =
        compute_coverage(area_index, sites, Boundary::Included);
    std::vector<std::optional<std::size_t>> area_of_site(sites.size());
    for (const AreaCoverage& cov : coverage) {
        ReportArea row;
        row.area = cov.area;
        row.sites = cov.sites;
        row.margin_m = cov.margin_m;
        row.label_point = point_on_surface(area_index.areas()[cov.area]);
        for (const std::size_t s : cov.sites) {
            if (!area_of_site[s]) area_of_site[s] = model.area_rows.size();
        }
        model.area_rows.push_back(std::move(row));
    }
    std::vector<std::size_t> inside;
    for (std::size_t s = 0; s < sites.size(); ++s) {
        if (area_of_site[s]) inside.push_back(s);
    }
    std::sort(inside.begin(), inside.end(),
              [&](std::size_t a, std::size_t b) { return site_id_less(sites[a].id, sites[b].id); });
    for (const std::size_t s : inside) {
        model.sites_inside.push_back(s);
        model.area_of_site_inside.push_back(*area_of_site[s]);
    }
    std::vector<geodata::Value> ignored;
    for (const geodata::Origin& origin : origins) {
        ReportOrigin o;
        o.code = origin.code;
        o.name = origin.name;
        o.position = origin.position;
        if (const auto it = polygon_of_code.find(origin.code); it != polygon_of_code.end())
            o.polygon = it->second;
        const std::vector<std::size_t> containing = area_index.areas_containing(origin.position);
        if (!containing.empty()) o.area = containing.front();
        if (const auto hit = site_index.nearest(origin.position)) {
            o.site = hit->site;
            o.distance_m = hit->distance_m;
        }
        if (roads) {
            ignored.clear();
            const RoadAnswer answer =
                roads->add_origin(origin, o.site ? &sites[*o.site] : nullptr, ignored);
            if (answer.reached) {
                o.road_site = answer.site;
                o.road_distance_m = answer.distance_m;
                o.travel_time_s = answer.time_s;
            }
        }
        model.origins.push_back(std::move(o));
    }
    // Origins drawn as polygons only when every one has its polygon.
    if (std::any_of(model.origins.begin(), model.origins.end(),
                    [](const ReportOrigin& o) { return o.polygon == nullptr; })) {
        for (ReportOrigin& o : model.origins) o.polygon = nullptr;
    }
    for (std::size_t i = 0; i < model.origins.size(); ++i) {
        const ReportOrigin& o = model.origins[i];
        if (!o.area) continue;
        ReportArea& a = model.area_rows[*o.area];
        ++a.origins;
        if (o.site && (!a.worst_distance_origin ||
                       o.distance_m > model.origins[*a.worst_distance_origin].distance_m)) {
            a.worst_distance_origin = i;
        }
        if (o.road_site && (!a.worst_time_origin ||
                            o.travel_time_s > model.origins[*a.worst_time_origin].travel_time_s)) {
            a.worst_time_origin = i;
        }
    }
    std::string population_path;
    if (const auto table = load_population_option(options, population_path)) {
        std::vector<std::string> codes;
        for (const ReportOrigin& o : model.origins) codes.push_back(o.code);
        const auto shares = population_shares(*table, codes);
        for (std::size_t i = 0; i < shares.size(); ++i) model.origins[i].population = shares[i];
    }
    model.parameters = report_parameters(options, site_set.path, areas_path, origins_path,
                                         population_path, roads != nullptr);
    std::optional<MapContext> context;
    if (targets.map || targets.html) context = load_map_context(options, model);
    model.sources = report_sources(options, model, context ? context->roads.size() : 0);

    // Outputs, all to temporary names first.
    std::optional<MapLayout> layout;
    if (targets.gpkg)
        write_report_geopackage(model, targets.gpkg->temporary(), targets.gpkg->target(), srs);
    std::optional<MapScene> scene;
    if (targets.map || targets.html) scene = build_map_scene(model, *context);
    if (targets.map) {
        try {
            layout = render_map_file(*scene, targets.map->temporary(), targets.map_format,
                                     map_width_px, map_height_px, document.render);
        } catch (const OutputError& e) {
            throw OutputError(naming_target(e.what(), *targets.map));
        }
    }
    if (targets.html) {
        write_text_file(
            targets.html->temporary(),
            html_report(model, render_map_png(*scene, kHtmlMapWidth_px, kHtmlMapHeight_px)),
            targets.html->target());
    }
    for (auto* staged : {&targets.gpkg, &targets.map, &targets.html}) {
        if (*staged) (*staged)->commit();
    }

    std::ostream& out = summary_stream(options, false);
    out << "areas: " << area_index.areas().size() << " " << model.noun << " from " << areas_path
        << "\n";
    out << "sites: " << site_set.read << " read from " << site_set.path;
    if (scenario) {
        out << "; scenario " << options.get("--scenario") << ": " << scenario->removed
            << " removed, " << scenario->added << " added";
    }
    if (sites.size() != site_set.read)
        out << ", " << sites.size() << (scenario ? " in the scenario" : " kept by the filters");
    out << ", " << model.sites_inside.size() << " inside the " << model.noun << "\n";
    out << "origins: " << model.origins.size() << " from " << origins_path << "\n";
    out << model.title(Lang::En) << "\n";
    print_fragile(out, model);
    std::vector<double> distances_m;
    for (const ReportOrigin& o : model.origins) {
        if (o.site) distances_m.push_back(o.distance_m);
    }
    const Summary d = summarize(distances_m);
    out << "crow-fly distance: max " << format_km(d.max) << ", mean " << format_km(d.mean)
        << ", median " << format_km(d.median) << "\n";
    if (roads) roads->print_summary(out);
    if (targets.gpkg)
        out << "wrote " << targets.gpkg->target()
            << " (layers sites, areas, origins, links; table run)\n";
    if (targets.map) {
        out << "wrote " << targets.map->target() << " (";
        if (document.render.page) {
            out << document.render.page->name
                << ", scale 1:" << format_fixed(layout->scale_denominator, 0);
        } else {
            out << map_width_px << "x" << map_height_px << ", "
                << format_fixed(layout->metres_per_px, 1) << " m per pixel";
        }
        out << "; scale bar " << layout->scale_bar_km
            << " km = " << format_fixed(layout->scale_bar_px, 1) << " px";
        if (layout->labels_dropped > 0)
            out << "; " << layout->labels_dropped << " label(s) left out for lack of room";
        out << ")\n";
    }
    if (targets.html) out << "wrote " << targets.html->target() << "\n";
    return kOk;
}

}  // namespace sitecover::cli
