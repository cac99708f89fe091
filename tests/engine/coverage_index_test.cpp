// CoverageIndex: boundary-rule tables (WKT), a property test against the brute-force oracle and
// distance_to_boundary_m against a densely sampled boundary.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
// Boost 1.74 prints a deprecation #pragma message from Boost.Math otherwise.
#ifndef BOOST_ALLOW_DEPRECATED_HEADERS
#define BOOST_ALLOW_DEPRECATED_HEADERS
#endif
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>

#include "sitecover/area.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/reference.hpp"

namespace sitecover {
namespace {

namespace bg = boost::geometry;
using WktPoint = bg::model::d2::point_xy<double>;
using WktPolygon = bg::model::polygon<WktPoint, false, true>;
using WktMultiPolygon = bg::model::multi_polygon<WktPolygon>;

Ring ring_from(const WktPolygon::ring_type& ring) {
    Ring out;
    for (const WktPoint& p : ring) {
        out.push_back({p.x(), p.y()});
    }
    return out;
}

// An Area from "POLYGON(...)" or "MULTIPOLYGON(...)" (x = lon, y = lat), rings as written.
Area area_from_wkt(const std::string& code, const std::string& wkt) {
    WktMultiPolygon shape;
    if (wkt.rfind("POLYGON", 0) == 0) {
        WktPolygon polygon;
        bg::read_wkt(wkt, polygon);
        shape.push_back(polygon);
    } else {
        bg::read_wkt(wkt, shape);
    }
    Area area{code, code, {}};
    for (const WktPolygon& polygon : shape) {
        Polygon part{ring_from(polygon.outer()), {}};
        for (const auto& hole : polygon.inners()) {
            part.holes.push_back(ring_from(hole));
        }
        area.parts.push_back(std::move(part));
    }
    return area;
}

using Indices = std::vector<std::size_t>;

// ---------------------------------------------------------------------------------------------
// Boundary tables

std::vector<Area> table_areas() {
    return {
        // 0: a 2x2 square with a square hole
        area_from_wkt("A",
                      "POLYGON((0 0,2 0,2 2,0 2,0 0),(0.5 0.5,0.5 1.5,1.5 1.5,1.5 0.5,0.5 0.5))"),
        // 1: the square east of A, sharing the edge x = 2
        area_from_wkt("B", "POLYGON((2 0,4 0,4 2,2 2,2 0))"),
        // 2: two parts, a triangle and a square
        area_from_wkt(
            "C", "MULTIPOLYGON(((10 10,12 10,11 12,10 10)),((20 20,22 20,22 22,20 22,20 20)))"),
    };
}

struct BoundaryRow {
    const char* what;
    LonLat p;
    Indices included;
    Indices excluded;
};

const std::vector<BoundaryRow>& boundary_rows() {
    static const std::vector<BoundaryRow> rows = {
        {"strictly inside A", {0.25, 1.0}, {0}, {0}},
        {"just inside A's shared edge", {2.0 - 1e-9, 1.0}, {0}, {0}},
        {"outside everything", {-1.0, -1.0}, {}, {}},
        {"on a vertex of A only", {0.0, 0.0}, {0}, {}},
        {"on an edge of A only", {0.0, 1.0}, {0}, {}},
        {"inside A's hole", {1.0, 1.0}, {}, {}},
        {"on an edge of A's hole", {0.5, 1.0}, {0}, {}},
        {"on a vertex of A's hole", {1.5, 1.5}, {0}, {}},
        {"on the edge shared by A and B", {2.0, 1.0}, {0, 1}, {}},
        {"on a vertex shared by A and B", {2.0, 2.0}, {0, 1}, {}},
        {"on a vertex of B only", {4.0, 0.0}, {1}, {}},
        {"strictly inside B", {3.0, 1.0}, {1}, {1}},
        {"on a sloping edge of C's triangle", {10.5, 11.0}, {2}, {}},
        {"on the apex of C's triangle", {11.0, 12.0}, {2}, {}},
        {"strictly inside C's triangle", {11.0, 11.0}, {2}, {2}},
        {"strictly inside C's second part", {21.0, 21.0}, {2}, {2}},
        {"on an edge of C's second part", {22.0, 21.5}, {2}, {}},
        {"corner of the triangle's envelope, outside it", {10.0, 12.0}, {}, {}},
        {"between C's parts", {15.0, 15.0}, {}, {}},
    };
    return rows;
}

TEST(CoverageBoundaryTable, IndexFollowsTheRuleOnEveryRow) {
    const CoverageIndex index(table_areas());
    for (const BoundaryRow& row : boundary_rows()) {
        SCOPED_TRACE(row.what);
        EXPECT_EQ(index.areas_containing(row.p), row.included) << "default rule";
        EXPECT_EQ(index.areas_containing(row.p, Boundary::Included), row.included);
        EXPECT_EQ(index.areas_containing(row.p, Boundary::Excluded), row.excluded);
    }
}

TEST(CoverageBoundaryTable, ReferenceFollowsTheRuleOnEveryRow) {
    const std::vector<Area> areas = table_areas();
    for (const BoundaryRow& row : boundary_rows()) {
        SCOPED_TRACE(row.what);
        EXPECT_EQ(reference::areas_containing(areas, row.p), row.included) << "default rule";
        EXPECT_EQ(reference::areas_containing(areas, row.p, Boundary::Included), row.included);
        EXPECT_EQ(reference::areas_containing(areas, row.p, Boundary::Excluded), row.excluded);
    }
}

TEST(CoverageBoundaryTable, OpenAndClosedRingsGiveTheSameAnswers) {
    std::vector<Area> open = table_areas();
    for (Area& area : open) {
        for (Polygon& part : area.parts) {
            part.outer.pop_back();
            for (Ring& hole : part.holes) {
                hole.pop_back();
            }
        }
    }
    const CoverageIndex index(std::move(open));
    for (const BoundaryRow& row : boundary_rows()) {
        SCOPED_TRACE(row.what);
        EXPECT_EQ(index.areas_containing(row.p, Boundary::Included), row.included);
        EXPECT_EQ(index.areas_containing(row.p, Boundary::Excluded), row.excluded);
    }
}

// ---------------------------------------------------------------------------------------------
// Basic contract

TEST(CoverageIndex, KeepsAreasInOrderAndSurvivesAMove) {
    CoverageIndex first(table_areas());
    CoverageIndex index(std::move(first));
    ASSERT_EQ(index.areas().size(), 3u);
    EXPECT_EQ(index.areas()[0].code, "A");
    EXPECT_EQ(index.areas()[2].code, "C");
    EXPECT_EQ(index.areas_containing({3.0, 1.0}), Indices{1});
}

TEST(CoverageIndex, EmptyIndexAndEmptyAreasContainNothing) {
    const CoverageIndex empty{std::vector<Area>{}};
    EXPECT_TRUE(empty.areas_containing({0.0, 0.0}).empty());
    const CoverageIndex with_empty_area(std::vector<Area>{Area{"E", "empty", {}}});
    EXPECT_TRUE(with_empty_area.areas_containing({0.0, 0.0}).empty());
    EXPECT_TRUE(std::isinf(with_empty_area.distance_to_boundary_m(0, {0.0, 0.0})));
}

TEST(CoverageIndex, RejectsInvalidArguments) {
    const CoverageIndex index(table_areas());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(index.areas_containing({nan, 1.0}), ArgumentError);
    EXPECT_THROW(index.areas_containing({181.0, 1.0}), ArgumentError);
    EXPECT_THROW(index.areas_containing({0.0, -90.5}), ArgumentError);
    EXPECT_THROW(reference::areas_containing(index.areas(), {nan, 0.0}), ArgumentError);
    EXPECT_THROW(index.distance_to_boundary_m(3, {0.0, 0.0}), ArgumentError);
    EXPECT_THROW(index.distance_to_boundary_m(0, {0.0, nan}), ArgumentError);
}

// ---------------------------------------------------------------------------------------------
// Property test: random star-shaped areas (some with holes, some in two parts) against the
// brute-force oracle, at random points and exactly on vertices.

Ring random_star(std::mt19937_64& rng, LonLat centre, double min_radius_deg, double max_radius_deg,
                 bool clockwise) {
    std::uniform_int_distribution<int> vertex_count(4, 14);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int n = vertex_count(rng);
    Ring ring;
    for (int i = 0; i < n; ++i) {
        const double angle = 2.0 * std::numbers::pi * (i + 0.8 * unit(rng)) / n;
        const double radius = min_radius_deg + (max_radius_deg - min_radius_deg) * unit(rng);
        ring.push_back(
            {centre.lon_deg + radius * std::cos(angle), centre.lat_deg + radius * std::sin(angle)});
    }
    if (clockwise) {
        std::reverse(ring.begin(), ring.end());
    }
    ring.push_back(ring.front());
    return ring;
}

Polygon random_part(std::mt19937_64& rng, LonLat centre, double radius_deg, bool with_hole) {
    Polygon part{random_star(rng, centre, 0.5 * radius_deg, radius_deg, false), {}};
    if (with_hole) {
        // Star edges stay farther than 0.5 * cos(0.9 pi / 4) ≈ 0.08 radii from the centre.
        part.holes.push_back(random_star(rng, centre, 0.02 * radius_deg, 0.07 * radius_deg, true));
    }
    return part;
}

std::vector<Area> random_areas(std::uint64_t seed, std::size_t count) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(-1.0, 3.0);
    std::uniform_real_distribution<double> lat(42.0, 45.0);
    std::uniform_real_distribution<double> radius(0.05, 0.8);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Area> areas;
    while (areas.size() < count) {
        const LonLat centre{lon(rng), lat(rng)};
        const double r = radius(rng);
        Area area{"R" + std::to_string(areas.size()), "random", {}};
        area.parts.push_back(random_part(rng, centre, r, unit(rng) < 0.3));
        if (unit(rng) < 0.3) {
            area.parts.push_back(
                random_part(rng, {centre.lon_deg + 2.5 * r, centre.lat_deg}, r, false));
        }
        repair_area(area);  // the construction is valid by design; this proves it
        areas.push_back(std::move(area));
    }
    return areas;
}

TEST(CoverageProperty, IndexMatchesReferenceOnRandomAreas) {
    for (const std::uint64_t seed : {1u, 2u, 3u, 20240611u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const std::vector<Area> areas = random_areas(seed, 30);
        const CoverageIndex index(areas);

        std::vector<LonLat> points;
        std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
        std::uniform_real_distribution<double> lon(-2.0, 4.5);
        std::uniform_real_distribution<double> lat(41.0, 46.0);
        for (int i = 0; i < 1500; ++i) {
            points.push_back({lon(rng), lat(rng)});
        }
        for (const Area& area : areas) {  // exactly on vertices, and near edge midpoints
            for (const Polygon& part : area.parts) {
                for (std::size_t i = 0; i + 1 < part.outer.size(); i += 2) {
                    points.push_back(part.outer[i]);
                    points.push_back({(part.outer[i].lon_deg + part.outer[i + 1].lon_deg) / 2,
                                      (part.outer[i].lat_deg + part.outer[i + 1].lat_deg) / 2});
                }
                for (const Ring& hole : part.holes) {
                    points.push_back(hole.front());
                }
            }
        }

        std::size_t boundary_points = 0;
        for (const LonLat& p : points) {
            SCOPED_TRACE("point (" + std::to_string(p.lon_deg) + ", " + std::to_string(p.lat_deg) +
                         ")");
            const Indices included = index.areas_containing(p, Boundary::Included);
            const Indices excluded = index.areas_containing(p, Boundary::Excluded);
            ASSERT_EQ(included, reference::areas_containing(areas, p, Boundary::Included));
            ASSERT_EQ(excluded, reference::areas_containing(areas, p, Boundary::Excluded));
            ASSERT_TRUE(
                std::includes(included.begin(), included.end(), excluded.begin(), excluded.end()));
            boundary_points += included.size() - excluded.size();
        }
        // The vertices must have exercised the boundary rule.
        EXPECT_GT(boundary_points, areas.size());
    }
}

TEST(CoverageProperty, ConcurrentQueriesAgreeWithSerialOnes) {
    constexpr std::uint64_t kSeed = 11;
    SCOPED_TRACE("seed " + std::to_string(kSeed));
    const std::vector<Area> areas = random_areas(kSeed, 20);
    const CoverageIndex index(areas);
    std::mt19937_64 rng(kSeed);
    std::uniform_real_distribution<double> lon(-2.0, 4.5);
    std::uniform_real_distribution<double> lat(41.0, 46.0);
    std::vector<LonLat> points(400);
    for (LonLat& p : points) {
        p = {lon(rng), lat(rng)};
    }
    const auto answer = [&](const LonLat& p) {
        std::vector<double> out;
        for (const std::size_t i : index.areas_containing(p)) {
            out.push_back(static_cast<double>(i));
            out.push_back(index.distance_to_boundary_m(i, p));
        }
        return out;
    };
    std::vector<std::vector<double>> serial;
    for (const LonLat& p : points) {
        serial.push_back(answer(p));
    }
    std::vector<std::vector<std::vector<double>>> parallel(4);
    std::vector<std::thread> threads;
    for (auto& results : parallel) {
        threads.emplace_back([&] {
            for (const LonLat& p : points) {
                results.push_back(answer(p));
            }
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    for (const auto& results : parallel) {
        EXPECT_EQ(results, serial);
    }
}

// ---------------------------------------------------------------------------------------------
// distance_to_boundary_m

Area box_area(double west, double south, double east, double north) {
    return Area{
        "box",
        "box",
        {Polygon{{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}, {}}}};
}

TEST(CoverageDistance, CentreOfASmallBoxAtTheEquator) {
    const CoverageIndex index({box_area(-0.01, -0.01, 0.01, 0.01)});
    const LonLat centre{0.0, 0.0};
    const double expected_m = std::min(geodesic_distance_m(centre, {0.01, 0.0}),
                                       geodesic_distance_m(centre, {0.0, 0.01}));
    EXPECT_NEAR(index.distance_to_boundary_m(0, centre), expected_m, 0.5);
    EXPECT_NEAR(expected_m, 1105.7, 1.0);  // a degree of latitude is shorter than of longitude
}

TEST(CoverageDistance, CentreOfASmallBoxAt43_6North) {
    const CoverageIndex index({box_area(0.58, 43.59, 0.60, 43.61)});
    const LonLat centre{0.59, 43.60};
    const double expected_m = std::min(
        {geodesic_distance_m(centre, {0.58, 43.60}), geodesic_distance_m(centre, {0.60, 43.60}),
         geodesic_distance_m(centre, {0.59, 43.59}), geodesic_distance_m(centre, {0.59, 43.61})});
    EXPECT_NEAR(index.distance_to_boundary_m(0, centre), expected_m, 0.5);
    // Off-centre, nearer the west edge (about 403 m away).
    const LonLat west{0.585, 43.60};
    EXPECT_NEAR(index.distance_to_boundary_m(0, west), geodesic_distance_m(west, {0.58, 43.60}),
                0.5);
}

TEST(CoverageDistance, ZeroOnTheBoundary) {
    const CoverageIndex index({box_area(0.58, 43.59, 0.60, 43.61)});
    EXPECT_NEAR(index.distance_to_boundary_m(0, {0.59, 43.59}), 0.0, 1e-6);   // edge
    EXPECT_NEAR(index.distance_to_boundary_m(0, {0.60, 43.605}), 0.0, 1e-6);  // edge
    EXPECT_NEAR(index.distance_to_boundary_m(0, {0.58, 43.61}), 0.0, 1e-6);   // vertex
}

TEST(CoverageDistance, HolesCountAsBoundary) {
    const CoverageIndex index({area_from_wkt(
        "H",
        "POLYGON((0 43,1 43,1 44,0 44,0 43),(0.4 43.4,0.4 43.6,0.6 43.6,0.6 43.4,0.4 43.4))")});
    // Centre of the hole, 0.1 degree from its edges: nearer the east and west edges (a degree of
    // longitude is shorter at 43.5N) than the outer ring.
    const LonLat p{0.5, 43.5};
    const double expected_m =
        std::min(geodesic_distance_m(p, {0.4, 43.5}), geodesic_distance_m(p, {0.5, 43.4}));
    EXPECT_NEAR(index.distance_to_boundary_m(0, p), expected_m, 0.5);
    EXPECT_LT(expected_m, 8100.0);
}

TEST(CoverageDistance, AcrossTheAntimeridian) {
    // The box touches lon 180; a point just east of the antimeridian is near its east edge.
    const CoverageIndex index({box_area(179.98, -0.01, 180.0, 0.01)});
    const LonLat p{-179.995, 0.0};
    EXPECT_NEAR(index.distance_to_boundary_m(0, p), geodesic_distance_m(p, {180.0, 0.0}), 0.5);
    EXPECT_NEAR(geodesic_distance_m(p, {180.0, 0.0}), 556.6, 1.0);
}

// The nearest point of edge ab to p by dense sampling then ternary refinement of the geodesic
// distance: slow, independent of the local frame used by the index.
double sampled_edge_distance_m(const LonLat& p, const LonLat& a, const LonLat& b) {
    const auto at = [&](double t) {
        return geodesic_distance_m(
            p, {a.lon_deg + t * (b.lon_deg - a.lon_deg), a.lat_deg + t * (b.lat_deg - a.lat_deg)});
    };
    constexpr int kSamples = 200;
    int best_i = 0;
    double best_m = at(0.0);
    for (int i = 1; i <= kSamples; ++i) {
        const double d = at(static_cast<double>(i) / kSamples);
        if (d < best_m) {
            best_m = d;
            best_i = i;
        }
    }
    double lo = std::max(0.0, (best_i - 1.0) / kSamples);
    double hi = std::min(1.0, (best_i + 1.0) / kSamples);
    for (int k = 0; k < 60; ++k) {
        const double m1 = lo + (hi - lo) / 3.0;
        const double m2 = hi - (hi - lo) / 3.0;
        if (at(m1) < at(m2)) {
            hi = m2;
        } else {
            lo = m1;
        }
    }
    return std::min(best_m, at((lo + hi) / 2.0));
}

double sampled_boundary_distance_m(const Area& area, const LonLat& p) {
    double best_m = std::numeric_limits<double>::infinity();
    const auto ring_distance = [&](const Ring& ring) {
        for (std::size_t i = 1; i < ring.size(); ++i) {
            best_m = std::min(best_m, sampled_edge_distance_m(p, ring[i - 1], ring[i]));
        }
    };
    for (const Polygon& part : area.parts) {
        ring_distance(part.outer);
        for (const Ring& hole : part.holes) {
            ring_distance(hole);
        }
    }
    return best_m;
}

TEST(CoverageDistance, MatchesASampledBoundaryAtManyLatitudes) {
    // Edges of tens of kilometres, points inside and outside up to ~100 km away.
    for (const double lat : {0.0, 43.6, -60.0, 80.0}) {
        const std::uint64_t seed = 7 + static_cast<std::uint64_t>(lat + 100.0);
        SCOPED_TRACE("seed " + std::to_string(seed) + ", latitude " + std::to_string(lat));
        std::mt19937_64 rng(seed);
        Area area{"S", "star", {random_part(rng, {0.5, lat}, 0.4, true)}};
        repair_area(area);
        const CoverageIndex index({area});
        std::uniform_real_distribution<double> offset(-0.9, 0.9);
        for (int i = 0; i < 6; ++i) {
            const LonLat p{0.5 + offset(rng), lat + offset(rng)};
            SCOPED_TRACE("point (" + std::to_string(p.lon_deg) + ", " + std::to_string(p.lat_deg) +
                         ")");
            // The index refines on the ellipsoid: it agrees to well under a centimetre.
            EXPECT_NEAR(index.distance_to_boundary_m(0, p), sampled_boundary_distance_m(area, p),
                        0.01);
        }
    }
}

}  // namespace
}  // namespace sitecover
