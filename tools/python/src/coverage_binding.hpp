#pragma once
// sitecover.Areas and the coverage audit.

#include <pybind11/pybind11.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/site.hpp"

namespace sitecover::python {

/// One area's coverage as a dict: area_code, area_name, site_count, site_ids (ids of
/// `sites`[i] for i in `inside`), covered, margin_m (None when uncovered).
pybind11::dict coverage_record(const Area& area, const std::vector<Site>& sites,
                               const std::vector<std::size_t>& inside,
                               const std::optional<double>& margin_m);

/// Adds the Areas class and the _coverage function to `module`.
void bind_coverage(pybind11::module_& module);

}  // namespace sitecover::python
