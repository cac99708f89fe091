// Loads the Gers communes, the main French roads and the Gers France Services sites, then
// prints each commune's travel time to its nearest site by road, and a summary line.
// Usage: road_times GEODATA_DIR
#include <algorithm>
#include <cstddef>
#include <iomanip>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"

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
        for (auto& s : geo::load_sites({dir + "/france/france-services-2024-08-01.csv", "", "", ""}).sites) {
            if (s.department == "32") sites.push_back(std::move(s));
        }
        const auto communes = geo::load_origins({dir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
        const geo::LoadedRoads roads =
            geo::load_roads({dir + "/france/roads-major-travelmapping-2026-08.geojson", "", "", ""});

        const sitecover::RoadGraph graph(roads.network);  // immutable, shareable
        const sitecover::RoadSnapper snapper(graph);       // const snap() is thread-safe
        sitecover::RoadQuery query(graph);                 // one per thread
        constexpr double kMaxSnapM = 20'000.0;
        std::vector<std::optional<sitecover::RoadSnap>> site_snaps;
        for (const auto& s : sites) site_snaps.push_back(snapper.snap(s.position, kMaxSnapM));
        query.run(site_snaps, sites);  // one multi-source Dijkstra, by travel time

        std::size_t reached = 0;
        double worst_s = 0.0;
        std::string worst;
        for (const auto& c : communes) {
            const auto snap = snapper.snap(c.position, kMaxSnapM);
            if (!snap) continue;
            const sitecover::RoadResult r = query.nearest(*snap);
            if (!r.reached()) continue;
            ++reached;
            if (r.time_s > worst_s) {
                worst_s = r.time_s;
                worst = c.name;
            }
            if (c.code == "32013") {  // Auch
                std::cout << c.name << " -> " << sites[r.site].name << ": " << std::fixed
                          << std::setprecision(1) << r.time_s / 60.0 << " min\n";
            }
        }
        std::cout << std::fixed << std::setprecision(1) << reached << "/" << communes.size()
                  << " communes reach one of " << sites.size() << " sites by road; slowest: "
                  << worst << " " << worst_s / 60.0 << " min\n";
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
