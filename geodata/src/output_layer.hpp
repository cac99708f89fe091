#pragma once
// Per-driver choices for a new output layer: its creation options, whether it carries the
// geometry, and the fields the driver renamed (private to geodata).

#include <string>
#include <vector>

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "sitecover/geodata/table_writer.hpp"

namespace sitecover::geodata::detail {

/// Whether a layer of `driver` gets the rows' geometry: always, except CSV, which gets it
/// (as X,Y columns for points, WKT otherwise) only when a target CRS is named.
bool writes_geometry(const std::string& driver, GeometryKind geometry, bool target_srs);

/// Layer creation options: GeoJSON in RFC 7946 form when in WGS84 (its CRS then), CSV with LF
/// line ends, quoting only where needed and the geometry columns of writes_geometry().
CPLStringList layer_creation_options(const std::string& driver, GeometryKind geometry,
                                     bool target_srs);

/// What to append to a temporary name ending with `target_name` so that `driver` writes the
/// same kind of file: "" when the name already ends with one of the driver's extensions (so
/// that a shapefile's companions and a ".shp.zip" keep their form), else "." + its main
/// extension (the CSV driver makes a directory of any other name).
std::string temporary_suffix(GDALDriver& driver, const std::string& target_name);

/// Whether the driver creates 64-bit integer fields (from DMD_CREATIONFIELDDATATYPES; true
/// when it does not say). Counts and ids fit 32 bits where it does not.
bool has_integer64(GDALDriver& driver);

/// The columns whose name the driver changed when creating them (a Shapefile keeps 10
/// characters), as "name -> stored name", in column order.
std::vector<std::string> renamed_fields(OGRLayer& layer, const std::vector<Column>& columns);

}  // namespace sitecover::geodata::detail
