#pragma once
// Geometry checks and derived points of areas.

#include <string>

#include "sitecover/area.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// What repair_area did to an area.
struct RepairReport {
    bool closed_rings = false;      ///< some rings were not closed and were closed
    bool reoriented_rings = false;  ///< some rings had the wrong winding and were reversed
    bool removed_duplicates = false; ///< consecutive duplicate vertices were removed
};

/// Makes an area valid when that is a matter of closing rings, fixing ring orientation or
/// removing repeated vertices. Throws InputError with Boost.Geometry's reason (for example
/// "self-intersections") when the area stays invalid; the message starts with the area code.
RepairReport repair_area(Area& area);

/// A point guaranteed to lie inside the area (in its largest part). Throws InputError for an
/// empty area.
LonLat point_on_surface(const Area& area);

/// The area-weighted centroid in lon/lat (may fall outside a concave area).
LonLat centroid(const Area& area);

}  // namespace sitecover
