#pragma once
// The look of the tables the commands write: a GeoPackage output carries its layer's default
// QGIS style (the documents library's layer_style), stored inside the staged file.

#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/layer_style.hpp"

namespace sitecover::cli {

/// Gives `writer`'s layer the style of `kind` (language: lang_from_environment(), as the
/// report's default) when it writes a GeoPackage; other formats are left as they are.
void style_table(geodata::TableWriter& writer, report::LayerKind kind,
                 geodata::GeometryKind geometry, const report::StyleFields& fields = {});

}  // namespace sitecover::cli
