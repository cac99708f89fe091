// `sitecover report`: the planner's outputs in one run: a QGIS-ready GeoPackage, a static map
// (PNG, SVG or PDF) and a one-page HTML summary, all written or none. Parse, load, call the
// library (build_report_data), then write (write_report) and print.

#include <iostream>
#include <memory>
#include <optional>
#include <unordered_map>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "map_context.hpp"
#include "origin_population.hpp"
#include "report_options.hpp"
#include "road_report.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/site_changes.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/report/report_model.hpp"
#include "sitecover/report/report_text.hpp"
#include "sitecover/report/report_writer.hpp"
#include "sitecover/report_data.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

Options report_command_options() {
    Options options("report",
                    "The planner's outputs in one run: a GeoPackage ready for QGIS (layers sites,\n"
                    "areas, origins, links, with default styles), a map (PNG, SVG or PDF, in\n"
                    "Lambert-93) and a self-contained HTML page. With no output named, writes\n"
                    "sitecover-report.gpkg, .png and .html in the current directory.");
    declare_report_options(options);
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
    return options;
}

// A plan's --sites-output applied to the sites, its errors naming the file and row.
ChangesApplied apply_scenario(const std::string& path, std::vector<Site>& sites) {
    const std::vector<SiteChange> changes = geodata::load_site_changes(path);
    try {
        return apply_site_changes(sites, changes);
    } catch (const RequestFieldError& e) {
        const std::size_t row = *e.index();
        const Site& s = changes[row].site;
        const std::string where =
            "file '" + path + "', row " + std::to_string(row + 1) + " (site_id '" + s.id + "')";
        throw InputError(where + (changes[row].change == SiteChangeKind::Removed
                                      ? ": removes a site that is not among the sites"
                                      : ": adds a site id that is already taken"));
    }
}

// The inputs of a report, loaded once.
struct ReportInputs {
    std::string areas_path;
    std::unique_ptr<CoverageIndex> areas;
    LoadedSiteSet site_set;
    std::optional<ChangesApplied> scenario;
    std::unique_ptr<SiteIndex> sites;
    std::string origins_path;
    std::vector<geodata::Origin> origins;
    std::vector<Area> origin_polygons;  ///< empty for a point layer
    std::unique_ptr<RoadReport> roads;
    std::string population_path;
    std::vector<std::optional<double>> population;  ///< per origin (empty: no file)
};

