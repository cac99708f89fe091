#include "report_job_binding.hpp"

#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "report_binding.hpp"
#include "request_keywords.hpp"
#include "sitecover/error.hpp"
#include "sitecover/report/map_render.hpp"
#include "sitecover/report/report_job.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

void read_outputs(Keywords& k, report::ReportOutputs& outputs) {
    k.text("output", outputs.gpkg_path);
    k.text("map", outputs.map_path);
    k.text("html", outputs.html_path);
    if (auto overwrite = k.get<bool>("overwrite")) outputs.overwrite = *overwrite;
    k.text("t_srs", outputs.t_srs);
    if (auto w = k.get<int>("map_width")) outputs.map_width_px = *w;
    if (auto h = k.get<int>("map_height")) outputs.map_height_px = *h;
    if (auto page = k.text("page")) {
        outputs.render.page = report::parse_page(*page);
        if (!outputs.render.page)
            throw keyword_error(
                "page", ": '" + *page + "' is not A4 or A3, optionally -landscape or -portrait");
    }
    report::default_report_outputs(outputs);
}

// The request of sitecover.report(**keywords), in the vocabulary of the CLI's flags.
report::ReportJob read_job(const py::kwargs& given) {
    Keywords k(given, "report");
    report::ReportJob job;
    read_study(k, job.study);
    job.map.context = k.text("context");
    job.map.map_roads = k.text("map_roads");
    read_outputs(k, job.outputs);
    job.lang = report::lang_from_environment();
    if (auto lang = k.text("lang")) {
        const auto parsed = report::parse_lang(*lang);
        if (!parsed) throw keyword_error("lang", ": '" + *lang + "' is not fr or en");
        job.lang = *parsed;
    }
    job.place = k.text("place");
    k.text("noun", job.noun);
    k.text("footer", job.footer);
    k.text("logo", job.logo);
    k.check_all_used();
    return job;
}

py::dict written_paths(const report::StagedReport& staged) {
    py::dict paths;
    paths["output"] = staged.gpkg ? py::cast(staged.gpkg->target()) : py::none();
    paths["map"] = staged.map ? py::cast(staged.map->target()) : py::none();
    paths["html"] = staged.html ? py::cast(staged.html->target()) : py::none();
    return paths;
}

// Runs the job; returns (ReportData, written paths, title). Warnings come as DataWarning.
py::tuple run(const py::kwargs& given) {
    const report::ReportJob job = read_job(given);
    std::vector<Message> warnings;
    auto outcome = std::make_shared<report::ReportOutcome>([&] {
        const py::gil_scoped_release unlocked;
        return report::run_report(job, [&](const Message& w) { warnings.push_back(w); });
    }());
    auto data = std::make_shared<Report>();
    data->areas = outcome->inputs.areas;
    data->sites = outcome->inputs.sites;
    data->data = outcome->model;
    data->keep_alive = outcome;  // the model points into the inputs (origin outlines, roads)
    for (const Message& w : warnings) warn(w);
    return py::make_tuple(data, written_paths(outcome->staged), outcome->model.title());
}

}  // namespace

void bind_report_job(py::module_& module) {
    module.def("_run_report", &run,
               "The report job (report::run_report), its request given as keywords: see "
               "sitecover.report().");
}

}  // namespace sitecover::python
