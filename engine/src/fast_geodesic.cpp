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
// because the curvature is taken at the middle. So, with dc/ds = 1 + O(s^2/R^2),
// s_circle - s = -k0 k2 s^5/480 + O(e^4 s^5/R^4) + O(e^2 s^7/R^6).
//
// k2 to first order in e^2: k = (1 + e'^2 cos^2(phi) cos^2(alpha))/N
// ~ (1/a)(1 - (e^2/2) sin^2(phi) + e^2 cos^2(phi) cos^2(alpha)). On the sphere (order e^0), along
// the great circle through the midpoint with unit position r and unit tangent u,
// sin(phi) = r.z and cos(phi) cos(alpha) = u.z, and (r.z)^2 + (u.z)^2 stays constant, so the
// bracket is const - (3/2)(r.z)^2, whose second derivative in t at the middle is
// 3 (A^2 - B^2)/a^2 with A = sin(phi), B = cos(phi) cos(alpha) there. Hence
// k2 = 3 e^2 (A^2 - B^2)/a^3 and
//
//   s_circle - s = e^2 (B^2 - A^2) s^5 / (160 a^4)   (first order in e^2),
//
// which the code subtracts (2.6e-7 m at 100 km on a meridian at the equator, 8.3e-6 m at 200 km;
// the test confirms both, sign included). What is left is of order e^4 s^5/a^4: k1^2 s^5/1440
// with |k1| <= 1.5 e^2/a^2; the e^4 part of k2; the chord's midpoint normal against the arc's
// middle (displaced by O(e^2 s^2/a)); the plane through the chord and that normal against the
// true normal section; the normal section against the geodesic (at most e^4 s^5 / (360 a^4)),
// each with a coefficient below 1/40 (measured, all together: 1/40 at most), so
// |s_fast - s| <= e^4 s^5 / (40 a^4) + e^2 s^7 / a^6 + rounding. Rounding: ECEF coordinates
// of about 6.4e6 m carry a few ulps (1e-9 m) each, the chord some 1e-8 m; Karney's own error
// is about 1.5e-8 m. At the cut-off, chord 200 km: 2.2e-7 + 7e-9 + 3e-8 < 2.6e-7 m. The declared
// bound, kShortGeodesicErrorM = 1e-6 m, leaves a factor 4 over it; the test (tests/engine_slow)
// finds about 2.2e-7 m over 10 million pairs. Beyond 200 km the e^4 s^5 term grows fast
// (6.5e-7 m at 250 km): Karney there.

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
    // asin(x) by its series: x <= 200 km / 12.6e3 km = 0.016, and the first term left out,
    // 63 x^11 / 2816, is below 3e-20 x (5e-15 m).
    const double x = std::sqrt(c2) / (2.0 * r_m);
    const double x2 = x * x;
    const double asin_x =
        x * (1.0 + x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (5.0 / 112 + x2 * (35.0 / 1152)))));
    const double circle_m = 2.0 * r_m * asin_x;
    // The first-order flattening term of the derivation above.
    const double s2 = circle_m * circle_m;
    constexpr double kA4 = kWgs84A_m * kWgs84A_m * kWgs84A_m * kWgs84A_m;
    return circle_m -
           kWgs84E2 * (cos2_phi_cos2_alpha - sin2_phi) * s2 * s2 * circle_m / (160.0 * kA4);
}

double fast_geodesic_distance_m(const LonLat& a, const LonLat& b) {
    if (!is_valid(a) || !is_valid(b)) return geodesic_distance_m(a, b);  // its ArgumentError
    if (const auto short_m = short_geodesic_distance_m(to_ecef(a), to_ecef(b))) return *short_m;
    return geodesic_distance_m(a, b);
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
