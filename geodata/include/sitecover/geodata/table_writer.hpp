#pragma once
// Writing result tables through GDAL (CSV, GeoJSON, GeoPackage or any GDAL vector driver),
// atomically: rows go to a temporary file that replaces the target only on commit().

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover::geodata {

enum class FieldType { String, Integer, Real, Boolean };

struct Column {
    std::string name;
    FieldType type = FieldType::String;
    int decimals = -1;  ///< Real only: digits kept after the point (rounded); -1 keeps all
};

/// One cell: empty (null), text, integer, real or boolean.
using Value = std::variant<std::monostate, std::string, std::int64_t, double, bool>;

/// Geometry attached to each row (ignored by formats without geometry, such as CSV).
enum class GeometryKind { None, Point, LineString, MultiPolygon };

struct Row {
    std::vector<Value> values;          ///< one per column, in column order
    std::vector<LonLat> line;           ///< Point: one position; LineString: the vertices
    const Area* area = nullptr;         ///< MultiPolygon rows: the area (not owned)
};

/// Options of a table output.
struct TableOptions {
    std::string path;         ///< "-" writes CSV to standard output
    std::string format;       ///< GDAL driver short name; empty: from the extension
    std::string layer_name;   ///< layer name inside the file
    bool overwrite = false;   ///< replace an existing file
    GeometryKind geometry = GeometryKind::None;
    /// CSV only: write with sitecover's own streaming CSV writer instead of GDAL's driver, for
    /// batches of millions of rows (same columns; reals in shortest round-trip form).
    bool streaming_csv = false;
};

/// Streams rows into one layer. Nothing is visible at `path` until commit() succeeds; the
/// destructor of an uncommitted writer removes the temporary file.
/// Throws OutputError naming the path for an existing file (without overwrite), an unknown
/// format, an unwritable directory or a driver failure.
class TableWriter {
public:
    TableWriter(TableOptions options, std::vector<Column> columns);
    ~TableWriter();
    TableWriter(const TableWriter&) = delete;
    TableWriter& operator=(const TableWriter&) = delete;

    void add_row(const Row& row);
    /// Flushes, closes and renames the temporary file onto the target path.
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The GDAL driver short name chosen for a path ("CSV", "GeoJSON", "GPKG", "FlatGeobuf",
/// "ESRI Shapefile"), or "" when the extension is unknown.
std::string driver_for_path(const std::string& path);

}  // namespace sitecover::geodata
