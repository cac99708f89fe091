// What if the France Services 1271 (Auch - Garros) closed, as `sitecover plan --remove 1271`:
// apply_what_if, then evaluate_scenario before and after, weighted by population. Prints
// origin_code,population,site_before,distance_before_m,site_after,distance_after_m as CSV and
// the cantons covered before / after on stderr. Usage: what_if GEODATA_DIR
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/scenario.hpp"

namespace {

void print_site(const std::vector<sitecover::Site>& sites, const sitecover::OriginOutcome& o) {
    if (o.site) {
        std::printf(",%s,%.1f", sites[*o.site].id.c_str(), o.distance_m);
    } else {
        std::printf(",none,");
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: what_if GEODATA_DIR\n";
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
        sitecover::ScenarioWorld world;
        world.areas = &areas;
        for (const auto& c : communes) {
            codes.push_back(c.code);
            world.origins.push_back(c.position);
        }
        const auto population = geo::population_shares(
            geo::load_population({dir + "/france/population-communes-2024.csv", "", "", ""}),
            codes);
        for (const auto& p : population) world.weights.push_back(p.value_or(0.0));

        sitecover::WhatIfRequest request;
        request.remove_ids = {"1271"};
        const sitecover::WhatIf what_if = sitecover::apply_what_if(sites, request, areas);
        const auto before = sitecover::evaluate_scenario(world, sites);
        const auto after = sitecover::evaluate_scenario(world, what_if.after);
        std::printf(
            "origin_code,population,site_before,distance_before_m,site_after,"
            "distance_after_m\n");
        for (std::size_t i = 0; i < codes.size(); ++i) {
            std::printf("%s,", codes[i].c_str());
            if (population[i]) std::printf("%.1f", *population[i]);
            print_site(sites, before.origins[i]);
            print_site(what_if.after, after.origins[i]);
            std::printf("\n");
        }
        const auto fb = sitecover::scenario_figures(world, before, 19000.0, 1800.0);
        const auto fa = sitecover::scenario_figures(world, after, 19000.0, 1800.0);
        std::cerr << "cantons covered: " << fb.covered << "/" << fb.areas << " -> " << fa.covered
                  << "/" << fa.areas << "\n";
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
