// repair_area, point_on_surface and centroid.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/area.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/error.hpp"
#include "sitecover/reference.hpp"

namespace sitecover {
namespace {

// Twice the signed area of a ring (shoelace, lon/lat degrees): positive when counter-clockwise.
double signed_area2(const Ring& ring) {
    double sum = 0.0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[(i + 1) % ring.size()];
        sum += a.lon_deg * b.lat_deg - b.lon_deg * a.lat_deg;
    }
    return sum;
}

Area one_part(const std::string& code, Ring outer, std::vector<Ring> holes = {}) {
    return Area{code, code, {Polygon{std::move(outer), std::move(holes)}}};
}

// Strictly inside: the boundary does not count.
bool strictly_inside(const Area& area, const LonLat& p) {
    return !reference::areas_containing({area}, p, Boundary::Excluded).empty();
}

std::string repair_error(Area area) {
    try {
        repair_area(area);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

// ---------------------------------------------------------------------------------------------
// repair_area

TEST(AreaRepair, ValidAreaIsLeftAlone) {
    Area area = one_part("32001", {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}});
    const Area before = area;
    const RepairReport report = repair_area(area);
    EXPECT_FALSE(report.closed_rings);
    EXPECT_FALSE(report.reoriented_rings);
    EXPECT_FALSE(report.removed_duplicates);
    EXPECT_EQ(area.parts[0].outer, before.parts[0].outer);
}

TEST(AreaRepair, OpenRingIsClosed) {
    Area area = one_part("32002", {{0, 0}, {1, 0}, {1, 1}, {0, 1}});
    const RepairReport report = repair_area(area);
    EXPECT_TRUE(report.closed_rings);
    EXPECT_FALSE(report.reoriented_rings);
    const Ring& outer = area.parts[0].outer;
    ASSERT_EQ(outer.size(), 5u);
    EXPECT_EQ(outer.front(), outer.back());
}

TEST(AreaRepair, ClockwiseOuterRingIsReoriented) {
    Area area = one_part("32003", {{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}});
    ASSERT_LT(signed_area2(area.parts[0].outer), 0.0);
    const RepairReport report = repair_area(area);
    EXPECT_TRUE(report.reoriented_rings);
    EXPECT_FALSE(report.closed_rings);
    EXPECT_GT(signed_area2(area.parts[0].outer), 0.0);  // counter-clockwise, as in RFC 7946
}

TEST(AreaRepair, CounterClockwiseHoleIsReoriented) {
    Area area = one_part("32004", {{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}},
                         {{{1, 1}, {3, 1}, {3, 3}, {1, 3}, {1, 1}}});
    const RepairReport report = repair_area(area);
    EXPECT_TRUE(report.reoriented_rings);
    EXPECT_GT(signed_area2(area.parts[0].outer), 0.0);
    EXPECT_LT(signed_area2(area.parts[0].holes[0]), 0.0);
}

TEST(AreaRepair, ConsecutiveDuplicatesAreRemoved) {
    Area area = one_part("32005", {{0, 0}, {1, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 1}, {0, 0}, {0, 0}});
    const RepairReport report = repair_area(area);
    EXPECT_TRUE(report.removed_duplicates);
    EXPECT_FALSE(report.closed_rings);
    EXPECT_EQ(area.parts[0].outer, (Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}));
}

TEST(AreaRepair, BowTieThrowsWithTheReasonAndTheCode) {
    const Area bow_tie = one_part("32999", {{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}});
    const std::string message = repair_error(bow_tie);
    EXPECT_EQ(message.rfind("area 32999: invalid polygon: ", 0), 0u) << message;
    EXPECT_NE(message.find("self-intersections"), std::string::npos) << message;
}

TEST(AreaRepair, FailureLeavesTheAreaUntouched) {
    Area area = one_part("32998", {{0, 0}, {1, 1}, {1, 0}, {0, 1}});  // open bow-tie
    const Area before = area;
    EXPECT_THROW(repair_area(area), InputError);
    EXPECT_EQ(area.parts[0].outer, before.parts[0].outer);
}

TEST(AreaRepair, DegenerateInputsThrowInputError) {
    EXPECT_NE(repair_error(Area{"32100", "empty", {}}).find("area 32100: empty area"),
              std::string::npos);
    const std::string two_vertices =
        repair_error(one_part("32101", {{0, 0}, {1, 0}, {0, 0}, {1, 0}}));
    EXPECT_NE(two_vertices.find("area 32101"), std::string::npos) << two_vertices;
    EXPECT_NE(two_vertices.find("fewer than 3 distinct vertices"), std::string::npos)
        << two_vertices;
    const std::string bad_hole =
        repair_error(one_part("32102", {{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {{{1, 1}, {1, 1}}}));
    EXPECT_NE(bad_hole.find("area 32102, part 1, hole 1"), std::string::npos) << bad_hole;
    const std::string bad_coordinate = repair_error(one_part("32103", {{0, 0}, {200, 0}, {1, 1}}));
    EXPECT_NE(bad_coordinate.find("invalid coordinate"), std::string::npos) << bad_coordinate;
}

TEST(AreaRepair, OverlappingPartsAreInvalid) {
    Area area{"32104",
              "overlap",
              {Polygon{{{0, 0}, {2, 0}, {2, 2}, {0, 2}}, {}},
               Polygon{{{1, 1}, {3, 1}, {3, 3}, {1, 3}}, {}}}};
    const std::string message = repair_error(area);
    EXPECT_EQ(message.rfind("area 32104: invalid polygon: ", 0), 0u) << message;
}

// ---------------------------------------------------------------------------------------------
// point_on_surface and centroid

// A "C" opening east: its centroid (about (1.36, 1.5)) lies in the notch.
Area c_shape() {
    return one_part("32200",
                    {{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 2}, {3, 2}, {3, 3}, {0, 3}, {0, 0}});
}

TEST(AreaPointOnSurface, InsideAConcaveShapeWhoseCentroidIsOutside) {
    const Area area = c_shape();
    const LonLat c = centroid(area);
    EXPECT_NEAR(c.lon_deg, 9.5 / 7.0, 1e-12);
    EXPECT_NEAR(c.lat_deg, 1.5, 1e-12);
    EXPECT_FALSE(strictly_inside(area, c));
    EXPECT_TRUE(strictly_inside(area, point_on_surface(area)));
}

TEST(AreaPointOnSurface, NotInTheHoleOfAThinFrame) {
    // Most of the envelope is hole: the middle of the extremes lies in it.
    const Area frame = one_part("32201", {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}},
                                {{{0.5, 0.5}, {0.5, 9.5}, {9.5, 9.5}, {9.5, 0.5}, {0.5, 0.5}}});
    EXPECT_TRUE(strictly_inside(frame, point_on_surface(frame)));
}

TEST(AreaPointOnSurface, NotOnTheBoundaryWhereBoostsOwnAnswerLies) {
    // Found by random search: Boost 1.74's bg::point_on_surface returns (1/3, 0.6333...), which
    // lies on the edge (0.2 0.1)-(0.4 0.9). The answer must be strictly inside.
    Area area = one_part("32204", {{0.2, 0.1},
                                   {0.4, 0.9},
                                   {-0.3, 0.9},
                                   {-0.2, 0.0},
                                   {-0.2, -0.2},
                                   {-0.1, -0.8},
                                   {0.3, -0.2},
                                   {0.2, 0.1}});
    repair_area(area);
    EXPECT_FALSE(strictly_inside(area, {1.0 / 3.0, 0.6333333333333333}));
    EXPECT_TRUE(strictly_inside(area, point_on_surface(area)));
}

TEST(AreaPointOnSurface, InTheLargestPart) {
    const Area area{"32202",
                    "two parts",
                    {Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, {}},
                     Polygon{{{5, 5}, {9, 5}, {9, 9}, {5, 9}, {5, 5}}, {}}}};
    const LonLat p = point_on_surface(area);
    EXPECT_TRUE(p.lon_deg > 5 && p.lon_deg < 9 && p.lat_deg > 5 && p.lat_deg < 9);
}

TEST(AreaPointOnSurface, EmptyAreaThrows) {
    EXPECT_THROW(point_on_surface(Area{"32203", "empty", {}}), InputError);
    EXPECT_THROW(centroid(Area{"32203", "empty", {}}), InputError);
}

// Random concave star polygons with off-centre holes: always strictly inside.
TEST(AreaPointOnSurface, InsideRandomStarsWithHoles) {
    constexpr std::uint64_t kSeed = 42;
    SCOPED_TRACE("seed " + std::to_string(kSeed));
    std::mt19937_64 rng(kSeed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> vertex_count(5, 40);
    for (int trial = 0; trial < 300; ++trial) {
        SCOPED_TRACE("trial " + std::to_string(trial));
        const int n = vertex_count(rng);
        Ring outer;
        for (int i = 0; i < n; ++i) {
            const double angle = 2.0 * std::numbers::pi * (i + 0.5 * unit(rng)) / n;
            const double radius = 0.2 + 0.8 * unit(rng);  // deep notches
            outer.push_back({0.5 + radius * std::cos(angle), 43.6 + radius * std::sin(angle)});
        }
        // A hole around the centre, where the average of extreme vertices tends to fall.
        const double h = 0.02 + 0.05 * unit(rng);
        Area area = one_part(
            std::string("R") + std::to_string(trial), outer,
            {{{0.5 - h, 43.6 - h}, {0.5 - h, 43.6 + h}, {0.5 + h, 43.6 + h}, {0.5 + h, 43.6 - h}}});
        repair_area(area);
        const LonLat p = point_on_surface(area);
        ASSERT_TRUE(strictly_inside(area, p)) << "(" << p.lon_deg << ", " << p.lat_deg << ")";
    }
}

TEST(AreaCentroid, SquareAndTwoEqualParts) {
    const LonLat square = centroid(one_part("32300", {{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}));
    EXPECT_DOUBLE_EQ(square.lon_deg, 1.0);
    EXPECT_DOUBLE_EQ(square.lat_deg, 1.0);

    const Area two{"32301",
                   "two",
                   {Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, {}},
                    Polygon{{{3, 0}, {4, 0}, {4, 1}, {3, 1}, {3, 0}}, {}}}};
    const LonLat c = centroid(two);
    EXPECT_NEAR(c.lon_deg, 2.0, 1e-12);
    EXPECT_NEAR(c.lat_deg, 0.5, 1e-12);
}

TEST(AreaCentroid, HoleShiftsTheCentroid) {
    // 4x4 square minus a 1x2 hole east of its centre: the centroid moves west.
    Area area = one_part("32302", {{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}},
                         {{{2, 1}, {2, 3}, {3, 3}, {3, 1}, {2, 1}}});
    repair_area(area);
    const LonLat c = centroid(area);
    // (16 * 2 - 2 * 2.5) / 14
    EXPECT_NEAR(c.lon_deg, 27.0 / 14.0, 1e-12);
    EXPECT_NEAR(c.lat_deg, 2.0, 1e-12);
}

}  // namespace
}  // namespace sitecover
