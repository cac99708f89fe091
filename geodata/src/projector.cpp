#include "sitecover/geodata/projector.hpp"

#include <ogr_spatialref.h>

#include "gdal_session.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {

struct Projector::Impl {
    std::string crs;
    std::unique_ptr<OGRCoordinateTransformation> transform;
};

Projector::Projector(const std::string& target_crs) : impl_(std::make_unique<Impl>()) {
    detail::ensure_gdal();
    impl_->crs = target_crs;
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target;
    detail::take_gdal_error();
    if (target.SetFromUserInput(target_crs.c_str()) != OGRERR_NONE) {
        throw InputError("unknown CRS '" + target_crs + "'" + detail::gdal_reason());
    }
    if (!target.IsProjected() || target.GetLinearUnits() != 1.0) {
        throw InputError("CRS '" + target_crs + "' is not a projected CRS in metres");
    }
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // easting first
    impl_->transform.reset(OGRCreateCoordinateTransformation(&wgs84, &target));
    if (!impl_->transform) {
        throw InputError("no transformation from WGS84 to '" + target_crs + "'" +
                         detail::gdal_reason());
    }
}

Projector::~Projector() = default;
Projector::Projector(Projector&&) noexcept = default;
Projector& Projector::operator=(Projector&&) noexcept = default;

const std::string& Projector::crs() const noexcept { return impl_->crs; }

ProjectedPoint Projector::project(const LonLat& p) const {
    return project(std::vector<LonLat>{p}).front();
}

std::vector<ProjectedPoint> Projector::project(const std::vector<LonLat>& points) const {
    std::vector<double> x(points.size()), y(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!is_valid(points[i])) {
            throw ArgumentError("cannot project an invalid position (lon " +
                                std::to_string(points[i].lon_deg) + ", lat " +
                                std::to_string(points[i].lat_deg) + ")");
        }
        x[i] = points[i].lon_deg;
        y[i] = points[i].lat_deg;
    }
    std::vector<int> ok(points.size(), 0);
    detail::take_gdal_error();
    if (!points.empty() &&
        !impl_->transform->Transform(points.size(), x.data(), y.data(), nullptr, ok.data())) {
        throw ArgumentError("cannot project to '" + impl_->crs + "'" + detail::gdal_reason());
    }
    std::vector<ProjectedPoint> out(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (ok[i] == 0) {
            throw ArgumentError("cannot project lon " + std::to_string(points[i].lon_deg) +
                                ", lat " + std::to_string(points[i].lat_deg) + " to '" +
                                impl_->crs + "'");
        }
        out[i] = {x[i], y[i]};
    }
    return out;
}

}  // namespace sitecover::geodata
