#pragma once
// sitecover.SiteIndex: the library's SiteIndex with vectorised queries.

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds the SiteIndex class to `module`.
void bind_site_index(pybind11::module_& module);

}  // namespace sitecover::python
