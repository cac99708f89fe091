#pragma once
// `sitecover plan --remove / --add / --add-commune`: the scenario's list of sites.

#include <string>
#include <vector>

#include "inputs.hpp"
#include "options.hpp"
#include "plan_scenario.hpp"
#include "sitecover/site.hpp"

namespace sitecover::cli {

/// The sites after the what-if, and what changed.
struct WhatIf {
    std::vector<Site> after;          ///< the loaded sites minus removals, plus additions
    std::vector<SiteChange> changes;  ///< removed, then added ("added-1", "added-2"...)
};

/// Applies --remove, then --add and --add-commune (at that origin's point). Throws UsageError
/// for an unknown site id or origin code, a malformed NAME@LON,LAT, or a new site outside
/// every area.
WhatIf apply_what_if(const Options& options, const LoadedSiteSet& site_set, const PlanWorld& world,
                     const std::string& origins_path, const std::string& areas_path);

}  // namespace sitecover::cli
