// Fuzz harness: GeoJSON bytes through the vector loaders (load_areas, load_origins with both
// rules, load_sites) via GDAL's /vsimem/, then through the engine indexes built from what
// loaded (CoverageIndex, SiteIndex), checked against the brute-force oracles.
//
// A sitecover::Error is the documented answer to bad input. Findings are crashes, sanitizer
// reports, hangs, and results that differ from the oracles.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_harness.hpp"
#include "gdal_memfile.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/lon_lat.hpp"
#include "sitecover/reference.hpp"
#include "sitecover/site_index.hpp"

namespace {

using namespace sitecover;

constexpr std::size_t kMaxQueries = 64;  // bound the work per input

void check_areas(const std::vector<Area>& areas, const std::vector<LonLat>& points) {
    const CoverageIndex index(areas);
    for (std::size_t i = 0; i < points.size() && i < kMaxQueries; ++i) {
        for (const Boundary rule : {Boundary::Included, Boundary::Excluded}) {
            const auto found = index.areas_containing(points[i], rule);
            for (const std::size_t a : found) {
                SITECOVER_FUZZ_CHECK(a < areas.size());
                const double d = index.distance_to_boundary_m(a, points[i]);
                SITECOVER_FUZZ_CHECK(d >= 0.0 && !std::isnan(d));
            }
            (void)reference::areas_containing(areas, points[i], rule);
        }
    }
}

void check_sites(const std::vector<Site>& sites, const std::vector<LonLat>& points) {
    const SiteIndex index(sites);
    for (std::size_t i = 0; i < points.size() && i < kMaxQueries; ++i) {
        const auto got = index.nearest(points[i]);
        const auto want = reference::nearest(sites, points[i]);
        SITECOVER_FUZZ_CHECK(got.has_value() == want.has_value());
        if (got) {
            SITECOVER_FUZZ_CHECK(got->site < sites.size());
            SITECOVER_FUZZ_CHECK(std::abs(got->distance_m - want->distance_m) <=
                                 1e-6 + 1e-9 * want->distance_m);
        }
        const auto k = index.k_nearest(points[i], 3);
        SITECOVER_FUZZ_CHECK(k.size() == std::min<std::size_t>(3, sites.size()));
        for (std::size_t j = 1; j < k.size(); ++j)
            SITECOVER_FUZZ_CHECK(k[j - 1].distance_m <= k[j].distance_m);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::keep_only_gdal_driver("GeoJSON");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fuzz::MemFile file("/vsimem/sitecover-fuzz.geojson", data, size);
    const geodata::LayerSource source{file.path(), "", "", ""};

    std::vector<Area> areas;
    std::vector<LonLat> points;
    std::vector<Site> sites;
    try {
        areas = geodata::load_areas(source);
        for (const Area& area : areas) SITECOVER_FUZZ_CHECK(!area.code.empty());
    } catch (const Error&) {
    }
    for (const auto rule : {geodata::OriginRule::PointOnSurface, geodata::OriginRule::Centroid}) {
        try {
            std::vector<std::string> warnings;
            for (const auto& origin : geodata::load_origins(source, {}, rule, &warnings)) {
                SITECOVER_FUZZ_CHECK(is_valid(origin.position));
                points.push_back(origin.position);
            }
        } catch (const Error&) {
        }
    }
    try {
        sites = geodata::load_sites(source).sites;
        for (const Site& site : sites) {
            SITECOVER_FUZZ_CHECK(is_valid(site.position) && !site.id.empty());
            points.push_back(site.position);
        }
    } catch (const Error&) {
    }
    points.push_back({0.0, 0.0});
    points.push_back({180.0, 90.0});
    points.push_back({-180.0, -45.0});

    // What the loaders return is valid by their contract: the engine must take it without an
    // exception, so none is caught here.
    if (!areas.empty()) check_areas(areas, points);
    if (!sites.empty()) {
        check_sites(sites, points);
        if (!areas.empty()) (void)compute_coverage(CoverageIndex(areas), sites, Boundary::Included);
    }
    return 0;
}
