// Loads the Gers communes, the main French roads and the Gers France Services sites, then
// prints each commune's travel time to its nearest site by road, and a summary line.
// Usage: road_times GEODATA_DIR
#include <cstddef>
#include <iomanip>
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
        std::cerr << "usage: road_times GEODATA_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    namespace geo = sitecover::geodata;
    try {
        // A few sites: the France Services of the Gers.
        std::vector<sitecover::Site> sites;
        for (auto& s :
             geo::load_sites({dir + "/france/france-services-2024-08-01.csv", "", "", ""}).sites) {
            if (s.department == "32") sites.push_back(std::move(s));
        }
        const auto communes =
            geo::load_origins({dir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
        const geo::LoadedRoads roads = geo::load_roads(
            {dir + "/france/roads-major-travelmapping-2026-08.geojson", "", "", ""});

        const sitecover::RoadGraph graph(roads.network);  // immutable, shareable
        const sitecover::RoadSnapper snapper(graph);      // const snap() is thread-safe
        sitecover::NearestByRoadOptions options;          // by travel time
        options.max_snap_m = 20'000.0;
        // Snaps the sites and labels the network once (one multi-source Dijkstra).
        const sitecover::NearestByRoad by_road(graph, snapper, sites, options);
        std::vector<sitecover::LonLat> points;
        for (const auto& c : communes) points.push_back(c.position);
        const auto answers = by_road.nearest_batch(points, 0);  // all cores

        std::size_t reached = 0;
        double worst_s = 0.0;
        std::string worst;
        for (std::size_t i = 0; i < communes.size(); ++i) {
            if (!answers[i].reached()) continue;
            const sitecover::RoadResult& r = answers[i].result;
            ++reached;
            if (r.time_s > worst_s) {
                worst_s = r.time_s;
                worst = communes[i].name;
            }
            if (communes[i].code == "32013") {  // Auch
                std::cout << communes[i].name << " -> " << sites[r.site].name << ": " << std::fixed
                          << std::setprecision(1) << r.time_s / 60.0 << " min\n";
            }
        }
        std::cout << std::fixed << std::setprecision(1) << reached << "/" << communes.size()
                  << " communes reach one of " << sites.size()
                  << " sites by road; slowest: " << worst << " " << worst_s / 60.0 << " min\n";
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
