// Where one more France Services would shorten the worst crow-fly trip in the Gers: every
// commune's point is a candidate, the 2,845 existing sites stay. Usage: new_site GEODATA_DIR
#include <iostream>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/plan_costs.hpp"
#include "sitecover/planning.hpp"
#include "sitecover/site_index.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: new_site GEODATA_DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    try {
        const auto communes = sitecover::geodata::load_origins(
            {dir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
        const sitecover::SiteIndex sites(
            sitecover::geodata::load_sites(
                {dir + "/france/france-services-2024-08-01.csv", "", "", ""})
                .sites);
        std::vector<sitecover::LonLat> points;
        for (const auto& c : communes) points.push_back(c.position);
        // Each commune weighs 1 here; the CLI weighs them by population.
        const sitecover::PlanProblem problem = sitecover::crow_fly_problem(
            points, std::vector<double>(points.size(), 1.0), sites, points);
        sitecover::PlanGoal goal;
        goal.objective = sitecover::Objective::PCenter;  // the worst trip first
        const sitecover::PlanResult best = sitecover::suggest_sites(problem, 1, goal);
        std::cout << "open at " << communes[best.chosen.front()].name << ": worst "
                  << best.before.max_cost / 1000.0 << " km -> " << best.value.max_cost / 1000.0
                  << " km\n";
    } catch (const sitecover::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 3;
    }
}
