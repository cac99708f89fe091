#include "sitecover/road_snapper.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "boost_area.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"

namespace sitecover {
namespace {

namespace bgi = boost::geometry::index;
using detail::BoostBox;
using detail::BoostPoint;
using Entry = std::pair<BoostBox, std::size_t>;  // segment envelope in lon/lat, segment index
using Rtree = bgi::rtree<Entry, bgi::rstar<16>>;

constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
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

}  // namespace

struct RoadSnapper::Impl {
    const RoadGraph* graph = nullptr;
    Rtree rtree;
};

RoadSnapper::RoadSnapper(const RoadGraph& graph) : impl_(std::make_unique<Impl>()) {
    impl_->graph = &graph;
    std::vector<Entry> entries;
    entries.reserve(graph.segments().size());
    for (std::size_t s = 0; s < graph.segments().size(); ++s) {
        const LonLat& a = graph.position(graph.segments()[s].a);
        const LonLat& b = graph.position(graph.segments()[s].b);
        entries.emplace_back(
            BoostBox({std::min(a.lon_deg, b.lon_deg), std::min(a.lat_deg, b.lat_deg)},
                     {std::max(a.lon_deg, b.lon_deg), std::max(a.lat_deg, b.lat_deg)}),
            s);
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
    std::vector<Entry> candidates;
    for (;;) {
        const double dlat = radius_m * 1.01 / scale.lat_m_per_deg + 1e-9;
        const double dlon = radius_m * 1.01 / scale.lon_m_per_deg + 1e-9;
        const BoostBox box({p.lon_deg - dlon, p.lat_deg - dlat},
                           {p.lon_deg + dlon, p.lat_deg + dlat});
        candidates.clear();
        impl_->rtree.query(bgi::intersects(box), std::back_inserter(candidates));

        double best_d2 = std::numeric_limits<double>::infinity();
        std::size_t best_segment = 0;
        double best_t = 0.0;
        for (const auto& [envelope, s] : candidates) {
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
            const double t = len2 > 0.0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
            const double qx = ax + t * dx;
            const double qy = ay + t * dy;
            const double d2 = qx * qx + qy * qy;
            if (d2 < best_d2 || (d2 == best_d2 && s < best_segment)) {
                best_d2 = d2;
                best_segment = s;
                best_t = t;
            }
        }
        if (std::sqrt(best_d2) <= radius_m) {
            const RoadGraph::Segment& seg = graph.segments()[best_segment];
            const LonLat& a = graph.position(seg.a);
            const LonLat& b = graph.position(seg.b);
            RoadSnap snap;
            snap.segment = best_segment;
            snap.fraction = best_t;
            snap.point = {a.lon_deg + best_t * (b.lon_deg - a.lon_deg),
                          a.lat_deg + best_t * (b.lat_deg - a.lat_deg)};
            snap.snap_m = geodesic_distance_m(p, snap.point);
            if (snap.snap_m > max_snap_m) return std::nullopt;
            return snap;
        }
        if (radius_m >= limit_m) return std::nullopt;
        radius_m = std::min(limit_m, radius_m * 4.0);
    }
}

}  // namespace sitecover
