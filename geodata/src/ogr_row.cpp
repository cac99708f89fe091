#include "ogr_row.hpp"

#include <cmath>
#include <memory>

namespace sitecover::geodata::detail {
namespace {

OGRFieldType ogr_type(FieldType type) {
    switch (type) {
        case FieldType::Integer:
            return OFTInteger64;
        case FieldType::Real:
            return OFTReal;
        case FieldType::Boolean:
            return OFTInteger;
        case FieldType::String:
            break;
    }
    return OFTString;
}

OGRLinearRing to_ring(const Ring& ring) {
    OGRLinearRing out;
    for (const LonLat& p : ring) out.addPoint(p.lon_deg, p.lat_deg);
    out.closeRings();
    return out;
}

}  // namespace

OGRwkbGeometryType ogr_geometry(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::Point:
            return wkbPoint;
        case GeometryKind::LineString:
            return wkbLineString;
        case GeometryKind::MultiPolygon:
            return wkbMultiPolygon;
        case GeometryKind::None:
            break;
    }
    return wkbNone;
}

double round_to(double value, int decimals) {
    if (decimals < 0 || !std::isfinite(value)) return value;
    // The exact powers std::pow gives, without its cost on every value of a batch.
    static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    const double scale = decimals < 10 ? kPow10[decimals] : std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

std::string create_fields(OGRLayer& layer, const std::vector<Column>& columns, bool integer64) {
    for (const Column& column : columns) {
        const OGRFieldType type = ogr_type(column.type);
        OGRFieldDefn defn(column.name.c_str(),
                          type == OFTInteger64 && !integer64 ? OFTInteger : type);
        if (column.type == FieldType::Boolean) defn.SetSubType(OFSTBoolean);
        if (layer.CreateField(&defn) != OGRERR_NONE) return column.name;
    }
    return {};
}

void fill_feature(OGRFeature& feature, const std::vector<Column>& columns, const Row& row,
                  GeometryKind geometry, bool with_geometry) {
    for (std::size_t i = 0; i < columns.size() && i < row.values.size(); ++i) {
        const int field = static_cast<int>(i);
        const Value& value = row.values[i];
        if (std::holds_alternative<std::monostate>(value)) {
            feature.SetFieldNull(field);
        } else if (const auto* text = std::get_if<std::string>(&value)) {
            feature.SetField(field, text->c_str());
        } else if (const auto* flag = std::get_if<bool>(&value)) {
            feature.SetField(field, *flag ? 1 : 0);
        } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            feature.SetField(field, static_cast<GIntBig>(*integer));
        } else {
            const double real = std::get<double>(value);
            if (std::isfinite(real)) {
                feature.SetField(field, round_to(real, columns[i].decimals));
            } else {
                feature.SetFieldNull(field);
            }
        }
    }
    if (!with_geometry) return;
    if (geometry == GeometryKind::Point && !row.line.empty()) {
        feature.SetGeometry(
            std::make_unique<OGRPoint>(row.line[0].lon_deg, row.line[0].lat_deg).get());
    } else if (geometry == GeometryKind::LineString && row.line.size() >= 2) {
        OGRLineString line;
        for (const LonLat& p : row.line) line.addPoint(p.lon_deg, p.lat_deg);
        feature.SetGeometry(&line);
    } else if (geometry == GeometryKind::MultiPolygon && row.area != nullptr) {
        OGRMultiPolygon multi;
        for (const Polygon& part : row.area->parts) {
            OGRPolygon polygon;
            polygon.addRing(std::make_unique<OGRLinearRing>(to_ring(part.outer)).get());
            for (const Ring& hole : part.holes) {
                polygon.addRing(std::make_unique<OGRLinearRing>(to_ring(hole)).get());
            }
            multi.addGeometry(&polygon);
        }
        feature.SetGeometry(&multi);
    }
}

}  // namespace sitecover::geodata::detail
