#pragma once
// World.suggest: new sites chosen among candidates on top of a scenario, through the library's
// suggest_new_sites (sitecover/site_suggestion.hpp).

#include <pybind11/pybind11.h>

#include "sitecover/site_suggestion.hpp"

namespace sitecover::python {

/// The Suggestion as World.suggest's dict; `changes` a Changes object (the new sites).
pybind11::dict suggestion_dict(Suggestion suggestion);

/// Adds World.suggest; call after bind_scenario.
void bind_suggestion(pybind11::module_& module);

}  // namespace sitecover::python
