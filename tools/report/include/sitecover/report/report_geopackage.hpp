#pragma once
// The report's GeoPackage: layers sites, areas, origins and links, each with a default QGIS
// style, so that the file opens in QGIS as a readable map.

#include <string>

#include "sitecover/report/report_model.hpp"

namespace sitecover::report {

/// Writes the GeoPackage at `path` (a new file: the caller stages it), its layers in
/// `target_srs` (ogr2ogr -t_srs form; "" for WGS84). Throws OutputError naming `display_path`.
void write_report_geopackage(const ReportModel& model, const std::string& path,
                             const std::string& display_path, const std::string& target_srs = "");

}  // namespace sitecover::report
