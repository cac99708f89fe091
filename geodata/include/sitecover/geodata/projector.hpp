#pragma once
// Projecting WGS84 lon/lat positions to a projected CRS (for maps whose distances must be
// true, e.g. Lambert-93), through PROJ.

#include <memory>
#include <string>
#include <vector>

#include "sitecover/lon_lat.hpp"

namespace sitecover::geodata {

/// A position in a projected CRS, metres (easting, northing).
struct ProjectedPoint {
    double x_m = 0.0;  ///< easting, metres
    double y_m = 0.0;  ///< northing, metres
};

/// Projects WGS84 lon/lat to one projected CRS. Not thread-safe (PROJ's transformation object
/// holds scratch state): use one Projector per thread.
class Projector {
public:
    /// `target_crs`: anything GDAL's SetFromUserInput takes ("EPSG:2154", a WKT, a PROJ
    /// string). Throws InputError for an unknown CRS or one that is not projected in metres.
    explicit Projector(const std::string& target_crs = "EPSG:2154");
    ~Projector();
    /// Moves the transformation; the moved-from object may only be destroyed or assigned to.
    Projector(Projector&&) noexcept;
    /// Moves the transformation; same rule as the move constructor.
    Projector& operator=(Projector&&) noexcept;
    Projector(const Projector&) = delete;
    Projector& operator=(const Projector&) = delete;

    /// The projected position of p. Throws ArgumentError when p is invalid or PROJ fails.
    ProjectedPoint project(const LonLat& p) const;
    /// Projects many positions at once (one PROJ call). Same errors.
    std::vector<ProjectedPoint> project(const std::vector<LonLat>& points) const;

    /// The CRS given to the constructor.
    const std::string& crs() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sitecover::geodata
