#include "sitecover/area_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "angle_units.hpp"
#include "boost_area.hpp"
#include "ring_sweep.hpp"
#include "sitecover/error.hpp"

namespace sitecover {
namespace {

namespace bg = boost::geometry;
using detail::BoostMultiPolygon;
using detail::BoostPoint;
using detail::BoostPolygon;
using detail::BoostRing;

std::string area_label(const Area& area) { return "area " + area.code; }

// Drops the closing vertex and consecutive repeats, checks what is left, closes the ring again.
// `where` names the ring in error messages.
void clean_ring(Ring& ring, RepairReport& report, const std::string& where) {
    for (const LonLat& p : ring) {
        if (!is_valid(p)) {
            throw InputError(where + ": invalid coordinate " + to_string(p));
        }
    }
    Ring cleaned;
    cleaned.reserve(ring.size() + 1);
    const bool closed = ring.size() >= 2 && ring.front() == ring.back();
    const std::size_t open_size = closed ? ring.size() - 1 : ring.size();
    for (std::size_t i = 0; i < open_size; ++i) {
        if (!cleaned.empty() && cleaned.back() == ring[i]) {
            report.removed_duplicates = true;
        } else {
            cleaned.push_back(ring[i]);
        }
    }
    // A repeat of the first vertex at the end (beyond the closing one) is a duplicate too.
    while (cleaned.size() >= 2 && cleaned.back() == cleaned.front()) {
        cleaned.pop_back();
        report.removed_duplicates = true;
    }

    std::vector<std::pair<double, double>> distinct;
    distinct.reserve(cleaned.size());
    for (const LonLat& p : cleaned) {
        distinct.emplace_back(p.lon_deg, p.lat_deg);
    }
    std::sort(distinct.begin(), distinct.end());
    const auto distinct_count =
        static_cast<std::size_t>(std::unique(distinct.begin(), distinct.end()) - distinct.begin());
    if (distinct_count < 3) {
        throw InputError(where + ": ring with fewer than 3 distinct vertices (" +
                         std::to_string(distinct_count) + ")");
    }

    if (!closed) {
        report.closed_rings = true;
    }
    cleaned.push_back(cleaned.front());
    ring = std::move(cleaned);
}

// An interior point found on a horizontal line: the alternative to Boost's point_on_surface.
// The line runs midway between two consecutive distinct vertex latitudes, so no vertex lies on it
// and every crossing is a proper edge crossing: the crossings, sorted, pair up into interior
// intervals (even-odd, holes included), and the middle of the widest one is strictly inside.
// O(attempts × vertices); the first attempt (the gap at the middle of the envelope) normally
// succeeds.
std::optional<BoostPoint> scanline_interior_point(const BoostPolygon& polygon) {
    std::vector<const BoostRing*> rings{&polygon.outer()};
    for (const BoostRing& hole : polygon.inners()) {
        rings.push_back(&hole);
    }
    std::vector<double> ys;
    for (const BoostRing* ring : rings) {
        for (const BoostPoint& p : *ring) {
            ys.push_back(p.y());
        }
    }
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    if (ys.size() < 2) {
        return std::nullopt;
    }

    // Gap i lies between ys[i] and ys[i + 1]. Try the one at the envelope's middle first, then
    // the others from the tallest down.
    std::vector<std::size_t> gaps(ys.size() - 1);
    std::iota(gaps.begin(), gaps.end(), std::size_t{0});
    const double middle = (ys.front() + ys.back()) / 2.0;
    const auto middle_gap = static_cast<std::size_t>(std::max<std::ptrdiff_t>(
        0, std::upper_bound(ys.begin(), ys.end(), middle) - ys.begin() - 1));
    std::stable_sort(gaps.begin(), gaps.end(), [&](std::size_t a, std::size_t b) {
        if ((a == middle_gap) != (b == middle_gap)) {
            return a == middle_gap;
        }
        return ys[a + 1] - ys[a] > ys[b + 1] - ys[b];
    });

    constexpr std::size_t kMaxAttempts = 64;
    std::vector<double> xs;
    for (std::size_t attempt = 0; attempt < std::min(kMaxAttempts, gaps.size()); ++attempt) {
        const std::size_t gap = gaps[attempt];
        const double y = (ys[gap] + ys[gap + 1]) / 2.0;
        if (!(y > ys[gap] && y < ys[gap + 1])) {
            continue;  // adjacent doubles: no room for a line between them
        }
        xs.clear();
        for (const BoostRing* ring : rings) {
            for (std::size_t i = 1; i < ring->size(); ++i) {
                const BoostPoint& a = (*ring)[i - 1];
                const BoostPoint& b = (*ring)[i];
                if ((a.y() < y) != (b.y() < y)) {
                    xs.push_back(a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
                }
            }
        }
        std::sort(xs.begin(), xs.end());
        double widest = 0.0;
        std::optional<BoostPoint> candidate;
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            if (xs[i + 1] - xs[i] > widest) {
                widest = xs[i + 1] - xs[i];
                candidate = BoostPoint((xs[i] + xs[i + 1]) / 2.0, y);
            }
        }
        if (candidate && bg::within(*candidate, polygon)) {
            return candidate;
        }
    }
    return std::nullopt;
}

// Boost checks a polygon's ring orientation before its self-intersections, so a ring whose lobes
// cancel out (a bow-tie: zero net area, nothing bg::correct can reverse) is reported as "wrong
// orientation". Checked alone, a ring reports its self-intersections first: that reason, naming
// the ring, says what is actually wrong.
std::optional<std::string> self_intersection_reason(const BoostMultiPolygon& shape) {
    const auto check = [](const BoostRing& ring,
                          const std::string& where) -> std::optional<std::string> {
        bg::validity_failure_type failure = bg::no_failure;
        if (bg::is_valid(ring, failure) || failure != bg::failure_self_intersections) {
            return std::nullopt;
        }
        std::string reason;
        bg::is_valid(ring, reason);
        return where + ": " + reason;
    };
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const std::string part_label = "part " + std::to_string(i + 1);
        if (auto reason = check(shape[i].outer(), part_label + ", outer ring")) {
            return reason;
        }
        for (std::size_t j = 0; j < shape[i].inners().size(); ++j) {
            if (auto reason =
                    check(shape[i].inners()[j], part_label + ", hole " + std::to_string(j + 1))) {
                return reason;
            }
        }
    }
    return std::nullopt;
}

// Squared distance from p to the polygon's nearest edge, in degrees of latitude (longitude
// scaled by cos(lat) so that both directions count alike). Only used to compare candidates.
double clearance2(const BoostPolygon& polygon, const BoostPoint& p) {
    using detail::kDegToRad;
    const double x_scale = std::cos(p.y() * kDegToRad);
    double best = std::numeric_limits<double>::infinity();
    const auto ring_clearance = [&](const BoostRing& ring) {
        for (std::size_t i = 1; i < ring.size(); ++i) {
            const double ax = (ring[i - 1].x() - p.x()) * x_scale;
            const double ay = ring[i - 1].y() - p.y();
            const double dx = (ring[i].x() - ring[i - 1].x()) * x_scale;
            const double dy = ring[i].y() - ring[i - 1].y();
            const double len2 = dx * dx + dy * dy;
            const double t = len2 > 0.0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
            const double x = ax + t * dx;
            const double y = ay + t * dy;
            best = std::min(best, x * x + y * y);
        }
    };
    ring_clearance(polygon.outer());
    for (const BoostRing& hole : polygon.inners()) {
        ring_clearance(hole);
    }
    return best;
}

// Given rings that are simple and pairwise disjoint (ring_sweep.hpp) and wound as the type
// declares, the multipolygon is valid when every hole lies inside its outer ring, no hole lies
// inside another hole, and no part lies inside another part (an island in a lake is fine).
// Boundaries do not touch, so one vertex of a ring tells where the whole ring lies.
// O(v) per hole and per part whose envelopes overlap (R-trees of envelopes).
bool nesting_valid(const BoostMultiPolygon& shape) {
    namespace bgi = bg::index;
    using Entry = std::pair<detail::BoostBox, std::size_t>;
    std::vector<Entry> parts;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const BoostPolygon& polygon = shape[i];
        for (const BoostRing& hole : polygon.inners()) {
            if (!bg::within(hole.front(), polygon.outer())) return false;
        }
        if (polygon.inners().size() > 1) {
            std::vector<Entry> holes;
            for (std::size_t j = 0; j < polygon.inners().size(); ++j) {
                holes.emplace_back(bg::return_envelope<detail::BoostBox>(polygon.inners()[j]), j);
            }
            const bgi::rtree<Entry, bgi::rstar<16>> tree(holes);
            for (const BoostRing& hole : polygon.inners()) {
                for (auto it = tree.qbegin(bgi::intersects(hole.front())); it != tree.qend();
                     ++it) {
                    const BoostRing& other = polygon.inners()[it->second];
                    if (&other != &hole && bg::within(hole.front(), other)) return false;
                }
            }
        }
        parts.emplace_back(bg::return_envelope<detail::BoostBox>(polygon.outer()), i);
    }
    if (shape.size() < 2) return true;
    const bgi::rtree<Entry, bgi::rstar<16>> tree(parts);
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const BoostPoint& vertex = shape[i].outer().front();
        for (auto it = tree.qbegin(bgi::intersects(vertex)); it != tree.qend(); ++it) {
            if (it->second != i && bg::within(vertex, shape[it->second])) return false;
        }
    }
    return true;
}

