#pragma once
/// @file
/// Nearest-site queries with exact WGS84 ellipsoidal distances.

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "sitecover/lon_lat.hpp"
#include "sitecover/site.hpp"

namespace sitecover {

/// One query answer: a site (index into SiteIndex::sites()) and its geodesic distance.
struct Neighbour {
    std::size_t site = 0;  ///< index into the sites given to the index
    /// WGS84 geodesic distance from the query point, metres (within 1 um of Karney's with
    /// DistanceMethod::Fast, and equal to it once rounded to millimetres)
    double distance_m = 0.0;

    /// Exact comparison of both members.
    friend bool operator==(const Neighbour&, const Neighbour&) = default;
};

/// How SiteIndex computes distances. Both give the same answers (sites, order, ties); the
/// distances differ by at most kShortGeodesicErrorM (1 micrometre) and never in their rounding
/// to millimetres or coarser (sitecover/fast_geodesic.hpp).
enum class DistanceMethod {
    /// Default. Short distances (chord up to 200 km) from the ECEF chord
    /// (short_geodesic_distance_m); PROJ's Karney inverse beyond, and wherever the 1 um bound
    /// could change an answer: two candidates closer than twice the bound, a distance within
    /// the bound of a limit (max_distance_m, radius_m) or of a multiple of 0.5 mm.
    Fast,
    /// PROJ's Karney inverse (geodesic_distance_m) for every distance: the reference.
    Karney
};

/// Options of a SiteIndex.
struct SiteIndexOptions {
    /// Fast by default; a build with -DSITECOVER_FAST_DISTANCES=OFF uses Karney whatever this
    /// says.
    DistanceMethod distances = DistanceMethod::Fast;
};

/// An immutable spatial index over sites.
///
/// Built once (O(n log n)) as a KD-tree on the ECEF coordinates of the sites. Because the chord
/// between two points never exceeds the geodesic between them, a chord search bounded by a
/// geodesic distance finds every site that can be nearer; candidates are then ranked by their
/// geodesic distance (see DistanceMethod: the ranking is that of the exact Karney distances).
/// Results are therefore those of a brute-force search with Karney distances.
///
/// Ordering and ties: results are sorted by distance_m, then by site id (site_id_less), then by
/// input position. The same query always returns the same answer.
///
/// Thread-safety: all const member functions may be called concurrently from many threads.
class SiteIndex {
public:
    /// Builds the index. Throws InputError when a site position is not valid (is_valid), naming
    /// the site id. An empty site list is allowed: every query then returns nothing.
    explicit SiteIndex(std::vector<Site> sites, SiteIndexOptions options = {});
    /// Frees the index.
    ~SiteIndex();
    /// Moves the index; the moved-from index behaves as an empty one.
    SiteIndex(SiteIndex&&) noexcept;
    /// Moves the index; the moved-from index behaves as an empty one.
    SiteIndex& operator=(SiteIndex&&) noexcept;
    SiteIndex(const SiteIndex&) = delete;             ///< not copyable (share it instead)
    SiteIndex& operator=(const SiteIndex&) = delete;  ///< not copyable

    /// The sites, in the order given to the constructor.
    const std::vector<Site>& sites() const noexcept;

    /// The distance method in effect (Karney when the build disables the fast path).
    DistanceMethod distance_method() const noexcept;

    /// The nearest site no farther than max_distance_m (metres, >= 0; infinity: no limit), or
    /// nothing. O(log n) expected. Throws ArgumentError on an invalid point or a negative / NaN
    /// max_distance_m.
    std::optional<Neighbour> nearest(
        const LonLat& p, double max_distance_m = std::numeric_limits<double>::infinity()) const;

    /// The k nearest sites (fewer when the index holds fewer; none for k == 0), sorted as
    /// described above. O(k log n) expected. Throws ArgumentError on an invalid point.
    std::vector<Neighbour> k_nearest(const LonLat& p, std::size_t k) const;

    /// The k nearest sites no farther than max_distance_m (metres, >= 0), as k_nearest. Throws
    /// ArgumentError on an invalid point or a negative / NaN max_distance_m.
    std::vector<Neighbour> k_nearest(const LonLat& p, std::size_t k, double max_distance_m) const;

    /// Every site whose geodesic distance is <= radius_m (metres, >= 0), sorted as described
    /// above. O(log n + m log m) expected for m results. Throws ArgumentError on an invalid
    /// point or a negative / NaN radius_m.
    std::vector<Neighbour> within(const LonLat& p, double radius_m) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover
