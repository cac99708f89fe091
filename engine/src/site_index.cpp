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

#include "argument_checks.hpp"
#include "sitecover/error.hpp"
#include "sitecover/fast_geodesic.hpp"
#include "sitecover/geodesic.hpp"

namespace sitecover {
namespace {

using detail::check_distance_m;
using detail::check_query_point;
using detail::describe_point;

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

// A candidate site with its distance, and whether that distance is Karney's (exact) or the
// chord formula's (within kShortGeodesicErrorM of it).
struct Candidate {
    std::size_t site = 0;
    double distance_m = 0.0;
    bool exact = true;
};

#ifdef SITECOVER_NO_FAST_DISTANCES
constexpr bool kFastBuild = false;
#else
constexpr bool kFastBuild = true;
#endif

}  // namespace

struct SiteIndex::Impl {
    std::vector<Site> sites;
    EcefCloud cloud;
    // Built after cloud is filled; holds a reference to it, so Impl must never move (it lives
    // behind the unique_ptr and only the pointer moves).
    KdTree tree;
    bool fast;
    // How far a candidate's distance may be from Karney's: 0 when every distance is Karney's.
    double slack_m;

    Impl(std::vector<Site> s, SiteIndexOptions options)
        : sites(std::move(s)),
          cloud{positions_of(sites)},
          tree(3, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(10)),
          fast(kFastBuild && options.distances == DistanceMethod::Fast),
          slack_m(fast ? kShortGeodesicErrorM : 0.0) {}

    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    static std::vector<Point> positions_of(const std::vector<Site>& sites) {
        std::vector<Point> points;
        points.reserve(sites.size());
        for (std::size_t i = 0; i < sites.size(); ++i) {
            const LonLat& p = sites[i].position;
            if (!is_valid(p)) {
                throw InputError("SiteIndex: site '" + sites[i].id + "' (input position " +
                                 std::to_string(i) + ") has an invalid position " +
                                 describe_point(p));
            }
            const Ecef e = to_ecef(p);
            points.push_back({e.x_m, e.y_m, e.z_m});
        }
        return points;
    }

    // The distance from p (ECEF q) to site i: the chord formula when it applies, else Karney.
    Candidate measure(const LonLat& p, const Point& q, std::size_t i) const {
        if (fast) {
            const Point& s = cloud.points[i];
            if (const auto d_m =
                    short_geodesic_distance_m({q[0], q[1], q[2]}, {s[0], s[1], s[2]})) {
                return {i, *d_m, false};
            }
        }
        return {i, geodesic_distance_m(p, sites[i].position), true};
    }

    void make_exact(const LonLat& p, Candidate& c) const {
        if (c.exact) return;
        c.distance_m = geodesic_distance_m(p, sites[c.site].position);
        c.exact = true;
    }

    // Whether c is within limit_m, decided as Karney's distance would decide it.
    bool within_limit(const LonLat& p, Candidate& c, double limit_m) const {
        if (!c.exact && std::abs(c.distance_m - limit_m) <= slack_m) make_exact(p, c);
        return c.distance_m <= limit_m;
    }

    // The distance handed out: Karney's where a rounding to millimetres or coarser (or a
    // threshold in whole half-millimetres) could tell the two apart.
    Neighbour settle(const LonLat& p, Candidate c) const {
        if (!c.exact && near_rounding_boundary(c.distance_m)) make_exact(p, c);
        return {c.site, c.distance_m};
    }

    // The documented total order: distance, then site id, then input position.
    bool before(const Candidate& a, const Candidate& b) const {
        if (a.distance_m != b.distance_m) return a.distance_m < b.distance_m;
        const std::string& id_a = sites[a.site].id;
        const std::string& id_b = sites[b.site].id;
        if (site_id_less(id_a, id_b)) return true;
        if (site_id_less(id_b, id_a)) return false;
        return a.site < b.site;
    }

    // before() on Karney's distances: two candidates closer than twice the bound both get them.
    bool exactly_before(const LonLat& p, Candidate& a, Candidate& b) const {
        if (!(a.exact && b.exact) && std::abs(a.distance_m - b.distance_m) <= 2.0 * slack_m) {
            make_exact(p, a);
            make_exact(p, b);
        }
        return before(a, b);
    }

