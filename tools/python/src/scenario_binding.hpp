#pragma once
// sitecover.World and its what-if: a scenario (a list of sites) measured on origins, areas and
// optionally roads, through the library's scenario calls (sitecover/scenario.hpp).

#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <vector>

#include "roads_binding.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::python {

/// What every scenario is measured on; the ScenarioWorld points into the objects held here.
struct World {
    std::shared_ptr<CoverageIndex> areas;
    std::shared_ptr<Network> roads;         ///< null: crow-fly only
    std::vector<std::string> codes, names;  ///< per origin ("" when not given)
    ScenarioWorld world;
};

/// A scenario measured: the sites it was evaluated on and the library's outcome.
struct Outcome {
    std::shared_ptr<SiteIndex> sites;
    ScenarioOutcome outcome;
};

/// Sites added, removed or suggested (the library's SiteChange list).
struct Changes {
    std::vector<SiteChange> items;
};

/// Python records of a change list: site_id, site_name, change, lon, lat, origins, population.
pybind11::list change_records(const std::vector<SiteChange>& changes);

/// The figures of a scenario as `sitecover plan` prints them (World.figures' dict).
pybind11::dict figures_dict(const ScenarioFigures& figures, const CoverageIndex& areas);

/// Adds World, Outcome, Changes, apply_changes and load_site_changes to `module`.
void bind_scenario(pybind11::module_& module);

}  // namespace sitecover::python
