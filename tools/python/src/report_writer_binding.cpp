#include "report_writer_binding.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>

#include "report_binding.hpp"
#include "request_keywords.hpp"
#include "sitecover/error.hpp"
#include "sitecover/report/map_render.hpp"
#include "sitecover/report/report_job.hpp"
#include "sitecover/report/report_model.hpp"
#include "sitecover/report/report_parameters.hpp"
#include "sitecover/report/report_writer.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

// The parameters the documents state, from a dict of the ReportParameters' text members.
report::ReportParameters report_parameters(const Report& r, const py::dict& given) {
    report::ReportParameters p;
    const std::pair<const char*, std::string report::ReportParameters::*> fields[] = {
        {"sites_file", &report::ReportParameters::sites_file},
        {"sites_date", &report::ReportParameters::sites_date},
        {"as_of", &report::ReportParameters::as_of},
        {"site_types", &report::ReportParameters::site_types},
        {"sites_where", &report::ReportParameters::sites_where},
        {"areas_file", &report::ReportParameters::areas_file},
        {"areas_where", &report::ReportParameters::areas_where},
        {"origins_file", &report::ReportParameters::origins_file},
        {"from_where", &report::ReportParameters::from_where},
        {"population_file", &report::ReportParameters::population_file},
        {"scenario_file", &report::ReportParameters::scenario_file},
        {"roads_file", &report::ReportParameters::roads_file},
        {"roads_where", &report::ReportParameters::roads_where},
        {"road_profile", &report::ReportParameters::road_profile},
        {"road_by", &report::ReportParameters::road_by}};
    for (const auto& [key, _] : given) {
        const std::string name = py::str(key);
        bool known = false;
        for (const auto& [field, member] : fields) known = known || name == field;
        if (!known)
            throw ArgumentError(Message().field("parameters").text(": unknown key '" + name + "'"));
    }
    for (const auto& [field, member] : fields) {
        if (given.contains(field)) p.*member = py::str(given[field]).cast<std::string>();
    }
    if (p.sites_date.empty() && !p.sites_file.empty())
        p.sites_date = report::file_date(p.sites_file);
    const ReportData& d = r.data;
    p.within_km = d.within_m / 1000.0;
    p.within_min = d.within_s / 60.0;
    p.fragile_m = d.fragile_m;
    p.with_roads = d.with_roads;
    p.run_date = report::run_date();
    p.version = SITECOVER_VERSION;
    return p;
}

py::dict write(const Report& r, const std::string& gpkg, const std::string& map,
               const std::string& html, const std::optional<std::string>& place,
               const std::string& lang, const std::string& noun, const py::dict& parameters,
               bool overwrite, const std::string& t_srs, int map_width_px, int map_height_px,
               const std::string& page) {
    no_nul({{"gpkg", &gpkg}, {"map", &map}, {"html", &html}, {"t_srs", &t_srs}});
    if (gpkg.empty() && map.empty() && html.empty()) {
        throw ArgumentError("write_report: name at least one of gpkg, map, html");
    }
    report::ReportModel model;
    static_cast<ReportData&>(model) = r.data;
    const auto language = report::parse_lang(lang);
    if (!language) {
        throw ArgumentError(Message().field("lang").text(": '" + lang + "' is not 'en' or 'fr'"));
    }
    model.lang = *language;
    model.shade_classes = report::default_shade_classes(model.with_roads, model.lang);
    model.place = report::default_place(place, false, r.areas->areas(), model.lang);
    model.noun = noun;
    model.parameters = report_parameters(r, parameters);
    report::ReportOutputs outputs;
    outputs.gpkg_path = gpkg;
    outputs.map_path = map;
    outputs.html_path = html;
    outputs.overwrite = overwrite;
    outputs.t_srs = t_srs;
    outputs.map_width_px = map_width_px;
    outputs.map_height_px = map_height_px;
    if (!page.empty()) {
        outputs.render.page = report::parse_page(page);
        if (!outputs.render.page) {
            throw ArgumentError(Message().field("page").text(": '" + page + "' is not A4 or A3"));
        }
    }
    report::ReportWritten written;
    {
        const py::gil_scoped_release unlocked;
        written = report::write_report(model, report::MapContext{}, outputs);
    }
    py::dict result;
    result["title"] = model.title();
    if (written.layout) {
        result["metres_per_px"] = written.layout->metres_per_px;
        result["scale_bar_km"] = written.layout->scale_bar_km;
        result["scale_denominator"] = written.layout->scale_denominator;
    }
    return result;
}

}  // namespace

void bind_report_writer(py::module_& module) {
    auto report = py::reinterpret_borrow<py::class_<Report, std::shared_ptr<Report>>>(
        module.attr("ReportData"));
    report.def("write", &write, py::arg("gpkg") = "", py::arg("map") = "", py::arg("html") = "",
               py::arg("place") = py::none(), py::arg("lang") = "en", py::arg("noun") = "cantons",
               py::arg("parameters") = py::dict(), py::arg("overwrite") = false,
               py::arg("t_srs") = "", py::arg("map_width_px") = 1600,
               py::arg("map_height_px") = 1200, py::arg("page") = "",
               "Writes the planner report's documents with the renderer of `sitecover "
               "report` (the sitecover_report target): the GeoPackage (layers sites, areas, "
               "origins, links, table run, QGIS default styles), the map (.png, .svg, .pdf; "
               "`page` 'A4', 'A3-portrait'... prints at a round scale) and the HTML page; "
               "an empty path skips that document. All are written or none; an existing file "
               "is replaced only with overwrite. `parameters` names what the report was "
               "computed from (sites_file, as_of, site_types, sites_where, areas_file, "
               "origins_file, population_file, scenario_file, roads_file...); thresholds come "
               "from the data. The map has no context layers (neighbours, main roads). "
               "Returns the title and the map's scale. sitecover.OutputError on a write "
               "failure or a path that exists.");
}

}  // namespace sitecover::python
