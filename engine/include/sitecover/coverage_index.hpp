#pragma once
/// @file
/// Which areas contain a point, with an explicit boundary rule, and how far the point lies from
/// the area's boundary.

#include <cstddef>
#include <memory>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// What happens to a point exactly on an area's boundary (an edge, a vertex, a hole's edge).
/// Default: Included (Boost.Geometry covered_by): a site on the line between two cantons covers
/// both, because a planner would count a site on the border as serving either side.
/// Excluded (Boost.Geometry within) counts only points strictly inside.
enum class Boundary {
    Included,  ///< on the boundary counts as inside (covered_by); the default
    Excluded   ///< only strictly inside counts (within)
};

/// An immutable index over areas (R-tree of their envelopes, exact tests on the polygons).
/// Edges are straight in lon/lat (the convention of the source files).
///
/// Thread-safety: all const member functions may be called concurrently.
class CoverageIndex {
public:
    /// Builds the index: O(n log n) in the number of areas (plus O(v) to convert the vertices).
    /// Areas are used as given; repair them first with repair_area (area_geometry.hpp) when
    /// they come from files. An empty list is allowed: no point is then in any area.
    explicit CoverageIndex(std::vector<Area> areas);
    /// Frees the index.
    ~CoverageIndex();
    /// Moves the index; the moved-from object may only be destroyed or assigned to.
    CoverageIndex(CoverageIndex&&) noexcept;
    /// Moves the index; the moved-from object may only be destroyed or assigned to.
    CoverageIndex& operator=(CoverageIndex&&) noexcept;
    CoverageIndex(const CoverageIndex&) = delete;             ///< not copyable (share it instead)
    CoverageIndex& operator=(const CoverageIndex&) = delete;  ///< not copyable

    /// The areas, in the order given to the constructor.
    const std::vector<Area>& areas() const noexcept;

    /// Indices (ascending) of the areas that contain p under the boundary rule; empty when
    /// none does. O(log n + vertices of the candidate areas). Throws ArgumentError on an
    /// invalid point.
    std::vector<std::size_t> areas_containing(const LonLat& p,
                                              Boundary rule = Boundary::Included) const;

    /// Geodesic distance in metres from p to the nearest point of area `area`'s boundary (outer
    /// rings and holes of every part). Accurate to well under a metre for edges up to tens of
    /// kilometres; 0 on the boundary. O(vertices of that area). Throws ArgumentError when
    /// `area` is not an index into areas() or p is invalid.
    double distance_to_boundary_m(std::size_t area, const LonLat& p) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover
