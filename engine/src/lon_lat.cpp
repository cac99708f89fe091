#include "sitecover/lon_lat.hpp"

#include <cmath>

namespace sitecover {

bool is_valid(const LonLat& p) noexcept {
    return std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg) && p.lon_deg >= -180.0 &&
           p.lon_deg <= 180.0 && p.lat_deg >= -90.0 && p.lat_deg <= 90.0;
}

}  // namespace sitecover
