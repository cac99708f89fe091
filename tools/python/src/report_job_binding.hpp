#pragma once
// sitecover._run_report: the report job (report::run_report) with its request as keywords, the
// call behind sitecover.report().

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds _run_report to `module`.
void bind_report_job(pybind11::module_& module);

}  // namespace sitecover::python
