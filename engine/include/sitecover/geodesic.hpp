#pragma once
/// @file
/// Exact distances on the WGS84 ellipsoid (Karney's algorithm, through PROJ's geodesic
/// implementation). Accurate to about 15 nanometres for any pair of points.

#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// Length in metres of the shortest geodesic between a and b on the WGS84 ellipsoid.
/// O(1) (about a microsecond); thread-safe. Throws ArgumentError when a coordinate is not valid
/// (see is_valid).
double geodesic_distance_m(const LonLat& a, const LonLat& b);

/// Earth-centred, earth-fixed coordinates (metres) of a point on the WGS84 ellipsoid (height 0).
struct Ecef {
    double x_m = 0.0;  ///< towards longitude 0 on the equator, metres
    double y_m = 0.0;  ///< towards longitude 90 east on the equator, metres
    double z_m = 0.0;  ///< towards the north pole, metres
};

/// ECEF position of p on the WGS84 ellipsoid surface. The straight-line (chord) distance between
/// two ECEF positions never exceeds their geodesic distance, which SiteIndex relies on.
/// O(1); thread-safe; p is not checked (an invalid p gives a meaningless or NaN result).
Ecef to_ecef(const LonLat& p) noexcept;

}  // namespace sitecover
