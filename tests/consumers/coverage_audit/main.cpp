// The coverage audit of `sitecover coverage --site-types Principal,Antenne --as-of 2022-04-20`
// through the library: load, filter_sites, compute_coverage. Prints one CSV row per canton.
// Usage: coverage_audit GEODATA_DIR
#include <cstdio>
#include <iostream>
#include <string>

#include "sitecover/coverage.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/site_filter.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: coverage_audit GEODATA_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    namespace geo = sitecover::geodata;
    try {
        sitecover::SiteFilter filter;
        filter.types = {"Principal", "Antenne"};
        filter.as_of_iso = "2022-04-20";
        const sitecover::FilteredSites kept = sitecover::filter_sites(
            geo::load_sites({dir + "/france/france-services-2024-08-01.csv", "", "", ""}).sites,
            filter);
        const sitecover::CoverageIndex areas(
            geo::load_areas({dir + "/gers/cantons-32-geofla2016.geojson", "", "", ""}));
        std::printf("area_code,site_count,covered,margin_m\n");
        std::size_t covered = 0;
        for (const sitecover::AreaCoverage& c : sitecover::compute_coverage(areas, kept.sites)) {
            covered += c.covered() ? 1 : 0;
            std::printf("%s,%zu,%d,", areas.areas()[c.area].code.c_str(), c.sites.size(),
                        c.covered() ? 1 : 0);
            if (c.margin_m) std::printf("%.1f", *c.margin_m);
            std::printf("\n");
        }
        std::cerr << kept.sites.size() << "/" << kept.read << " sites kept; " << covered << "/"
                  << areas.areas().size() << " cantons covered\n";
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
