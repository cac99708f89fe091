#pragma once
// Refusing NUL bytes in text-format inputs before GDAL reads them (private to geodata).
// GDAL's text drivers (CSV, GeoJSON, KML, GML, OSM XML...) hold values as C strings: a NUL
// inside an id cuts it silently, so two ids could become one. A cheap scan finds it first.

#include <string>

namespace sitecover::geodata::detail {

/// Whether the file name's extension is that of a text format GDAL reads as C strings
/// (.csv .tsv .txt .geojson .json .geojsonl .geojsons .ndjson .jsonl .kml .gml .xml .osm .gpx
/// .vrt), case-insensitive.
bool is_text_format(const std::string& path);

/// Throws InputError ("file 'P': NUL byte at line L, column C (byte offset O) ...") when the
/// regular file at `path` holds a NUL byte. Not a regular file, unreadable: does nothing (the
/// open that follows reports it).
void refuse_nul_bytes(const std::string& path);

/// Throws InputError naming the line when the CSV file at `path` (.csv, .tsv) looks cut short:
/// it does not end with an end of line and its last record ends inside a quoted value or
/// holds fewer fields than the header (a copy cut mid-row: GDAL reads the short row, a
/// longitude cut to its first digits included). O(1) for a file that ends with an end of line;
/// else one pass. Not a regular file, unreadable: does nothing.
void refuse_truncated_csv(const std::string& path);

}  // namespace sitecover::geodata::detail
