#include "sitecover/road_snapper.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "angle_units.hpp"
#include "boost_area.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"

namespace sitecover {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using detail::BoostBox;
using detail::BoostPoint;
// The R-tree holds groups of kGroup segments, consecutive along a Z-order curve of their
// midpoints, rather than single segments: a national network (25 million segments) then
// bulk-loads 8x fewer envelopes, in a fraction of the time and memory, and a query tests the
// few segments of each group it meets.
using Entry = std::pair<BoostBox, std::uint32_t>;  // group envelope in lon/lat, group index
using Rtree = bgi::rtree<Entry, bgi::rstar<16>>;
constexpr std::size_t kGroup = 8;

using detail::kDegToRad;
constexpr double kWgs84A_m = 6378137.0;
constexpr double kWgs84E2 = 0.00669437999014;
// Beyond this search radius the box covers the whole globe: stop widening.
constexpr double kWholeEarth_m = 2.1e7;

// Metres per degree of latitude and of longitude at a latitude (meridional and prime-vertical
// radii of the ellipsoid): the local plane in which points are projected onto segments.
struct LocalScale {
    double lat_m_per_deg;
    double lon_m_per_deg;
};
LocalScale local_scale(double lat_deg) {
    const double phi = lat_deg * kDegToRad;
    const double w = 1.0 - kWgs84E2 * std::sin(phi) * std::sin(phi);
    const double n_m = kWgs84A_m / std::sqrt(w);
    const double m_m = kWgs84A_m * (1.0 - kWgs84E2) / (w * std::sqrt(w));
    // Near the poles a degree of longitude shrinks to nothing; keep a floor so boxes stay finite.
    return {m_m * kDegToRad, std::max(n_m * std::cos(phi) * kDegToRad, 1.0)};
}

// The segment nearest to p so far, measured in the local plane centred on p.
struct Nearest {
    double d2 = std::numeric_limits<double>::infinity();  // squared distance, m^2
    std::size_t segment = 0;
    double t = 0.0;  // fraction along the segment from a to b

    void consider(const RoadGraph& graph, std::size_t s, const LonLat& p, const LocalScale& scale) {
        const LonLat& a = graph.position(graph.segments()[s].a);
        const LonLat& b = graph.position(graph.segments()[s].b);
        // Local plane centred on p: x east, y north, metres.
        const double ax = (a.lon_deg - p.lon_deg) * scale.lon_m_per_deg;
        const double ay = (a.lat_deg - p.lat_deg) * scale.lat_m_per_deg;
        const double bx = (b.lon_deg - p.lon_deg) * scale.lon_m_per_deg;
        const double by = (b.lat_deg - p.lat_deg) * scale.lat_m_per_deg;
        const double dx = bx - ax;
        const double dy = by - ay;
        const double len2 = dx * dx + dy * dy;
        const double u = len2 > 0.0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
        const double qx = ax + u * dx;
        const double qy = ay + u * dy;
        const double q2 = qx * qx + qy * qy;
        if (q2 < d2 || (q2 == d2 && s < segment)) {
            d2 = q2;
            segment = s;
            t = u;
        }
    }
};

// The bits of x spread to the even bits of the result.
std::uint64_t spread_bits(std::uint32_t x) {
    std::uint64_t v = x;
    v = (v | (v << 16)) & 0x0000ffff0000ffffULL;
    v = (v | (v << 8)) & 0x00ff00ff00ff00ffULL;
    v = (v | (v << 4)) & 0x0f0f0f0f0f0f0f0fULL;
    v = (v | (v << 2)) & 0x3333333333333333ULL;
    v = (v | (v << 1)) & 0x5555555555555555ULL;
    return v;
}

// Z-order (Morton) code of a lon/lat position: nearby points mostly get nearby codes.
std::uint64_t z_order(double lon_deg, double lat_deg) {
    const auto x = static_cast<std::uint32_t>((lon_deg + 180.0) / 360.0 * 4294967295.0);
    const auto y = static_cast<std::uint32_t>((lat_deg + 90.0) / 180.0 * 4294967295.0);
    return spread_bits(x) | (spread_bits(y) << 1);
}

}  // namespace

struct RoadSnapper::Impl {
    const RoadGraph* graph = nullptr;
    std::vector<std::uint32_t> segments;  // segment indices in Z-order; group g: [8g, 8g + 8)
    Rtree rtree;
};

