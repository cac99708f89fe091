// `sitecover report`: the planner's outputs in one run: a QGIS-ready GeoPackage, a static map
// (PNG, SVG or PDF) and a one-page HTML summary, all written or none. Parse the options into
// the library's request, call report::run_report (the call Python and QGIS make too), print.

#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "flag_spelling.hpp"
#include "inputs.hpp"
#include "report_options.hpp"
#include "road_report.hpp"
#include "sitecover/error.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/report/report_job.hpp"
#include "sitecover/site_filter.hpp"

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

void print_written(std::ostream& out, const ReportJob& report, const ReportOutcome& outcome) {
    const StagedReport& staged = outcome.staged;
    const ReportWritten& written = outcome.written;
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

void print_report_summary(std::ostream& out, const ReportJob& job, const ReportOutcome& outcome) {
    const StudyInputs& in = outcome.inputs;
    const ReportModel& model = outcome.model;
    const std::size_t site_count = model.sites->size();
    out << "areas: " << in.areas->areas().size() << " " << model.noun << " from " << in.areas_path
        << "\n";
    out << "sites: " << in.site_set.read << " read from " << in.site_set.path;
    if (in.scenario) {
        out << "; scenario " << *job.study.scenario << ": " << in.scenario->removed << " removed, "
            << in.scenario->added << " added";
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
    if (outcome.road_figures)
        print_road_summary(out, *outcome.road_figures, *in.roads, in.sites->sites());
}

}  // namespace

int run_report(const std::vector<std::string>& args) {
    Options options = report_command_options();
    if (!options.parse(args)) return kOk;
    const ReportJob job = parse_report_options(options);
    ReportOutcome outcome = [&] {
        try {
            return report::run_report(job, warning_sink());
        } catch (const UnknownSiteTypeError& e) {
            throw site_types_error(e, job.study.sites.source.path);
        } catch (const SitesOffRoadError& e) {
            throw sites_off_road_error(e);
        }
    }();
    warn_undated(outcome.inputs.site_set);
    std::ostream& out = summary_stream(options, false);
    print_report_summary(out, job, outcome);
    print_written(out, job, outcome);
    return kOk;
}

}  // namespace sitecover::cli
