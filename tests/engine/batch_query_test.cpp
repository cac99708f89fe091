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

std::vector<LonLat> random_points(std::mt19937_64& rng, std::size_t n) {
    std::uniform_real_distribution<double> lon(-5.0, 8.0), lat(42.0, 51.0);
    std::vector<LonLat> points(n);
    for (auto& p : points) p = {lon(rng), lat(rng)};
    return points;
}

TEST(BatchQuery, MatchesSequentialQueriesForAnyThreadCount) {
    const std::uint64_t seed = 5150;
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    const sitecover::SiteIndex index(random_sites(rng, 500));
    const std::vector<LonLat> points = random_points(rng, 5000);

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

TEST(BatchQuery, NearestAndWithinBatchesMatchSequentialQueriesForAnyThreadCount) {
    const std::uint64_t seed = 7741;
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    const sitecover::SiteIndex index(random_sites(rng, 400));
    const std::vector<LonLat> points = random_points(rng, 4000);
    const double cap_m = 25'000.0;     // leaves some points without a nearest site
    const double radius_m = 60'000.0;  // gives many points several sites

    const auto nearest_one = sitecover::nearest_batch(index, points, cap_m, 1);
    const auto within_one = sitecover::within_batch(index, points, radius_m, 1);
    ASSERT_EQ(nearest_one.size(), points.size());
    ASSERT_EQ(within_one.offset.size(), points.size() + 1);
    std::size_t none = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        ASSERT_EQ(nearest_one[i], index.nearest(points[i], cap_m)) << "point " << i;
        none += nearest_one[i] ? 0 : 1;
        const std::vector<sitecover::Neighbour> got(
            within_one.hits.begin() + within_one.offset[i],
            within_one.hits.begin() + within_one.offset[i + 1]);
        ASSERT_EQ(got, index.within(points[i], radius_m)) << "point " << i;
    }
    EXPECT_GT(none, 0u) << "the cap should leave some points without a site";
    EXPECT_GT(within_one.hits.size(), 2 * points.size()) << "points should have several sites";
    for (const unsigned threads : {2u, 5u}) {
        EXPECT_EQ(sitecover::nearest_batch(index, points, cap_m, threads), nearest_one);
        const auto within_many = sitecover::within_batch(index, points, radius_m, threads);
        EXPECT_EQ(within_many.offset, within_one.offset) << "threads=" << threads;
        EXPECT_EQ(within_many.hits, within_one.hits) << "threads=" << threads;
    }
}

TEST(BatchQuery, RejectsAnInvalidPointBeforeWorking) {
    const sitecover::SiteIndex index({sitecover::Site{"a", "", {0.0, 0.0}, "", "", ""}});
    const std::vector<LonLat> points = {{0.0, 0.0}, {0.0, 95.0}};
    EXPECT_THROW(sitecover::k_nearest_batch(index, points, 1, 1e9, 2), sitecover::ArgumentError);
    EXPECT_THROW(sitecover::nearest_batch(index, points, 1e9, 2), sitecover::ArgumentError);
    EXPECT_THROW(sitecover::within_batch(index, points, 1e3, 2), sitecover::ArgumentError);
}

TEST(BatchQuery, EmptyInputGivesEmptyResult) {
    const sitecover::SiteIndex index({sitecover::Site{"a", "", {0.0, 0.0}, "", "", ""}});
    const auto result = sitecover::k_nearest_batch(index, {}, 1, 1e9, 4);
    EXPECT_EQ(result.offset, std::vector<std::size_t>{0});
    EXPECT_TRUE(result.hits.empty());
}

}  // namespace
