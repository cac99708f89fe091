#include "sitecover/coverage.hpp"

#include <algorithm>
#include <numeric>

namespace sitecover {

std::vector<AreaCoverage> compute_coverage(const CoverageIndex& areas,
                                           const std::vector<Site>& sites, Boundary rule) {
    std::vector<AreaCoverage> result(areas.areas().size());
    for (std::size_t a = 0; a < result.size(); ++a) result[a].area = a;

    for (std::size_t s = 0; s < sites.size(); ++s) {
        for (const std::size_t a : areas.areas_containing(sites[s].position, rule)) {
            result[a].sites.push_back(s);
        }
    }
    for (auto& cov : result) {
        std::stable_sort(cov.sites.begin(), cov.sites.end(), [&](std::size_t x, std::size_t y) {
            return site_id_less(sites[x].id, sites[y].id);
        });
        cov.site_margins_m.reserve(cov.sites.size());
        for (const std::size_t s : cov.sites) {
            cov.site_margins_m.push_back(areas.distance_to_boundary_m(cov.area, sites[s].position));
        }
        if (!cov.site_margins_m.empty()) {
            cov.margin_m = *std::max_element(cov.site_margins_m.begin(), cov.site_margins_m.end());
        }
    }
    return result;
}

}  // namespace sitecover
