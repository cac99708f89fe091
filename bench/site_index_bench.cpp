// SiteIndex build and query throughput on the 2,845 real France Services, with query points
// drawn uniformly (fixed seed) over mainland France. Compared with the brute-force oracle.
//
//   build/bench/site_index_bench [--benchmark_filter=...]
// Data: $SITECOVER_DATA or the configured ../shared/geodata.

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/reference.hpp"
#include "sitecover/site_index.hpp"

namespace {

const std::vector<sitecover::Site>& national_sites() {
    static const std::vector<sitecover::Site> sites = [] {
        const char* env = std::getenv("SITECOVER_DATA");
        const std::string dir = env != nullptr ? env : SITECOVER_BENCH_DATA_DIR;
        return sitecover::geodata::load_sites(
                   {dir + "/france/france-services-2024-08-01.csv", "", "", ""})
            .sites;
    }();
    return sites;
}

// Uniform in the bounding box of mainland France; seed fixed so runs compare.
std::vector<sitecover::LonLat> query_points(std::size_t n) {
    std::mt19937_64 rng(20261126);
    std::uniform_real_distribution<double> lon(-4.8, 8.2), lat(42.3, 51.1);
    std::vector<sitecover::LonLat> points(n);
    for (auto& p : points) p = {lon(rng), lat(rng)};
    return points;
}

void BM_Build(benchmark::State& state) {
    const auto& sites = national_sites();
    for (auto _ : state) {
        sitecover::SiteIndex index(sites);
        benchmark::DoNotOptimize(index);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(sites.size()));
}
BENCHMARK(BM_Build)->Unit(benchmark::kMicrosecond);

void BM_Nearest(benchmark::State& state) {
    const sitecover::SiteIndex index(national_sites());
    const auto points = query_points(100'000);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(index.nearest(points[i++ % points.size()]));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Nearest);

void BM_KNearest5(benchmark::State& state) {
    const sitecover::SiteIndex index(national_sites());
    const auto points = query_points(100'000);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(index.k_nearest(points[i++ % points.size()], 5));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KNearest5);

void BM_Within19km(benchmark::State& state) {
    const sitecover::SiteIndex index(national_sites());
    const auto points = query_points(100'000);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(index.within(points[i++ % points.size()], 19'000.0));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Within19km);

// The floor of an exact nearest query: one PROJ geod_inverse (Karney) from each query point to
// its nearest site, with the pairs computed beforehand.
void BM_GeodesicToNearest(benchmark::State& state) {
    const sitecover::SiteIndex index(national_sites());
    const auto points = query_points(100'000);
    std::vector<sitecover::LonLat> nearest(points.size());
    for (std::size_t p = 0; p < points.size(); ++p)
        nearest[p] = index.sites()[index.nearest(points[p])->site].position;
    std::size_t i = 0;
    for (auto _ : state) {
        const std::size_t p = i++ % points.size();
        benchmark::DoNotOptimize(sitecover::geodesic_distance_m(points[p], nearest[p]));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GeodesicToNearest);

void BM_NearestBruteForce(benchmark::State& state) {
    const auto& sites = national_sites();
    const auto points = query_points(1'000);
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(sitecover::reference::nearest(sites, points[i++ % points.size()]));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NearestBruteForce);

}  // namespace

BENCHMARK_MAIN();
