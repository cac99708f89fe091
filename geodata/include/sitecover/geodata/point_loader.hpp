#pragma once
/// @file
/// Loading query origins: points from any layer, or representative points of polygons.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/lon_lat.hpp"

namespace sitecover::geodata {

/// One origin of a nearest-site query.
struct Origin {
    std::string code;  ///< identifier from the code (or id) field
    std::string name;  ///< name from the name field; empty when the layer has none
    LonLat position;   ///< WGS84 lon/lat, degrees
    /// Set only by readers that skip bad records (open_point_csv with skip_bad): why this record
    /// could not be read, e.g. "line 12, field 'lat': 'abc' is not a number". `position` is then
    /// meaningless.
    std::string error;
};

/// How a polygon becomes a point.
enum class OriginRule {
    PointOnSurface,  ///< default: always inside the polygon
    Centroid,        ///< area-weighted centroid (may fall outside a concave polygon)
};

/// Attribute names of an origin layer.
struct OriginFields {
    std::string code = "code";  ///< for CSV points the "id" column is used when "code" is absent
    std::string name = "nom";   ///< optional when "nom"; a name chosen otherwise must exist
    std::string lon = "lon";    ///< used when the layer has no geometry (CSV)
    std::string lat = "lat";    ///< used when the layer has no geometry (CSV)
};

/// Origins from a polygon layer (one point per feature, by `rule`), a point layer, or a table
/// with lon/lat columns (e.g. a CSV `id,lon,lat`). Same errors as load_areas / load_sites,
/// except for polygons that Boost.Geometry cannot repair (self-intersections, common in
/// simplified outlines): an origin needs only a point inside, so such a polygon is made valid
/// with GEOS (GDAL's MakeValid) and a warning naming it is appended to `warnings` (when not
/// null). Origins come in file order. O(features + vertices).
/// Each code is one origin: a code met twice is an InputError naming the code and both
/// features (an origin counted twice would weigh twice). A plain CSV of points read by
/// open_point_csv (point_csv.hpp) is a batch of queries and may repeat an id.
/// Thread-safety: may be called concurrently (each call opens its own GDAL dataset).
std::vector<Origin> load_origins(const LayerSource& source, const OriginFields& fields = {},
                                 OriginRule rule = OriginRule::PointOnSurface,
                                 std::vector<std::string>* warnings = nullptr);

/// How much of an input has been read, for a progress display: `done` out of `total` in the
/// reader's own unit (bytes of a CSV file, features of a GDAL layer); `total` 0 when unknown.
struct ReadProgress {
    std::uint64_t done = 0;   ///< units read so far
    std::uint64_t total = 0;  ///< units in the input; 0: unknown
};

/// A source of origins read chunk by chunk, so that memory stays bounded whatever the input
/// size (the streaming side of load_origins).
///
/// Thread-safety: a reader belongs to one thread; different readers may be used concurrently.
class OriginReader {
public:
    /// Closes the input.
    virtual ~OriginReader() = default;
    /// Appends up to max_count origins to `out`; false when nothing was left to read.
    /// Throws InputError as load_origins does.
    virtual bool next_chunk(std::vector<Origin>& out, std::size_t max_count) = 0;
    /// Warnings met so far (polygons made valid, lines skipped...).
    virtual const std::vector<std::string>& warnings() const = 0;
    /// How far the reading is (see ReadProgress); unknown by default.
    virtual ReadProgress progress() const { return {}; }
};

/// The streaming reader behind load_origins (any GDAL layer). Throws InputError as load_origins
/// does for the file, layer and fields when opening, and for features from next_chunk.
std::unique_ptr<OriginReader> open_origins(const LayerSource& source,
                                           const OriginFields& fields = {},
                                           OriginRule rule = OriginRule::PointOnSurface);

}  // namespace sitecover::geodata
