#pragma once
// A position on the WGS84 ellipsoid in GIS axis order (longitude first).

namespace sitecover {

/// WGS84 geographic position, degrees. lon_deg in [-180, 180], lat_deg in [-90, 90].
struct LonLat {
    double lon_deg = 0.0;
    double lat_deg = 0.0;

    friend bool operator==(const LonLat&, const LonLat&) = default;
};

/// True when both coordinates are finite and within the ranges above.
bool is_valid(const LonLat& p) noexcept;

}  // namespace sitecover
