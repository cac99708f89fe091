#include "map_scene.hpp"

#include <algorithm>
#include <set>

#include "sitecover/geodata/projector.hpp"

namespace sitecover::cli {
namespace {

MapShape project_area(const geodata::Projector& projector, const Area& area) {
    MapShape shape;
    auto add_ring = [&](const Ring& ring) {
        std::vector<MapXY> out;
        out.reserve(ring.size());
        for (const geodata::ProjectedPoint& p : projector.project(ring))
            out.push_back({p.x_m, p.y_m});
        shape.push_back(std::move(out));
    };
    for (const Polygon& part : area.parts) {
        add_ring(part.outer);
        for (const Ring& hole : part.holes) add_ring(hole);
    }
    return shape;
}

MapXY project_point(const geodata::Projector& projector, const LonLat& p) {
    const geodata::ProjectedPoint q = projector.project(p);
    return {q.x_m, q.y_m};
}

}  // namespace

MapScene build_map_scene(const ReportModel& model, const std::string& crs) {
    const geodata::Projector projector(crs);
    const std::vector<Area>& areas = model.areas->areas();
    const std::vector<Site>& sites = *model.sites;
    MapScene scene;
    scene.title = model.title();
    scene.subtitle = model.with_roads ? "Travel time by road to the nearest France Services"
                                      : "Distance as the crow flies to the nearest France Services";
    scene.crs_name = crs == "EPSG:2154" ? "Lambert-93 (EPSG:2154)" : crs;
    scene.legend_title = model.with_roads ? "Travel time by road" : "Distance (crow-fly)";

    constexpr std::uint32_t kNoAnswer = 0xd9d9d9;
    for (const ReportOrigin& o : model.origins) {
        if (o.polygon != nullptr) {
            scene.origin_shapes.push_back(project_area(projector, *o.polygon));
        } else {
            scene.origin_points.push_back(project_point(projector, o.position));
        }
        const auto value = model.shade_value(o);
        scene.origin_rgb.push_back(value ? model.shade_classes[model.shade_class_of(*value)].rgb
                                         : kNoAnswer);
    }
    for (const ReportArea& a : model.area_rows) {
        scene.area_shapes.push_back(project_area(projector, areas[a.area]));
        scene.area_covered.push_back(a.covered());
        scene.area_labels.push_back(areas[a.area].name);
        scene.area_label_points.push_back(project_point(projector, a.label_point));
    }

    // Sites inside first (drawn on top), then outside sites that serve an origin.
    std::set<std::size_t> drawn(model.sites_inside.begin(), model.sites_inside.end());
    std::vector<std::size_t> outside;
    for (const ReportOrigin& o : model.origins) {
        for (const auto s : {o.site, model.with_roads ? o.road_site : std::nullopt}) {
            if (s && drawn.insert(*s).second) outside.push_back(*s);
        }
    }
    for (const std::size_t s : outside) {
        scene.sites.push_back({project_point(projector, sites[s].position), SiteSymbol::Outside});
    }
    for (const std::size_t s : model.sites_inside) {
        const std::string& kind = sites[s].kind;
        const bool antenne = kind == "Antenne" || kind == "antenne";
        const bool planned = kind == "added" || kind == "suggested";
        scene.sites.push_back({project_point(projector, sites[s].position),
                               planned   ? SiteSymbol::New
                               : antenne ? SiteSymbol::Antenne
                                         : SiteSymbol::Principal});
    }

    for (const ShadeClass& c : model.shade_classes) scene.legend.push_back({c.label, c.rgb});
    scene.credits = model.sources;

    // True north at the centre of the areas' bounding box.
    double min_lon = 1e9, max_lon = -1e9, min_lat = 1e9, max_lat = -1e9;
    for (const Area& area : areas) {
        for (const Polygon& part : area.parts) {
            for (const LonLat& p : part.outer) {
                min_lon = std::min(min_lon, p.lon_deg);
                max_lon = std::max(max_lon, p.lon_deg);
                min_lat = std::min(min_lat, p.lat_deg);
                max_lat = std::max(max_lat, p.lat_deg);
            }
        }
    }
    const LonLat centre{(min_lon + max_lon) / 2.0, (min_lat + max_lat) / 2.0};
    scene.north_from = project_point(projector, centre);
    scene.north_to =
        project_point(projector, {centre.lon_deg, std::min(89.9, centre.lat_deg + 0.05)});
    return scene;
}

}  // namespace sitecover::cli
