#include "sitecover/geodata/area_loader.hpp"

#include <unordered_map>

#include "gdal_session.hpp"
#include "layer_reader.hpp"
#include "ogr_to_area.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {

std::vector<Area> load_areas(const LayerSource& source, const AreaFields& fields) {
    detail::LayerReader reader(source);
    const int code_field = reader.require_field(fields.code, "area code");
    const int name_field =
        fields.name.empty() ? -1 : reader.require_field(fields.name, "area name");

    std::vector<Area> areas;
    std::unordered_map<std::string, long long> first_fid_of_code;
    while (auto feature = reader.next_feature()) {
        Area area;
        area.code = detail::utf8_field(*feature, code_field);
        if (area.code.empty()) {
            throw InputError(reader.where(*feature) + ", field '" + fields.code + "': empty code");
        }
        area.name = detail::utf8_field(*feature, name_field);

        OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) {
            throw InputError(reader.where(*feature) + " (code '" + area.code + "'): no geometry");
        }
        reader.to_wgs84(*geometry, *feature);
        if (const auto problem = detail::append_polygons(*geometry, area.parts); !problem.empty()) {
            throw InputError(reader.where(*feature) + " (code '" + area.code + "'): " + problem);
        }
        if (area.parts.empty()) {
            throw InputError(reader.where(*feature) + " (code '" + area.code + "'): empty polygon");
        }
        try {
            repair_area(area);
        } catch (const InputError& e) {
            throw InputError(reader.where(*feature) + ": " + e.what());
        }
        const auto [it, inserted] = first_fid_of_code.emplace(area.code, feature->GetFID());
        if (!inserted) {
            throw InputError(reader.where(*feature) + ", field '" + fields.code + "': code '" +
                             area.code + "' already used by feature " + std::to_string(it->second));
        }
        areas.push_back(std::move(area));
    }
    if (areas.empty()) {
        throw InputError(reader.where() + ": no feature" +
                         (source.where.empty()
                              ? std::string()
                              : " matches \"" + detail::shortened(source.where) + "\""));
    }
    return areas;
}

}  // namespace sitecover::geodata
