#pragma once
/// @file
/// Choosing the output format and coordinate reference system of vector outputs: the GDAL
/// driver from a file name's extension (from GDAL's own driver metadata, so every driver that
/// can write is available), and a target CRS (TableOptions::target_srs).

#include <optional>
#include <string>
#include <vector>

namespace sitecover::geodata {

/// The GDAL drivers that claim a path's extension: among those with the capabilities
/// DCAP_VECTOR and DCAP_CREATE that list it in DMD_EXTENSIONS (or DMD_EXTENSION), the
/// vector-only ones when there are any (".xml" is not PDS4, a raster format), with LIBKML
/// alone for ".kml" when GDAL has both KML writers (as ogr2ogr). Several drivers: the
/// extension is ambiguous (".txt": Geoconcept, VDV). Case-insensitive; a double extension
/// such as ".shp.zip" counts; "-" (standard output) is CSV. Thread-safe.
std::vector<std::string> drivers_for_path(const std::string& path);

/// The one driver of drivers_for_path(), or "" when none or several claim the extension.
std::string driver_for_path(const std::string& path);

/// The extensions (without dot, sorted, unique) for which driver_for_path() finds a driver.
std::vector<std::string> writable_extensions();

/// Checks a target CRS as ogr2ogr's -t_srs takes it (EPSG:2154, a PROJ string, WKT, a
/// file...). Returns std::nullopt when GDAL/PROJ understand it, else the reason. Thread-safe.
std::optional<std::string> check_target_srs(const std::string& srs);

}  // namespace sitecover::geodata
