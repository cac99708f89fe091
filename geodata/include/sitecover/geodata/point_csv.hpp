#pragma once
/// @file
/// A dedicated streaming reader for plain point tables ("id,lon,lat" CSV), the batch input of
/// millions of points. Every other format, and any CSV it does not recognise, goes through GDAL
/// (open_origins).

#include <cstddef>
#include <memory>
#include <string>
#include <utility>

#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"

namespace sitecover::geodata {

/// A line of a plain CSV of points that cannot be read (a missing or non-numeric coordinate, a
/// point out of range), thrown by the reader without skip_bad: an InputError whose message
/// names the file and the line. Python raises it as sitecover.InvalidPointError (an InputError
/// and a ValueError).
class BadRecordError : public InputError {
public:
    /// The error for one line; what() is `message`.
    explicit BadRecordError(Message message) : InputError(std::move(message)) {}
};

/// Options of the plain CSV point reader.
struct PointCsvOptions {
    std::string id_column = "id";    ///< "code" is accepted when "id" is absent
    std::string lon_column = "lon";  ///< longitude, WGS84 degrees in [-180, 180]
    std::string lat_column = "lat";  ///< latitude, WGS84 degrees in [-90, 90]
    /// The origin's name: optional when "nom" (names empty without it), required otherwise.
    std::string name_column = "nom";
    /// false: the first malformed line stops the read with a BadRecordError naming its line.
    /// true: a malformed line becomes an Origin whose `error` says what is wrong, and the read
    /// goes on.
    bool skip_bad = false;
};

/// True when `path` is a local ".csv" file whose header holds the id, lon and lat columns.
/// Reads only the first line. Does not throw: an unreadable file gives false. Thread-safe.
bool is_plain_point_csv(const std::string& path, const PointCsvOptions& options = {});

/// Opens a plain CSV of points for streaming: comma-separated, a header line, UTF-8 (a byte
/// order mark is skipped), LF or CRLF line ends, fields optionally in double quotes (no line
/// break inside a field). Lon/lat in WGS84 degrees. Blank lines are ignored.
/// Throws InputError for a missing file or missing columns, and (from next_chunk) for a
/// malformed line unless skip_bad. O(1) memory per chunk. The reader belongs to one thread;
/// different readers may be used concurrently.
std::unique_ptr<OriginReader> open_point_csv(const std::string& path,
                                             const PointCsvOptions& options = {});

}  // namespace sitecover::geodata
