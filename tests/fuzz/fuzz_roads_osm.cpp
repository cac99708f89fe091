// Fuzz harness: OpenStreetMap bytes (XML or PBF, chosen by the first byte) through GDAL's OSM
// driver and load_roads (highway classes, oneway, access tags; then the maxspeed tag as speed
// field), then the checks of road_checks.hpp. A sitecover::Error from load_roads is the
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
    fuzz::keep_only_gdal_driver("OSM");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte picks the file name (the loader and the driver go by it), the rest is the
    // file: '<' (an XML document) reads as .osm, anything else as .osm.pbf.
    const bool xml = data[0] == '<';
    const std::size_t skip = xml ? 0 : 1;
    const fuzz::MemFile file(
        xml ? "/vsimem/sitecover-fuzz-roads.osm" : "/vsimem/sitecover-fuzz-roads.osm.pbf",
        data + skip, size - skip);
    const geodata::LayerSource source{file.path(), "", "", ""};

    std::optional<geodata::LoadedRoads> loaded;
    try {
        loaded = geodata::load_roads(source);
    } catch (const Error&) {
    }
    // GDAL's OSM driver costs about 0.3 s of CPU per open under ASan (a temporary SQLite
    // index, worker threads) whatever the input: a file the first load refused is refused
    // again by the second (the speed field is read only from features the first one took),
    // so it is opened once (tests/fuzz/README.md, "roads_osm timeouts").
    if (!loaded) return 0;
    try {
        geodata::RoadLoadOptions options;
        options.speed_field = "maxspeed";
        (void)geodata::load_roads(source, options);
    } catch (const Error&) {
    }
    if (loaded) fuzz::check_loaded_roads(*loaded);
    return 0;
}
