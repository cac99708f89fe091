// geodesic_distance_m and to_ecef: the geodesic building blocks SiteIndex relies on, checked
// against published figures and an independent Vincenty implementation.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kWgs84A_m = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;
constexpr double kWgs84B_m = kWgs84A_m * (1.0 - kWgs84F);

// Vincenty's inverse formula (1975), written here from the published equations as an
// independent check of the Karney distances. Good to ~0.1 mm away from near-antipodal pairs.
double vincenty_m(const LonLat& p1, const LonLat& p2) {
    const double f = kWgs84F;
    const double to_rad = kPi / 180.0;
    const double big_l = (p2.lon_deg - p1.lon_deg) * to_rad;
    const double u1 = std::atan((1.0 - f) * std::tan(p1.lat_deg * to_rad));
    const double u2 = std::atan((1.0 - f) * std::tan(p2.lat_deg * to_rad));
    const double sin_u1 = std::sin(u1), cos_u1 = std::cos(u1);
    const double sin_u2 = std::sin(u2), cos_u2 = std::cos(u2);
    double lambda = big_l;
    double sin_sigma = 0, cos_sigma = 0, sigma = 0, cos2_alpha = 0, cos_2sm = 0;
    for (int iter = 0; iter < 200; ++iter) {
        const double sin_l = std::sin(lambda), cos_l = std::cos(lambda);
        sin_sigma = std::hypot(cos_u2 * sin_l, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_l);
        if (sin_sigma == 0.0) return 0.0;  // same point
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_l;
        sigma = std::atan2(sin_sigma, cos_sigma);
        const double sin_alpha = cos_u1 * cos_u2 * sin_l / sin_sigma;
        cos2_alpha = 1.0 - sin_alpha * sin_alpha;
        cos_2sm = cos2_alpha != 0.0 ? cos_sigma - 2.0 * sin_u1 * sin_u2 / cos2_alpha : 0.0;
        const double c = f / 16.0 * cos2_alpha * (4.0 + f * (4.0 - 3.0 * cos2_alpha));
        const double next =
            big_l + (1.0 - c) * f * sin_alpha *
                        (sigma + c * sin_sigma *
                                     (cos_2sm + c * cos_sigma * (-1.0 + 2.0 * cos_2sm * cos_2sm)));
        const bool done = std::abs(next - lambda) < 1e-14;
        lambda = next;
        if (done) break;
    }
    const double a2 = kWgs84A_m * kWgs84A_m, b2 = kWgs84B_m * kWgs84B_m;
    const double usq = cos2_alpha * (a2 - b2) / b2;
    const double big_a =
        1.0 + usq / 16384.0 * (4096.0 + usq * (-768.0 + usq * (320.0 - 175.0 * usq)));
    const double big_b = usq / 1024.0 * (256.0 + usq * (-128.0 + usq * (74.0 - 47.0 * usq)));
    const double delta_sigma =
        big_b * sin_sigma *
        (cos_2sm + big_b / 4.0 *
                       (cos_sigma * (-1.0 + 2.0 * cos_2sm * cos_2sm) -
                        big_b / 6.0 * cos_2sm * (-3.0 + 4.0 * sin_sigma * sin_sigma) *
                            (-3.0 + 4.0 * cos_2sm * cos_2sm)));
    return kWgs84B_m * big_a * (sigma - delta_sigma);
}

double chord_m(const LonLat& a, const LonLat& b) {
    const Ecef p = to_ecef(a);
    const Ecef q = to_ecef(b);
    return std::hypot(p.x_m - q.x_m, p.y_m - q.y_m, p.z_m - q.z_m);
}

LonLat uniform_point(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> lon(-180.0, 180.0);
    std::uniform_real_distribution<double> z(-1.0, 1.0);
    return {lon(rng), std::asin(z(rng)) * 180.0 / kPi};
}

// --- geodesic_distance_m ------------------------------------------------------------------------

TEST(GeodesicDistance, MatchesPublishedGeographicLibFigures) {
    // GeographicLib's documented examples (WGS84): JFK to Heathrow, Wellington to Salamanca.
    EXPECT_NEAR(geodesic_distance_m({-73.8, 40.6}, {-0.5, 51.6}), 5551759.400319, 1e-5);
    EXPECT_NEAR(geodesic_distance_m({174.81, -41.32}, {-5.50, 40.96}), 19959679.26735382, 1e-5);
}

TEST(GeodesicDistance, ParisLondonAgreesWithVincenty) {
    const LonLat paris{2.3522, 48.8566};
    const LonLat london{-0.1276, 51.5072};
    const double d_m = geodesic_distance_m(paris, london);
    EXPECT_NEAR(d_m, vincenty_m(paris, london), 1e-3);
    EXPECT_NEAR(d_m, 343.9e3, 1e3);  // the familiar ~344 km
}

TEST(GeodesicDistance, AgreesWithVincentyOnRandomPairs) {
    constexpr std::uint64_t kSeed = 20240611;
    SCOPED_TRACE("seed=" + std::to_string(kSeed));
    std::mt19937_64 rng(kSeed);
    for (int i = 0; i < 500; ++i) {
        const LonLat a = uniform_point(rng);
        const LonLat b = uniform_point(rng);
        const double d_m = geodesic_distance_m(a, b);
        if (d_m > 15e6) continue;  // Vincenty is unreliable near antipodes
        EXPECT_NEAR(d_m, vincenty_m(a, b), 1e-3) << "i=" << i;
    }
}

