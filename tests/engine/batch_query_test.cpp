// k_nearest_batch: same answers as one query at a time, whatever the thread count.

#include <random>

#include <gtest/gtest.h>

#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"

namespace {

using sitecover::LonLat;

std::vector<sitecover::Site> random_sites(std::mt19937_64& rng, std::size_t n) {
    std::uniform_real_distribution<double> lon(-5.0, 8.0), lat(42.0, 51.0);
    std::vector<sitecover::Site> sites;
    for (std::size_t i = 0; i < n; ++i) {
        sitecover::Site site;
        site.id = std::to_string(i);
        site.position = {lon(rng), lat(rng)};
        sites.push_back(site);
    }
    return sites;
}

TEST(BatchQuery, MatchesSequentialQueriesForAnyThreadCount) {
    const std::uint64_t seed = 5150;
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    const sitecover::SiteIndex index(random_sites(rng, 500));
    std::uniform_real_distribution<double> lon(-5.0, 8.0), lat(42.0, 51.0);
    std::vector<LonLat> points(5000);
    for (auto& p : points) p = {lon(rng), lat(rng)};

    for (const std::size_t k : {1u, 3u}) {
        const double max_m = k == 1 ? 30'000.0 : 1e9;
        const auto one = sitecover::k_nearest_batch(index, points, k, max_m, 1);
        for (const unsigned threads : {2u, 3u, 8u}) {
            const auto many = sitecover::k_nearest_batch(index, points, k, max_m, threads);
            EXPECT_EQ(one.offset, many.offset) << "threads=" << threads;
            EXPECT_EQ(one.hits, many.hits) << "threads=" << threads;
        }
        ASSERT_EQ(one.offset.size(), points.size() + 1);
        std::size_t capped = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            auto expected = index.k_nearest(points[i], k);
            while (!expected.empty() && expected.back().distance_m > max_m) expected.pop_back();
            capped += expected.empty() ? 1 : 0;
            const std::vector<sitecover::Neighbour> got(one.hits.begin() + one.offset[i],
                                                        one.hits.begin() + one.offset[i + 1]);
            ASSERT_EQ(got, expected) << "point " << i << " k=" << k;
        }
        if (k == 1) {
            EXPECT_GT(capped, 0u) << "the cap should leave some points without a site";
        }
    }
}

TEST(BatchQuery, RejectsAnInvalidPointBeforeWorking) {
    const sitecover::SiteIndex index({sitecover::Site{"a", "", {0.0, 0.0}, "", "", ""}});
    const std::vector<LonLat> points = {{0.0, 0.0}, {0.0, 95.0}};
    EXPECT_THROW(sitecover::k_nearest_batch(index, points, 1, 1e9, 2), sitecover::ArgumentError);
}

TEST(BatchQuery, EmptyInputGivesEmptyResult) {
    const sitecover::SiteIndex index({sitecover::Site{"a", "", {0.0, 0.0}, "", "", ""}});
    const auto result = sitecover::k_nearest_batch(index, {}, 1, 1e9, 4);
    EXPECT_EQ(result.offset, std::vector<std::size_t>{0});
    EXPECT_TRUE(result.hits.empty());
}

}  // namespace
