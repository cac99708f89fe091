// The extension module sitecover._sitecover; the package sitecover re-exports it.

#include <pybind11/pybind11.h>

#include "access_binding.hpp"
#include "coverage_binding.hpp"
#include "errors.hpp"
#include "jobs_binding.hpp"
#include "points_binding.hpp"
#include "report_binding.hpp"
#include "report_job_binding.hpp"
#include "report_writer_binding.hpp"
#include "roads_binding.hpp"
#include "scenario_binding.hpp"
#include "site_index_binding.hpp"
#include "style_binding.hpp"
#include "suggestion_binding.hpp"

PYBIND11_MODULE(_sitecover, module) {
    module.doc() = "sitecover: exact nearest-site and coverage queries (C++ core)";
    module.attr("__version__") = SITECOVER_VERSION;
    sitecover::python::register_errors(module);
    sitecover::python::bind_site_index(module);
    sitecover::python::bind_coverage(module);
    sitecover::python::bind_points(module);
    sitecover::python::bind_roads(module);
    sitecover::python::bind_scenario(module);
    sitecover::python::bind_suggestion(module);
    sitecover::python::bind_report(module);
    sitecover::python::bind_report_writer(module);
    sitecover::python::bind_report_job(module);
    sitecover::python::bind_jobs(module);
    sitecover::python::bind_access(module);
    sitecover::python::bind_styles(module);
}
