// Golden results on the real Gers data: which canton holds which site, and each commune's
// nearest site and distance. The expected values live in readable text files beside this test.

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "golden_file.hpp"

#include "sitecover/coverage.hpp"
#include "sitecover/fast_geodesic.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/reference.hpp"
#include "sitecover/site_index.hpp"

namespace {

const std::string kData = SITECOVER_TEST_DATA_DIR;

std::vector<sitecover::Site> national_sites() {
    return sitecover::geodata::load_sites(
               {kData + "/france/france-services-2024-08-01.csv", "", "", ""})
        .sites;
}

TEST(GersGolden, SiteListHas27GersSitesOf2845) {
    const auto sites = national_sites();
    ASSERT_EQ(sites.size(), 2845u);
    int gers = 0, principal = 0, before_prefecture_count = 0;
    for (const auto& s : sites) {
        if (s.department != "32") continue;
        ++gers;
        if (s.kind == "Principal") ++principal;
        if (s.kind == "Principal" && s.labelled_on <= "2022-04-20") ++before_prefecture_count;
    }
    EXPECT_EQ(gers, 27);
    EXPECT_EQ(principal, 24);
    EXPECT_EQ(before_prefecture_count, 24);  // the préfecture's count of 20 April 2022
}

TEST(GersGolden, CantonCoverageMatchesGolden) {
    auto areas =
        sitecover::geodata::load_areas({kData + "/gers/cantons-32-geofla2016.geojson", "", "", ""});
    ASSERT_EQ(areas.size(), 17u);
    const sitecover::CoverageIndex index(std::move(areas));
    const auto sites = national_sites();
    const auto coverage = sitecover::compute_coverage(index, sites);

    std::map<std::string, const sitecover::AreaCoverage*> by_code;
    for (const auto& cov : coverage) by_code[index.areas()[cov.area].code] = &cov;
    const auto golden = sitecover::test::read_golden_rows("gers_coverage.txt");
    ASSERT_EQ(golden.size(), 17u);
    for (const auto& row : golden) {
        SCOPED_TRACE("canton " + row[0] + " " + row[1]);
        ASSERT_EQ(row.size(), 4u);
        ASSERT_TRUE(by_code.count(row[0]));
        const auto& cov = *by_code[row[0]];
        EXPECT_EQ(index.areas()[cov.area].name, row[1]);
        std::string ids;
        for (const auto s : cov.sites) ids += (ids.empty() ? "" : ";") + sites[s].id;
        EXPECT_EQ(ids, row[2]);
        ASSERT_TRUE(cov.margin_m.has_value());
        EXPECT_NEAR(*cov.margin_m, std::stod(row[3]), 0.5);
    }
    // The facts the préfecture states: every canton covered, Auch-3 by the Garros site.
    for (const auto& cov : coverage) {
        EXPECT_TRUE(cov.covered()) << index.areas()[cov.area].name;
        if (index.areas()[cov.area].name == "Auch-3") {
            ASSERT_EQ(cov.sites.size(), 1u);
            EXPECT_EQ(sites[cov.sites[0]].id, "1271");
            EXPECT_NEAR(*cov.margin_m, 165.0, 5.0);  // "about 165 m from that line"
        }
    }
}

TEST(GersGolden, CommuneNearestSitesMatchGoldenAndBruteForce) {
    const auto origins = sitecover::geodata::load_origins(
        {kData + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
    ASSERT_EQ(origins.size(), 462u);
    const sitecover::SiteIndex index(national_sites());

    std::map<std::string, std::vector<std::string>> golden;
    for (auto& row : sitecover::test::read_golden_rows("gers_nearest.txt")) golden[row[0]] = row;
    ASSERT_EQ(golden.size(), 462u);
    for (const auto& origin : origins) {
        SCOPED_TRACE("commune " + origin.code + " " + origin.name);
        ASSERT_TRUE(golden.count(origin.code));
        const auto& row = golden[origin.code];
        EXPECT_NEAR(origin.position.lon_deg, std::stod(row[1]), 1e-7);
        EXPECT_NEAR(origin.position.lat_deg, std::stod(row[2]), 1e-7);
        const auto hit = index.nearest(origin.position);
        ASSERT_TRUE(hit.has_value());
        EXPECT_EQ(index.sites()[hit->site].id, row[3]);
        EXPECT_NEAR(hit->distance_m, std::stod(row[4]), 1e-3);
        const auto oracle = sitecover::reference::nearest(index.sites(), origin.position);
        ASSERT_TRUE(oracle.has_value());
        EXPECT_EQ(hit->site, oracle->site);
        // The index's distance comes from the chord formula: within 1 um of Karney's, and the
        // same millimetres.
        EXPECT_NEAR(hit->distance_m, oracle->distance_m, sitecover::kShortGeodesicErrorM);
        EXPECT_EQ(std::round(hit->distance_m * 1000.0), std::round(oracle->distance_m * 1000.0));
    }
}

}  // namespace
