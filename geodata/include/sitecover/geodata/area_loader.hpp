#pragma once
/// @file
/// Loading polygon layers (cantons, communes) as sitecover::Area values in WGS84 lon/lat.

#include <string>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/geodata/layer_source.hpp"

namespace sitecover::geodata {

/// Attribute names of an area layer.
struct AreaFields {
    std::string code = "code";  ///< unique area code (required)
    std::string name = "nom";   ///< area name
};

/// Reads every (filtered) feature of a Polygon / MultiPolygon layer, reprojects it to WGS84
/// lon/lat and repairs it with repair_area (ring closure, orientation, repeated vertices).
/// Throws InputError naming the file, layer, feature and field for: a missing or unreadable
/// file, a missing field, a feature without a code, a non-polygonal geometry, an empty or
/// unrepairable geometry, duplicate codes, an unknown CRS, or a layer with no feature.
/// O(features + vertices). Areas come in file order.
/// Thread-safety: may be called concurrently (each call opens its own GDAL dataset).
std::vector<Area> load_areas(const LayerSource& source, const AreaFields& fields = {});

}  // namespace sitecover::geodata
