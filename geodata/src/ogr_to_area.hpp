#pragma once
// Conversion of OGR polygon geometries to sitecover::Area parts (private to geodata).

#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "sitecover/area.hpp"

namespace sitecover::geodata::detail {

/// Appends the polygons of `geometry` (Polygon, MultiPolygon, curved variants) to `parts`.
/// Returns "" on success, else what is wrong ("a LineString geometry, expected Polygon or
/// MultiPolygon", "an empty geometry", "a non-finite coordinate").
std::string append_polygons(const OGRGeometry& geometry, std::vector<Polygon>& parts);

}  // namespace sitecover::geodata::detail
