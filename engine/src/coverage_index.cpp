#include "sitecover/coverage_index.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <geodesic.h>

#include "angle_units.hpp"
#include "boost_area.hpp"
#include "sitecover/error.hpp"
#include "wgs84.hpp"

namespace sitecover {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using detail::BoostBox;
using detail::BoostMultiPolygon;
using detail::BoostPoint;

using RtreeEntry = std::pair<BoostBox, std::size_t>;  // envelope, area index
using Rtree = bgi::rtree<RtreeEntry, bgi::rstar<16>>;

using detail::kDegToRad;
using detail::kWgs84A_m;
using detail::kWgs84E2;

// The ellipsoid's metric ds² = M² dφ² + N² cos²φ dλ² has M, N >= a (1 - e²) everywhere, so any
// curve is at least as long as its image on a sphere of that radius: great-circle distances on
// this sphere are lower bounds of geodesic distances.
constexpr double kLowerBoundRadius_m = kWgs84A_m * (1.0 - kWgs84E2);

// Calls f(a, b) for every edge of every ring of every part; an open ring gets its closing edge.
template <typename F>
void for_each_edge(const Area& area, F&& f) {
    const auto ring_edges = [&f](const Ring& ring) {
        for (std::size_t i = 1; i < ring.size(); ++i) {
            f(ring[i - 1], ring[i]);
        }
        if (ring.size() > 1 && !(ring.front() == ring.back())) {
            f(ring.back(), ring.front());
        }
    };
    for (const Polygon& part : area.parts) {
        ring_edges(part.outer);
        for (const Ring& hole : part.holes) {
            ring_edges(hole);
        }
    }
}

// A local equirectangular frame centred on p, in degrees of latitude: x = dlon * x_scale,
// y = dlat. x_scale = cos(lat) * N / M makes a degree of x as long as a degree of y at p on
// the ellipsoid, so the nearest point of a short edge is (almost) the geodesic nearest.
struct LocalFrame {
    explicit LocalFrame(const LonLat& centre) : p(centre) {
        const double sin_lat = std::sin(p.lat_deg * kDegToRad);
        const double n_over_m = (1.0 - kWgs84E2 * sin_lat * sin_lat) / (1.0 - kWgs84E2);
        x_scale = std::cos(p.lat_deg * kDegToRad) * n_over_m;
    }
    LonLat p;
    double x_scale = 1.0;
};

struct FramePoint {
    double t = 0.0;         // position along the edge, 0 at a, 1 at b
    double frame_d2 = 0.0;  // squared distance to the frame centre, frame units
};

LonLat along(const LonLat& a, const LonLat& b, double t) {
    return {a.lon_deg + t * (b.lon_deg - a.lon_deg), a.lat_deg + t * (b.lat_deg - a.lat_deg)};
}

// The point of edge ab nearest to the frame centre in the frame. The edge is straight in lon/lat
// (it does not wrap); its copies shifted by ±360° of longitude are tried so that a centre near
// the antimeridian finds the edge on the other side.
FramePoint nearest_in_frame(const LocalFrame& frame, const LonLat& a, const LonLat& b) {
    const double dx = (b.lon_deg - a.lon_deg) * frame.x_scale;
    const double dy = b.lat_deg - a.lat_deg;
    const double len2 = dx * dx + dy * dy;
    const double ay = a.lat_deg - frame.p.lat_deg;
    FramePoint best{0.0, std::numeric_limits<double>::infinity()};
    for (const double shift_deg : {0.0, -360.0, 360.0}) {
        const double ax = (a.lon_deg + shift_deg - frame.p.lon_deg) * frame.x_scale;
        const double t = len2 > 0.0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
        const double x = ax + t * dx;
        const double y = ay + t * dy;
        if (x * x + y * y < best.frame_d2) {
            best = {t, x * x + y * y};
        }
    }
    return best;
}

const geod_geodesic& wgs84() { return detail::wgs84_geodesic(); }

// Geodesic distance from p to edge ab, starting from the frame's guess t. Far from p the frame
// is distorted (about half a metre at 100 km from a 40 km edge at 43.6N), so t is refined with
// steps that would be exact on a plane: with s(t) the geodesic distance to the edge point q(t),
// s² ≈ h² + |q'|² (t - t*)², so t* ≈ t - s s'(t) / |q'|², where s'(t) is q' projected on the
// geodesic's direction at q (its azimuth azi2). Converges in two or three steps. Every value
// tried lies on the edge, so the result never undershoots the true distance.
double edge_distance_m(const LonLat& p, const LonLat& a, const LonLat& b, double t) {
    constexpr int kMaxSteps = 8;
    constexpr double kStepTolerance_m = 1e-4;
    double best_m = std::numeric_limits<double>::infinity();
    for (int step = 0;; ++step) {
        const LonLat q = along(a, b, t);
        double s_m = 0.0;
        double azi2_deg = 0.0;
        geod_inverse(&wgs84(), p.lat_deg, p.lon_deg, q.lat_deg, q.lon_deg, &s_m, nullptr,
                     &azi2_deg);
        best_m = std::min(best_m, s_m);
        if (step == kMaxSteps || s_m == 0.0) {
            return best_m;
        }
        // q'(t) in metres east and north, from the radii of curvature at q.
        const double sin_lat = std::sin(q.lat_deg * kDegToRad);
        const double w2 = 1.0 - kWgs84E2 * sin_lat * sin_lat;
        const double n_m = kWgs84A_m / std::sqrt(w2);
        const double m_m = n_m * (1.0 - kWgs84E2) / w2;
        const double east_m =
            (b.lon_deg - a.lon_deg) * kDegToRad * n_m * std::cos(q.lat_deg * kDegToRad);
        const double north_m = (b.lat_deg - a.lat_deg) * kDegToRad * m_m;
        const double len2 = east_m * east_m + north_m * north_m;
        if (len2 == 0.0) {
            return best_m;
        }
        const double azi2 = azi2_deg * kDegToRad;
        const double ds_dt = std::sin(azi2) * east_m + std::cos(azi2) * north_m;
        const double next = std::clamp(t - s_m * ds_dt / len2, 0.0, 1.0);
        if (std::abs(next - t) * std::sqrt(len2) < kStepTolerance_m) {
            return best_m;
        }
        t = next;
    }
}

// Angular distance in degrees (0..180) from longitude lon to the nearest longitude of [lo, hi].
double longitude_gap_deg(double lon, double lo, double hi) {
    for (const double shift_deg : {0.0, -360.0, 360.0}) {
        if (lon + shift_deg >= lo && lon + shift_deg <= hi) {
            return 0.0;
        }
    }
    return std::min(std::abs(std::remainder(lo - lon, 360.0)),
                    std::abs(std::remainder(hi - lon, 360.0)));
}

// A lower bound in metres of the geodesic distance from p to any point of edge ab: the
// great-circle distance on the lower-bound sphere from p to the edge's lon/lat bounding box.
double edge_lower_bound_m(const LonLat& p, const LonLat& a, const LonLat& b) {
    const double lat0 = std::min(a.lat_deg, b.lat_deg) * kDegToRad;
    const double lat1 = std::max(a.lat_deg, b.lat_deg) * kDegToRad;
    const double gap = longitude_gap_deg(p.lon_deg, std::min(a.lon_deg, b.lon_deg),
                                         std::max(a.lon_deg, b.lon_deg)) *
                       kDegToRad;
    const double lat_p = p.lat_deg * kDegToRad;
    const double sin_p = std::sin(lat_p);
    const double cos_p = std::cos(lat_p);
    const double cos_gap = std::cos(gap);
    // For a box point at latitude φ and the best longitude, cos(angle) = sin_p sinφ +
    // cos_p cos_gap cosφ = A cos(φ - α): largest at α when α is in [lat0, lat1], else at an end.
    const double alpha = std::atan2(sin_p, cos_p * cos_gap);
    double lat = 0.0;
    if (alpha >= lat0 && alpha <= lat1) {
        lat = alpha;
    } else {
        const auto cos_angle = [&](double phi) {
            return sin_p * std::sin(phi) + cos_p * cos_gap * std::cos(phi);
        };
        lat = cos_angle(lat0) >= cos_angle(lat1) ? lat0 : lat1;
    }
    // Chord between unit vectors (well conditioned at small angles, unlike acos).
    const double x = std::cos(lat) * cos_gap - cos_p;
    const double y = std::cos(lat) * std::sin(gap);
    const double z = std::sin(lat) - sin_p;
    const double chord = std::sqrt(x * x + y * y + z * z);
    return 2.0 * std::asin(std::min(1.0, chord / 2.0)) * kLowerBoundRadius_m;
}

// The envelope of the outer rings (holes lie inside them); none for an area without vertices,
// which can contain nothing. Written out because GCC 12 warns (-Wmaybe-uninitialized, a false
// positive) inside bg::envelope for multipolygons once inlined here.
std::optional<BoostBox> envelope(const BoostMultiPolygon& shape) {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = min_x;
    double max_x = -min_x;
    double max_y = -min_x;
    for (const auto& polygon : shape) {
        for (const BoostPoint& p : polygon.outer()) {
            min_x = std::min(min_x, p.x());
            min_y = std::min(min_y, p.y());
            max_x = std::max(max_x, p.x());
            max_y = std::max(max_y, p.y());
        }
    }
    if (!(min_x <= max_x && min_y <= max_y)) {
        return std::nullopt;
    }
    return BoostBox(BoostPoint(min_x, min_y), BoostPoint(max_x, max_y));
}

}  // namespace

