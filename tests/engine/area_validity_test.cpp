// repair_area's validity verdict against Boost.Geometry's is_valid (the oracle), on random
// multipolygons drawn on a coarse grid so that touching vertices, collinear edges, spikes,
// nested holes and overlapping parts are frequent; and on spiky stars, where is_valid alone
// is quadratic (engine/src/ring_sweep.hpp).

#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#ifndef BOOST_ALLOW_DEPRECATED_HEADERS
#define BOOST_ALLOW_DEPRECATED_HEADERS
#endif
#include <gtest/gtest.h>
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

#include "sitecover/area.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/error.hpp"
#include "sitecover/reference.hpp"

namespace sitecover {
namespace {

namespace bg = boost::geometry;
using BPoint = bg::model::d2::point_xy<double>;
using BPolygon = bg::model::polygon<BPoint, false, true>;
using BMulti = bg::model::multi_polygon<BPolygon>;

// A ring of `n` grid vertices (0..size), no two consecutive equal, at least 3 distinct, open.
Ring random_ring(std::mt19937& rng, int n, int size, double x0, double y0) {
    std::uniform_int_distribution<int> coord(0, size);
    for (;;) {
        Ring ring;
        while (static_cast<int>(ring.size()) < n) {
            const LonLat p{x0 + coord(rng), y0 + coord(rng)};
            if (ring.empty() || !(ring.back() == p)) ring.push_back(p);
        }
        if (ring.front() == ring.back()) continue;
        std::vector<LonLat> distinct(ring.begin(), ring.end());
        std::sort(distinct.begin(), distinct.end(), [](const LonLat& a, const LonLat& b) {
            return a.lon_deg < b.lon_deg || (a.lon_deg == b.lon_deg && a.lat_deg < b.lat_deg);
        });
        if (std::unique(distinct.begin(), distinct.end()) - distinct.begin() >= 3) return ring;
    }
}

// A ring of `n` distinct grid points sorted by angle around an off-grid centre: simple, unless
// points line up with the centre (then it may touch itself), which the test also wants.
Ring star_shaped_ring(std::mt19937& rng, int n, int size, double x0, double y0) {
    const Ring points = random_ring(rng, n, size, x0, y0);
    const double cx = x0 + size / 2.0 + 0.1, cy = y0 + size / 2.0 + 0.2;
    Ring ring(points.begin(), points.end());
    std::sort(ring.begin(), ring.end(), [&](const LonLat& a, const LonLat& b) {
        return std::atan2(a.lat_deg - cy, a.lon_deg - cx) <
               std::atan2(b.lat_deg - cy, b.lon_deg - cx);
    });
    ring.erase(std::unique(ring.begin(), ring.end()), ring.end());
    return ring;
}

bool oracle_valid(const Area& area) {
    BMulti shape;
    for (const Polygon& part : area.parts) {
        BPolygon polygon;
        for (const LonLat& p : part.outer) polygon.outer().emplace_back(p.lon_deg, p.lat_deg);
        for (const Ring& hole : part.holes) {
            polygon.inners().emplace_back();
            for (const LonLat& p : hole) polygon.inners().back().emplace_back(p.lon_deg, p.lat_deg);
        }
        shape.push_back(polygon);
    }
    bg::correct(shape);  // closes and orients, as repair_area does
    return bg::is_valid(shape);
}

TEST(AreaValidity, AgreesWithBoostOnRandomGridMultipolygons) {
    constexpr unsigned kSeed = 20261129;
    std::mt19937 rng(kSeed);
    int valid = 0, invalid = 0;
    for (int trial = 0; trial < 20000; ++trial) {
        SCOPED_TRACE("seed " + std::to_string(kSeed) + ", trial " + std::to_string(trial));
        Area area{"T" + std::to_string(trial), "", {}};
        const int parts = 1 + static_cast<int>(rng() % 2);
        for (int p = 0; p < parts; ++p) {
            Polygon polygon;
            const int size = 3 + static_cast<int>(rng() % 6);
            const auto ring = trial % 2 == 0 ? random_ring : star_shaped_ring;
            polygon.outer = ring(rng, 3 + static_cast<int>(rng() % 8), size, 3.0 * p, 0.0);
            const int holes = static_cast<int>(rng() % 3);
            for (int h = 0; h < holes; ++h) {
                polygon.holes.push_back(ring(rng, 3 + static_cast<int>(rng() % 3), 2,
                                             static_cast<double>(rng() % size),
                                             static_cast<double>(rng() % size)));
            }
            area.parts.push_back(polygon);
        }
        const bool want = oracle_valid(area);
        Area copy = area;
        bool got = true;
        try {
            repair_area(copy);
        } catch (const InputError&) {
            got = false;
        }
        ASSERT_EQ(got, want) << "area " << area.code;
        (want ? valid : invalid)++;
    }
    // The draw must exercise both answers.
    EXPECT_GT(valid, 2000);
    EXPECT_GT(invalid, 2000);
}

// A star: `n` vertices alternately at radius 1 and `inner` around (0, 0).
Ring star(std::size_t n, double inner) {
    Ring ring;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        const double r = i % 2 == 1 ? inner : 1.0;
        ring.push_back({r * std::cos(a), r * std::sin(a)});
    }
    return ring;
}

TEST(AreaValidity, SpikyStarsAreValidAndHoldTheirPoint) {
    for (const std::size_t n : {8u, 1000u, 50000u}) {
        SCOPED_TRACE(n);
        Area area{"STAR", "", {Polygon{star(n, 0.1), {star(n / 2, 0.02)}}}};
        // The hole (a smaller star, radius 0.02..0.1... scaled) sits inside the outer star.
        for (LonLat& p : area.parts[0].holes[0]) {
            p.lon_deg *= 0.05;
            p.lat_deg *= 0.05;
        }
        ASSERT_NO_THROW(repair_area(area));
        const LonLat inside = point_on_surface(area);
        EXPECT_FALSE(reference::areas_containing({area}, inside, Boundary::Excluded).empty());
    }
}

TEST(AreaValidity, SpikyStarTouchingItselfIsInvalid) {
    Ring ring = star(20000, 0.1);
    ring[10001] = ring[3];  // one inner vertex moved onto another: the ring touches itself
    Area area{"STAR", "", {Polygon{ring, {}}}};
    EXPECT_THROW(repair_area(area), InputError);
}

}  // namespace
}  // namespace sitecover
