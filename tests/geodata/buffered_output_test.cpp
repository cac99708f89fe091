// GDAL's drivers write outputs through the checked file layer, which buffers the writes (one
// write(2) per field made a national run spend a third of its time in the kernel, issue 15).
// Drivers that read back what they wrote (FlatGeobuf's spatial index, the Shapefile and GPKG
// headers) and files open twice must still see every byte: each format round-trips 20,000
// rows, read back through the product's own point reader.

#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"

namespace {

namespace fs = std::filesystem;
namespace gd = sitecover::geodata;

constexpr int kRows = 20000;

std::string code_of(int i) {
    std::string code = "c";
    code += std::to_string(i);
    return code;
}

void write_rows(const fs::path& path) {
    gd::TableOptions options;
    options.path = path.string();
    options.layer_name = "result";
    options.geometry = gd::GeometryKind::Point;
    gd::TableWriter writer(options, {{"code", gd::FieldType::String},
                                     {"name", gd::FieldType::String},
                                     {"metres", gd::FieldType::Real, 1},
                                     {"lon", gd::FieldType::Real, 7},
                                     {"lat", gd::FieldType::Real, 7}});
    for (int i = 0; i < kRows; ++i) {
        gd::Row row;
        const sitecover::LonLat p{0.5 + 1e-5 * i, 43.6 - 1e-5 * i};
        row.values = {code_of(i), std::string(30, static_cast<char>('a' + i % 26)), 10.0 * i,
                      p.lon_deg, p.lat_deg};
        row.line = {p};
        writer.add_row(row);
    }
    writer.commit();
}

TEST(BufferedOutput, EveryGdalFormatRoundTripsTwentyThousandRows) {
    const fs::path dir = fs::temp_directory_path() / "sitecover-buffered" / code_of(::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name :
         {"out.csv", "out.geojson", "out.fgb", "out.shp", "out.gpkg", "out.gml"}) {
        SCOPED_TRACE(name);
        const fs::path path = dir / name;
        write_rows(path);
        gd::LayerSource source;
        source.path = path.string();
        const std::vector<gd::Origin> origins =
            gd::load_origins(source, gd::OriginFields{"code", "name", "lon", "lat"});
        ASSERT_EQ(origins.size(), static_cast<std::size_t>(kRows));
        // FlatGeobuf's spatial index reorders the features: compare them by code.
        std::map<std::string, const gd::Origin*> by_code;
        for (const gd::Origin& origin : origins) by_code.emplace(origin.code, &origin);
        ASSERT_EQ(by_code.size(), static_cast<std::size_t>(kRows));
        for (const int i : {0, 1, kRows / 2, kRows - 1}) {
            const auto it = by_code.find(code_of(i));
            ASSERT_NE(it, by_code.end()) << code_of(i);
            EXPECT_EQ(it->second->name, std::string(30, static_cast<char>('a' + i % 26)));
            EXPECT_NEAR(it->second->position.lon_deg, 0.5 + 1e-5 * i, 1e-7);
            EXPECT_NEAR(it->second->position.lat_deg, 43.6 - 1e-5 * i, 1e-7);
        }
    }
    fs::remove_all(dir);
}

}  // namespace
