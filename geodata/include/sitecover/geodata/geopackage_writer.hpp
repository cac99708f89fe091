#pragma once
// Writing several layers into one GeoPackage through GDAL, each with an optional default QGIS
// style stored in the `layer_styles` table (QGIS's own convention), so that the file opens in
// QGIS as a readable map.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "sitecover/geodata/style_table.hpp"
#include "sitecover/geodata/table_writer.hpp"

namespace sitecover::geodata {

/// Builds a new GeoPackage at `path` (WGS84 layers unless a target CRS is named). Not atomic by
/// itself: write to a StagedFile's temporary() and commit that. Rows are written in one
/// transaction. Throws OutputError (with GDAL's reason) when the file, a layer, a field or a row
/// cannot be written. Not thread-safe.
class GeoPackageWriter {
public:
    /// Creates the file; `path` must not exist yet. Errors name `display_path` (e.g. the final
    /// name of a staged file) when given, else `path`. `target_srs` (ogr2ogr's -t_srs form,
    /// e.g. "EPSG:2154") is the CRS of every layer, the geometries transformed into it; empty:
    /// WGS84 lon/lat.
    explicit GeoPackageWriter(const std::string& path, const std::string& display_path = "",
                              const std::string& target_srs = "");
    /// Closes an unfinished file (the caller's StagedFile removes it).
    ~GeoPackageWriter();
    GeoPackageWriter(const GeoPackageWriter&) = delete;
    GeoPackageWriter& operator=(const GeoPackageWriter&) = delete;

    /// Adds a layer; returns its handle for add_row and set_style. Geometry column: "geom".
    std::size_t add_layer(const std::string& name, GeometryKind geometry,
                          std::vector<Column> columns);
    /// Writes one feature to `layer` (a handle from add_layer): values in column order and the
    /// geometry the layer's kind takes from `row` (see Row).
    void add_row(std::size_t layer, const Row& row);
    /// The layer's default QGIS style (useAsDefault = 1). At most one per layer.
    void set_style(std::size_t layer, LayerStyle style);
    /// Writes the `layer_styles` table (when a style was set), commits and closes the file.
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover::geodata
