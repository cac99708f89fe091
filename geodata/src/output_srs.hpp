#pragma once
// The coordinate reference system vector outputs are written in (TableOptions::target_srs), and
// the transformation of the WGS84 lon/lat geometries into it (private to geodata).

#include <memory>
#include <string>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

namespace sitecover::geodata::detail {

class OutputSrs {
public:
    /// `text` as ogr2ogr's -t_srs takes it; "" is WGS84 lon/lat (no transformation). Throws
    /// OutputError with GDAL's reason when GDAL/PROJ cannot use it.
    explicit OutputSrs(const std::string& text);
    ~OutputSrs();
    OutputSrs(const OutputSrs&) = delete;
    OutputSrs& operator=(const OutputSrs&) = delete;

    /// The CRS to declare on a new layer (axis order: GIS, x = easting or longitude).
    OGRSpatialReference* srs() { return &srs_; }
    /// True when geometries are transformed (a target_srs other than "").
    bool transforms() const { return transform_ != nullptr; }
    /// Transforms a geometry built in WGS84 lon/lat into the target CRS; throws OutputError
    /// naming `what` when PROJ cannot (a point outside the CRS's domain).
    void apply(OGRGeometry& geometry, const std::string& what) const;

private:
    OGRSpatialReference srs_;
    std::unique_ptr<OGRCoordinateTransformation> transform_;
};

}  // namespace sitecover::geodata::detail
