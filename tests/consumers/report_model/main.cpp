// The model of `sitecover report` through build_report_data: per canton, per commune, the
// sites inside. Prints the lines of the report's summary that come from the model (cantons
// covered, fragile cantons, crow-fly distances), then one CSV row per canton.
// Usage: report_model GEODATA_DIR
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/report_data.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: report_model GEODATA_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    namespace geo = sitecover::geodata;
    try {
        const sitecover::SiteIndex sites(
            geo::load_sites({dir + "/france/france-services-2024-08-01.csv", "", "", ""}).sites);
        const sitecover::CoverageIndex areas(
            geo::load_areas({dir + "/gers/cantons-32-geofla2016.geojson", "", "", ""}));
        const auto communes =
            geo::load_origins({dir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
        std::vector<std::string> codes;
        for (const auto& c : communes) codes.push_back(c.code);
        const auto population = geo::population_shares(
            geo::load_population({dir + "/france/population-communes-2024.csv", "", "", ""}),
            codes);
        std::vector<sitecover::ReportOriginInput> origins;
        for (std::size_t i = 0; i < communes.size(); ++i) {
            sitecover::ReportOriginInput o;
            o.code = communes[i].code;
            o.name = communes[i].name;
            o.position = communes[i].position;
            o.population = population[i];
            origins.push_back(o);
        }
        const sitecover::ReportData data =
            sitecover::build_report_data(areas, sites, origins, nullptr, {});
        std::printf("%zu/%zu cantons covered\n", data.covered_count(), data.area_rows.size());
        std::printf("fragile (best site less than %.0f m from the boundary): %zu", data.fragile_m,
                    data.fragile_count());
        std::string sep = ": ";
        for (const sitecover::ReportArea& a : data.area_rows) {
            if (!data.fragile(a)) continue;
            const sitecover::Area& area = areas.areas()[a.area];
            std::printf("%s%s (%s): %.0f m", sep.c_str(), area.name.c_str(), area.code.c_str(),
                        *a.margin_m);
            sep = ", ";
        }
        const sitecover::Summary d = data.crow_fly_summary();
        std::printf("\ncrow-fly distance: max %.1f km, mean %.1f km, median %.1f km\n",
                    d.max / 1000.0, d.mean / 1000.0, d.median / 1000.0);
        std::printf("area_code,site_count,margin_m,origins,worst_origin\n");
        for (const sitecover::ReportArea& a : data.area_rows) {
            std::printf(
                "%s,%zu,%.1f,%zu,%s\n", areas.areas()[a.area].code.c_str(), a.sites.size(),
                a.margin_m.value_or(0.0), a.origins,
                a.worst_distance_origin ? data.origins[*a.worst_distance_origin].code.c_str() : "");
        }
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
