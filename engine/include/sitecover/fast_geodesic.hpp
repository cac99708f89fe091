#pragma once
/// @file
/// Short WGS84 geodesic distances from the ECEF chord, without a Karney call: the fast path
/// of SiteIndex. PROJ's geod_inverse (geodesic_distance_m) stays the reference and the
/// fallback beyond the cut-off.

#include <optional>

#include "sitecover/geodesic.hpp"

namespace sitecover {

/// The longest chord (metres) for which short_geodesic_distance_m answers.
inline constexpr double kShortGeodesicMaxChordM = 200'000.0;

/// Bound on |short_geodesic_distance_m - geodesic_distance_m| below the cut-off, metres
/// (1 micrometre; derived in fast_geodesic.cpp, tested on 10 million random pairs).
inline constexpr double kShortGeodesicErrorM = 1e-6;

/// The geodesic distance (metres) between two points of the WGS84 ellipsoid given by their
/// ECEF positions (to_ecef), from their chord c: s = 2R asin(c / 2R), R the radius of
/// curvature of the normal section at the chord's midpoint in the chord's azimuth, less the
/// first-order flattening term of its error (derived in fast_geodesic.cpp). Within
/// kShortGeodesicErrorM of geodesic_distance_m; nothing when the chord exceeds
/// kShortGeodesicMaxChordM (ask geodesic_distance_m then). Valid everywhere on the ellipsoid,
/// poles and antimeridian included. O(1), about 30 ns; thread-safe.
std::optional<double> short_geodesic_distance_m(const Ecef& a, const Ecef& b) noexcept;

/// The geodesic distance (metres) between two valid points: short_geodesic_distance_m of their
/// ECEF positions when the chord is short enough, else geodesic_distance_m (Karney). Within
/// kShortGeodesicErrorM of geodesic_distance_m everywhere; about 0.1 us against Karney's 0.7 us
/// for a short pair. For lengths summed or compared at metre scale (road segments), not where a
/// result must equal Karney's to the last digit. Throws ArgumentError for an invalid point.
double fast_geodesic_distance_m(const LonLat& a, const LonLat& b);

/// True when a distance (metres) computed within kShortGeodesicErrorM may round differently
/// from the exact one at millimetre precision or coarser: it lies within that bound of a
/// multiple of 0.5 mm (every boundary of rounding to 3 or fewer decimals of a metre, and every
/// threshold given in whole half-millimetres). Thread-safe.
bool near_rounding_boundary(double distance_m) noexcept;

}  // namespace sitecover
