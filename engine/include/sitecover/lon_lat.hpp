#pragma once
/// @file
/// A position on the WGS84 ellipsoid in GIS axis order (longitude first).

#include <string>

namespace sitecover {

/// WGS84 geographic position, degrees. lon_deg in [-180, 180], lat_deg in [-90, 90].
///
/// A plain value: no check on construction (see is_valid); every query that takes one checks
/// it and throws ArgumentError when it is not valid.
struct LonLat {
    double lon_deg = 0.0;  ///< longitude, degrees east, [-180, 180]
    double lat_deg = 0.0;  ///< latitude, degrees north, [-90, 90]

    /// Exact comparison of both coordinates (no tolerance).
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

/// True when both coordinates are finite and within the ranges above (bounds included).
/// O(1); thread-safe.
bool is_valid(const LonLat& p) noexcept;

/// "(lon, lat)" with up to 10 significant digits ("(0.592823, 43.635558)", "(0.7, 1e+300)"),
/// for messages. Thread-safe.
std::string to_string(const LonLat& p);

/// One coordinate with up to 10 significant digits ("43.6", "1e+300", "nan"), for messages.
std::string format_degrees(double value);

}  // namespace sitecover
