// SiteIndex: property tests against the brute-force oracle (reference::nearest, k_nearest,
// within) over awkward site layouts, plus edge cases, errors and concurrent use.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/error.hpp"
#include "sitecover/fast_geodesic.hpp"
#include "sitecover/geodesic.hpp"
#include "sitecover/reference.hpp"
#include "sitecover/site.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

Site make_site(std::string id, LonLat position) {
    Site s;
    s.id = std::move(id);
    s.name = "site " + s.id;
    s.position = position;
    return s;
}

// Sites named "1", "2", ... in input order.
std::vector<Site> numbered_sites(const std::vector<LonLat>& positions) {
    std::vector<Site> sites;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        sites.push_back(make_site(std::to_string(i + 1), positions[i]));
    }
    return sites;
}

LonLat uniform_point(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> lon(-180.0, 180.0);
    std::uniform_real_distribution<double> z(-1.0, 1.0);
    return {lon(rng), std::asin(z(rng)) * 180.0 / kPi};
}

LonLat clamped(double lon_deg, double lat_deg) {
    return {std::clamp(lon_deg, -180.0, 180.0), std::clamp(lat_deg, -90.0, 90.0)};
}

// prefix followed by n ("S" + std::to_string(n) trips a GCC 12 -Wrestrict false positive).
std::string prefixed(std::string prefix, long long n) {
    prefix += std::to_string(n);
    return prefix;
}

std::string describe(const LonLat& p) {
    std::ostringstream out;
    out.precision(17);
    out << "(" << p.lon_deg << ", " << p.lat_deg << ")";
    return out.str();
}

std::vector<std::size_t> site_indices(const std::vector<Neighbour>& ns) {
    std::vector<std::size_t> out;
    for (const auto& n : ns) out.push_back(n.site);
    return out;
}

// The index ranks by Karney's distances as the oracle does, and applies the same tie rule, so
// the sites must be identical. Its distances are Karney's or the chord formula's (within
// kShortGeodesicErrorM), and round to the same millimetre either way.
void expect_same(const std::vector<Neighbour>& got, const std::vector<Neighbour>& want,
                 const char* what) {
    ASSERT_EQ(site_indices(got), site_indices(want)) << what;
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_NEAR(got[i].distance_m, want[i].distance_m,
                    kShortGeodesicErrorM + 1e-9 * want[i].distance_m)
            << what << " rank " << i;
        EXPECT_EQ(std::round(got[i].distance_m * 1000.0), std::round(want[i].distance_m * 1000.0))
            << what << " rank " << i << ": " << got[i].distance_m << " vs " << want[i].distance_m;
    }
}

void expect_same(const std::optional<Neighbour>& got, const std::optional<Neighbour>& want,
                 const char* what) {
    ASSERT_EQ(got.has_value(), want.has_value()) << what;
    if (got) expect_same(std::vector{*got}, std::vector{*want}, what);
}

struct Scenario {
    Scenario(std::string name_, std::uint64_t seed_) : name(std::move(name_)), seed(seed_) {}

    std::string name;
    std::uint64_t seed = 0;
    std::vector<Site> sites;
    std::vector<LonLat> queries;
    std::size_t k = 5;
};

struct Outcome {
    std::size_t nearest_ties = 0;  // queries whose nearest distance is shared by several sites
    std::size_t max_ball = 0;      // the largest within() answer
};

// Runs every query of the scenario through the index and the oracle.
Outcome check_against_reference(const Scenario& s, DistanceMethod method);

// Both distance methods, fast and Karney, must give the oracle's answers.
Outcome check_against_reference(const Scenario& s) {
    Outcome outcome;
    for (const DistanceMethod method : {DistanceMethod::Fast, DistanceMethod::Karney}) {
        outcome = check_against_reference(s, method);
    }
    return outcome;
}

