#pragma once
// An administrative area (canton, commune...): a multipolygon with holes in WGS84 lon/lat.
// Edges are straight lines in lon/lat, as in GeoJSON and the GIS files the areas come from.

#include <string>
#include <vector>

#include "sitecover/lon_lat.hpp"

namespace sitecover {

/// A closed ring: first and last vertices may or may not repeat (both are accepted).
using Ring = std::vector<LonLat>;

/// One polygon: an outer ring and zero or more holes.
struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

/// A named area made of one or more polygons.
struct Area {
    std::string code;  ///< e.g. "32013" or "32003"
    std::string name;  ///< e.g. "Auch-3"
    std::vector<Polygon> parts;
};

}  // namespace sitecover
