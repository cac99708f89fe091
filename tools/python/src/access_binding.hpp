#pragma once
// The accessibility job (2SFCA, E2SFCA) with its request as keywords: the call behind
// sitecover.access().

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds _run_access to `module`.
void bind_access(pybind11::module_& module);

}  // namespace sitecover::python
