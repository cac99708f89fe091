#pragma once
/// @file
/// Reading the context drawn around a map: road lines with their class, and areas dissolved
/// into larger ones (cantons into départements) through GDAL and GEOS.

#include <cstddef>
#include <string>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover::geodata {

/// A lon/lat rectangle, degrees (WGS84).
struct LonLatBox {
    double min_lon_deg = -180.0;  ///< west edge, degrees
    double min_lat_deg = -90.0;   ///< south edge, degrees
    double max_lon_deg = 180.0;   ///< east edge, degrees
    double max_lat_deg = 90.0;    ///< north edge, degrees
};

/// One line of a road layer and its class ("motorway", "trunk"...).
struct ClassedLine {
    std::string road_class;      ///< the class field's text
    std::vector<LonLat> points;  ///< vertices, WGS84 lon/lat, at least two
};

/// The lines of a layer whose envelope meets `box`, with the text of `class_field` (each part
/// of a multi-line is a line of its own). Throws InputError (file, layer, field) for a missing
/// file, layer or field. Features without a line geometry are skipped.
/// Thread-safety: may be called concurrently (each call opens its own GDAL dataset).
std::vector<ClassedLine> load_classed_lines(const LayerSource& source,
                                            const std::string& class_field, const LonLatBox& box);

/// The polygons of a layer grouped by the first `prefix_chars` characters of `code_field`
/// (e.g. 2 for the département of a French canton code) and dissolved into one area per group
/// (GEOS union through GDAL); only features whose envelope meets `box` are read, so the areas
/// are whole only inside it. Codes in the result: the prefixes, sorted. Throws InputError
/// (file, layer, feature, field) for a missing file or field, a non-polygon feature, or a
/// union that GEOS cannot compute. O(n log n) in the vertices read.
std::vector<Area> load_dissolved_areas(const LayerSource& source, const std::string& code_field,
                                       std::size_t prefix_chars, const LonLatBox& box);

}  // namespace sitecover::geodata
