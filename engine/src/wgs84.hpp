#pragma once
// The WGS84 ellipsoid for the engine's own code: its constants and one shared PROJ geodesic
// object (private to engine/src).

#include <geodesic.h>

namespace sitecover::detail {

inline constexpr double kWgs84A_m = 6378137.0;                 ///< equatorial radius
inline constexpr double kWgs84F = 1.0 / 298.257223563;         ///< flattening
inline constexpr double kWgs84E2 = kWgs84F * (2.0 - kWgs84F);  ///< first eccentricity squared

/// PROJ's geodesic object for WGS84, built once. geod_inverse only reads it, so it may be used
/// from many threads at once.
const geod_geodesic& wgs84_geodesic();

}  // namespace sitecover::detail