    // Sorts candidates in the documented order of their Karney distances. Sorted by the
    // distances at hand, every run of neighbours less than twice the bound apart gets Karney's
    // distances; any other two candidates are more than that apart, so their order is certain
    // (also against an exact one: its old value was within the bound of its new one).
    void rank(const LonLat& p, std::vector<Candidate>& out) const {
        const auto by_order = [this](const Candidate& a, const Candidate& b) {
            return before(a, b);
        };
        std::sort(out.begin(), out.end(), by_order);
        if (!fast) return;
        std::vector<char> redo(out.size(), 0);
        bool any = false;
        for (std::size_t i = 1; i < out.size(); ++i) {
            if (out[i].distance_m - out[i - 1].distance_m <= 2.0 * slack_m &&
                !(out[i].exact && out[i - 1].exact)) {
                redo[i] = redo[i - 1] = 1;
                any = true;
            }
        }
        if (!any) return;
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (redo[i] != 0) make_exact(p, out[i]);
        }
        std::sort(out.begin(), out.end(), by_order);
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

    // The sites whose Karney distance is <= limit_m, ranked.
    std::vector<Neighbour> within(const LonLat& p, const Point& q, double limit_m) const {
        std::vector<Candidate> kept;
        for (const auto& match : ball(q, limit_m + slack_m, false)) {
            Candidate c = measure(p, q, match.first);
            if (within_limit(p, c, limit_m)) kept.push_back(c);
        }
        rank(p, kept);
        std::vector<Neighbour> out;
        out.reserve(kept.size());
        for (const Candidate& c : kept) out.push_back(settle(p, c));
        return out;
    }