ReportInputs load_report_inputs(const Options& options, const ReportOptions& report) {
    ReportInputs in;
    in.areas = std::make_unique<CoverageIndex>(load_area_set(options, in.areas_path));
    in.site_set = load_site_set(report.sites);
    if (report.scenario) in.scenario = apply_scenario(*report.scenario, in.site_set.sites);
    if (in.site_set.sites.empty()) {
        throw InputError("no site in " + in.site_set.path +
                         (in.site_set.read > 0 ? " after the filters" : ""));
    }
    in.sites = std::make_unique<SiteIndex>(std::move(in.site_set.sites));
    const OriginLayer origin_input = origin_layer(options);
    in.origins_path = origin_input.source.path;
    in.origins = load_origin_set(origin_input);
    // The origins' outlines, to shade them; a point layer has none.
    try {
        in.origin_polygons = geodata::load_areas(
            origin_input.source, {origin_input.fields.code, origin_input.fields.name});
    } catch (const InputError&) {
        in.origin_polygons.clear();
    }
    if (report.roads) {
        in.roads = std::make_unique<RoadReport>(options, *report.roads, report.within_m,
                                                in.sites->sites(), true);
    }
    if (const auto table = load_population_option(options, in.population_path)) {
        std::vector<std::string> codes;
        for (const geodata::Origin& o : in.origins) codes.push_back(o.code);
        in.population = geodata::population_shares(*table, codes);
    }
    return in;
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

// The library's data, then what the documents add (title, classes, language, parameters).
ReportModel build_model(const Options& options, const ReportOptions& report,
                        const ReportInputs& in) {
    std::unordered_map<std::string, const Area*> polygon_of_code;
    for (const Area& a : in.origin_polygons) polygon_of_code.emplace(a.code, &a);
    std::vector<ReportOriginInput> origins;
    for (std::size_t i = 0; i < in.origins.size(); ++i) {
        const geodata::Origin& o = in.origins[i];
        ReportOriginInput input;
        input.code = o.code;
        input.name = o.name;
        input.position = o.position;
        if (const auto it = polygon_of_code.find(o.code); it != polygon_of_code.end())
            input.polygon = it->second;
        if (!in.population.empty()) input.population = in.population[i];
        origins.push_back(std::move(input));
    }
    const ReportRequest request{report.within_m, report.within_s, report.fragile_m, 0};
    ReportModel model;
    static_cast<ReportData&>(model) = build_report_data(
        *in.areas, *in.sites, origins, in.roads ? &in.roads->nearest_by_road() : nullptr, request);
    model.lang = report.lang;
    model.shade_classes = default_shade_classes(model.with_roads, model.lang);
    model.noun = report.noun;
    model.place = default_place(options, in.areas->areas());
    model.parameters = report_parameters(options, report, in.site_set.path, in.areas_path,
                                         in.origins_path, in.population_path);
    return model;
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

// The road summary of `nearest --roads`, from the answers in the model.
void print_road_summary(std::ostream& out, const ReportInputs& in, const ReportModel& model) {
    std::vector<geodata::Value> ignored;
    for (std::size_t i = 0; i < model.origins.size(); ++i) {
        const ReportOrigin& o = model.origins[i];
        const Site* crow_fly = o.site ? &(*model.sites)[*o.site] : nullptr;
        ignored.clear();
        in.roads->record(in.origins[i], in.roads->answer_from(o.position, o.road, crow_fly),
                         ignored);
    }
    in.roads->print_summary(out);
}

void print_written(std::ostream& out, const ReportOptions& report, const StagedReport& staged,
                   const ReportWritten& written) {
    if (staged.gpkg)
        out << "wrote " << staged.gpkg->target()
            << " (layers sites, areas, origins, links; table run)\n";
    if (staged.map) {
        const MapLayout& layout = *written.layout;
        out << "wrote " << staged.map->target() << " (";
        if (report.outputs.render.page) {
            out << report.outputs.render.page->name
                << ", scale 1:" << format_fixed(layout.scale_denominator, 0);
        } else {
            out << report.outputs.map_width_px << "x" << report.outputs.map_height_px << ", "
                << format_fixed(layout.metres_per_px, 1) << " m per pixel";
        }
        out << "; scale bar " << layout.scale_bar_km
            << " km = " << format_fixed(layout.scale_bar_px, 1) << " px";
        if (layout.labels_dropped > 0)
            out << "; " << layout.labels_dropped << " label(s) left out for lack of room";
        out << ")\n";
    }
    if (staged.html) out << "wrote " << staged.html->target() << "\n";
}

void print_report_summary(std::ostream& out, const Options& options, const ReportInputs& in,
                          const ReportModel& model) {
    const std::size_t site_count = model.sites->size();
    out << "areas: " << in.areas->areas().size() << " " << model.noun << " from " << in.areas_path
        << "\n";
    out << "sites: " << in.site_set.read << " read from " << in.site_set.path;
    if (in.scenario) {
        out << "; scenario " << options.get("--scenario") << ": " << in.scenario->removed
            << " removed, " << in.scenario->added << " added";
    }
    if (site_count != in.site_set.read)
        out << ", " << site_count << (in.scenario ? " in the scenario" : " kept by the filters");
    out << ", " << model.sites_inside.size() << " inside the " << model.noun << "\n";
    out << "origins: " << model.origins.size() << " from " << in.origins_path << "\n";
    out << model.title(Lang::En) << "\n";
    print_fragile(out, model);
    const Summary d = model.crow_fly_summary();
    out << "crow-fly distance: max " << format_km(d.max) << ", mean " << format_km(d.mean)
        << ", median " << format_km(d.median) << "\n";
    if (in.roads) print_road_summary(out, in, model);
}

}  // namespace

int run_report(const std::vector<std::string>& args) {
    Options options = report_command_options();
    if (!options.parse(args)) return kOk;
    const ReportOptions report = parse_report_options(options);
    StagedReport staged = stage_report_outputs(report.outputs);  // output errors first
    const ReportInputs inputs = load_report_inputs(options, report);
    ReportModel model = build_model(options, report, inputs);
    MapContext context;
    if (staged.map || staged.html) context = load_map_context(report.map_context, model);
    model.sources = report_sources(options, model, context.roads.size());
    const ReportWritten written = write_report(model, context, staged);
    std::ostream& out = summary_stream(options, false);
    print_report_summary(out, options, inputs, model);
    print_written(out, report, staged, written);
    return kOk;
}

}  // namespace sitecover::cli