Outcome check_against_reference(const Scenario& s, DistanceMethod method) {
    SCOPED_TRACE("scenario=" + s.name + " seed=" + std::to_string(s.seed) +
                 (method == DistanceMethod::Fast ? " fast" : " karney"));
    const SiteIndex index(s.sites, {method});
    Outcome outcome;
    for (std::size_t qi = 0; qi < s.queries.size(); ++qi) {
        const LonLat& q = s.queries[qi];
        SCOPED_TRACE("query #" + std::to_string(qi) + " " + describe(q));

        const auto want_nearest = reference::nearest(s.sites, q);
        expect_same(index.nearest(q), want_nearest, "nearest");

        const auto want_k = reference::k_nearest(s.sites, q, s.k);
        expect_same(index.k_nearest(q, s.k), want_k, "k_nearest");
        if (want_k.size() >= 2 && want_k[0].distance_m == want_k[1].distance_m) {
            ++outcome.nearest_ties;
        }

        // A radius exactly at the k-th distance: the boundary is inclusive, ties included.
        const double radius_m = want_k.empty() ? 0.0 : want_k.back().distance_m;
        const auto want_within = reference::within(s.sites, q, radius_m);
        expect_same(index.within(q, radius_m), want_within, "within");
        outcome.max_ball = std::max(outcome.max_ball, want_within.size());

        // A cap exactly at the nearest distance keeps it; one ulp below drops everything.
        if (want_nearest && qi % 4 == 0) {
            const double d_m = want_nearest->distance_m;
            expect_same(index.nearest(q, d_m), want_nearest, "nearest capped at its distance");
            const double below_m = std::nextafter(d_m, 0.0);
            if (d_m > 0.0) {
                EXPECT_FALSE(index.nearest(q, below_m).has_value()) << "cap " << below_m;
                EXPECT_FALSE(reference::nearest(s.sites, q, below_m).has_value());
            }
        }
        if (::testing::Test::HasFatalFailure()) break;  // one readable failure, not hundreds
    }
    return outcome;
}

// --- property tests -----------------------------------------------------------------------------

TEST(SiteIndexProperty, UniformOverTheGlobe) {
    Scenario s{"uniform", 0x5EED0001};
    std::mt19937_64 rng(s.seed);
    std::vector<LonLat> positions;
    for (int i = 0; i < 400; ++i) positions.push_back(uniform_point(rng));
    s.sites = numbered_sites(positions);
    for (int i = 0; i < 120; ++i) s.queries.push_back(uniform_point(rng));
    check_against_reference(s);
}

TEST(SiteIndexProperty, Clustered) {
    // Dense towns far apart: the exactness ball is tight and the tree is lopsided.
    Scenario s{"clustered", 0x5EED0002};
    s.k = 8;
    std::mt19937_64 rng(s.seed);
    std::normal_distribution<double> spread(0.0, 0.05);  // ~5 km
    std::vector<LonLat> centres;
    for (int c = 0; c < 8; ++c) centres.push_back(uniform_point(rng));
    std::vector<LonLat> positions;
    for (const auto& c : centres) {
        for (int i = 0; i < 50; ++i) {
            positions.push_back(clamped(c.lon_deg + spread(rng), c.lat_deg + spread(rng)));
        }
    }
    s.sites = numbered_sites(positions);
    std::uniform_int_distribution<std::size_t> pick(0, centres.size() - 1);
    for (int i = 0; i < 120; ++i) {
        if (i % 4 == 3) {
            s.queries.push_back(uniform_point(rng));
        } else {
            const LonLat& c = centres[pick(rng)];
            s.queries.push_back(clamped(c.lon_deg + 3 * spread(rng), c.lat_deg + 3 * spread(rng)));
        }
    }
    check_against_reference(s);
}

TEST(SiteIndexProperty, RegularGridWithExactTies) {
    // Sites every 0.5 degree over a France-sized box, ids in scrambled order; queries at cell
    // centres and edge midpoints (equidistant from 4 or 2 sites) and on sites.
    Scenario s{"grid", 0x5EED0003};
    std::mt19937_64 rng(s.seed);
    std::vector<LonLat> positions;
    for (int i = 0; i <= 30; ++i) {
        for (int j = 0; j <= 20; ++j) positions.push_back({-5.0 + 0.5 * i, 41.0 + 0.5 * j});
    }
    std::vector<std::size_t> order(positions.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i + 1;
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t i = 0; i < positions.size(); ++i) {
        s.sites.push_back(make_site(std::to_string(order[i]), positions[i]));
    }
    std::uniform_int_distribution<int> cell_i(0, 29), cell_j(0, 19), kind(0, 3);
    for (int n = 0; n < 120; ++n) {
        const double lon = -5.0 + 0.5 * cell_i(rng);
        const double lat = 41.0 + 0.5 * cell_j(rng);
        switch (kind(rng)) {
            case 0:
                s.queries.push_back({lon + 0.25, lat + 0.25});
                break;
            case 1:
                s.queries.push_back({lon + 0.25, lat});
                break;
            case 2:
                s.queries.push_back({lon, lat + 0.25});
                break;
            default:
                s.queries.push_back({lon, lat});
                break;
        }
    }
    const Outcome outcome = check_against_reference(s);
    EXPECT_GT(outcome.nearest_ties, 20u) << "the grid should produce many exact ties";
}

TEST(SiteIndexProperty, EquatorSymmetricTies) {
    // On the equator, sites mirrored in latitude or longitude about the query are exactly
    // equidistant (Karney's method is symmetric there), so ties are everywhere.
    Scenario s{"equator", 0x5EED0004};
    s.k = 6;
    std::vector<LonLat> positions;
    for (int lon = -10; lon <= 10; ++lon) {
        for (int lat = -1; lat <= 1; ++lat) positions.push_back({double(lon), double(lat)});
    }
    // Ids that mix numeric and non-numeric forms so the tie-break order is exercised.
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const std::string id =
            i % 3 == 0 ? prefixed("E", static_cast<long long>(i)) : std::to_string(1000 - i);
        s.sites.push_back(make_site(id, positions[i]));
    }
    for (int h = -19; h <= 19; ++h) s.queries.push_back({0.5 * h, 0.0});
    const Outcome outcome = check_against_reference(s);
    EXPECT_GE(outcome.nearest_ties, 15u);  // every query midway between two sites
}

TEST(SiteIndexProperty, DuplicateSitesBreakTiesById) {
    // The same position under several ids (as happens with co-located services).
    Scenario s{"duplicates", 0x5EED0005};
    s.k = 6;
    std::mt19937_64 rng(s.seed);
    std::uniform_real_distribution<double> lon(-5.0, 9.0), lat(42.0, 51.0);
    std::uniform_int_distribution<int> copies(1, 4), id_kind(0, 2), id_num(0, 999);
    std::vector<LonLat> distinct;
    for (int i = 0; i < 120; ++i) {
        const LonLat p{lon(rng), lat(rng)};
        distinct.push_back(p);
        for (int c = copies(rng); c > 0; --c) {
            const int n = id_num(rng);
            const int kind = id_kind(rng);
            // Numeric, zero-padded numeric and alphanumeric ids; a few repeat exactly, leaving
            // the input position as the last tie-break.
            const std::string id = kind == 0   ? std::to_string(n % 50)
                                   : kind == 1 ? prefixed("00", n)
                                               : prefixed("S", n % 50);
            s.sites.push_back(make_site(id, p));
        }
    }
    std::shuffle(s.sites.begin(), s.sites.end(), rng);
    for (int i = 0; i < 40; ++i) s.queries.push_back(distinct[static_cast<std::size_t>(i)]);
    for (int i = 0; i < 80; ++i) s.queries.push_back({lon(rng), lat(rng)});
    const Outcome outcome = check_against_reference(s);
    EXPECT_GE(outcome.nearest_ties, 20u);
}

TEST(SiteIndexProperty, NearThePoles) {
    // Longitude is degenerate at the poles: several sites sit exactly on them under different
    // longitudes, and queries approach them.
    Scenario s{"polar", 0x5EED0006};
    std::mt19937_64 rng(s.seed);
    std::uniform_real_distribution<double> lon(-180.0, 180.0), colat(0.0, 10.0);
    std::vector<LonLat> positions;
    for (int i = 0; i < 300; ++i) {
        const double lat = 90.0 - colat(rng) * colat(rng) / 10.0;  // denser towards the pole
        positions.push_back({lon(rng), i % 2 == 0 ? lat : -lat});
    }
    for (int i = 0; i < 4; ++i) {
        positions.push_back({lon(rng), 90.0});
        positions.push_back({lon(rng), -90.0});
    }
    s.sites = numbered_sites(positions);
    for (int i = 0; i < 100; ++i) {
        const double lat = 90.0 - 1.5 * colat(rng);
        s.queries.push_back({lon(rng), i % 2 == 0 ? lat : -lat});
    }
    for (double q_lon : {-180.0, 0.0, 45.0, 180.0}) {
        s.queries.push_back({q_lon, 90.0});
        s.queries.push_back({q_lon, -90.0});
    }
    check_against_reference(s);
}

TEST(SiteIndexProperty, AcrossTheAntimeridian) {
    // Sites and queries on both sides of lon +-180, including both spellings of the same point.
    Scenario s{"antimeridian", 0x5EED0007};
    std::mt19937_64 rng(s.seed);
    std::uniform_real_distribution<double> offset(0.0, 6.0), lat(-40.0, 40.0);
    std::vector<LonLat> positions;
    for (int i = 0; i < 300; ++i) {
        const double o = offset(rng);
        positions.push_back({i % 2 == 0 ? 180.0 - o : -180.0 + o, lat(rng)});
    }
    for (int i = 0; i < 10; ++i) {
        const double l = lat(rng);
        positions.push_back({180.0, l});
        positions.push_back({-180.0, l});
    }
    s.sites = numbered_sites(positions);
    for (int i = 0; i < 100; ++i) {
        const double o = offset(rng) / 3.0;
        const double q_lon = i % 3 == 0 ? 180.0 : (i % 3 == 1 ? 180.0 - o : -180.0 + o);
        s.queries.push_back({i % 6 == 0 ? -q_lon : q_lon, lat(rng)});
    }
    check_against_reference(s);
}

TEST(SiteIndexProperty, KNearestForEveryRangeOfK) {
    // Small k goes through the tree, large k ranks every site: both must match the oracle.
    constexpr std::uint64_t kSeed = 0x5EED0009;
    SCOPED_TRACE("seed=" + std::to_string(kSeed));
    std::mt19937_64 rng(kSeed);
    std::vector<LonLat> positions;
    for (int i = 0; i < 200; ++i) positions.push_back(uniform_point(rng));
    const auto sites = numbered_sites(positions);
    const SiteIndex index(sites);
    for (int qi = 0; qi < 10; ++qi) {
        const LonLat q = uniform_point(rng);
        SCOPED_TRACE("query " + describe(q));
        for (std::size_t k : {1, 2, 10, 49, 50, 51, 100, 199, 200, 250}) {
            SCOPED_TRACE("k=" + std::to_string(k));
            expect_same(index.k_nearest(q, k), reference::k_nearest(sites, q, k), "k_nearest");
        }
    }
}

// --- exactness ----------------------------------------------------------------------------------

TEST(SiteIndex, FindsTheGeodesicNearestWhenTheChordNearestDiffers) {
    // Found by search: from q, site b is nearer by chord yet 10 m farther along the ellipsoid.
    // An index that trusted the chord order alone would answer b.
    const LonLat q{0.0, 0.0};
    const LonLat a{8.2794217439417093, -3.5212533552129508};  // geodesic 1000000 m
    const LonLat b{1.1037655905881778, -8.9750853035939571};  // geodesic 1000010 m
    const auto chord_m = [&q](const LonLat& p) {
        const Ecef e = to_ecef(p), f = to_ecef(q);
        return std::hypot(e.x_m - f.x_m, e.y_m - f.y_m, e.z_m - f.z_m);
    };
    ASSERT_LT(chord_m(b), chord_m(a));
    ASSERT_LT(geodesic_distance_m(q, a), geodesic_distance_m(q, b));

    const SiteIndex index({make_site("b", b), make_site("a", a)});
    const auto n = index.nearest(q);
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(n->site, 1u);
    EXPECT_NEAR(n->distance_m, 1000000.0, 1e-3);
    EXPECT_EQ(site_indices(index.k_nearest(q, 1)), std::vector<std::size_t>{1});
    EXPECT_EQ(site_indices(index.k_nearest(q, 2)), (std::vector<std::size_t>{1, 0}));
}

// --- edge cases ---------------------------------------------------------------------------------

// Coordinates exactly representable in binary, so that mirrored distances tie exactly.
std::vector<Site> small_sites() {
    return {make_site("10", {1.0, 44.0}), make_site("9", {1.0, 44.0}), make_site("A", {1.5, 44.0}),
            make_site("7", {3.0, 45.0}), make_site("A", {1.5, 44.0})};
}

