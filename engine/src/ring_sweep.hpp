#pragma once
// Private to sitecover::engine: a sweep-line test (Shamos and Hoey, 1976) that the rings of a
// multipolygon are simple and pairwise disjoint, in O(v log v).
//
// Why not Boost.Geometry's is_valid (or GEOS's IsValid) alone: both find self-intersections by
// pairing edges whose bounding boxes overlap. On a star-shaped ring (long spikes around a
// centre) almost every pair of edges in a quadrant has overlapping boxes, so both are quadratic:
// 84 s (Boost) and 39 s (GEOS 3.11) for a 100k-vertex star, against 0.01 s for a circle
// (bench/README.md). A sweep line compares each edge only with its neighbours in the sweep
// order, whatever the shape. It answers "nothing touches" exactly when that is so; any contact
// is left to Boost.Geometry, which decides whether it is allowed (a hole touching its outer ring
// at one point is valid) and says why not.

#include <cstddef>
#include <optional>
#include <vector>

#include "boost_area.hpp"

namespace sitecover::detail {

/// Where two rings (or one ring with itself) meet.
struct RingContact {
    std::size_t ring_a = 0, ring_b = 0;  ///< indices in the argument; equal: a ring meets itself
    BoostPoint near{0.0, 0.0};           ///< a vertex of one of the edges that meet
    bool spike = false;                  ///< ring_a turns straight back on itself at `near`
};

/// Nothing when every vertex of `rings` (closing vertices aside) is distinct, no two
/// consecutive edges of a ring fold back on each other (a spike), and no two edges meet except
/// consecutive edges of one ring at their shared vertex. Otherwise the first contact met (one
/// ring meeting itself is always a defect; two rings may touch legally). Each ring must be
/// closed and hold at least three distinct vertices. O(v log v) time, O(v) memory, for v
/// vertices in all.
std::optional<RingContact> first_ring_contact(const std::vector<const BoostRing*>& rings);

}  // namespace sitecover::detail