struct CoverageIndex::Impl {
    std::vector<Area> areas;
    std::vector<BoostMultiPolygon> shapes;  // areas[i] as Boost geometry, rings closed
    Rtree rtree;
};

CoverageIndex::CoverageIndex(std::vector<Area> areas) : impl_(std::make_unique<Impl>()) {
    impl_->areas = std::move(areas);
    impl_->shapes.reserve(impl_->areas.size());
    std::vector<RtreeEntry> entries;
    entries.reserve(impl_->areas.size());
    for (std::size_t i = 0; i < impl_->areas.size(); ++i) {
        const BoostMultiPolygon& shape =
            impl_->shapes.emplace_back(detail::to_boost(impl_->areas[i]));
        if (const auto box = envelope(shape)) {
            entries.emplace_back(*box, i);
        }
    }
    // The range constructor bulk-loads (packs) the tree: faster to build and to query than
    // inserting one by one.
    impl_->rtree = Rtree(entries.begin(), entries.end());
}

CoverageIndex::~CoverageIndex() = default;
CoverageIndex::CoverageIndex(CoverageIndex&&) noexcept = default;
CoverageIndex& CoverageIndex::operator=(CoverageIndex&&) noexcept = default;

const std::vector<Area>& CoverageIndex::areas() const noexcept { return impl_->areas; }

