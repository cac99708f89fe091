// The crow-fly nearest site of every Gers commune, as `sitecover nearest`, through
// sitecover::nearest_batch on all cores. Prints origin_code,site_id,distance_m as CSV.
// Usage: nearest_batch GEODATA_DIR
#include <cstdio>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: nearest_batch GEODATA_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    namespace geo = sitecover::geodata;
    try {
        const sitecover::SiteIndex index(
            geo::load_sites({dir + "/france/france-services-2024-08-01.csv", "", "", ""}).sites);
        const auto communes =
            geo::load_origins({dir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
        std::vector<sitecover::LonLat> points;
        for (const auto& c : communes) points.push_back(c.position);
        const auto hits = sitecover::nearest_batch(
            index, points, std::numeric_limits<double>::infinity(), 0 /* all cores */);
        std::printf("origin_code,site_id,distance_m\n");
        for (std::size_t i = 0; i < hits.size(); ++i) {
            if (!hits[i]) continue;
            std::printf("%s,%s,%.3f\n", communes[i].code.c_str(),
                        index.sites()[hits[i]->site].id.c_str(), hits[i]->distance_m);
        }
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
