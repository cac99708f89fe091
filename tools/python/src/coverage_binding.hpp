#pragma once
// sitecover.Areas and the coverage audit.

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds the Areas class and the _coverage function to `module`.
void bind_coverage(pybind11::module_& module);

}  // namespace sitecover::python
