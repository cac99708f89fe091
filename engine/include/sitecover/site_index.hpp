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
    std::size_t site = 0;     ///< index into the sites given to the index
    double distance_m = 0.0;  ///< WGS84 geodesic distance from the query point, metres

    /// Exact comparison of both members.
    friend bool operator==(const Neighbour&, const Neighbour&) = default;
};

/// An immutable spatial index over sites.
///
/// Built once (O(n log n)) as a KD-tree on the ECEF coordinates of the sites. Because the chord
/// between two points never exceeds the geodesic between them, a chord search bounded by a
/// geodesic distance finds every site that can be nearer; candidates are then ranked by their
/// exact Karney distance. Results are therefore exactly those of a brute-force search.
///
/// Ordering and ties: results are sorted by distance_m, then by site id (site_id_less), then by
/// input position. The same query always returns the same answer.
///
/// Thread-safety: all const member functions may be called concurrently from many threads.
class SiteIndex {
public:
    /// Builds the index. Throws InputError when a site position is not valid (is_valid), naming
    /// the site id. An empty site list is allowed: every query then returns nothing.
    explicit SiteIndex(std::vector<Site> sites);
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

    /// The nearest site no farther than max_distance_m (metres, >= 0; infinity: no limit), or
    /// nothing. O(log n) expected. Throws ArgumentError on an invalid point or a negative / NaN
    /// max_distance_m.
    std::optional<Neighbour> nearest(
        const LonLat& p,
        double max_distance_m = std::numeric_limits<double>::infinity()) const;

    /// The k nearest sites (fewer when the index holds fewer; none for k == 0), sorted as
    /// described above. O(k log n) expected. Throws ArgumentError on an invalid point.
    std::vector<Neighbour> k_nearest(const LonLat& p, std::size_t k) const;

    /// Every site whose geodesic distance is <= radius_m (metres, >= 0), sorted as described
    /// above. O(log n + m log m) expected for m results. Throws ArgumentError on an invalid
    /// point or a negative / NaN radius_m.
    std::vector<Neighbour> within(const LonLat& p, double radius_m) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover
