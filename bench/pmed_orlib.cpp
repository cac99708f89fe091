// Solves OR-Library p-median instances through the library's certified search (solve_exact, the
// call behind `sitecover plan --objective p-median`) and prints the objective (the sum of the
// distances, as the published optima are given), the proven bound, the gap and the time.
// Usage: pmed_orlib [--time-limit S] FILE...   (e.g. pmed1.txt: published optimum 5819)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "orlib_pmed.hpp"
#include "sitecover/error.hpp"
#include "sitecover/exact_planning.hpp"

int main(int argc, char** argv) {
    double time_limit_s = 600.0;
    std::vector<std::string> files;
    for (int a = 1; a < argc; ++a) {
        const std::string arg = argv[a];
        if (arg == "--time-limit" && a + 1 < argc) {
            time_limit_s = std::atof(argv[++a]);
        } else {
            files.push_back(arg);
        }
    }
    if (files.empty() || !(time_limit_s > 0.0)) {
        std::fprintf(stderr, "usage: pmed_orlib [--time-limit S] FILE...\n");
        return 2;
    }
    std::printf("instance,n,p,value,bound,gap,proven,seconds\n");
    for (const std::string& file : files) {
        std::ifstream in(file);
        if (!in) {
            std::fprintf(stderr, "pmed_orlib: cannot read %s\n", file.c_str());
            return 3;
        }
        try {
            const auto start = std::chrono::steady_clock::now();
            const sitecover::bench::OrlibPmed pm = sitecover::bench::read_orlib_pmed(in);
            const sitecover::PlanProblem problem = sitecover::bench::orlib_problem(pm);
            sitecover::PlanGoal goal;
            goal.objective = sitecover::Objective::PMedian;
            const sitecover::PlanResult start_answer =
                sitecover::suggest_sites(problem, pm.p, goal);
            const sitecover::ExactPlan exact =
                sitecover::solve_exact(problem, pm.p, goal, start_answer, {time_limit_s, {}});
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double n = static_cast<double>(pm.n);
            std::printf("%s,%zu,%zu,%.0f,%.0f,%.6f,%d,%.2f\n", file.c_str(), pm.n, pm.p,
                        exact.quality.value * n, exact.quality.bound * n, exact.quality.gap,
                        exact.quality.proven_optimal ? 1 : 0, seconds);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "pmed_orlib: %s: %s\n", file.c_str(), e.what());
            return 3;
        }
    }
    return 0;
}
