#include "sitecover/geodata/context_loader.hpp"

#include <map>
#include <memory>

#include "layer_reader.hpp"
#include "ogr_to_area.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace {

bool meets(const OGRGeometry& geometry, const LonLatBox& box) {
    OGREnvelope e;
    geometry.getEnvelope(&e);
    return e.MaxX >= box.min_lon_deg && e.MinX <= box.max_lon_deg && e.MaxY >= box.min_lat_deg &&
           e.MinY <= box.max_lat_deg;
}

void append_line(const OGRLineString& line, const std::string& road_class,
                 std::vector<ClassedLine>& out) {
    ClassedLine l;
    l.road_class = road_class;
    l.points.reserve(static_cast<std::size_t>(line.getNumPoints()));
    for (int i = 0; i < line.getNumPoints(); ++i) l.points.push_back({line.getX(i), line.getY(i)});
    if (l.points.size() >= 2) out.push_back(std::move(l));
}

}  // namespace

std::vector<ClassedLine> load_classed_lines(const LayerSource& source,
                                            const std::string& class_field, const LonLatBox& box) {
    detail::LayerReader reader(source);
    const int field = reader.require_field(class_field, "road class");
    std::vector<ClassedLine> lines;
    while (auto feature = reader.next_feature()) {
        OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) continue;
        reader.to_wgs84(*geometry, *feature);
        if (!meets(*geometry, box)) continue;
        const std::string road_class = detail::utf8_field(*feature, field);
        const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
        if (type == wkbLineString) {
            append_line(*geometry->toLineString(), road_class, lines);
        } else if (type == wkbMultiLineString) {
            for (const OGRLineString* part : *geometry->toMultiLineString())
                append_line(*part, road_class, lines);
        }
    }
    return lines;
}

std::vector<Area> load_dissolved_areas(const LayerSource& source, const std::string& code_field,
                                       std::size_t prefix_chars, const LonLatBox& box) {
    detail::LayerReader reader(source);
    const int field = reader.require_field(code_field, "area code");
    std::map<std::string, OGRMultiPolygon> groups;
    while (auto feature = reader.next_feature()) {
        OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) continue;
        reader.to_wgs84(*geometry, *feature);
        if (!meets(*geometry, box)) continue;
        const std::string code = detail::utf8_field(*feature, field).substr(0, prefix_chars);
        const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
        OGRMultiPolygon& group = groups[code];
        if (type == wkbPolygon) {
            group.addGeometry(geometry);
        } else if (type == wkbMultiPolygon) {
            for (const OGRPolygon* part : *geometry->toMultiPolygon()) group.addGeometry(part);
        } else {
            throw InputError(reader.where(*feature) + ": a " + geometry->getGeometryName() +
                             " geometry, expected Polygon or MultiPolygon");
        }
    }
    std::vector<Area> areas;
    for (const auto& [code, group] : groups) {
        const std::unique_ptr<OGRGeometry> dissolved(group.UnionCascaded());
        if (dissolved == nullptr) {
            throw InputError(reader.where() + ": cannot dissolve the areas of '" + code +
                             "' (GEOS)");
        }
        Area area;
        area.code = code;
        area.name = code;
        if (const auto problem = detail::append_polygons(*dissolved, area.parts);
            !problem.empty()) {
            throw InputError(reader.where() + ": dissolved '" + code + "': " + problem);
        }
        areas.push_back(std::move(area));
    }
    return areas;
}

}  // namespace sitecover::geodata
