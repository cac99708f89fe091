#include "output_srs.hpp"

#include "gdal_session.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata::detail {

OutputSrs::OutputSrs(const std::string& text) {
    ensure_gdal();
    srs_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (text.empty()) {
        srs_.SetWellKnownGeogCS("WGS84");
        return;
    }
    take_gdal_error();
    if (srs_.SetFromUserInput(text.c_str()) != OGRERR_NONE) {
        throw OutputError("'" + text + "' is not a CRS GDAL/PROJ know" + gdal_reason());
    }
    srs_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    transform_.reset(OGRCreateCoordinateTransformation(&wgs84, &srs_));
    if (transform_ == nullptr) {
        throw OutputError("no transformation from WGS84 to '" + text + "'" + gdal_reason());
    }
}

OutputSrs::~OutputSrs() = default;

void OutputSrs::apply(OGRGeometry& geometry, const std::string& what) const {
    if (transform_ == nullptr) return;
    take_gdal_error();
    if (geometry.transform(transform_.get()) != OGRERR_NONE) {
        throw OutputError("cannot transform the geometry of " + what + " to the output CRS" +
                          gdal_reason());
    }
}

}  // namespace sitecover::geodata::detail
