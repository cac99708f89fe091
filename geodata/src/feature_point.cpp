#include "feature_point.hpp"

#include <cmath>

#include "sitecover/error.hpp"

namespace sitecover::geodata::detail {

FeaturePointReader::FeaturePointReader(LayerReader& reader, const std::string& lon_field,
                                       const std::string& lat_field)
    : reader_(reader), lon_field_(lon_field), lat_field_(lat_field) {
    if (!reader.has_geometry_field()) {
        lon_index_ = reader.require_field(lon_field, "longitude");
        lat_index_ = reader.require_field(lat_field, "latitude");
    }
}

double FeaturePointReader::read_number(const OGRFeature& feature, int index,
                                       const std::string& field, const std::string& label) const {
    const std::string where = reader_.where(feature) + " (" + label + "), field '" + field + "'";
    if (!feature.IsFieldSetAndNotNull(index)) throw InputError(where + ": empty value");
    const std::string text = feature.GetFieldAsString(index);
    if (text.find_first_not_of(" \t") == std::string::npos)
        throw InputError(where + ": empty value");
    double value = 0.0;
    if (!parse_double(text, value)) {
        throw InputError(where + ": '" + text + "' is not a number");
    }
    return value;
}

LonLat FeaturePointReader::read(const OGRFeature& feature, const std::string& label) const {
    LonLat p;
    if (from_columns()) {
        const double x = read_number(feature, lon_index_, lon_field_, label);
        const double y = read_number(feature, lat_index_, lat_field_, label);
        p = reader_.to_wgs84(x, y, feature, lon_field_, lat_field_);
        if (!is_valid(p)) {
            const bool lat_bad = !(std::abs(p.lat_deg) <= 90.0);
            throw InputError(reader_.where(feature) + " (" + label + "), field '" +
                             (lat_bad ? lat_field_ : lon_field_) +
                             "': " + format_degrees(lat_bad ? p.lat_deg : p.lon_deg) +
                             " is out of range " + (lat_bad ? "[-90, 90]" : "[-180, 180]") +
                             (lat_bad ? " (are longitude and latitude swapped?)" : ""));
        }
        return p;
    }
    const OGRGeometry* geometry = feature.GetGeometryRef();
    if (geometry == nullptr || geometry->IsEmpty()) {
        throw InputError(reader_.where(feature) + " (" + label + "): no geometry");
    }
    if (wkbFlatten(geometry->getGeometryType()) != wkbPoint) {
        throw InputError(reader_.where(feature) + " (" + label + "): a " +
                         OGRGeometryTypeToName(geometry->getGeometryType()) +
                         " geometry, expected Point");
    }
    OGRPoint point = *geometry->toPoint();
    if (!std::isfinite(point.getX()) || !std::isfinite(point.getY())) {
        throw InputError(reader_.where(feature) + " (" + label + "): non-finite coordinate");
    }
    reader_.to_wgs84(point, feature);
    p = {point.getX(), point.getY()};
    if (!is_valid(p)) {
        throw InputError(reader_.where(feature) + " (" + label + "): coordinate (" +
                         format_degrees(p.lon_deg) + ", " + format_degrees(p.lat_deg) +
                         ") out of range: is the CRS right?");
    }
    return p;
}

}  // namespace sitecover::geodata::detail
