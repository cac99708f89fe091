// Every writer detects a full disk (issue 12, defect 1): GDAL's text drivers (GeoJSON, KML,
// GML, GeoJSONSeq, CSV), GPKG, FlatGeobuf, Shapefile and the streaming CSV writer throw
// OutputError, leave no file behind, and leave an earlier file at the target byte-identical.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "full_disk.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/table_writer.hpp"

namespace {

namespace fs = std::filesystem;
namespace gd = sitecover::geodata;
using sitecover::test::FullDisk;
using sitecover::test::read_file;
using sitecover::test::write_file;

struct Format {
    const char* name;    // output file name
    const char* driver;  // -f
    bool streaming;
};

const Format kFormats[] = {
    {"out.geojson", "", false}, {"out.kml", "KML", false},
    {"out.gml", "GML", false},  {"out.geojsonl", "GeoJSONSeq", false},
    {"out.csv", "", false},     {"out.gpkg", "", false},
    {"out.fgb", "", false},     {"out.shp", "", false},
    {"stream.csv", "", true},
};

// Writes `rows` rows; returns the OutputError message, "" when everything succeeded.
std::string write_table(const fs::path& path, const Format& format, bool overwrite, int rows) {
    try {
        gd::TableOptions options;
        options.path = path.string();
        options.format = format.driver;
        options.layer_name = "result";
        options.overwrite = overwrite;
        options.geometry = gd::GeometryKind::Point;
        options.streaming_csv = format.streaming;
        gd::TableWriter writer(options, {{"code", gd::FieldType::String},
                                         {"name", gd::FieldType::String},
                                         {"metres", gd::FieldType::Real, 1}});
        for (int i = 0; i < rows; ++i) {
            gd::Row row;
            row.values = {std::string("code-") + std::to_string(i),
                          std::string(40, static_cast<char>('a' + i % 26)), 10.0 * i};
            row.line = {{0.5 + 1e-5 * i, 43.6 - 1e-5 * i}};
            writer.add_row(row);
        }
        writer.commit();
    } catch (const sitecover::OutputError& e) {
        return e.what();
    }
    return "";
}

TEST(WriteFailure, EveryFormatDetectsAFullDiskAndLeavesNothing) {
    for (const Format& format : kFormats) {
        SCOPED_TRACE(format.name);
        const FullDisk disk;
        if (!disk.ok()) GTEST_SKIP() << disk.why();
        disk.fill();
        const std::string message = write_table(disk.path() / format.name, format, false, 2000);
        EXPECT_NE(message, "") << "a write on a full disk went unnoticed";
        EXPECT_NE(
            message.find("out") == std::string::npos ? message.find("stream") : message.find("out"),
            std::string::npos)
            << message;
        EXPECT_TRUE(disk.entries().empty()) << disk.entries().front();
    }
}

TEST(WriteFailure, AnEarlierFileSurvivesAFailedOverwrite) {
    for (const Format& format : kFormats) {
        SCOPED_TRACE(format.name);
        const FullDisk disk;
        if (!disk.ok()) GTEST_SKIP() << disk.why();
        const fs::path target = disk.path() / format.name;
        // A good earlier file (this run's own format, a few rows), then no room left.
        ASSERT_EQ(write_table(target, format, false, 3), "");
        const std::string before = read_file(target);
        ASSERT_FALSE(before.empty());
        const std::vector<std::string> entries_before = disk.entries();
        disk.fill();
        const std::string message = write_table(target, format, true, 2000);
        EXPECT_NE(message, "") << "a write on a full disk went unnoticed";
        EXPECT_EQ(read_file(target), before) << "the earlier file changed";
        EXPECT_EQ(disk.entries(), entries_before);
    }
}

// The same tables fit on the same disk when it is not full: the failures above are the disk's.
TEST(WriteFailure, TheSameTablesFitWhenTheDiskIsNotFull) {
    for (const Format& format : kFormats) {
        SCOPED_TRACE(format.name);
        const FullDisk disk(4096);
        if (!disk.ok()) GTEST_SKIP() << disk.why();
        EXPECT_EQ(write_table(disk.path() / format.name, format, false, 2000), "");
    }
}

}  // namespace
