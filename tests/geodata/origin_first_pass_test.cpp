// Origins from a large GeoJSON FeatureCollection: GDAL's schema pass may stop after the first
// 4 MB (point_loader.cpp) only when the fields read there are settled; a code field that is a
// number in the first features and text later forces the full pass, so "2A004" stays "2A004".

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "sitecover/geodata/point_loader.hpp"

namespace sitecover::geodata {
namespace {

// count small square communes; codes are JSON numbers when numeric_codes, then one last
// feature with the text code "2A004".
std::string feature_collection(int count, bool numeric_codes) {
    std::string json = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < count; ++i) {
        const double x = 0.001 * (i % 1000), y = 43.0 + 0.001 * (i / 1000);
        std::string code = std::to_string(i + 1);
        if (!numeric_codes) {
            code.insert(code.begin(), '"');
            code.push_back('"');
        }
        json += R"({"type":"Feature","properties":{"code":)" + code + R"(,"nom":"c)" +
                std::to_string(i) + R"("},"geometry":{"type":"Polygon","coordinates":[[[)" +
                std::to_string(x) + "," + std::to_string(y) + "],[" + std::to_string(x + 0.0008) +
                "," + std::to_string(y) + "],[" + std::to_string(x + 0.0008) + "," +
                std::to_string(y + 0.0008) + "],[" + std::to_string(x) + "," + std::to_string(y) +
                "]]]}},";
    }
    json +=
        R"({"type":"Feature","properties":{"code":"2A004","nom":"Ajaccio"},"geometry":{"type":"Polygon",)"
        R"("coordinates":[[[8.7,41.9],[8.71,41.9],[8.71,41.91],[8.7,41.9]]]}}]})";
    return json;
}

TEST(OriginFirstPass, CodesThatTurnToTextLaterAreReadAsText) {
    test::TempDir dir("sitecover-first-pass");
    for (const bool numeric : {true, false}) {
        SCOPED_TRACE(numeric ? "numeric codes first" : "text codes");
        const std::string json = feature_collection(40'000, numeric);
        ASSERT_GT(json.size(), 5'000'000u);  // beyond the 4 MB first pass
        const auto path = dir.write(numeric ? "numeric.geojson" : "text.geojson", json);
        const std::vector<Origin> origins =
            load_origins({path.string(), "", "", ""}, OriginFields{});
        ASSERT_EQ(origins.size(), 40'001u);
        EXPECT_EQ(origins.front().code, "1");
        EXPECT_EQ(origins.front().name, "c0");
        EXPECT_EQ(origins.back().code, "2A004");
        EXPECT_EQ(origins.back().name, "Ajaccio");
        EXPECT_NEAR(origins.back().position.lon_deg, 8.705, 0.005);
    }
}

}  // namespace
}  // namespace sitecover::geodata
