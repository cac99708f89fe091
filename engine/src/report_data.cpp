#include "sitecover/report_data.hpp"

#include <algorithm>
#include <cmath>

#include "sitecover/area_geometry.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/error.hpp"

namespace sitecover {
namespace {

void check_threshold(const char* field, double value) {
    if (!(value >= 0.0)) {
        throw ArgumentError(std::string("ReportRequest::") + field + ": must be >= 0 (got " +
                            std::to_string(value) + ")");
    }
}

// One row per area, and the sites inside the areas by site id with the first area of each.
void add_areas(ReportData& data, const CoverageIndex& areas, const std::vector<Site>& sites) {
    std::vector<std::optional<std::size_t>> area_of_site(sites.size());
    for (const AreaCoverage& cov : compute_coverage(areas, sites, Boundary::Included)) {
        ReportArea row;
        row.area = cov.area;
        row.sites = cov.sites;
        row.margin_m = cov.margin_m;
        row.label_point = point_on_surface(areas.areas()[cov.area]);
        for (const std::size_t s : cov.sites) {
            if (!area_of_site[s]) area_of_site[s] = data.area_rows.size();
        }
        data.area_rows.push_back(std::move(row));
    }
    std::vector<std::size_t> inside;
    for (std::size_t s = 0; s < sites.size(); ++s) {
        if (area_of_site[s]) inside.push_back(s);
    }
    std::sort(inside.begin(), inside.end(),
              [&](std::size_t a, std::size_t b) { return site_id_less(sites[a].id, sites[b].id); });
    for (const std::size_t s : inside) {
        data.sites_inside.push_back(s);
        data.area_of_site_inside.push_back(*area_of_site[s]);
    }
}

// Each area's origin count and its farthest origins, by distance and by time.
void add_worst_origins(ReportData& data) {
    for (std::size_t i = 0; i < data.origins.size(); ++i) {
        const ReportOrigin& o = data.origins[i];
        if (!o.area) continue;
        ReportArea& a = data.area_rows[*o.area];
        ++a.origins;
        if (o.site && (!a.worst_distance_origin ||
                       o.distance_m > data.origins[*a.worst_distance_origin].distance_m)) {
            a.worst_distance_origin = i;
        }
        if (o.road_site && (!a.worst_time_origin ||
                            o.travel_time_s > data.origins[*a.worst_time_origin].travel_time_s)) {
            a.worst_time_origin = i;
        }
    }
}

}  // namespace

std::size_t ReportData::covered_count() const {
    std::size_t n = 0;
    for (const ReportArea& a : area_rows) n += a.covered() ? 1 : 0;
    return n;
}

std::optional<double> ReportData::shade_value(const ReportOrigin& origin) const {
    if (with_roads) {
        if (!origin.road_site) return std::nullopt;
        return origin.travel_time_s;
    }
    if (!origin.site) return std::nullopt;
    return origin.distance_m;
}

std::size_t ReportData::fragile_count() const {
    std::size_t n = 0;
    for (const ReportArea& a : area_rows) n += fragile(a) ? 1 : 0;
    return n;
}

bool ReportData::fragile(const ReportArea& area) const {
    return area.margin_m && *area.margin_m < fragile_m;
}

Summary ReportData::crow_fly_summary() const {
    std::vector<double> distances_m;
    for (const ReportOrigin& o : origins) {
        if (o.site) distances_m.push_back(o.distance_m);
    }
    return summarize(std::move(distances_m));
}

ReportData build_report_data(const CoverageIndex& areas, const SiteIndex& site_index,
                             const std::vector<ReportOriginInput>& origins,
                             const NearestByRoad* roads, const ReportRequest& request) {
    check_threshold("within_m", request.within_m);
    check_threshold("within_s", request.within_s);
    check_threshold("fragile_m", request.fragile_m);
    const std::vector<Site>& sites = site_index.sites();
    ReportData data;
    data.areas = &areas;
    data.sites = &sites;
    data.with_roads = roads != nullptr;
    data.within_m = request.within_m;
    data.within_s = request.within_s;
    data.fragile_m = request.fragile_m;
    add_areas(data, areas, sites);
    std::vector<RoadNearest> by_road;
    if (roads != nullptr) {
        std::vector<LonLat> points;
        for (const ReportOriginInput& in : origins) points.push_back(in.position);
        by_road = roads->nearest_batch(points, request.threads);
    }
    // Origins drawn as polygons only when every one has its polygon.
    const bool all_polygons = std::all_of(origins.begin(), origins.end(),
                                          [](const ReportOriginInput& o) { return o.polygon; });
    for (std::size_t i = 0; i < origins.size(); ++i) {
        const ReportOriginInput& in = origins[i];
        ReportOrigin o;
        o.code = in.code;
        o.name = in.name;
        o.position = in.position;
        o.polygon = all_polygons ? in.polygon : nullptr;
        o.population = in.population;
        const std::vector<std::size_t> containing = areas.areas_containing(in.position);
        if (!containing.empty()) o.area = containing.front();
        if (const auto hit = site_index.nearest(in.position)) {
            o.site = hit->site;
            o.distance_m = hit->distance_m;
        }
        if (roads != nullptr) {
            o.road = by_road[i];
            if (o.road.reached()) {
                o.road_site = o.road.result.site;
                o.road_distance_m = o.road.result.distance_m;
                o.travel_time_s = o.road.result.time_s;
            }
        }
        data.origins.push_back(std::move(o));
    }
    add_worst_origins(data);
    return data;
}

}  // namespace sitecover
