#pragma once
// World.suggest: new sites chosen among candidates on top of a scenario, through the library's
// suggest_new_sites (sitecover/site_suggestion.hpp).

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds World.suggest; call after bind_scenario.
void bind_suggestion(pybind11::module_& module);

}  // namespace sitecover::python
