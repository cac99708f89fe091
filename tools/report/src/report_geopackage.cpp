#include "sitecover/report/report_geopackage.hpp"

#include <cstdint>

#include "sitecover/geodata/geopackage_writer.hpp"
#include "sitecover/report/layer_style.hpp"
#include "sitecover/report/report_run_layer.hpp"

namespace sitecover::report {
namespace {

using geodata::Column;
using geodata::FieldType;
using geodata::GeometryKind;
using geodata::Row;
using geodata::Value;

Value optional_real(bool present, double value) { return present ? Value(value) : Value(); }

// Sites inside the areas studied.
void add_site_layer(geodata::GeoPackageWriter& gpkg, const ReportModel& model) {
    const std::vector<Site>& sites = *model.sites;
    const std::vector<Area>& areas = model.areas->areas();
    const std::size_t site_layer = gpkg.add_layer("sites", GeometryKind::Point,
                                                  {{"id", FieldType::String},
                                                   {"name", FieldType::String},
                                                   {"type", FieldType::String},
                                                   {"labelled_on", FieldType::String},
                                                   {"department", FieldType::String},
                                                   {"area_code", FieldType::String},
                                                   {"area_name", FieldType::String}});
    for (std::size_t i = 0; i < model.sites_inside.size(); ++i) {
        const Site& s = sites[model.sites_inside[i]];
        const Area& area = areas[model.area_rows[model.area_of_site_inside[i]].area];
        Row row;
        row.values = {s.id,         s.name,
                      s.kind,       s.labelled_on.empty() ? Value() : Value(s.labelled_on),
                      s.department, area.code,
                      area.name};
        row.line = {s.position};
        gpkg.add_row(site_layer, row);
    }
    gpkg.set_style(site_layer,
                   layer_style(LayerKind::Sites, model.lang, GeometryKind::Point, {"type", ""}));
}

// Areas (cantons) and their coverage.
void add_area_layer(geodata::GeoPackageWriter& gpkg, const ReportModel& model) {
    const std::vector<Site>& sites = *model.sites;
    const std::vector<Area>& areas = model.areas->areas();
    const std::size_t area_layer = gpkg.add_layer("areas", GeometryKind::MultiPolygon,
                                                  {{"code", FieldType::String},
                                                   {"name", FieldType::String},
                                                   {"site_count", FieldType::Integer},
                                                   {"site_ids", FieldType::String},
                                                   {"covered", FieldType::Boolean},
                                                   {"margin_m", FieldType::Real, 1},
                                                   {"origin_count", FieldType::Integer},
                                                   {"worst_distance_m", FieldType::Real, 1},
                                                   {"worst_distance_origin", FieldType::String},
                                                   {"worst_time_s", FieldType::Real, 1},
                                                   {"worst_time_origin", FieldType::String}});
    for (const ReportArea& a : model.area_rows) {
        const Area& area = areas[a.area];
        std::string ids;
        for (const std::size_t s : a.sites) ids += (ids.empty() ? "" : ";") + sites[s].id;
        Row row;
        const ReportOrigin* farthest =
            a.worst_distance_origin ? &model.origins[*a.worst_distance_origin] : nullptr;
        const ReportOrigin* slow =
            a.worst_time_origin ? &model.origins[*a.worst_time_origin] : nullptr;
        row.values = {area.code,
                      area.name,
                      static_cast<std::int64_t>(a.sites.size()),
                      ids,
                      a.covered(),
                      a.margin_m ? Value(*a.margin_m) : Value(),
                      static_cast<std::int64_t>(a.origins),
                      optional_real(farthest != nullptr, farthest ? farthest->distance_m : 0.0),
                      farthest ? Value(farthest->name + " (" + farthest->code + ")") : Value(),
                      optional_real(slow != nullptr, slow ? slow->travel_time_s : 0.0),
                      slow ? Value(slow->name + " (" + slow->code + ")") : Value()};
        row.area = &area;
        gpkg.add_row(area_layer, row);
    }
    gpkg.set_style(area_layer, layer_style(LayerKind::Coverage, model.lang,
                                           GeometryKind::MultiPolygon, {"covered", "name"}));
}

// Origins (communes): their polygon when known, else their point.
void add_origin_layer(geodata::GeoPackageWriter& gpkg, const ReportModel& model) {
    const std::vector<Site>& sites = *model.sites;
    const std::vector<Area>& areas = model.areas->areas();
    const bool polygons = !model.origins.empty() && model.origins.front().polygon != nullptr;
    const std::size_t origin_layer =
        gpkg.add_layer("origins", polygons ? GeometryKind::MultiPolygon : GeometryKind::Point,
                       {{"code", FieldType::String},
                        {"name", FieldType::String},
                        {"area_code", FieldType::String},
                        {"origin_lon", FieldType::Real, 7},
                        {"origin_lat", FieldType::Real, 7},
                        {"site_id", FieldType::String},
                        {"site_name", FieldType::String},
                        {"distance_m", FieldType::Real, 1},
                        {"road_site_id", FieldType::String},
                        {"road_site_name", FieldType::String},
                        {"road_distance_m", FieldType::Real, 1},
                        {"travel_time_s", FieldType::Real, 1},
                        {"population", FieldType::Real, 1},
                        {"access_index", FieldType::Real}});
    for (const ReportOrigin& o : model.origins) {
        Row row;
        const Site* site = o.site ? &sites[*o.site] : nullptr;
        const Site* road = o.road_site ? &sites[*o.road_site] : nullptr;
        row.values = {o.code,
                      o.name,
                      o.area ? Value(areas[model.area_rows[*o.area].area].code) : Value(),
                      o.position.lon_deg,
                      o.position.lat_deg,
                      site ? Value(site->id) : Value(),
                      site ? Value(site->name) : Value(),
                      optional_real(site != nullptr, o.distance_m),
                      road ? Value(road->id) : Value(),
                      road ? Value(road->name) : Value(),
                      optional_real(road != nullptr, o.road_distance_m),
                      optional_real(road != nullptr, o.travel_time_s),
                      o.population ? Value(*o.population) : Value(),
                      o.access_index ? Value(*o.access_index) : Value()};
        row.area = o.polygon;
        row.line = {o.position};
        gpkg.add_row(origin_layer, row);
    }
    const GeometryKind geometry = polygons ? GeometryKind::MultiPolygon : GeometryKind::Point;
    gpkg.set_style(origin_layer, model.with_roads ? layer_style(LayerKind::TravelTime, model.lang,
                                                                geometry, {"travel_time_s", ""})
                                                  : layer_style(LayerKind::Distance, model.lang,
                                                                geometry, {"distance_m", ""}));
}

// Links: origin -> its nearest site (by road when roads were given).
void add_link_layer(geodata::GeoPackageWriter& gpkg, const ReportModel& model) {
    const std::vector<Site>& sites = *model.sites;
    const std::size_t link_layer = gpkg.add_layer("links", GeometryKind::LineString,
                                                  {{"origin_code", FieldType::String},
                                                   {"origin_name", FieldType::String},
                                                   {"site_id", FieldType::String},
                                                   {"site_name", FieldType::String},
                                                   {"by", FieldType::String},
                                                   {"distance_m", FieldType::Real, 1},
                                                   {"travel_time_s", FieldType::Real, 1}});
    for (const ReportOrigin& o : model.origins) {
        const bool by_road = model.with_roads && o.road_site.has_value();
        const std::optional<std::size_t> target = by_road ? o.road_site : o.site;
        if (!target) continue;
        const Site& s = sites[*target];
        Row row;
        row.values = {o.code,
                      o.name,
                      s.id,
                      s.name,
                      std::string(by_road ? "road" : "crow-fly"),
                      by_road ? o.road_distance_m : o.distance_m,
                      optional_real(by_road, o.travel_time_s)};
        row.line = {o.position, s.position};
        gpkg.add_row(link_layer, row);
    }
    gpkg.set_style(link_layer, layer_style(LayerKind::Links, model.lang, GeometryKind::LineString));
}

}  // namespace

void write_report_geopackage(const ReportModel& model, const std::string& path,
                             const std::string& display_path, const std::string& target_srs) {
    geodata::GeoPackageWriter gpkg(path, display_path, target_srs);
    add_site_layer(gpkg, model);
    add_area_layer(gpkg, model);
    add_origin_layer(gpkg, model);
    add_link_layer(gpkg, model);
    add_run_layer(gpkg, model);
    gpkg.close();
}

}  // namespace sitecover::report
