// Two new France Services for the Gers, as `sitecover plan --suggest 2` (p-median on crow-fly
// distance, population weights, every commune's point a candidate): suggest_new_sites. Prints
// site_id,site_name,change,lon,lat,communes,population as CSV. Usage: site_suggestion GEODATA_DIR
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/site_suggestion.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: site_suggestion GEODATA_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    namespace geo = sitecover::geodata;
    try {
        const auto sites =
            geo::load_sites({dir + "/france/france-services-2024-08-01.csv", "", "", ""}).sites;
        const sitecover::CoverageIndex areas(
            geo::load_areas({dir + "/gers/cantons-32-geofla2016.geojson", "", "", ""}));
        const auto communes =
            geo::load_origins({dir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
        std::vector<std::string> codes;
        std::vector<sitecover::SiteCandidate> candidates;
        sitecover::ScenarioWorld world;
        world.areas = &areas;
        for (const auto& c : communes) {
            codes.push_back(c.code);
            world.origins.push_back(c.position);
            candidates.push_back({c.code, c.name, c.position});
        }
        for (const auto& p : geo::population_shares(
                 geo::load_population({dir + "/france/population-communes-2024.csv", "", "", ""}),
                 codes)) {
            world.weights.push_back(p.value_or(0.0));
        }
        sitecover::SuggestRequest request;
        request.k = 2;
        request.objective = sitecover::Objective::PMedian;
        const sitecover::Suggestion s =
            sitecover::suggest_new_sites(world, sites, candidates, request);
        std::printf("site_id,site_name,change,lon,lat,communes,population\n");
        for (const sitecover::SiteChange& c : s.changes) {
            std::printf("%s,%s,%s,%.6f,%.6f,%zu,%.1f\n", c.site.id.c_str(), c.site.name.c_str(),
                        std::string(sitecover::to_string(c.change)).c_str(),
                        c.site.position.lon_deg, c.site.position.lat_deg, c.origins, c.population);
        }
        std::cerr << "weighted mean " << s.result.before.mean_cost / 1000.0 << " km -> "
                  << s.result.value.mean_cost / 1000.0 << " km\n";
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
