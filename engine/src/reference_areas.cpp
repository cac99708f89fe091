#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "boost_area.hpp"
#include "sitecover/error.hpp"
#include "sitecover/reference.hpp"

namespace sitecover::reference {

std::vector<std::size_t> areas_containing(const std::vector<Area>& areas, const LonLat& p,
                                          Boundary rule) {
    if (!is_valid(p)) {
        throw ArgumentError("reference::areas_containing: invalid point (" +
                            format_degrees(p.lon_deg) + ", " + format_degrees(p.lat_deg) + ")");
    }
    namespace bg = boost::geometry;
    const detail::BoostPoint point = detail::to_boost(p);
    std::vector<std::size_t> result;
    // No index, no envelope pre-test: every area gets the exact test.
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const detail::BoostMultiPolygon shape = detail::to_boost(areas[i]);
        const bool inside =
            rule == Boundary::Included ? bg::covered_by(point, shape) : bg::within(point, shape);
        if (inside) {
            result.push_back(i);
        }
    }
    return result;
}

}  // namespace sitecover::reference
