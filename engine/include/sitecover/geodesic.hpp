#pragma once
// Exact distances on the WGS84 ellipsoid (Karney's algorithm, through PROJ's geodesic
// implementation). Accurate to about 15 nanometres for any pair of points.

#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// Length in metres of the shortest geodesic between a and b on the WGS84 ellipsoid.
/// Thread-safe. Throws ArgumentError when a coordinate is not valid (see is_valid).
double geodesic_distance_m(const LonLat& a, const LonLat& b);

/// Earth-centred, earth-fixed coordinates (metres) of a point on the WGS84 ellipsoid (height 0).
struct Ecef {
    double x_m = 0.0;
    double y_m = 0.0;
    double z_m = 0.0;
};

/// ECEF position of p on the WGS84 ellipsoid surface. The straight-line (chord) distance between
/// two ECEF positions never exceeds their geodesic distance, which SiteIndex relies on.
Ecef to_ecef(const LonLat& p) noexcept;

}  // namespace sitecover
