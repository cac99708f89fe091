#include "sitecover/site_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nanoflann.hpp>

#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"

namespace sitecover {
namespace {

using Point = std::array<double, 3>;  // ECEF x, y, z in metres

// The nanoflann dataset interface over the ECEF positions.
struct EcefCloud {
    std::vector<Point> points;

    std::size_t kdtree_get_point_count() const { return points.size(); }
    double kdtree_get_pt(std::size_t i, std::size_t dim) const { return points[i][dim]; }
    template <class Bbox>
    bool kdtree_get_bbox(Bbox& /*bb*/) const {
        return false;  // let nanoflann compute it
    }
};

using Metric = nanoflann::L2_Simple_Adaptor<double, EcefCloud, double, std::size_t>;
using KdTree = nanoflann::KDTreeSingleIndexAdaptor<Metric, EcefCloud, 3, std::size_t>;
using Match = std::pair<std::size_t, double>;  // site index, squared chord (m^2)

// A chord radius, in metres, that surely encloses every site whose geodesic distance is <=
// geodesic_m. Chord <= geodesic holds exactly; the slack covers rounding in the ECEF coordinates
// (about 1e-9 m each) and in Karney's distance (about 15 nm), with a wide margin. Costs nothing:
// a few extra candidates at most, and each is then ranked by its exact distance.
double chord_bound_m(double geodesic_m) { return geodesic_m * (1.0 + 1e-9) + 1e-3; }

std::string describe(const LonLat& p) {
    std::ostringstream out;
    out.precision(17);
    out << "(lon_deg=" << p.lon_deg << ", lat_deg=" << p.lat_deg << ")";
    return out.str();
}

void check_point(const char* where, const LonLat& p) {
    if (!is_valid(p)) {
        throw ArgumentError(std::string(where) + ": invalid query point " + describe(p) +
                            "; expected finite lon_deg in [-180, 180] and lat_deg in [-90, 90]");
    }
}

void check_distance(const char* where, const char* name, double value_m) {
    if (std::isnan(value_m) || value_m < 0.0) {
        std::ostringstream out;
        out << where << ": " << name << " must be >= 0 (metres), got " << value_m;
        throw ArgumentError(out.str());
    }
}

}  // namespace

struct SiteIndex::Impl {
    std::vector<Site> sites;
    EcefCloud cloud;
    // Built after cloud is filled; holds a reference to it, so Impl must never move (it lives
    // behind the unique_ptr and only the pointer moves).
    KdTree tree;

    explicit Impl(std::vector<Site> s)
        : sites(std::move(s)),
          cloud{positions_of(sites)},
          tree(3, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(10)) {}

    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    static std::vector<Point> positions_of(const std::vector<Site>& sites) {
        std::vector<Point> points;
        points.reserve(sites.size());
        for (std::size_t i = 0; i < sites.size(); ++i) {
            const LonLat& p = sites[i].position;
            if (!is_valid(p)) {
                throw InputError("SiteIndex: site '" + sites[i].id + "' (input position " +
                                 std::to_string(i) + ") has an invalid position " + describe(p));
            }
            const Ecef e = to_ecef(p);
            points.push_back({e.x_m, e.y_m, e.z_m});
        }
        return points;
    }

    // The documented total order: distance, then site id, then input position.
    bool before(const Neighbour& a, const Neighbour& b) const {
        if (a.distance_m != b.distance_m) return a.distance_m < b.distance_m;
        const std::string& id_a = sites[a.site].id;
        const std::string& id_b = sites[b.site].id;
        if (site_id_less(id_a, id_b)) return true;
        if (site_id_less(id_b, id_a)) return false;
        return a.site < b.site;
    }

    // Sites whose chord from q is within chord_bound_m(geodesic_m), nearest chord first when
    // by_chord. A fresh vector per call: no scratch space shared between threads.
    std::vector<Match> ball(const Point& q, double geodesic_m, bool by_chord) const {
        std::vector<Match> matches;
        const double r_m = chord_bound_m(geodesic_m);
        tree.radiusSearch(q.data(), r_m * r_m, matches,
                          nanoflann::SearchParams(32, 0.0F, by_chord));
        return matches;
    }

