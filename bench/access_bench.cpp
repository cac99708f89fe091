// The floating catchment figures by road on the Gers (issue 27): the 462 communes against the
// 2,845 France services sites on the major-roads network, 30-minute catchment. Times the pairs
// (one bounded search per site) and the figures, for 1 and 2 threads.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "sitecover/accessibility.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/road_catchment.hpp"

namespace {

using namespace sitecover;

struct Gers {
    std::unique_ptr<RoadGraph> graph;
    std::unique_ptr<RoadSnapper> snapper;
};

// The network, loaded once; the snapper refers to the graph, which never moves.
const Gers& gers() {
    static const Gers data = [] {
        const std::string dir = SITECOVER_BENCH_DATA_DIR;
        Gers g;
        g.graph = std::make_unique<RoadGraph>(
            geodata::load_roads(
                {dir + "/france/roads-major-travelmapping-2026-08.geojson", "", "", ""})
                .network);
        g.snapper = std::make_unique<RoadSnapper>(*g.graph);
        return g;
    }();
    return data;
}

// The sites and the Gers communes' points, loaded once.
const std::pair<std::vector<Site>, std::vector<LonLat>>& points() {
    static const auto data = [] {
        const std::string dir = SITECOVER_BENCH_DATA_DIR;
        std::vector<Site> sites =
            geodata::load_sites({dir + "/france/france-services-2024-08-01.csv", "", "", ""}).sites;
        std::vector<LonLat> origins;
        for (const auto& o : geodata::load_origins(
                 {dir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""}))
            origins.push_back(o.position);
        return std::make_pair(std::move(sites), std::move(origins));
    }();
    return data;
}

void BM_RoadCatchment(benchmark::State& state) {
    const Gers& g = gers();
    const auto& [sites, origins] = points();
    RoadCatchmentOptions options;
    options.catchment = 1800.0;
    std::size_t pairs = 0, settled = 0;
    for (auto _ : state) {
        const RoadCatchment c = road_catchment(*g.graph, *g.snapper, sites, origins, options,
                                               static_cast<unsigned>(state.range(0)));
        pairs = c.table.hits.size();
        settled = c.settled_nodes;
        benchmark::DoNotOptimize(c.table.hits.data());
    }
    state.counters["pairs"] = static_cast<double>(pairs);
    state.counters["settled"] = static_cast<double>(settled);
}
BENCHMARK(BM_RoadCatchment)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_FloatingCatchment(benchmark::State& state) {
    const Gers& g = gers();
    const auto& [sites, origins] = points();
    RoadCatchmentOptions options;
    options.catchment = 1800.0;
    const RoadCatchment c = road_catchment(*g.graph, *g.snapper, sites, origins, options, 1);
    const std::vector<double> demand(origins.size(), 400.0), supply(sites.size(), 1.0);
    AccessDecay decay{DecayKind::Step, {{600, 1.0}, {1200, 0.68}, {1800, 0.22}}};
    for (auto _ : state) {
        benchmark::DoNotOptimize(floating_catchment(c.table, demand, supply, decay, 1800.0));
    }
}
BENCHMARK(BM_FloatingCatchment)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
