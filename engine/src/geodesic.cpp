#include "sitecover/geodesic.hpp"

#include <cmath>
#include <string>

#include "angle_units.hpp"
#include "sitecover/error.hpp"
#include "wgs84.hpp"

namespace sitecover {
namespace detail {

const geod_geodesic& wgs84_geodesic() {
    // geod_init is cheap but not free; one immutable instance is shared.
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, kWgs84A_m, kWgs84F);
        return init;
    }();
    return g;
}

}  // namespace detail

double geodesic_distance_m(const LonLat& a, const LonLat& b) {
    if (!is_valid(a) || !is_valid(b)) {
        throw ArgumentError("geodesic_distance_m: invalid coordinate " +
                            to_string(is_valid(a) ? b : a));
    }
    double s12_m = 0.0;
    geod_inverse(&detail::wgs84_geodesic(), a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, &s12_m,
                 nullptr, nullptr);
    return s12_m;
}

Ecef to_ecef(const LonLat& p) noexcept {
    using detail::kDegToRad;
    const double lat = p.lat_deg * kDegToRad;
    const double lon = p.lon_deg * kDegToRad;
    const double sin_lat = std::sin(lat);
    const double n_m = detail::kWgs84A_m / std::sqrt(1.0 - detail::kWgs84E2 * sin_lat * sin_lat);
    const double cos_lat = std::cos(lat);
    return {n_m * cos_lat * std::cos(lon), n_m * cos_lat * std::sin(lon),
            n_m * (1.0 - detail::kWgs84E2) * sin_lat};
}

}  // namespace sitecover
