#pragma once
/// @file
/// Where a vector layer comes from: a GDAL dataset path, an optional layer name and filter.
///
/// Every geodata loader and writer registers GDAL's drivers on first use and installs a GDAL
/// error handler for the whole process (CPLSetErrorHandler) that keeps each thread's last
/// message for sitecover's exceptions instead of printing it.

#include <string>

namespace sitecover::geodata {

/// A layer of any GDAL vector format (GeoJSON, GeoPackage, Shapefile, FlatGeobuf, CSV...).
struct LayerSource {
    std::string path;   ///< file path or any GDAL connection string (/vsizip/..., /vsigzip/...)
    std::string layer;  ///< layer name; empty: the dataset's only layer
    std::string where;  ///< OGR SQL attribute filter (as ogr2ogr -where); empty: every feature
    /// CRS of the data when the file declares none ("EPSG:2154", a WKT or PROJ string).
    /// Empty: a file without CRS is taken as WGS84 lon/lat (the GeoJSON and CSV convention).
    std::string assumed_crs;
};

/// "file 'PATH', layer 'NAME'" — the prefix of every loading error about this source.
/// Thread-safe; does not throw except std::bad_alloc.
std::string describe(const LayerSource& source, const std::string& layer_name);

}  // namespace sitecover::geodata