    // The matches whose exact distance is <= limit_m.
    std::vector<Neighbour> exact(const LonLat& p, const std::vector<Match>& matches,
                                 double limit_m) const {
        std::vector<Neighbour> out;
        out.reserve(matches.size());
        for (const auto& match : matches) {
            const double d_m = geodesic_distance_m(p, sites[match.first].position);
            if (d_m <= limit_m) out.push_back({match.first, d_m});
        }
        return out;
    }
};

SiteIndex::SiteIndex(std::vector<Site> sites) : impl_(std::make_unique<Impl>(std::move(sites))) {}
SiteIndex::~SiteIndex() = default;
SiteIndex::SiteIndex(SiteIndex&&) noexcept = default;
SiteIndex& SiteIndex::operator=(SiteIndex&&) noexcept = default;

const std::vector<Site>& SiteIndex::sites() const noexcept {
    static const std::vector<Site> kNone;  // a moved-from index behaves as an empty one
    return impl_ ? impl_->sites : kNone;
}

std::optional<Neighbour> SiteIndex::nearest(const LonLat& p, double max_distance_m) const {
    check_point("SiteIndex::nearest", p);
    check_distance("SiteIndex::nearest", "max_distance_m", max_distance_m);
    if (!impl_ || impl_->sites.empty()) return std::nullopt;
    const Impl& im = *impl_;

    const Ecef e = to_ecef(p);
    const Point q{e.x_m, e.y_m, e.z_m};
    // The two chord-nearest sites: the second one's chord bounds every other site's chord.
    std::size_t two[2] = {0, 0};
    double two_chord2_m2[2] = {0.0, 0.0};
    const std::size_t found = im.tree.knnSearch(q.data(), 2, two, two_chord2_m2);
    const std::size_t first = two[0];
    // The chord-nearest site bounds every chord from below; past the cap, nothing can qualify.
    const double cap_m = chord_bound_m(max_distance_m);
    if (two_chord2_m2[0] > cap_m * cap_m) return std::nullopt;

    // The chord-nearest site is usually, not always, the geodesic-nearest: any site nearer than
    // it has a chord shorter than its geodesic distance, so lies in this ball.
    const Neighbour chord_nearest{first, geodesic_distance_m(p, im.sites[first].position)};
    const double bound_m = std::min(chord_nearest.distance_m, max_distance_m);
    std::optional<Neighbour> best;
    if (chord_nearest.distance_m <= max_distance_m) best = chord_nearest;
    // The common case, decided without a radius search: the second chord already exceeds the
    // bound, so no other site can be nearer (nor tie).
    const double r_m = chord_bound_m(bound_m);
    if (found < 2 || two_chord2_m2[1] > r_m * r_m) return best;

    for (const auto& [i, chord2_m2] : im.ball(q, bound_m, true)) {
        // Once the chord exceeds the best distance so far, so does every later geodesic.
        const double r_m = chord_bound_m(best ? best->distance_m : bound_m);
        if (chord2_m2 > r_m * r_m) break;
        if (i == first) continue;
        const Neighbour candidate{i, geodesic_distance_m(p, im.sites[i].position)};
        if (candidate.distance_m > bound_m) continue;
        if (!best || im.before(candidate, *best)) best = candidate;
    }
    return best;
}

std::vector<Neighbour> SiteIndex::k_nearest(const LonLat& p, std::size_t k) const {
    check_point("SiteIndex::k_nearest", p);
    if (!impl_ || impl_->sites.empty() || k == 0) return {};
    const Impl& im = *impl_;
    k = std::min(k, im.sites.size());

    std::vector<Neighbour> out;
    if (4 * k >= im.sites.size()) {
        // Most sites are wanted anyway, and nanoflann's k-NN result set inserts in O(k), which
        // turns quadratic for large k: rank every site instead.
        out.reserve(im.sites.size());
        for (std::size_t i = 0; i < im.sites.size(); ++i) {
            out.push_back({i, geodesic_distance_m(p, im.sites[i].position)});
        }
    } else {
        const Ecef e = to_ecef(p);
        const Point q{e.x_m, e.y_m, e.z_m};
        std::vector<std::size_t> first(k);
        std::vector<double> chord2_m2(k);
        first.resize(im.tree.knnSearch(q.data(), k, first.data(), chord2_m2.data()));
        // The k chord-nearest sites lie within bound_m, so the k geodesic-nearest do too, and
        // each of those has a chord <= bound_m.
        double bound_m = 0.0;
        for (const std::size_t i : first) {
            out.push_back({i, geodesic_distance_m(p, im.sites[i].position)});
            bound_m = std::max(bound_m, out.back().distance_m);
        }
        // The ball holds those k again: only the others need a (costly) geodesic.
        std::sort(first.begin(), first.end());
        for (const auto& match : im.ball(q, bound_m, false)) {
            if (std::binary_search(first.begin(), first.end(), match.first)) continue;
            const double d_m = geodesic_distance_m(p, im.sites[match.first].position);
            if (d_m <= bound_m) out.push_back({match.first, d_m});
        }
    }
    const auto by_rank = [&im](const Neighbour& a, const Neighbour& b) { return im.before(a, b); };
    if (out.size() > k) {
        std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), out.end(),
                          by_rank);
        out.resize(k);
    } else {
        std::sort(out.begin(), out.end(), by_rank);
    }
    return out;
}

std::vector<Neighbour> SiteIndex::within(const LonLat& p, double radius_m) const {
    check_point("SiteIndex::within", p);
    check_distance("SiteIndex::within", "radius_m", radius_m);
    if (!impl_ || impl_->sites.empty()) return {};
    const Impl& im = *impl_;

    const Ecef e = to_ecef(p);
    const Point q{e.x_m, e.y_m, e.z_m};
    std::vector<Neighbour> out = im.exact(p, im.ball(q, radius_m, false), radius_m);
    std::sort(out.begin(), out.end(),
              [&im](const Neighbour& a, const Neighbour& b) { return im.before(a, b); });
    return out;
}

}  // namespace sitecover