    std::optional<Neighbour> nearest(const LonLat& p, double max_distance_m) const;
    std::vector<Candidate> k_candidates(const LonLat& p, std::size_t k) const;
};

std::optional<Neighbour> SiteIndex::Impl::nearest(const LonLat& p, double max_distance_m) const {
    const Ecef e = to_ecef(p);
    const Point q{e.x_m, e.y_m, e.z_m};
    // The two chord-nearest sites: the second one's chord bounds every other site's chord.
    std::size_t two[2] = {0, 0};
    double two_chord2_m2[2] = {0.0, 0.0};
    const std::size_t found = tree.knnSearch(q.data(), 2, two, two_chord2_m2);
    const std::size_t first = two[0];
    // The chord-nearest site bounds every chord from below; past the cap, nothing can qualify.
    const double cap_m = chord_bound_m(max_distance_m);
    if (two_chord2_m2[0] > cap_m * cap_m) return std::nullopt;

    // The chord-nearest site is usually, not always, the geodesic-nearest: any site nearer than
    // it has a chord shorter than its geodesic distance, so lies in this ball.
    Candidate chord_nearest = measure(p, q, first);
    const double bound_m = std::min(chord_nearest.distance_m + slack_m, max_distance_m);
    std::optional<Candidate> best;
    if (within_limit(p, chord_nearest, max_distance_m)) best = chord_nearest;
    // The common case, decided without a radius search: the second chord already exceeds the
    // bound, so no other site can be nearer (nor tie).
    const double r_m = chord_bound_m(bound_m);
    if (found >= 2 && two_chord2_m2[1] <= r_m * r_m) {
        for (const auto& [i, chord2_m2] : ball(q, bound_m, true)) {
            // Once the chord exceeds the best distance so far, so does every later geodesic.
            const double r_best_m = chord_bound_m(best ? best->distance_m + slack_m : bound_m);
            if (chord2_m2 > r_best_m * r_best_m) break;
            if (i == first) continue;
            Candidate candidate = measure(p, q, i);
            if (candidate.distance_m > bound_m + slack_m) continue;
            if (!within_limit(p, candidate, max_distance_m)) continue;
            if (!best || exactly_before(p, candidate, *best)) best = candidate;
        }
    }
    if (!best) return std::nullopt;
    return settle(p, *best);
}

// Every site that can be among the k nearest (at least k of them), unranked.
std::vector<Candidate> SiteIndex::Impl::k_candidates(const LonLat& p, std::size_t k) const {
    std::vector<Candidate> out;
    const Ecef e = to_ecef(p);
    const Point q{e.x_m, e.y_m, e.z_m};
    if (4 * k >= sites.size()) {
        // Most sites are wanted anyway, and nanoflann's k-NN result set inserts in O(k), which
        // turns quadratic for large k: rank every site instead.
        out.reserve(sites.size());
        for (std::size_t i = 0; i < sites.size(); ++i) out.push_back(measure(p, q, i));
        return out;
    }
    // The k + 1 chord-nearest: when the last one's chord exceeds every geodesic bound of the
    // first k, no other site can be among the k nearest (nor tie), and no ball is needed.
    std::vector<std::size_t> first(k + 1);
    std::vector<double> chord2_m2(k + 1);
    first.resize(tree.knnSearch(q.data(), k + 1, first.data(), chord2_m2.data()));
    const bool all_found = first.size() <= k;
    const double next_chord2_m2 = all_found ? 0.0 : chord2_m2[k];
    if (!all_found) first.resize(k);
    // The k chord-nearest sites lie within bound_m, so the k geodesic-nearest do too, and
    // each of those has a chord <= bound_m.
    double bound_m = 0.0;
    for (const std::size_t i : first) {
        out.push_back(measure(p, q, i));
        bound_m = std::max(bound_m, out.back().distance_m + slack_m);
    }
    const double r_m = chord_bound_m(bound_m);
    if (all_found || next_chord2_m2 > r_m * r_m) return out;
    // The ball holds those k again: only the others need a distance.
    std::sort(first.begin(), first.end());
    for (const auto& match : ball(q, bound_m, false)) {
        if (std::binary_search(first.begin(), first.end(), match.first)) continue;
        const Candidate c = measure(p, q, match.first);
        if (c.distance_m <= bound_m + slack_m) out.push_back(c);
    }
    return out;
}

SiteIndex::SiteIndex(std::vector<Site> sites, SiteIndexOptions options)
    : impl_(std::make_unique<Impl>(std::move(sites), options)) {}
SiteIndex::~SiteIndex() = default;
SiteIndex::SiteIndex(SiteIndex&&) noexcept = default;
SiteIndex& SiteIndex::operator=(SiteIndex&&) noexcept = default;

const std::vector<Site>& SiteIndex::sites() const noexcept {
    static const std::vector<Site> kNone;  // a moved-from index behaves as an empty one
    return impl_ ? impl_->sites : kNone;
}

DistanceMethod SiteIndex::distance_method() const noexcept {
    return impl_ && impl_->fast ? DistanceMethod::Fast : DistanceMethod::Karney;
}

std::optional<Neighbour> SiteIndex::nearest(const LonLat& p, double max_distance_m) const {
    check_query_point("SiteIndex::nearest", p);
    check_distance_m("SiteIndex::nearest", "max_distance_m", max_distance_m);
    if (!impl_ || impl_->sites.empty()) return std::nullopt;
    return impl_->nearest(p, max_distance_m);
}

std::vector<Neighbour> SiteIndex::k_nearest(const LonLat& p, std::size_t k) const {
    return k_nearest(p, k, std::numeric_limits<double>::infinity());
}

std::vector<Neighbour> SiteIndex::k_nearest(const LonLat& p, std::size_t k,
                                            double max_distance_m) const {
    check_query_point("SiteIndex::k_nearest", p);
    check_distance_m("SiteIndex::k_nearest", "max_distance_m", max_distance_m);
    if (!impl_ || impl_->sites.empty() || k == 0) return {};
    const Impl& im = *impl_;
    k = std::min(k, im.sites.size());
    std::vector<Candidate> candidates = im.k_candidates(p, k);
    im.rank(p, candidates);
    candidates.resize(std::min(k, candidates.size()));
    // Ranked by Karney's order; a candidate made exact at the limit keeps its place.
    while (!candidates.empty() && !im.within_limit(p, candidates.back(), max_distance_m)) {
        candidates.pop_back();
    }
    std::vector<Neighbour> out;
    out.reserve(candidates.size());
    for (const Candidate& c : candidates) out.push_back(im.settle(p, c));
    return out;
}

std::vector<Neighbour> SiteIndex::within(const LonLat& p, double radius_m) const {
    check_query_point("SiteIndex::within", p);
    check_distance_m("SiteIndex::within", "radius_m", radius_m);
    if (!impl_ || impl_->sites.empty()) return {};
    const Ecef e = to_ecef(p);
    return impl_->within(p, {e.x_m, e.y_m, e.z_m}, radius_m);
}

}  // namespace sitecover