TEST(SiteIndex, SitesKeepsInputOrder) {
    const auto sites = small_sites();
    const SiteIndex index(sites);
    ASSERT_EQ(index.sites().size(), sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) EXPECT_EQ(index.sites()[i].id, sites[i].id);
}

TEST(SiteIndex, EmptyIndexAnswersNothing) {
    const SiteIndex index(std::vector<Site>{});
    EXPECT_TRUE(index.sites().empty());
    EXPECT_FALSE(index.nearest({0.0, 0.0}).has_value());
    EXPECT_TRUE(index.k_nearest({0.0, 0.0}, 3).empty());
    EXPECT_TRUE(index.within({0.0, 0.0}, kInf).empty());
}

TEST(SiteIndex, TiesBreakByIdThenInputPosition) {
    const SiteIndex index(small_sites());
    // "9" and "10" share a position: numeric order puts "9" first.
    const auto n = index.nearest({1.0, 44.0});
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(n->site, 1u);
    EXPECT_EQ(n->distance_m, 0.0);
    // Two sites both called "A" at one position: input position decides.
    EXPECT_EQ(site_indices(index.within({1.5, 44.0}, 0.0)), (std::vector<std::size_t>{2, 4}));
}

TEST(SiteIndex, KNearestEdgeCases) {
    const auto sites = small_sites();
    const SiteIndex index(sites);
    const LonLat q{1.25, 44.0};  // midway between the two pairs
    EXPECT_TRUE(index.k_nearest(q, 0).empty());
    const auto all = index.k_nearest(q, 100);  // k larger than the site count
    ASSERT_EQ(all.size(), sites.size());
    expect_same(all, reference::k_nearest(sites, q, 100), "k > n");
    // Equidistant pairs in documented order: "9" before "10", then the two "A" by position.
    EXPECT_EQ(site_indices(all), (std::vector<std::size_t>{1, 0, 2, 4, 3}));
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end(), [](const auto& x, const auto& y) {
        return x.distance_m < y.distance_m;
    }));
}

TEST(SiteIndex, WithinRadiusZeroOnASiteReturnsOnlyThatPosition) {
    const SiteIndex index(small_sites());
    const auto hits = index.within({1.0, 44.0}, 0.0);
    EXPECT_EQ(site_indices(hits), (std::vector<std::size_t>{1, 0}));
    for (const auto& h : hits) EXPECT_EQ(h.distance_m, 0.0);
    EXPECT_TRUE(index.within({1.0, 44.0001}, 0.0).empty());
}

TEST(SiteIndex, WithinInfiniteRadiusReturnsEverySite) {
    const auto sites = small_sites();
    const SiteIndex index(sites);
    const LonLat q{-120.0, -30.0};  // far from all of them
    expect_same(index.within(q, kInf), reference::k_nearest(sites, q, sites.size()), "within inf");
}

TEST(SiteIndex, NearestMaxDistanceCutoff) {
    const SiteIndex index(small_sites());
    const LonLat q{3.0, 45.01};  // ~1.1 km north of site "7"
    const auto free = index.nearest(q);
    ASSERT_TRUE(free.has_value());
    EXPECT_EQ(free->site, 3u);
    // The cap is decided on Karney's distance, even where the index's own is the chord
    // formula's (within 1 um): at the cap, the answer carries Karney's distance.
    const double d_m = geodesic_distance_m(q, small_sites()[3].position);
    EXPECT_NEAR(free->distance_m, d_m, kShortGeodesicErrorM);
    EXPECT_NEAR(d_m, 1111.0, 5.0);
    EXPECT_EQ(index.nearest(q, d_m), (Neighbour{3, d_m}));  // inclusive
    EXPECT_EQ(index.nearest(q, 2000.0), free);
    EXPECT_FALSE(index.nearest(q, std::nextafter(d_m, 0.0)).has_value());
    EXPECT_FALSE(index.nearest(q, 0.0).has_value());
    EXPECT_FALSE(index.nearest(q, 1.0).has_value());
    // On a site, a zero cap still finds it.
    ASSERT_TRUE(index.nearest({3.0, 45.0}, 0.0).has_value());
    EXPECT_EQ(index.nearest({3.0, 45.0}, 0.0)->site, 3u);
}

