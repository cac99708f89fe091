// Fuzz harness: GeoJSON bytes (a line layer) through the road network builder: load_roads
// (class speeds, and a speed field), then the checks of road_checks.hpp (CSR consistency,
// snaps, RoadQuery against reference::road_nearest). A sitecover::Error from load_roads is the
// documented answer to bad input.

#include <cstddef>
#include <cstdint>
#include <optional>

#include "fuzz_harness.hpp"
#include "gdal_memfile.hpp"
#include "road_checks.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/road_loader.hpp"

using namespace sitecover;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::keep_only_gdal_driver("GeoJSON");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fuzz::MemFile file("/vsimem/sitecover-fuzz-roads.geojson", data, size);
    const geodata::LayerSource source{file.path(), "", "", ""};

    std::optional<geodata::LoadedRoads> loaded;
    try {
        loaded = geodata::load_roads(source);
    } catch (const Error&) {
    }
    try {
        // A speed field: read from each feature, falling back to the class speed.
        geodata::RoadLoadOptions options;
        options.speed_field = "maxspeed";
        options.profile.speed_kmh["x"] = 1.0;
        (void)geodata::load_roads(source, options);
    } catch (const Error&) {
    }
    if (loaded) fuzz::check_loaded_roads(*loaded);
    return 0;
}