RoadSnapper::RoadSnapper(const RoadGraph& graph) : impl_(std::make_unique<Impl>()) {
    impl_->graph = &graph;
    const auto& segments = graph.segments();
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(segments.size());
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const LonLat& a = graph.position(segments[s].a);
        const LonLat& b = graph.position(segments[s].b);
        keyed[s] = {z_order(0.5 * (a.lon_deg + b.lon_deg), 0.5 * (a.lat_deg + b.lat_deg)),
                    static_cast<std::uint32_t>(s)};
    }
    std::sort(keyed.begin(), keyed.end());
    impl_->segments.resize(keyed.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) impl_->segments[i] = keyed[i].second;
    std::vector<std::pair<std::uint64_t, std::uint32_t>>().swap(keyed);

    std::vector<Entry> entries;
    entries.reserve((segments.size() + kGroup - 1) / kGroup);
    for (std::size_t first = 0; first < segments.size(); first += kGroup) {
        BoostBox box = bg::make_inverse<BoostBox>();
        for (std::size_t i = first; i < std::min(first + kGroup, segments.size()); ++i) {
            const RoadGraph::Segment& seg = segments[impl_->segments[i]];
            bg::expand(box, detail::to_boost(graph.position(seg.a)));
            bg::expand(box, detail::to_boost(graph.position(seg.b)));
        }
        entries.emplace_back(box, static_cast<std::uint32_t>(first / kGroup));
    }
    impl_->rtree = Rtree(entries.begin(), entries.end());  // packed (STR) bulk load
}

RoadSnapper::~RoadSnapper() = default;
RoadSnapper::RoadSnapper(RoadSnapper&&) noexcept = default;
RoadSnapper& RoadSnapper::operator=(RoadSnapper&&) noexcept = default;

std::optional<RoadSnap> RoadSnapper::snap(const LonLat& p, double max_snap_m) const {
    if (!is_valid(p)) {
        throw ArgumentError("RoadSnapper::snap: invalid point " + to_string(p));
    }
    if (std::isnan(max_snap_m) || max_snap_m < 0.0) {
        throw ArgumentError("RoadSnapper::snap: max_snap_m must be >= 0");
    }
    const RoadGraph& graph = *impl_->graph;
    const LocalScale scale = local_scale(p.lat_deg);

    // Widen a box around p until the best segment found lies within the box's inscribed radius:
    // nothing outside can then be nearer. Most points find their road in the first box.
    const double limit_m = std::min(max_snap_m, kWholeEarth_m);
    double radius_m = std::min(limit_m, 500.0);
    const std::vector<std::uint32_t>& grouped = impl_->segments;
    std::vector<Entry> candidates;
    for (;;) {
        const double dlat = radius_m * 1.01 / scale.lat_m_per_deg + 1e-9;
        const double dlon = radius_m * 1.01 / scale.lon_m_per_deg + 1e-9;
        const BoostBox box({p.lon_deg - dlon, p.lat_deg - dlat},
                           {p.lon_deg + dlon, p.lat_deg + dlat});
        candidates.clear();
        impl_->rtree.query(bgi::intersects(box), std::back_inserter(candidates));

        // Every segment of a group met is tested: a superset of those meeting the box, so the
        // nearest within the box is still found, and ties still go to the lower index.
        Nearest best;
        for (const auto& [envelope, group] : candidates) {
            const std::size_t end = std::min(grouped.size(), (group + 1) * kGroup);
            for (std::size_t i = group * kGroup; i < end; ++i)
                best.consider(graph, grouped[i], p, scale);
        }
        if (std::sqrt(best.d2) <= radius_m) {
            const RoadGraph::Segment& seg = graph.segments()[best.segment];
            const LonLat& a = graph.position(seg.a);
            const LonLat& b = graph.position(seg.b);
            RoadSnap snap;
            snap.segment = best.segment;
            snap.fraction = best.t;
            snap.point = {a.lon_deg + best.t * (b.lon_deg - a.lon_deg),
                          a.lat_deg + best.t * (b.lat_deg - a.lat_deg)};
            snap.snap_m = geodesic_distance_m(p, snap.point);
            if (snap.snap_m > max_snap_m) return std::nullopt;
            return snap;
        }
        if (radius_m >= limit_m) return std::nullopt;
        radius_m = std::min(limit_m, radius_m * 4.0);
    }
}

}  // namespace sitecover
