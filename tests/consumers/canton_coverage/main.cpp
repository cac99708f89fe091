// Loads the Gers cantons and the national France Services list, and prints how many cantons
// hold a site. Usage: canton_coverage GEODATA_DIR
#include <iostream>
#include <string>

#include "sitecover/coverage.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: canton_coverage GEODATA_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    try {
        const sitecover::CoverageIndex cantons(sitecover::geodata::load_areas(
            {dir + "/gers/cantons-32-geofla2016.geojson", "", "", ""}));
        const auto sites = sitecover::geodata::load_sites(
                               {dir + "/france/france-services-2024-08-01.csv", "", "", ""})
                               .sites;
        std::size_t covered = 0;
        for (const auto& c : sitecover::compute_coverage(cantons, sites))
            covered += c.covered() ? 1 : 0;
        std::cout << covered << "/" << cantons.areas().size() << " cantons covered\n";
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
