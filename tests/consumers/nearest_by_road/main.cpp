// The nearest site by road of every Gers commune, as `sitecover nearest --roads` with its
// defaults (travel time, 5 km snap), through sitecover::NearestByRoad::nearest_batch on all
// cores. Prints origin_code,road_site_id,road_distance_m,travel_time_s,snap_m as CSV.
// Usage: nearest_by_road GEODATA_DIR
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/nearest_by_road.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: nearest_by_road GEODATA_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    namespace geo = sitecover::geodata;
    try {
        const auto sites =
            geo::load_sites({dir + "/france/france-services-2024-08-01.csv", "", "", ""}).sites;
        const auto communes =
            geo::load_origins({dir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
        const sitecover::RoadGraph graph(
            geo::load_roads({dir + "/france/roads-major-travelmapping-2026-08.geojson", "", "", ""})
                .network);
        const sitecover::RoadSnapper snapper(graph);
        const sitecover::NearestByRoad by_road(graph, snapper, sites);  // default options
        std::vector<sitecover::LonLat> points;
        for (const auto& c : communes) points.push_back(c.position);
        const auto answers = by_road.nearest_batch(points, 0 /* all cores */);
        std::printf("origin_code,road_site_id,road_distance_m,travel_time_s,snap_m\n");
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const sitecover::RoadNearest& a = answers[i];
            std::printf("%s,", communes[i].code.c_str());
            if (a.reached()) {
                std::printf("%s,%.1f,%.1f,", sites[a.result.site].id.c_str(), a.result.distance_m,
                            a.result.time_s);
            } else {
                std::printf(",,,");
            }
            if (a.snapped) std::printf("%.1f", a.snap_m);
            std::printf("\n");
        }
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