TEST(SiteIndex, RejectsInvalidArguments) {
    const SiteIndex index(small_sites());
    const SiteIndex empty(std::vector<Site>{});
    for (const LonLat bad : {LonLat{kNan, 44.0}, LonLat{1.0, kNan}, LonLat{kInf, 0.0},
                             LonLat{0.0, 90.5}, LonLat{-180.5, 0.0}}) {
        SCOPED_TRACE(describe(bad));
        EXPECT_THROW(index.nearest(bad), ArgumentError);
        EXPECT_THROW(index.k_nearest(bad, 3), ArgumentError);
        EXPECT_THROW(index.within(bad, 100.0), ArgumentError);
        EXPECT_THROW(empty.nearest(bad), ArgumentError);
        EXPECT_THROW(reference::nearest(small_sites(), bad), ArgumentError);
    }
    const LonLat ok{1.0, 44.0};
    EXPECT_THROW(index.nearest(ok, -1.0), ArgumentError);
    EXPECT_THROW(index.nearest(ok, kNan), ArgumentError);
    EXPECT_THROW(index.within(ok, -0.5), ArgumentError);
    EXPECT_THROW(index.within(ok, kNan), ArgumentError);
    EXPECT_THROW(reference::within(small_sites(), ok, kNan), ArgumentError);
    // The message says what was wrong.
    try {
        index.within(ok, -0.5);
        FAIL() << "expected ArgumentError";
    } catch (const ArgumentError& e) {
        EXPECT_NE(std::string(e.what()).find("radius_m"), std::string::npos) << e.what();
    }
}

TEST(SiteIndex, ConstructorNamesTheSiteWithAnInvalidPosition) {
    auto sites = small_sites();
    sites.push_back(make_site("bad-site-42", {200.0, 44.0}));
    try {
        const SiteIndex index(sites);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("bad-site-42"), std::string::npos) << e.what();
    }
    sites.back().position = {1.0, kNan};
    EXPECT_THROW(SiteIndex{sites}, InputError);
}

TEST(SiteIndex, MovedIndexKeepsAnswering) {
    SiteIndex first(small_sites());
    const auto before = first.k_nearest({1.0, 44.0}, 3);
    SiteIndex second(std::move(first));
    EXPECT_EQ(second.k_nearest({1.0, 44.0}, 3), before);
    SiteIndex third(std::vector<Site>{});
    third = std::move(second);
    EXPECT_EQ(third.k_nearest({1.0, 44.0}, 3), before);
    EXPECT_EQ(third.sites().size(), small_sites().size());
}

// --- concurrency --------------------------------------------------------------------------------

TEST(SiteIndex, ConcurrentQueriesMatchSequentialAnswers) {
    constexpr std::uint64_t kSeed = 0x5EED0008;
    SCOPED_TRACE("seed=" + std::to_string(kSeed));
    std::mt19937_64 rng(kSeed);
    std::vector<LonLat> positions;
    for (int i = 0; i < 2000; ++i) positions.push_back(uniform_point(rng));
    std::vector<LonLat> queries;
    for (int i = 0; i < 300; ++i) queries.push_back(uniform_point(rng));
    const SiteIndex index(numbered_sites(positions));

    struct Answers {
        std::vector<std::optional<Neighbour>> nearest;
        std::vector<std::vector<Neighbour>> k_nearest;
        std::vector<std::vector<Neighbour>> within;
        bool operator==(const Answers&) const = default;
    };
    const auto run = [&index, &queries] {
        Answers a;
        for (const auto& q : queries) {
            a.nearest.push_back(index.nearest(q, 800e3));
            a.k_nearest.push_back(index.k_nearest(q, 4));
            a.within.push_back(index.within(q, 600e3));
        }
        return a;
    };
    const Answers sequential = run();
    std::vector<Answers> parallel(4);
    std::vector<std::thread> threads;
    for (auto& slot : parallel) threads.emplace_back([&slot, &run] { slot = run(); });
    for (auto& t : threads) t.join();
    for (std::size_t t = 0; t < parallel.size(); ++t) {
        EXPECT_TRUE(parallel[t] == sequential) << "thread " << t;
    }
}

}  // namespace
}  // namespace sitecover