// "part 2, hole 1": the name of ring `index` in the order rings_of lists them.
std::string ring_label(const BoostMultiPolygon& shape, std::size_t index) {
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (index == 0) return "part " + std::to_string(i + 1) + ", outer ring";
        if (index <= shape[i].inners().size())
            return "part " + std::to_string(i + 1) + ", hole " + std::to_string(index);
        index -= 1 + shape[i].inners().size();
    }
    return "ring";
}

std::vector<const BoostRing*> rings_of(const BoostMultiPolygon& shape) {
    std::vector<const BoostRing*> rings;
    for (const BoostPolygon& polygon : shape) {
        rings.push_back(&polygon.outer());
        for (const BoostRing& hole : polygon.inners()) rings.push_back(&hole);
    }
    return rings;
}

// Why a corrected multipolygon is invalid, or nothing. The sweep line settles the usual cases
// in O(v log v): nothing touches (then only the nesting is left to check), or a ring meets
// itself (never valid). Rings that touch each other go to Boost.Geometry's is_valid, whose
// answer and reason are authoritative there (a hole may touch its outer ring at one point).
std::optional<std::string> invalidity(const BoostMultiPolygon& shape) {
    const auto contact = detail::first_ring_contact(rings_of(shape));
    if (!contact) {
        if (nesting_valid(shape)) return std::nullopt;
    } else if (contact->ring_a == contact->ring_b) {
        const std::string where = ring_label(shape, contact->ring_a);
        const std::string at = to_string(detail::from_boost(contact->near));
        return contact->spike ? "spike: " + where + " turns straight back at " + at
                              : "self-intersections: " + where + " meets itself near " + at;
    }
    bg::validity_failure_type failure = bg::no_failure;
    if (bg::is_valid(shape, failure)) return std::nullopt;
    std::string reason;
    bg::is_valid(shape, reason);
    if (failure == bg::failure_wrong_orientation) {
        reason = self_intersection_reason(shape).value_or(reason);
    }
    return reason;
}

}  // namespace

