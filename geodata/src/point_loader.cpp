#include "sitecover/geodata/point_loader.hpp"

#include "feature_point.hpp"
#include "layer_reader.hpp"
#include "ogr_to_area.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {

std::vector<Origin> load_origins(const LayerSource& source, const OriginFields& fields,
                                 OriginRule rule, std::vector<std::string>* warnings) {
    detail::LayerReader reader(source);
    // A table of points usually names its key "id": accept it when "code" is absent.
    std::string code_name = fields.code;
    if (reader.field_index(code_name) < 0 && code_name == OriginFields{}.code &&
        reader.field_index("id") >= 0) {
        code_name = "id";
    }
    const int code_field = reader.require_field(code_name, "origin code");
    const int name_field = fields.name.empty() ? -1 : reader.field_index(fields.name);
    // Points come from the geometry when there is one, else from the lon / lat columns.
    std::unique_ptr<detail::FeaturePointReader> columns;
    if (!reader.has_geometry_field()) {
        columns = std::make_unique<detail::FeaturePointReader>(reader, fields.lon, fields.lat);
    }

    std::vector<Origin> origins;
    while (auto feature = reader.next_feature()) {
        Origin origin;
        origin.code = feature->IsFieldSetAndNotNull(code_field) ? feature->GetFieldAsString(code_field)
                                                                : "";
        if (origin.code.empty()) {
            throw InputError(reader.where(*feature) + ", field '" + code_name + "': empty code");
        }
        if (name_field >= 0) origin.name = feature->GetFieldAsString(name_field);
        const std::string label = "code '" + origin.code + "'";
        if (columns) {
            origin.position = columns->read(*feature, label);
            origins.push_back(std::move(origin));
            continue;
        }
        OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) {
            throw InputError(reader.where(*feature) + " (" + label + "): no geometry");
        }
        const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
        if (type == wkbPoint) {
            detail::FeaturePointReader point_reader(reader, fields.lon, fields.lat);
            origin.position = point_reader.read(*feature, label);
        } else {
            reader.to_wgs84(*geometry, *feature);
            Area area{origin.code, origin.name, {}};
            if (const auto problem = detail::append_polygons(*geometry, area.parts);
                !problem.empty() || area.parts.empty()) {
                throw InputError(reader.where(*feature) + " (" + label + "): " +
                                 (problem.empty() ? std::string("empty polygon") : problem) +
                                 " (origins are points or polygons)");
            }
            try {
                repair_area(area);
            } catch (const InputError& e) {
                // Second chance with GEOS, which rebuilds self-intersecting rings.
                std::unique_ptr<OGRGeometry> valid(geometry->MakeValid());
                area.parts.clear();
                if (!valid || !detail::append_polygons(*valid, area.parts).empty() || area.parts.empty()) {
                    throw InputError(reader.where(*feature) + ": " + e.what());
                }
                try {
                    repair_area(area);
                } catch (const InputError&) {
                    throw InputError(reader.where(*feature) + ": " + e.what());
                }
                if (warnings != nullptr) {
                    warnings->push_back(reader.where(*feature) + " (" + label +
                                        "): invalid polygon made valid with GEOS before taking its origin");
                }
            }
            origin.position =
                rule == OriginRule::Centroid ? centroid(area) : point_on_surface(area);
        }
        origins.push_back(std::move(origin));
    }
    return origins;
}

}  // namespace sitecover::geodata
