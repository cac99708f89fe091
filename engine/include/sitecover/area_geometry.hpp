#pragma once
/// @file
/// Geometry checks and derived points of areas. All functions are thread-safe on distinct
/// arguments (repair_area modifies its area; the others only read theirs).

#include <string>

#include "sitecover/area.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// What repair_area did to an area.
struct RepairReport {
    bool closed_rings = false;        ///< some rings were not closed and were closed
    bool reoriented_rings = false;    ///< some rings had the wrong winding and were reversed
    bool removed_duplicates = false;  ///< consecutive duplicate vertices were removed
};

/// Makes an area valid when that is a matter of closing rings, fixing ring orientation or
/// removing repeated vertices. Throws InputError with Boost.Geometry's reason (for example
/// "self-intersections") when the area stays invalid, when a coordinate is not valid, or for an
/// empty area; the message starts with the area code. O(v log v) in the number of vertices.
RepairReport repair_area(Area& area);

/// A point guaranteed to lie inside the area (in its largest part), away from its boundary
/// where the shape allows. Deterministic. Throws InputError for an empty or degenerate area.
/// O(v log v) in the number of vertices.
LonLat point_on_surface(const Area& area);

/// The area-weighted centroid in lon/lat (may fall outside a concave area). O(v).
/// Throws InputError for an empty area or one whose rings are empty.
LonLat centroid(const Area& area);

}  // namespace sitecover