std::vector<std::size_t> CoverageIndex::areas_containing(const LonLat& p, Boundary rule) const {
    if (!is_valid(p)) {
        throw ArgumentError("areas_containing: invalid point " + to_string(p));
    }
    const BoostPoint point = detail::to_boost(p);
    std::vector<RtreeEntry> candidates;
    impl_->rtree.query(bgi::intersects(point), std::back_inserter(candidates));
    std::vector<std::size_t> result;
    for (const RtreeEntry& candidate : candidates) {
        const BoostMultiPolygon& shape = impl_->shapes[candidate.second];
        const bool inside =
            rule == Boundary::Included ? bg::covered_by(point, shape) : bg::within(point, shape);
        if (inside) {
            result.push_back(candidate.second);
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

double CoverageIndex::distance_to_boundary_m(std::size_t area, const LonLat& p) const {
    if (area >= impl_->areas.size()) {
        throw ArgumentError("distance_to_boundary_m: area index " + std::to_string(area) +
                            " out of range (" + std::to_string(impl_->areas.size()) + " areas)");
    }
    if (!is_valid(p)) {
        throw ArgumentError("distance_to_boundary_m: invalid point " + to_string(p));
    }
    const Area& shape = impl_->areas[area];
    const LocalFrame frame(p);

    // Pass 1: the edge nearest in the local frame gives a good first distance cheaply.
    const LonLat* seed_a = nullptr;
    const LonLat* seed_b = nullptr;
    FramePoint seed{0.0, std::numeric_limits<double>::infinity()};
    for_each_edge(shape, [&](const LonLat& a, const LonLat& b) {
        const FramePoint e = nearest_in_frame(frame, a, b);
        if (e.frame_d2 < seed.frame_d2) {
            seed = e;
            seed_a = &a;
            seed_b = &b;
        }
    });
    if (seed_a == nullptr) {
        return std::numeric_limits<double>::infinity();  // no edge, no boundary
    }
    double best_m = edge_distance_m(p, *seed_a, *seed_b, seed.t);

    // Pass 2: the frame distorts far from p (and badly near the poles), so every edge that might
    // still be nearer on the ellipsoid is measured; the lower bound skips the rest.
    for_each_edge(shape, [&](const LonLat& a, const LonLat& b) {
        if (&a == seed_a || edge_lower_bound_m(p, a, b) >= best_m) {
            return;
        }
        best_m = std::min(best_m, edge_distance_m(p, a, b, nearest_in_frame(frame, a, b).t));
    });
    return best_m;
}

}  // namespace sitecover
