#pragma once
/// @file
/// Writing result tables through GDAL (CSV, GeoJSON, GeoPackage or any GDAL vector driver),
/// atomically: rows go to a temporary file that replaces the target only on commit().

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sitecover/area.hpp"
#include "sitecover/geodata/output_format.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover::geodata {

struct LayerStyle;  // style_table.hpp

/// The type of a column.
enum class FieldType {
    String,   ///< text (UTF-8)
    Integer,  ///< 64-bit integer
    Real,     ///< double
    Boolean   ///< true / false
};

/// One column of a table.
struct Column {
    std::string name;                    ///< field name, as written in the header or schema
    FieldType type = FieldType::String;  ///< the type of its values
    int decimals = -1;  ///< Real only: digits kept after the point (rounded); -1 keeps all
};

/// One cell: empty (null), text, integer, real or boolean.
using Value = std::variant<std::monostate, std::string, std::int64_t, double, bool>;

/// Geometry attached to each row (ignored by formats without geometry, such as CSV).
enum class GeometryKind {
    None,         ///< no geometry
    Point,        ///< Row::line holds one position
    LineString,   ///< Row::line holds the vertices
    MultiPolygon  ///< Row::area points to the area
};

/// One row of a table: its values and its geometry.
struct Row {
    std::vector<Value> values;   ///< one per column, in column order
    std::vector<LonLat> line;    ///< Point: one position; LineString: the vertices
    const Area* area = nullptr;  ///< MultiPolygon rows: the area (not owned)
};

/// Options of a table output.
struct TableOptions {
    std::string path;        ///< "-" writes CSV to standard output
    std::string format;      ///< GDAL driver short name; empty: from the extension
    std::string layer_name;  ///< layer name inside the file
    bool overwrite = false;  ///< replace an existing file
    GeometryKind geometry = GeometryKind::None;  ///< the geometry of every row
    /// CSV only: write with sitecover's own streaming CSV writer instead of GDAL's driver, for
    /// batches of millions of rows (same columns; reals in shortest round-trip form).
    bool streaming_csv = false;
    /// The CRS of the output's geometries, as ogr2ogr's -t_srs takes it (e.g. "EPSG:2154");
    /// empty: WGS84 lon/lat. With a CRS, a CSV output carries the geometry too (X,Y columns
    /// for points, WKT otherwise) and the streaming CSV writer is not used.
    std::string target_srs{};
    /// The files the run reads: the output and every file its driver writes beside it (a
    /// shapefile's .dbf...) must be none of them (OutputError; see StagingOptions::inputs).
    std::vector<std::string> inputs{};
};

/// Streams rows into one layer. The file is staged (see StagedFile: a shapefile's parts and a
/// GML's schema with it) and nothing is visible at `path` until commit() succeeds; the
/// destructor of an uncommitted writer removes the staged files. Every write is checked: GDAL's
/// drivers write through a layer that records failed writes (which GDAL's text drivers
/// ignore), checked after every row and at close; SQLite (GPKG) checks its own.
/// Throws OutputError naming the path for an existing file (without overwrite), a
/// non-regular file (even with overwrite), an unknown format, an unwritable directory, a
/// failed write (disk full...) or a driver failure; standard output too.
///
/// XML formats (KML, GML, GPX) get text their parsers accept: control characters other than
/// tab and line breaks are removed, and LIBKML's CDATA sections get "]]>" as "]] >". A
/// Shapefile is written in UTF-8 with its .cpg.
///
/// Thread-safety: a writer belongs to one thread; different writers may be used concurrently.
class TableWriter {
public:
    /// Checks the target and creates the temporary file and its layer. Throws OutputError as
    /// described above.
    TableWriter(TableOptions options, std::vector<Column> columns);
    /// Closes the writer; removes the temporary file unless commit() succeeded.
    ~TableWriter();
    TableWriter(const TableWriter&) = delete;             ///< not copyable
    TableWriter& operator=(const TableWriter&) = delete;  ///< not copyable

    /// Appends one row; row.values must hold one value per column, in column order. Throws
    /// OutputError when the driver cannot write it (disk full...) or after commit().
    void add_row(const Row& row);
    /// The layer's default QGIS style. A GeoPackage output stores it in its `layer_styles`
    /// table at commit(), inside the staged file (published with it or not at all); other
    /// formats ignore it. Throws OutputError after commit().
    void set_style(const LayerStyle& style);
    /// Whether the output keeps a style (set_style): a GeoPackage.
    bool keeps_style() const;
    /// Flushes, closes and renames the temporary file onto the target path. Throws OutputError
    /// when closing or renaming fails (the target is then left as it was) or when called twice.
    void commit();
    /// What the user should know about the output (fields the driver renamed, such as the
    /// 10-character names of a Shapefile), one sentence each.
    const std::vector<std::string>& warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover::geodata
