#pragma once
// The library's jobs with their requests as keywords (the calls behind sitecover.coverage()...;
// sitecover.report() is in report_job_binding).

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds _run_coverage and _run_nearest to `module`.
void bind_jobs(pybind11::module_& module);

}  // namespace sitecover::python
