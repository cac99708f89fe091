#pragma once
/// @file
/// Brute-force oracles: the obviously-correct versions of the indexed queries, used by the tests
/// and benchmarks to check the indexes. O(n) per query (plus the sort of the answers); all
/// thread-safe (pure functions).

#include <cstddef>
#include <optional>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::reference {

/// Same contract as SiteIndex::nearest, by computing every distance. Also throws InputError
/// for a site with an invalid position (which SiteIndex rejects when built).
std::optional<Neighbour> nearest(const std::vector<Site>& sites, const LonLat& p,
                                 double max_distance_m = std::numeric_limits<double>::infinity());
/// Same contract as SiteIndex::k_nearest (and InputError as nearest).
std::vector<Neighbour> k_nearest(const std::vector<Site>& sites, const LonLat& p, std::size_t k);
/// Same contract as SiteIndex::within (and InputError as nearest).
std::vector<Neighbour> within(const std::vector<Site>& sites, const LonLat& p, double radius_m);
/// Same contract as CoverageIndex::areas_containing, testing every area.
std::vector<std::size_t> areas_containing(const std::vector<Area>& areas, const LonLat& p,
                                          Boundary rule = Boundary::Included);

}  // namespace sitecover::reference
