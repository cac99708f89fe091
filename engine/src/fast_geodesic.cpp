// Short geodesics from the ECEF chord (see fast_geodesic.hpp).
//
// The formula. Two points A, B of the ellipsoid, chord d = B - A of length c. The curve joining
// them is taken as the normal section through the chord's midpoint: a plane curve whose
// curvature at its middle is that of the ellipsoid in the chord's azimuth alpha (Euler):
//
//   1/R = cos^2(alpha)/M + sin^2(alpha)/N = (1 + e'^2 cos^2(phi) cos^2(alpha)) / N,
//
// N, M the prime-vertical and meridian radii at the latitude phi of the midpoint, e'^2 =
// e^2/(1-e^2). If the curvature were constant (a circle of radius R), c = 2R sin(s/2R) exactly,
// hence s = 2R asin(c/2R). No trigonometry is needed for R: the normal at the midpoint is the
// gradient (x, y, z/(1-e^2)) of the ellipsoid's equation there (the midpoint lies just inside
// the ellipsoid; the gradient is the normal of the homothetic ellipsoid through it), so
// sin^2(phi) = n_z^2/|n|^2, and cos(phi) times the north component of d is
// (d_z (n_x^2+n_y^2) - n_z (n_x d_x + n_y d_y)) / |n|^2, divided by the length of d's tangent
// part to give cos(phi) cos(alpha); no division by cos(phi), so the poles are regular.
//
// The error, as a series in s/R and in the flattening. Along a plane curve of length s with
// curvature k(t) = k0 + k1 t + k2 t^2/2 + ... (t the arc length from the middle), the tangent
// turns by theta(t) = k0 t + k1 t^2/2 + k2 t^3/6, and c = |integral of exp(i theta)| =
// s - (s/2) Var(theta) + O(s theta^4), Var over t uniform in [-s/2, s/2]:
//
//   c = s - k0^2 s^3/24 - k0 k2 s^5/480 - k1^2 s^5/1440 + (k0^4 s^5/1920: the circle's own term)
//       + O(s^7/R^6).
//
// The circle formula accounts exactly for every power of k0 alone; k1 cancels at first order
// because the curvature is taken at the middle. What is left, to first order in the flattening:
//   - k2 s^5 k0/480: on the ellipsoid k varies with latitude on the scale of R, by a relative
//     amount of order e^2; the largest k2 is on a meridian at the equator, where
//     k(phi) = (1 - e^2 sin^2 phi)^(3/2) / (a(1-e^2)), so d2k/dphi2 = -3 e^2 k0, and with
//     dt = M0 dphi, k2 = -3 e^2 k0^3. Hence |s_fast - s| <= e^2 s^5 / (160 M0^4), M0 = a(1-e^2)
//     the smallest radius of curvature of the ellipsoid.
//   - order e^4 (with the same s^5/R^4): k1^2 s^5/1440 with |k1| <= 1.5 e^2 k0^2; the chord's
//     midpoint normal against the arc's middle (displaced by O(e^2 s^2/R)); the plane through
//     the chord and that normal against the true normal section; the normal section against the
//     geodesic (Bowring: e^4 s^5 / 360 N^4 at most). Each is below 1.5 % of the first term.
//   - rounding: ECEF coordinates of about 6.4e6 m carry a few ulps (1e-9 m) each, the chord
//     some 1e-8 m; Karney's own error is about 1.5e-8 m.
// At the cut-off, chord 100 km (s < 100.001 km): e^2 s^5 / (160 M0^4) = 2.60e-7 m, so
// |s_fast - s| <= 2.60e-7 * 1.05 + 3e-8 < 3.0e-7 m. The declared bound, kShortGeodesicErrorM =
// 1e-6 m, leaves a factor 3 for the terms of order s^7/R^6 and e^4 that the series drops
// (at 100 km, s^2/R^2 = 2.5e-4 and e^2 = 6.7e-3: both far below that factor). The test
// (tests/engine_slow) finds 2.6e-7 m over 10 million pairs, at the equator on meridians, as
// predicted. Beyond 100 km the s^5 term grows fast (8e-6 m at 200 km): Karney there.

#include "sitecover/fast_geodesic.hpp"

#include <cmath>

#include "wgs84.hpp"

namespace sitecover {

std::optional<double> short_geodesic_distance_m(const Ecef& a, const Ecef& b) noexcept {
    using detail::kWgs84A_m;
    using detail::kWgs84E2;
    constexpr double kEp2 = kWgs84E2 / (1.0 - kWgs84E2);  // second eccentricity squared
    constexpr double kMaxChord2 = kShortGeodesicMaxChordM * kShortGeodesicMaxChordM;

    const double dx = b.x_m - a.x_m;
    const double dy = b.y_m - a.y_m;
    const double dz = b.z_m - a.z_m;
    const double c2 = dx * dx + dy * dy + dz * dz;
    if (c2 > kMaxChord2) return std::nullopt;
    if (c2 == 0.0) return 0.0;
    // The normal at the midpoint, unnormalised (twice the midpoint scaled along z).
    const double nx = a.x_m + b.x_m;
    const double ny = a.y_m + b.y_m;
    const double nz = (a.z_m + b.z_m) / (1.0 - kWgs84E2);
    const double h2 = nx * nx + ny * ny;  // |n|^2 cos^2(phi)
    const double n2 = h2 + nz * nz;
    const double sin2_phi = nz * nz / n2;
    const double n_m = kWgs84A_m / std::sqrt(1.0 - kWgs84E2 * sin2_phi);
    // The chord's part along the normal, and its tangent part (squared).
    const double dn = dx * nx + dy * ny + dz * nz;
    const double tangent2 = c2 - dn * dn / n2;
    // cos(phi) times the chord's north component, times |n|^2.
    const double north = dz * h2 - nz * (nx * dx + ny * dy);
    const double cos2_phi_cos2_alpha = tangent2 > 0.0 ? north * north / (n2 * n2 * tangent2) : 0.0;
    const double r_m = n_m / (1.0 + kEp2 * cos2_phi_cos2_alpha);
    const double c_m = std::sqrt(c2);
    return 2.0 * r_m * std::asin(c_m / (2.0 * r_m));
}

bool near_rounding_boundary(double distance_m) noexcept {
    // In units of 0.5 mm, the distance to the nearest whole number; the 1e-9 m covers the
    // rounding of the scaling itself (fast distances stay below 1e5 m: 2e8 units, whose ulp is
    // 3e-8 unit, 1.5e-11 m).
    constexpr double kUnitsPerM = 2000.0;
    const double units = distance_m * kUnitsPerM;
    return std::abs(units - std::round(units)) <= (kShortGeodesicErrorM + 1e-9) * kUnitsPerM;
}

}  // namespace sitecover
