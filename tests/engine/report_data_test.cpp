// build_report_data on a small hand-made case: rows per area, the sites inside sorted by id,
// each origin's nearest site, each area's farthest origin, outlines all or none.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/error.hpp"
#include "sitecover/report_data.hpp"

namespace {

using namespace sitecover;

Area square(const std::string& code, double lon0) {
    return Area{
        code, code, {Polygon{{{lon0, 40}, {lon0 + 1, 40}, {lon0 + 1, 41}, {lon0, 41}}, {}}}};
}

ReportOriginInput origin(const std::string& code, double lon, double lat,
                         const Area* polygon = nullptr) {
    ReportOriginInput o;
    o.code = code;
    o.position = {lon, lat};
    o.polygon = polygon;
    return o;
}

TEST(ReportData, RowsPerAreaAndOriginWithTheWorstOriginOfEachArea) {
    const CoverageIndex areas({square("W", 0.0), square("E", 1.0)});
    std::vector<Site> list(3);
    list[0] = {"10", "ten", {0.5, 40.5}, "", "", ""};
    list[1] = {"9", "nine", {0.6, 40.6}, "", "", ""};
    list[2] = {"8", "outside", {5.0, 45.0}, "", "", ""};
    const SiteIndex sites(list);
    const Area outline = square("o", 0.0);
    const std::vector<ReportOriginInput> origins = {origin("a", 0.55, 40.55, &outline),
                                                    origin("b", 0.1, 40.1, &outline),
                                                    origin("c", 1.5, 40.5)};
    ReportRequest request;
    request.fragile_m = 1e9;  // every covered area fragile
    const ReportData data = build_report_data(areas, sites, origins, nullptr, request);
    ASSERT_EQ(data.area_rows.size(), 2u);
    EXPECT_EQ(data.covered_count(), 1u);
    EXPECT_EQ(data.fragile_count(), 1u);
    EXPECT_EQ(data.area_rows[0].origins, 2u);
    EXPECT_EQ(data.area_rows[0].worst_distance_origin, 1u);  // "b", farthest from its site
    EXPECT_EQ(data.area_rows[1].origins, 1u);
    // Inside the areas, by site id: "9" before "10"; "8" lies outside.
    ASSERT_EQ(data.sites_inside.size(), 2u);
    EXPECT_EQ((*data.sites)[data.sites_inside[0]].id, "9");
    EXPECT_EQ((*data.sites)[data.sites_inside[1]].id, "10");
    EXPECT_EQ(data.area_of_site_inside, (std::vector<std::size_t>{0, 0}));
    ASSERT_TRUE(data.origins[2].site);
    EXPECT_EQ((*data.sites)[*data.origins[2].site].id, "9");
    EXPECT_EQ(data.origins[0].polygon, nullptr);  // "c" has no outline: none drawn
    EXPECT_FALSE(data.with_roads);
    EXPECT_EQ(data.crow_fly_summary().count, 3u);
    request.within_m = -1.0;
    EXPECT_THROW(build_report_data(areas, sites, origins, nullptr, request), ArgumentError);
}

}  // namespace
