#pragma once
// ReportData.write: the planner report's GeoPackage, map and page, through the renderer of
// `sitecover report` (the sitecover_report target, tools/report_writer.hpp).

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds ReportData.write; call after bind_report.
void bind_report_writer(pybind11::module_& module);

}  // namespace sitecover::python
