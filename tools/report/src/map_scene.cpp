#include "sitecover/report/map_scene.hpp"

#include <algorithm>
#include <set>

#include "sitecover/coverage_index.hpp"
#include "sitecover/geodata/projector.hpp"
#include "sitecover/report/palette.hpp"
#include "sitecover/report/report_text.hpp"

namespace sitecover::report {
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

struct LonLatBounds {
    double min_lon = 1e9, max_lon = -1e9, min_lat = 1e9, max_lat = -1e9;
};

LonLatBounds area_bounds(const std::vector<Area>& areas) {
    LonLatBounds b;
    for (const Area& area : areas) {
        for (const Polygon& part : area.parts) {
            for (const LonLat& p : part.outer) {
                b.min_lon = std::min(b.min_lon, p.lon_deg);
                b.max_lon = std::max(b.max_lon, p.lon_deg);
                b.min_lat = std::min(b.min_lat, p.lat_deg);
                b.max_lat = std::max(b.max_lat, p.lat_deg);
            }
        }
    }
    return b;
}

// Sites inside first (drawn on top), then outside sites that serve an origin.
void add_sites(const ReportModel& model, const geodata::Projector& projector, MapScene& scene) {
    const std::vector<Site>& sites = *model.sites;
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
        scene.sites.push_back(
            {project_point(projector, sites[s].position), planned   ? SiteSymbol::New
                                                          : antenne ? SiteSymbol::Antenne
                                                                    : SiteSymbol::Principal});
    }
}

// The communes (origin polygons) holding a site inside the areas, each once, named at its
// first site.
void add_site_communes(const ReportModel& model, const geodata::Projector& projector,
                       MapScene& scene) {
    std::vector<Area> polygons;
    std::vector<std::size_t> origin_of_polygon;
    for (std::size_t i = 0; i < model.origins.size(); ++i) {
        if (model.origins[i].polygon == nullptr) continue;
        polygons.push_back(*model.origins[i].polygon);
        origin_of_polygon.push_back(i);
    }
    if (polygons.empty()) return;
    const CoverageIndex communes(std::move(polygons));
    std::set<std::size_t> done;
    for (const std::size_t s : model.sites_inside) {
        const LonLat& at = (*model.sites)[s].position;
        const std::vector<std::size_t> hit = communes.areas_containing(at);
        if (hit.empty() || !done.insert(hit.front()).second) continue;
        const ReportOrigin& o = model.origins[origin_of_polygon[hit.front()]];
        scene.site_commune_shapes.push_back(project_area(projector, *o.polygon));
        scene.site_commune_labels.push_back(o.name.empty() ? o.code : o.name);
        scene.site_commune_label_points.push_back(project_point(projector, at));
    }
}

void add_context(const MapContext& context, const geodata::Projector& projector, MapScene& scene) {
    for (const Area& a : context.neighbours)
        scene.neighbour_shapes.push_back(project_area(projector, a));
    for (const geodata::ClassedLine& line : context.roads) {
        MapScene::Road road;
        road.kind = line.road_class == "motorway" ? RoadKind::Motorway : RoadKind::MainRoad;
        for (const geodata::ProjectedPoint& p : projector.project(line.points))
            road.points.push_back({p.x_m, p.y_m});
        scene.roads.push_back(std::move(road));
    }
    // Motorways drawn last, over the other roads.
    std::stable_sort(scene.roads.begin(), scene.roads.end(),
                     [](const MapScene::Road& a, const MapScene::Road& b) {
                         return a.kind == RoadKind::MainRoad && b.kind == RoadKind::Motorway;
                     });
}

}  // namespace

geodata::LonLatBox map_context_box(const ReportModel& model, double margin) {
    const LonLatBounds b = area_bounds(model.areas->areas());
    const double dx = (b.max_lon - b.min_lon) * margin, dy = (b.max_lat - b.min_lat) * margin;
    return {b.min_lon - dx, b.min_lat - dy, b.max_lon + dx, b.max_lat + dy};
}

MapScene build_map_scene(const ReportModel& model, const MapContext& context,
                         const std::string& crs) {
    const geodata::Projector projector(crs);
    const std::vector<Area>& areas = model.areas->areas();
    const ReportText& text = report_text(model.lang);
    MapScene scene;
    scene.lang = model.lang;
    scene.title = model.headline(model.lang);
    scene.subtitle = model.coverage_line(model.lang) + " · " +
                     (model.with_roads ? text.subtitle_road : text.subtitle_crow);
    scene.crs_name = crs == "EPSG:2154" ? "Lambert-93 (EPSG:2154)" : crs;
    scene.footer = model.block.footer;
    scene.logo = model.block.logo;
    scene.legend_title = model.with_roads ? text.legend_road : text.legend_crow;
    scene.scale_bar_km = model.within_m / 1000.0;

    for (const ReportOrigin& o : model.origins) {
        if (o.polygon != nullptr) {
            scene.origin_shapes.push_back(project_area(projector, *o.polygon));
        } else {
            scene.origin_points.push_back(project_point(projector, o.position));
        }
        const auto value = model.shade_value(o);
        scene.origin_rgb.push_back(value ? model.shade_classes[model.shade_class_of(*value)].rgb
                                         : palette::kNoAnswer);
    }
    for (const ReportArea& a : model.area_rows) {
        scene.area_shapes.push_back(project_area(projector, areas[a.area]));
        scene.area_covered.push_back(a.covered());
        scene.area_labels.push_back(areas[a.area].name);
        scene.area_label_points.push_back(project_point(projector, a.label_point));
    }
    add_sites(model, projector, scene);
    add_site_communes(model, projector, scene);
    add_context(context, projector, scene);

    for (const ShadeClass& c : model.shade_classes) scene.legend.push_back({c.label, c.rgb});
    scene.credits = model.sources;
    for (const ParameterRow& row : parameter_rows(model.parameters, model.lang)) {
        scene.parameters.push_back(label_value(row.label, row.text, model.lang));
    }

    // True north at the centre of the areas' bounding box.
    const LonLatBounds b = area_bounds(areas);
    const LonLat centre{(b.min_lon + b.max_lon) / 2.0, (b.min_lat + b.max_lat) / 2.0};
    scene.north_from = project_point(projector, centre);
    scene.north_to =
        project_point(projector, {centre.lon_deg, std::min(89.9, centre.lat_deg + 0.05)});
    return scene;
}

}  // namespace sitecover::report
