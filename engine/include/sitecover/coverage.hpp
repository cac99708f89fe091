#pragma once
/// @file
/// Which sites cover which areas: the per-area answer of `sitecover coverage`.

#include <cstddef>
#include <optional>
#include <vector>

#include "sitecover/coverage_index.hpp"
#include "sitecover/site.hpp"

namespace sitecover {

/// The coverage of one area.
struct AreaCoverage {
    std::size_t area = 0;  ///< index into CoverageIndex::areas()
    /// Indices into the site list of the sites inside the area (boundary rule applied), sorted
    /// by site id (site_id_less).
    std::vector<std::size_t> sites;
    /// For each entry of `sites`, its geodesic distance to the area's boundary, metres.
    std::vector<double> site_margins_m;
    /// The largest of site_margins_m: how far the best-placed site is from the boundary; coverage
    /// with a small margin hangs on the exact outline. Empty when the area holds no site.
    std::optional<double> margin_m;

    /// True when at least one site lies in the area.
    bool covered() const noexcept { return !sites.empty(); }
};

/// One AreaCoverage per area, in area order. A site may cover several areas when it lies on a
/// shared boundary and the rule is Boundary::Included. O(sites * log(areas) + vertices of the
/// covered areas * their sites). Thread-safe (pure function of its arguments).
/// Throws ArgumentError when a site position is not valid (is_valid).
std::vector<AreaCoverage> compute_coverage(const CoverageIndex& areas,
                                           const std::vector<Site>& sites,
                                           Boundary rule = Boundary::Included);

}  // namespace sitecover