RepairReport repair_area(Area& area) {
    const std::string label = area_label(area);
    if (area.parts.empty()) {
        throw InputError(label + ": empty area (no polygon)");
    }
    RepairReport report;
    // Work on a copy: on error the caller's area is left as it was.
    std::vector<Polygon> parts = area.parts;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string part_label = label + ", part " + std::to_string(i + 1);
        clean_ring(parts[i].outer, report, part_label + ", outer ring");
        for (std::size_t j = 0; j < parts[i].holes.size(); ++j) {
            clean_ring(parts[i].holes[j], report, part_label + ", hole " + std::to_string(j + 1));
        }
    }

    Area cleaned;
    cleaned.parts = std::move(parts);
    BoostMultiPolygon shape = detail::to_boost(cleaned);
    // bg::area is positive for a ring wound as its type declares (counter-clockwise here), so an
    // outer ring must be positive and a hole negative; bg::correct reverses the others.
    for (const BoostPolygon& polygon : shape) {
        if (bg::area(polygon.outer()) < 0.0) {
            report.reoriented_rings = true;
        }
        for (const BoostRing& hole : polygon.inners()) {
            if (bg::area(hole) > 0.0) {
                report.reoriented_rings = true;
            }
        }
    }
    bg::correct(shape);

    if (const auto reason = invalidity(shape)) {
        throw InputError(label + ": invalid polygon: " + *reason);
    }
    area.parts = detail::from_boost(shape);
    return report;
}

LonLat point_on_surface(const Area& area) {
    if (area.parts.empty()) {
        throw InputError(area_label(area) + ": empty area (no polygon)");
    }
    const BoostMultiPolygon shape = detail::to_boost(area);
    std::size_t largest = 0;
    double largest_area = -1.0;
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const double part_area = std::abs(bg::area(shape[i]));
        if (part_area > largest_area) {
            largest_area = part_area;
            largest = i;
        }
    }
    const BoostPolygon& part = shape[largest];

    // Two candidates, each kept only when strictly inside: Boost's and the scanline's. Boost's is
    // built from the topmost vertices, so it can hug the boundary (0.4 m inside on one Gers
    // commune) or even land exactly on an edge (see the tests); the one with more room wins.
    std::optional<BoostPoint> best;
    try {
        BoostPoint candidate(0.0, 0.0);
        bg::point_on_surface(part, candidate);
        if (bg::within(candidate, part)) {
            best = candidate;
        }
    } catch (const bg::exception&) {
    }
    if (const auto scanline = scanline_interior_point(part)) {
        if (!best || clearance2(part, *scanline) > clearance2(part, *best)) {
            best = scanline;
        }
    }
    if (best) {
        return detail::from_boost(*best);
    }
    throw InputError(area_label(area) + ": no interior point found (degenerate polygon)");
}

LonLat centroid(const Area& area) {
    if (area.parts.empty()) {
        throw InputError(area_label(area) + ": empty area (no polygon)");
    }
    BoostPoint result(0.0, 0.0);
    try {
        bg::centroid(detail::to_boost(area), result);
    } catch (const bg::centroid_exception&) {
        throw InputError(area_label(area) + ": no centroid (empty rings)");
    }
    return detail::from_boost(result);
}

}  // namespace sitecover
