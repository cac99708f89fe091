// How far an origin reader is (the progress line's percentage): bytes of a plain CSV against
// its size, features of a GDAL layer against its count.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "sitecover/geodata/point_csv.hpp"
#include "sitecover/geodata/point_loader.hpp"

namespace {

using sitecover::geodata::Origin;

TEST(ReadProgress, PlainCsvCountsBytesUpToTheFileSize) {
    const sitecover::test::TempDir tmp;
    const std::string text =
        "id,lon,lat\nA,0.5,43.6\nB,0.6,43.7\r\nC,0.7,43.8";  // no final newline
    const auto path = tmp.write("p.csv", text);
    auto reader = sitecover::geodata::open_point_csv(path.string());
    EXPECT_EQ(reader->progress().total, text.size());
    std::vector<Origin> chunk;
    ASSERT_TRUE(reader->next_chunk(chunk, 1));
    EXPECT_EQ(reader->progress().done, std::string("id,lon,lat\nA,0.5,43.6\n").size());
    while (reader->next_chunk(chunk, 10)) {
    }
    EXPECT_EQ(reader->progress().done, text.size());
    EXPECT_EQ(chunk.size(), 3u);
}

TEST(ReadProgress, GdalLayerCountsFeatures) {
    const std::string communes =
        std::string(SITECOVER_TEST_DATA_DIR) + "/gers/communes-32-adminexpress2018.geojson";
    auto reader = sitecover::geodata::open_origins({communes, "", "", ""});
    EXPECT_EQ(reader->progress().total, 462u);
    std::vector<Origin> chunk;
    ASSERT_TRUE(reader->next_chunk(chunk, 100));
    EXPECT_EQ(reader->progress().done, 100u);
    while (reader->next_chunk(chunk, 1000)) {
    }
    EXPECT_EQ(reader->progress().done, 462u);
}

}  // namespace
