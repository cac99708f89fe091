#include "sitecover/geodesic.hpp"

#include <cmath>
#include <string>

#include <geodesic.h>

#include "sitecover/error.hpp"

namespace sitecover {
namespace {

constexpr double kWgs84A_m = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;

// geod_init is cheap but not free; one immutable instance is shared (read-only after init, so
// concurrent geod_inverse calls are safe).
const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, kWgs84A_m, kWgs84F);
        return init;
    }();
    return g;
}

std::string describe(const LonLat& p) {
    return to_string(p);
}

}  // namespace

double geodesic_distance_m(const LonLat& a, const LonLat& b) {
    if (!is_valid(a) || !is_valid(b)) {
        throw ArgumentError("geodesic_distance_m: invalid coordinate " +
                            describe(is_valid(a) ? b : a));
    }
    double s12_m = 0.0;
    geod_inverse(&wgs84(), a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, &s12_m, nullptr, nullptr);
    return s12_m;
}

Ecef to_ecef(const LonLat& p) noexcept {
    constexpr double kE2 = kWgs84F * (2.0 - kWgs84F);
    constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
    const double lat = p.lat_deg * kDegToRad;
    const double lon = p.lon_deg * kDegToRad;
    const double sin_lat = std::sin(lat);
    const double n_m = kWgs84A_m / std::sqrt(1.0 - kE2 * sin_lat * sin_lat);
    const double cos_lat = std::cos(lat);
    return {n_m * cos_lat * std::cos(lon), n_m * cos_lat * std::sin(lon),
            n_m * (1.0 - kE2) * sin_lat};
}

}  // namespace sitecover