TEST(GeodesicDistance, EquatorArcAndAntipodes) {
    // One degree along the equator is an arc of the equatorial circle.
    EXPECT_NEAR(geodesic_distance_m({0.0, 0.0}, {1.0, 0.0}), kWgs84A_m * kPi / 180.0, 1e-6);
    // Equatorial antipodes: the shortest path runs over a pole (half a meridian), not along the
    // longer equator.
    constexpr double kHalfMeridian_m = 20003931.458625447;
    EXPECT_NEAR(geodesic_distance_m({0.0, 0.0}, {180.0, 0.0}), kHalfMeridian_m, 1e-6);
    EXPECT_NEAR(geodesic_distance_m({0.0, 90.0}, {0.0, -90.0}), kHalfMeridian_m, 1e-6);
    EXPECT_NEAR(geodesic_distance_m({35.0, 0.0}, {-145.0, 0.0}), kHalfMeridian_m, 1e-6);
    EXPECT_LT(kHalfMeridian_m, kWgs84A_m * kPi);
}

TEST(GeodesicDistance, SymmetricZeroOnSamePointAndAcrossTheAntimeridian) {
    const LonLat a{179.5, 10.0};
    const LonLat b{-179.5, 10.0};
    EXPECT_EQ(geodesic_distance_m(a, a), 0.0);
    EXPECT_EQ(geodesic_distance_m({180.0, 0.0}, {-180.0, 0.0}), 0.0);
    EXPECT_NEAR(geodesic_distance_m(a, b), geodesic_distance_m(b, a), 1e-9);
    EXPECT_LT(geodesic_distance_m(a, b), 120e3);  // one degree of longitude, not 359
    // Every longitude names the same pole.
    EXPECT_NEAR(geodesic_distance_m({0.0, 90.0}, {123.0, 90.0}), 0.0, 1e-9);
}

TEST(GeodesicDistance, RejectsInvalidCoordinates) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_THROW(geodesic_distance_m({nan, 0.0}, {0.0, 0.0}), ArgumentError);
    EXPECT_THROW(geodesic_distance_m({0.0, 0.0}, {0.0, nan}), ArgumentError);
    EXPECT_THROW(geodesic_distance_m({inf, 0.0}, {0.0, 0.0}), ArgumentError);
    EXPECT_THROW(geodesic_distance_m({0.0, 90.5}, {0.0, 0.0}), ArgumentError);
    EXPECT_THROW(geodesic_distance_m({0.0, 0.0}, {-180.5, 0.0}), ArgumentError);
}

// --- to_ecef ------------------------------------------------------------------------------------

TEST(GeodesicEcef, KnownPositions) {
    const Ecef origin = to_ecef({0.0, 0.0});
    EXPECT_NEAR(origin.x_m, kWgs84A_m, 1e-6);
    EXPECT_NEAR(origin.y_m, 0.0, 1e-6);
    EXPECT_NEAR(origin.z_m, 0.0, 1e-6);
    const Ecef east = to_ecef({90.0, 0.0});
    EXPECT_NEAR(east.x_m, 0.0, 1e-6);
    EXPECT_NEAR(east.y_m, kWgs84A_m, 1e-6);
    const Ecef north = to_ecef({17.0, 90.0});
    EXPECT_NEAR(north.x_m, 0.0, 1e-6);
    EXPECT_NEAR(north.z_m, kWgs84B_m, 1e-6);
    const Ecef south = to_ecef({0.0, -90.0});
    EXPECT_NEAR(south.z_m, -kWgs84B_m, 1e-6);
}

TEST(GeodesicEcef, ChordNeverExceedsGeodesic) {
    // SiteIndex's exactness rests on this. Pairs from far apart down to metres apart.
    constexpr std::uint64_t kSeed = 7001;
    SCOPED_TRACE("seed=" + std::to_string(kSeed));
    std::mt19937_64 rng(kSeed);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    for (int i = 0; i < 3000; ++i) {
        const LonLat a = uniform_point(rng);
        LonLat b = uniform_point(rng);
        if (i % 3 != 0) {  // nearby pairs, up to ~1 degree, down to ~1e-5 degree
            const double scale_deg = std::pow(10.0, -5.0 * std::abs(unit(rng)));
            b = {std::clamp(a.lon_deg + scale_deg * unit(rng), -180.0, 180.0),
                 std::clamp(a.lat_deg + scale_deg * unit(rng), -90.0, 90.0)};
        }
        const double geodesic = geodesic_distance_m(a, b);
        const double chord = chord_m(a, b);
        EXPECT_LE(chord, geodesic + 1e-6) << "i=" << i;
        // The chord is at least 2/pi of the arc on a sphere; a little less on the ellipsoid.
        EXPECT_GE(chord, 0.63 * geodesic) << "i=" << i;
    }
}

}  // namespace
}  // namespace sitecover
