#pragma once
/// @file
/// An administrative area (canton, commune...): a multipolygon with holes in WGS84 lon/lat.
/// Edges are straight lines in lon/lat, as in GeoJSON and the GIS files the areas come from.

#include <string>
#include <vector>

#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// A closed ring of WGS84 positions: first and last vertices may or may not repeat (both are
/// accepted). Outer rings and holes may wind either way; repair_area orients them.
using Ring = std::vector<LonLat>;

/// One polygon: an outer ring and zero or more holes.
struct Polygon {
    Ring outer;               ///< the outline
    std::vector<Ring> holes;  ///< rings cut out of it (enclaves), possibly none
};

/// A named area made of one or more polygons. A plain value: CoverageIndex takes areas as
/// given, so validate ones from outside with repair_area (area_geometry.hpp).
struct Area {
    std::string code;            ///< e.g. "32013" or "32003"; unique within a layer
    std::string name;            ///< e.g. "Auch-3"
    std::vector<Polygon> parts;  ///< the polygons of the multipolygon, at least one when valid
};

}  // namespace sitecover
