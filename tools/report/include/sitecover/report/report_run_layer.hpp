#pragma once
// The report GeoPackage's `run` table: the parameters, one key/value row each, in the report's
// language. The layers' styles: layer_style.hpp.

#include "sitecover/geodata/geopackage_writer.hpp"
#include "sitecover/report/layer_style.hpp"
#include "sitecover/report/report_model.hpp"

namespace sitecover::report {

/// Adds the table `run` (no geometry): key, label, text, value: one row per ParameterRow of
/// model.parameters in model.lang.
void add_run_layer(geodata::GeoPackageWriter& gpkg, const ReportModel& model);

}  // namespace sitecover::report
