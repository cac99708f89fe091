// Road graph build and one multi-source query (all sites at once), on the whole France
// main-road file and on the Andorra OpenStreetMap extract.
//
//   build/bench/road_bench [--benchmark_filter=...]
// Data: $SITECOVER_DATA or the configured ../shared/geodata. Figures: bench/README.md.

#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"

namespace {

using namespace sitecover;

std::string data_dir() {
    const char* env = std::getenv("SITECOVER_DATA");
    return env != nullptr ? env : SITECOVER_BENCH_DATA_DIR;
}

const RoadNetwork& network(int which) {
    static const RoadNetwork france =
        geodata::load_roads(
            {data_dir() + "/france/roads-major-travelmapping-2026-08.geojson", "", "", ""})
            .network;
    static const RoadNetwork andorra =
        geodata::load_roads({data_dir() + "/osm/andorra.osm.pbf", "", "", ""}).network;
    return which == 0 ? france : andorra;
}

// France: the 2,845 France Services (those within 5 km of a road take part). Andorra holds
// none: 20 sites at random nodes (fixed seed).
std::vector<Site> bench_sites(int which) {
    if (which == 0)
        return geodata::load_sites(
                   {data_dir() + "/france/france-services-2024-08-01.csv", "", "", ""})
            .sites;
    std::mt19937_64 rng(7);
    const RoadNetwork& net = network(which);
    std::uniform_int_distribution<std::size_t> node(0, net.nodes.size() - 1);
    std::vector<Site> sites(20);
    for (std::size_t i = 0; i < sites.size(); ++i) {
        sites[i].id = std::to_string(i + 1);
        sites[i].position = net.nodes[node(rng)];
    }
    return sites;
}

void BM_GraphBuild(benchmark::State& state) {
    const RoadNetwork& net = network(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        RoadGraph graph(net);
        benchmark::DoNotOptimize(graph);
    }
    state.counters["nodes"] = static_cast<double>(net.nodes.size());
    state.counters["edges"] = static_cast<double>(net.edges.size());
    state.SetLabel(state.range(0) == 0 ? "france-main-roads" : "andorra-osm");
}
BENCHMARK(BM_GraphBuild)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_SnapperBuild(benchmark::State& state) {
    const RoadGraph graph(network(static_cast<int>(state.range(0))));
    for (auto _ : state) {
        RoadSnapper snapper(graph);
        benchmark::DoNotOptimize(snapper);
    }
    state.SetLabel(state.range(0) == 0 ? "france-main-roads" : "andorra-osm");
}
BENCHMARK(BM_SnapperBuild)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_MultiSourceQuery(benchmark::State& state) {
    const int which = static_cast<int>(state.range(0));
    const RoadGraph graph(network(which));
    const RoadSnapper snapper(graph);
    const std::vector<Site> sites = bench_sites(which);
    std::vector<std::optional<RoadSnap>> snaps;
    std::size_t on_network = 0;
    for (const Site& s : sites) {
        snaps.push_back(snapper.snap(s.position, 5000.0));
        on_network += snaps.back().has_value();
    }
    RoadQuery query(graph);
    for (auto _ : state) {
        query.run(snaps, sites);
        benchmark::DoNotOptimize(query.node_cost(0));
    }
    state.counters["sources"] = static_cast<double>(on_network);
    state.SetLabel(which == 0 ? "france-main-roads" : "andorra-osm");
}
BENCHMARK(BM_MultiSourceQuery)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_SnapAndAnswer(benchmark::State& state) {
    const RoadGraph graph(network(0));
    const RoadSnapper snapper(graph);
    const std::vector<Site> sites = bench_sites(0);
    std::vector<std::optional<RoadSnap>> snaps;
    for (const Site& s : sites) snaps.push_back(snapper.snap(s.position, 5000.0));
    RoadQuery query(graph);
    query.run(snaps, sites);
    std::mt19937_64 rng(20261126);
    std::uniform_real_distribution<double> lon(-0.3, 1.2), lat(43.3, 44.1);  // the Gers
    std::vector<LonLat> points(10'000);
    for (auto& p : points) p = {lon(rng), lat(rng)};
    std::size_t i = 0;
    for (auto _ : state) {
        const auto snap = snapper.snap(points[i++ % points.size()], 5000.0);
        if (snap) benchmark::DoNotOptimize(query.nearest(*snap));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SnapAndAnswer);

}  // namespace

BENCHMARK_MAIN();
