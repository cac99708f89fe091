// Polygon checks on one large area, star-shaped (spikes: alternate vertices at radius 0.5 and
// 0.05 degree) and circular, at 100k and 2M vertices: repair_area (validity: sweep line, then
// Boost.Geometry only when something touches), point_on_surface, and building a CoverageIndex
// then asking it which areas hold a point. For scale, Boost.Geometry's own is_valid on smaller
// stars and circles: quadratic on the star (engine/src/ring_sweep.hpp says why).
//
//   build/bench/polygon_bench [--benchmark_filter=...]

#include <cmath>
#include <cstddef>
#include <numbers>
#include <string>
#include <vector>

#ifndef BOOST_ALLOW_DEPRECATED_HEADERS
#define BOOST_ALLOW_DEPRECATED_HEADERS
#endif
#include <benchmark/benchmark.h>
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

#include "sitecover/area.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/coverage_index.hpp"

namespace {

using sitecover::Area;
using sitecover::LonLat;

// `n` vertices around Auch, counter-clockwise; a star when `spiky`, else a circle.
sitecover::Ring shape(std::size_t n, bool spiky) {
    sitecover::Ring ring;
    ring.reserve(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
        const double r = spiky && i % 2 == 1 ? 0.05 : 0.5;
        ring.push_back({0.58 + r * std::cos(a), 43.64 + r * std::sin(a)});
    }
    ring.push_back(ring.front());
    return ring;
}

Area area(std::size_t n, bool spiky) { return Area{"S", "shape", {{shape(n, spiky), {}}}}; }

void BM_RepairArea(benchmark::State& state) {
    const Area input = area(static_cast<std::size_t>(state.range(0)), state.range(1) != 0);
    for (auto _ : state) {
        Area copy = input;
        benchmark::DoNotOptimize(sitecover::repair_area(copy));
    }
    state.SetLabel(state.range(1) != 0 ? "star" : "circle");
}

void BM_PointOnSurface(benchmark::State& state) {
    Area input = area(static_cast<std::size_t>(state.range(0)), state.range(1) != 0);
    sitecover::repair_area(input);
    for (auto _ : state) benchmark::DoNotOptimize(sitecover::point_on_surface(input));
    state.SetLabel(state.range(1) != 0 ? "star" : "circle");
}

void BM_CoverageIndex(benchmark::State& state) {
    Area input = area(static_cast<std::size_t>(state.range(0)), state.range(1) != 0);
    sitecover::repair_area(input);
    for (auto _ : state) {
        const sitecover::CoverageIndex index({input});
        benchmark::DoNotOptimize(index.areas_containing(LonLat{0.58, 43.64}));
    }
    state.SetLabel(state.range(1) != 0 ? "star" : "circle");
}

// The library alone, for scale: what repair_area called before the sweep line.
void BM_BoostIsValid(benchmark::State& state) {
    namespace bg = boost::geometry;
    using Point = bg::model::d2::point_xy<double>;
    bg::model::polygon<Point> polygon;
    for (const LonLat& p : shape(static_cast<std::size_t>(state.range(0)), state.range(1) != 0))
        polygon.outer().emplace_back(p.lon_deg, p.lat_deg);
    bg::correct(polygon);
    for (auto _ : state) benchmark::DoNotOptimize(bg::is_valid(polygon));
    state.SetLabel(state.range(1) != 0 ? "star" : "circle");
}

void sizes(benchmark::internal::Benchmark* b) {
    for (const long n : {100'000L, 2'000'000L})
        for (const long spiky : {1L, 0L}) b->Args({n, spiky});
    b->Unit(benchmark::kMillisecond)->Iterations(1);
}

}  // namespace

BENCHMARK(BM_RepairArea)->Apply(sizes);
BENCHMARK(BM_PointOnSurface)->Apply(sizes);
BENCHMARK(BM_CoverageIndex)->Apply(sizes);
BENCHMARK(BM_BoostIsValid)
    ->Args({5'000, 1})
    ->Args({10'000, 1})
    ->Args({20'000, 1})
    ->Args({20'000, 0})
    ->Args({100'000, 0})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_MAIN();
