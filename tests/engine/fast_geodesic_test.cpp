// The fast distance path of SiteIndex: the chord formula's edge cases, and the guards that keep
// answers those of Karney's distances (near ties, limits, rounding boundaries). The 10-million
// pair accuracy check is in tests/engine_slow.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/error.hpp"
#include "sitecover/fast_geodesic.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/reference.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover {
namespace {

double fast_m(const LonLat& a, const LonLat& b) {
    const auto d = short_geodesic_distance_m(to_ecef(a), to_ecef(b));
    return d ? *d : -1.0;
}

// The point at Karney distance target_m from q along the ray q + t * (dlon, dlat) (degrees),
// by bisection on t: distances along a short ray grow with t.
LonLat at_distance(const LonLat& q, double dlon_deg, double dlat_deg, double target_m) {
    double lo = 0.0, hi = 1.0;
    const auto point = [&](double t) {
        return LonLat{q.lon_deg + t * dlon_deg, q.lat_deg + t * dlat_deg};
    };
    while (geodesic_distance_m(q, point(hi)) < target_m) hi *= 2.0;
    for (int i = 0; i < 200 && lo < hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (mid == lo || mid == hi) break;
        (geodesic_distance_m(q, point(mid)) < target_m ? lo : hi) = mid;
    }
    return point(hi);
}

Site site(std::string id, LonLat p) {
    Site s;
    s.id = std::move(id);
    s.position = p;
    return s;
}

TEST(FastGeodesic, EdgeCases) {
    const LonLat p{2.35, 48.85};
    EXPECT_EQ(short_geodesic_distance_m(to_ecef(p), to_ecef(p)), 0.0);
    // Across the antimeridian and over a pole: 11.1 km either way.
    const LonLat east{179.95, 10.0}, west{-179.95, 10.0};
    EXPECT_NEAR(fast_m(east, west), geodesic_distance_m(east, west), kShortGeodesicErrorM);
    const LonLat n1{0.0, 89.95}, n2{180.0, 89.95};
    EXPECT_NEAR(fast_m(n1, n2), geodesic_distance_m(n1, n2), kShortGeodesicErrorM);
    const LonLat pole{0.0, 90.0}, near_pole{123.0, 89.5};
    EXPECT_NEAR(fast_m(pole, near_pole), geodesic_distance_m(pole, near_pole),
                kShortGeodesicErrorM);
    // The cut-off is on the chord: 199 km answers, 201 km does not.
    const LonLat q{0.0, 0.0};
    EXPECT_GE(fast_m(q, at_distance(q, 0.0, 1.0, 199'000.0)), 0.0);
    EXPECT_FALSE(
        short_geodesic_distance_m(to_ecef(q), to_ecef(at_distance(q, 0.0, 1.0, 201'000.0))));
}

// fast_geodesic_distance_m, the road segments' length: within the bound of Karney's below the
// cut-off, Karney's own value beyond it, Karney's error for an invalid point. Pairs with one
// end anywhere (poles and the antimeridian included: latitudes up to 90, longitudes wrapped)
// and the other up to 3 degrees away, so that both sides of the 200 km chord occur.
TEST(FastGeodesic, FastDistanceIsKarneysWithinTheBound) {
    const std::uint64_t seed = 0xF459;
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), lat(-90.0, 90.0), step(-3.0, 3.0);
    int short_pairs = 0, long_pairs = 0;
    for (int i = 0; i < 200'000; ++i) {
        const LonLat a{lon(rng), lat(rng)};
        double b_lon = a.lon_deg + step(rng);
        if (b_lon > 180.0) b_lon -= 360.0;
        if (b_lon < -180.0) b_lon += 360.0;
        const LonLat b{b_lon, std::clamp(a.lat_deg + step(rng), -90.0, 90.0)};
        const double karney_m = geodesic_distance_m(a, b);
        const double fast_m = fast_geodesic_distance_m(a, b);
        if (short_geodesic_distance_m(to_ecef(a), to_ecef(b))) {
            ++short_pairs;
            ASSERT_NEAR(fast_m, karney_m, kShortGeodesicErrorM) << i;
        } else {
            ++long_pairs;
            ASSERT_EQ(fast_m, karney_m) << i;
        }
    }
    EXPECT_GT(short_pairs, 10'000);
    EXPECT_GT(long_pairs, 10'000);
    EXPECT_THROW(fast_geodesic_distance_m({0.0, 91.0}, {0.0, 0.0}), ArgumentError);
    EXPECT_THROW(fast_geodesic_distance_m({0.0, 0.0}, {std::nan(""), 0.0}), ArgumentError);
}

TEST(FastGeodesic, NearRoundingBoundary) {
    EXPECT_TRUE(near_rounding_boundary(1234.0005));
    EXPECT_TRUE(near_rounding_boundary(1234.0005 + 0.9e-6));
    EXPECT_TRUE(near_rounding_boundary(19000.0 - 0.9e-6));
    EXPECT_FALSE(near_rounding_boundary(1234.00025));
    EXPECT_FALSE(near_rounding_boundary(1234.0005 + 2e-6));
}

// Pairs (q, b) whose Karney distance is target_m(i) within a few micrometres: random places,
// random directions.
template <class Check>
void for_near_pairs(std::uint64_t seed, int count,
                    const std::function<double(std::mt19937_64&)>& target_m, Check check) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(-170.0, 170.0), lat(-30.0, 30.0), dir(-1.0, 1.0);
    for (int i = 0; i < count; ++i) {
        const LonLat q{lon(rng), lat(rng)};
        const double t_m = target_m(rng);
        const LonLat b = at_distance(q, dir(rng), dir(rng), t_m);
        check(q, b);
    }
}

TEST(FastGeodesic, NearTiesRankAsKarneyDoes) {
    // Two sites at Karney distances that differ by less than the formula's error bound: the
    // index must order them as Karney does (then by id), never by the chord formula's values.
    const std::uint64_t seed = 0xF457;
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(-170.0, 170.0), lat(-30.0, 30.0), dir(-1.0, 1.0);
    std::uniform_real_distribution<double> dist_m(170'000.0, 199'000.0), delta_m(-3e-8, 3e-8);
    int fast_order_wrong = 0;
    for (int i = 0; i < 300; ++i) {
        const LonLat q{lon(rng), lat(rng)};
        const double d_m = dist_m(rng);
        const LonLat a = at_distance(q, dir(rng), dir(rng), d_m);
        const LonLat b =
            at_distance(q, dir(rng), dir(rng), geodesic_distance_m(q, a) + delta_m(rng));
        const std::vector<Site> sites{site("2", a), site("1", b)};
        const double ka = geodesic_distance_m(q, a), kb = geodesic_distance_m(q, b);
        if ((fast_m(q, a) < fast_m(q, b)) != (ka < kb) && ka != kb) ++fast_order_wrong;
        const SiteIndex index(sites);
        const auto want = reference::k_nearest(sites, q, 2);
        const auto got = index.k_nearest(q, 2);
        ASSERT_EQ(got.size(), 2u);
        EXPECT_EQ(got[0].site, want[0].site) << "pair " << i;
        EXPECT_EQ(index.nearest(q)->site, want[0].site) << "pair " << i;
        EXPECT_EQ(index.within(q, kb).size(), reference::within(sites, q, kb).size())
            << "pair " << i;
    }
    // The pairs do test the guard: the chord formula alone orders some of them wrongly.
    std::cout << "chord formula alone: " << fast_order_wrong << " pairs of 300 misordered\n";
    EXPECT_GT(fast_order_wrong, 10);
}

TEST(FastGeodesic, DistancesRoundAsKarneysAtMillimetres) {
    // Sites whose Karney distance lies within 1 um of a rounding boundary (x.xxx5 m) or of a
    // whole-metre threshold: the index's distance rounds (and compares) as Karney's does.
    const std::uint64_t seed = 0xF458;
    SCOPED_TRACE("seed " + std::to_string(seed));
    int fast_rounds_wrong = 0;
    int n = 0;
    const auto target = [](std::mt19937_64& rng) {
        std::uniform_int_distribution<int> whole_mm(170'000'000, 199'000'000);
        std::uniform_real_distribution<double> delta_m(-3e-8, 3e-8);
        return (whole_mm(rng) + 0.5) * 1e-3 + delta_m(rng);
    };
    for_near_pairs(seed, 400, target, [&](const LonLat& q, const LonLat& b) {
        const double karney_m = geodesic_distance_m(q, b);
        if (std::round(fast_m(q, b) * 1000.0) != std::round(karney_m * 1000.0)) ++fast_rounds_wrong;
        const SiteIndex index(std::vector<Site>{site("1", b)});
        const double got_m = index.nearest(q)->distance_m;
        EXPECT_EQ(std::round(got_m * 1000.0), std::round(karney_m * 1000.0)) << "pair " << n;
        EXPECT_EQ(std::round(index.k_nearest(q, 1)[0].distance_m * 1000.0),
                  std::round(karney_m * 1000.0));
        // A limit at the Karney distance is inclusive, one ulp below it is not.
        EXPECT_TRUE(index.nearest(q, karney_m).has_value()) << "pair " << n;
        EXPECT_FALSE(index.nearest(q, std::nextafter(karney_m, 0.0)).has_value()) << "pair " << n;
        EXPECT_EQ(index.k_nearest(q, 1, std::nextafter(karney_m, 0.0)).size(), 0u) << "pair " << n;
        EXPECT_EQ(index.within(q, karney_m).size(), 1u) << "pair " << n;
        ++n;
    });
    std::cout << "chord formula alone: " << fast_rounds_wrong << " of 400 rounded otherwise\n";
    EXPECT_GT(fast_rounds_wrong, 10);
}

TEST(FastGeodesic, KarneyMethodGivesKarneyDistances) {
    const LonLat q{0.5, 43.6}, s{0.6, 43.7};
    const SiteIndex karney(std::vector<Site>{site("1", s)}, {DistanceMethod::Karney});
    EXPECT_EQ(karney.distance_method(), DistanceMethod::Karney);
    EXPECT_EQ(karney.nearest(q)->distance_m, geodesic_distance_m(q, s));
    const SiteIndex fast(std::vector<Site>{site("1", s)});
    EXPECT_NEAR(fast.nearest(q)->distance_m, geodesic_distance_m(q, s), kShortGeodesicErrorM);
}

}  // namespace
}  // namespace sitecover
