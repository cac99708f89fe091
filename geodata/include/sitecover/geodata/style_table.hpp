#pragma once
/// @file
/// QGIS layer styles stored in a GeoPackage: the `layer_styles` table (QGIS's own convention),
/// from which QGIS loads a layer's default style when it opens the file.

#include <string>

#include "sitecover/geodata/table_writer.hpp"

namespace sitecover::geodata {

/// A QGIS style for one layer: a row of the GeoPackage `layer_styles` table.
struct LayerStyle {
    std::string name;         ///< styleName
    std::string qml;          ///< styleQML: a QGIS .qml document ("<!DOCTYPE qgis ...><qgis ...>")
    std::string sld;          ///< styleSLD (may be empty)
    std::string description;  ///< free text
};

/// A feature layer of a GeoPackage: its name and the kind of its geometry.
struct GeoPackageLayer {
    std::string name;                            ///< table name
    GeometryKind geometry = GeometryKind::None;  ///< Point, LineString, MultiPolygon or None
};

/// The layer `layer` of the GeoPackage at `path`; `layer` empty: the file's only layer (the
/// `layer_styles` table aside). Polygons count as MultiPolygon, multi-points as Point and
/// multi-lines as LineString; a layer of mixed types (GDAL's "Geometry") takes its first
/// feature's. Throws InputError naming the file for a file GDAL cannot open
/// as a GeoPackage, a missing layer, or (`layer` empty) a file with several layers.
/// Thread-safe (each call opens its own GDAL dataset).
GeoPackageLayer find_geopackage_layer(const std::string& path, const std::string& layer = "");

/// Stores `style` as the default style of `layer` in the existing GeoPackage at `path`: the
/// `layer_styles` table is created when missing, a row of the same layer and style name is
/// replaced and the layer's other styles stop being default. One SQLite transaction: the
/// file holds the whole row or none of it. Throws InputError for a missing layer (see
/// find_geopackage_layer), OutputError (with GDAL's reason) when the file cannot be updated.
/// Not atomic against other writers of the same file; thread-safe otherwise.
void store_layer_style(const std::string& path, const std::string& layer, const LayerStyle& style);

}  // namespace sitecover::geodata
