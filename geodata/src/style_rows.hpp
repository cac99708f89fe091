#pragma once
// Rows of the GeoPackage `layer_styles` table, written through GDAL: shared by
// GeoPackageWriter, TableWriter (a GeoPackage output with a style) and store_layer_style
// (private to geodata).

#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "sitecover/geodata/style_table.hpp"

namespace sitecover::geodata::detail {

/// The `layer_styles` table of `dataset`: the existing one, else a new one with QGIS's columns
/// (QgsOgrProviderUtils' saveStyle). Returns nullptr with `failure` set when it cannot be made.
OGRLayer* style_table(GDALDataset& dataset, std::string& failure);

/// Appends the default style (useAsDefault 1) of the layer `table_name` whose geometry column
/// is `geometry_column` ("" for a table without geometry). False when GDAL refuses the row.
bool add_style_row(OGRLayer& styles, const std::string& table_name,
                   const std::string& geometry_column, const LayerStyle& style);

}  // namespace sitecover::geodata::detail
