// `sitecover plan` in the library: building the cost table (crow-fly, by road) and choosing K
// new sites (greedy + swap) for each objective, on the 462 Gers communes and on the 35,357
// communes of France; the exhaustive search for K = 2 on the Gers.
//
//   build/bench/plan_bench [--benchmark_filter=...]
// Data: $SITECOVER_DATA or the configured ../shared/geodata. Figures: bench/README.md.

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/plan_costs.hpp"
#include "sitecover/planning.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"
#include "sitecover/site_index.hpp"

namespace {

using namespace sitecover;

std::string data_dir() {
    const char* env = std::getenv("SITECOVER_DATA");
    return env != nullptr ? env : SITECOVER_BENCH_DATA_DIR;
}

struct World {
    std::vector<LonLat> origins;  // also the candidates, as in the CLI's default
    std::vector<double> weights;
};

World load_world(const std::string& communes) {
    World w;
    const auto population =
        geodata::load_population({data_dir() + "/france/population-communes-2024.csv", "", "", ""});
    for (const auto& o : geodata::load_origins({data_dir() + communes, "", "", ""})) {
        w.origins.push_back(o.position);
        const auto code = population.resolve(o.code);
        const auto inhabitants = code ? population.by_code.at(*code) : std::nullopt;
        w.weights.push_back(inhabitants ? static_cast<double>(*inhabitants) : 0.0);
    }
    return w;
}

const World& world(bool national) {
    if (!national) {
        static const World gers = load_world("/gers/communes-32-adminexpress2018.geojson");
        return gers;
    }
    static const World france = load_world("/france/communes-adminexpress2018.geojson");
    return france;
}

const SiteIndex& sites() {
    static const SiteIndex index(
        geodata::load_sites({data_dir() + "/france/france-services-2024-08-01.csv", "", "", ""})
            .sites);
    return index;
}

PlanProblem crow_fly(bool national) {
    const World& w = world(national);
    return crow_fly_problem(w.origins, w.weights, sites(), w.origins);
}

struct Roads {
    RoadGraph graph;
    RoadSnapper snapper;
    explicit Roads(const RoadNetwork& network) : graph(network), snapper(graph) {}
};

const Roads& roads() {
    static const Roads r(
        geodata::load_roads(
            {data_dir() + "/france/roads-major-travelmapping-2026-08.geojson", "", "", ""})
            .network);
    return r;
}

PlanProblem by_road(unsigned threads) {
    const World& w = world(false);
    const Roads& r = roads();
    RoadPlanInput input;
    input.graph = &r.graph;
    input.threads = threads;
    for (const LonLat& p : w.origins) input.origin_snaps.push_back(r.snapper.snap(p, 5000.0));
    input.candidate_snaps = input.origin_snaps;
    const std::vector<Site>& all = sites().sites();
    std::vector<std::optional<RoadSnap>> site_snaps;
    for (const Site& s : all) site_snaps.push_back(r.snapper.snap(s.position, 5000.0));
    RoadQuery fixed(r.graph);
    fixed.run(site_snaps, all, input.options);
    return road_problem(input, w.weights, fixed);
}

const PlanProblem& problem(int which) {
    static const PlanProblem gers = crow_fly(false);
    static const PlanProblem gers_road = by_road(1);
    if (which == 0) return gers;
    if (which == 1) return gers_road;
    static const PlanProblem france = crow_fly(true);
    return france;
}

constexpr const char* kProblemNames[] = {"gers_crow_fly", "gers_road", "france_crow_fly"};

// Threshold for max-coverage: 10 km crow-fly, 15 min by road.
double within(int which) { return which == 1 ? 900.0 : 10000.0; }

void BM_CrowFlyTable(benchmark::State& state) {
    const bool national = state.range(0) == 1;
    world(national);
    sites();
    for (auto _ : state) benchmark::DoNotOptimize(crow_fly(national).entry_count());
    state.SetLabel(national ? "france" : "gers");
}
BENCHMARK(BM_CrowFlyTable)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_RoadTable(benchmark::State& state) {
    world(false);
    sites();
    roads();
    const auto threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(by_road(threads).entry_count());
    state.SetLabel("gers, threads " + std::to_string(threads));
}
BENCHMARK(BM_RoadTable)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Args: problem (0 Gers crow-fly, 1 Gers road, 2 France crow-fly), objective, K.
void BM_Suggest(benchmark::State& state) {
    const int which = static_cast<int>(state.range(0));
    const PlanProblem& p = problem(which);
    const PlanGoal goal{static_cast<Objective>(state.range(1)), within(which), {}};
    const auto k = static_cast<std::size_t>(state.range(2));
    for (auto _ : state) benchmark::DoNotOptimize(suggest_sites(p, k, goal).chosen);
    const char* objectives[] = {"p-center", "p-median", "max-coverage"};
    state.SetLabel(std::string(kProblemNames[which]) + " " + objectives[state.range(1)] +
                   " K=" + std::to_string(k));
}
BENCHMARK(BM_Suggest)
    ->ArgsProduct({{0, 1}, {0, 1, 2}, {1, 2, 3, 4, 5}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Suggest)->ArgsProduct({{2}, {0, 1, 2}, {1, 2, 3}})->Unit(benchmark::kMillisecond);

void BM_Exhaustive(benchmark::State& state) {
    const int which = static_cast<int>(state.range(0));
    const PlanProblem& p = problem(which);
    const PlanGoal goal{static_cast<Objective>(state.range(1)), within(which), {}};
    for (auto _ : state)
        benchmark::DoNotOptimize(best_sites_exhaustive(p, 2, goal, 1u << 30).chosen);
    state.SetLabel(std::string(kProblemNames[which]) + " K=2");
}
BENCHMARK(BM_Exhaustive)->ArgsProduct({{0, 1}, {0, 1, 2}})->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
