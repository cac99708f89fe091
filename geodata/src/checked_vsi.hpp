#pragma once
// A GDAL virtual file system that writes local files and remembers every failed write, flush
// or close (private to geodata). GDAL's text drivers (GeoJSON, KML, GML, CSV...) ignore the
// results of their writes, and GDAL 3.6's GDALClose returns nothing: a full disk would leave a
// short file behind a successful run. Outputs are written through this layer, which records
// the first failure of each directory; the writers check it after every feature and at close.

#include <string>

#include <gdal.h>

namespace sitecover::geodata::detail {

/// The GDAL name under which `path` (a local file) is written through the checked layer.
/// Registers the layer on first use. Thread-safe.
std::string checked_vsi_path(const std::string& path);

/// The first write failure recorded for a file directly inside `dir` ("" when none), e.g.
/// "No space left on device". Thread-safe.
std::string checked_vsi_failure(const std::string& dir);

/// Forgets the failures recorded for `dir` (when its staging directory goes away).
void forget_checked_vsi_failures(const std::string& dir);

/// Creates a SQLite-based dataset (GPKG) at a plain path with its rollback journal in memory,
/// for the calling thread only. SQLite checks its own writes (a full disk fails the commit), so
/// it needs no checked layer; a staged file needs no journal (a failed run discards the whole
/// file), and a `<name>-journal` beside a 250-byte file name would pass the 255-byte limit.
GDALDatasetH create_without_journal(GDALDriverH driver, const std::string& path);

}  // namespace sitecover::geodata::detail
