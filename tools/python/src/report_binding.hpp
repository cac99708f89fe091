#pragma once
// sitecover.report_data: the report's model (sitecover/report_data.hpp) as Python records, and
// the population shares that weigh its origins.

#include <pybind11/pybind11.h>

#include <memory>

#include "roads_binding.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/report_data.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::python {

/// A ReportData and everything it points into, kept alive together.
struct Report {
    std::shared_ptr<CoverageIndex> areas;
    std::shared_ptr<SiteIndex> sites;
    std::shared_ptr<CoverageIndex> outlines;  ///< the origins' polygons, or null
    std::shared_ptr<Network> roads;           ///< null: crow-fly only
    std::unique_ptr<NearestByRoad> nearest;   ///< built on `roads` and `sites`
    ReportData data;
    std::shared_ptr<const void> keep_alive;  ///< what `data` points into, when built elsewhere
};

/// Adds ReportData, _report_data and population_shares to `module`.
void bind_report(pybind11::module_& module);

}  // namespace sitecover::python
