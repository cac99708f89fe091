#pragma once
// Turning sitecover rows (Column / Row / Value of table_writer.hpp) into OGR fields and
// features: shared by TableWriter and GeoPackageWriter (private to geodata).

#include <string>
#include <vector>

#include <ogrsf_frmts.h>

#include "sitecover/geodata/table_writer.hpp"

namespace sitecover::geodata::detail {

OGRwkbGeometryType ogr_geometry(GeometryKind kind);

/// `value` rounded to `decimals` digits after the point (-1 or a non-finite value: unchanged).
double round_to(double value, int decimals);

/// Creates the columns on a new layer. Returns "" on success, else the failing column's name.
/// `integer64` false: integers as 32-bit fields, for drivers without 64-bit ones (MapInfo).
std::string create_fields(OGRLayer& layer, const std::vector<Column>& columns,
                          bool integer64 = true);

/// Sets the fields of `feature` from `row` and, when the layer has geometry, its geometry.
void fill_feature(OGRFeature& feature, const std::vector<Column>& columns, const Row& row,
                  GeometryKind geometry, bool with_geometry);

}  // namespace sitecover::geodata::detail
