// The library calls behind `sitecover plan` and the site filters, on small hand-made cases:
// filter_sites, apply_what_if, apply_site_changes, evaluate_scenario / scenario_figures,
// suggest_new_sites, and the fields their errors name.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/coverage_index.hpp"
#include "sitecover/error.hpp"
#include "sitecover/scenario.hpp"
#include "sitecover/site_filter.hpp"
#include "sitecover/site_suggestion.hpp"

namespace {

using namespace sitecover;

Site site(const std::string& id, double lon, double lat, const std::string& kind = "Principal",
          const std::string& labelled_on = "") {
    Site s;
    s.id = id;
    s.name = "site " + id;
    s.position = {lon, lat};
    s.kind = kind;
    s.labelled_on = labelled_on;
    return s;
}

// Two 1 x 1 degree squares side by side: west [0, 1] and east [1, 2], latitudes [40, 41].
CoverageIndex two_squares() {
    const auto square = [](const std::string& code, double lon0) {
        return Area{
            code, code, {Polygon{{{lon0, 40}, {lon0 + 1, 40}, {lon0 + 1, 41}, {lon0, 41}}, {}}}};
    };
    return CoverageIndex({square("W", 0.0), square("E", 1.0)});
}

TEST(SiteFilter, KeepsTypesCaseInsensitivelyAndDatesOnOrBefore) {
    const std::vector<Site> sites = {site("1", 0.5, 40.5, "Principal", "2020-01-01"),
                                     site("2", 0.5, 40.5, "Antenne", "2023-06-01"),
                                     site("3", 0.5, 40.5, "Principal", ""),
                                     site("4", 0.5, 40.5, "Bus", "2019-01-01")};
    SiteFilter filter;
    filter.types = {"principal", "ANTENNE"};
    filter.as_of_iso = "2022-12-31";
    const FilteredSites kept = filter_sites(sites, filter);
    ASSERT_EQ(kept.sites.size(), 1u);
    EXPECT_EQ(kept.sites[0].id, "1");
    EXPECT_EQ(kept.read, 4u);
    EXPECT_EQ(kept.undated, 1u);  // site 3; site 2 is dated after, site 4 of another type
    EXPECT_EQ(filter_sites(sites, {}).sites.size(), 4u);
}

TEST(SiteFilter, ErrorsNameTheFieldAndListTheTypesPresent) {
    const std::vector<Site> sites = {site("1", 0.5, 40.5, "Principal"), site("2", 0.5, 40.5, "")};
    SiteFilter filter;
    filter.types = {"Principal", "Foo"};
    try {
        filter_sites(sites, filter);
        FAIL() << "no error";
    } catch (const UnknownSiteTypeError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "site_types: no site of type 'Foo' (types present: (empty), Principal)");
        EXPECT_EQ(e.field(), "site_types");
        EXPECT_EQ(e.kind(), ErrorKind::Argument);
        EXPECT_EQ(e.unmatched(), std::vector<std::string>{"Foo"});
        EXPECT_EQ(e.present(), (std::vector<std::string>{"", "Principal"}));
    }
    SiteFilter bad_date;
    bad_date.as_of_iso = "2023-02-29";
    EXPECT_THROW(filter_sites(sites, bad_date), ArgumentError);
    EXPECT_TRUE(is_iso_date("2024-02-29"));
    EXPECT_FALSE(is_iso_date("2023-02-29"));
    EXPECT_FALSE(is_iso_date("2023-1-01"));
}

TEST(SiteChangeKind, RoundTripsThroughItsName) {
    for (const SiteChangeKind k :
         {SiteChangeKind::Added, SiteChangeKind::Removed, SiteChangeKind::Suggested}) {
        EXPECT_EQ(parse_site_change_kind(to_string(k)), k);
    }
    EXPECT_EQ(to_string(SiteChangeKind::Removed), "removed");
    EXPECT_FALSE(parse_site_change_kind("moved"));
}

TEST(WhatIf, RemovesThenAddsAndNamesTheFieldOfABadEntry) {
    const CoverageIndex areas = two_squares();
    const std::vector<Site> sites = {site("1", 0.5, 40.5), site("2", 1.5, 40.5)};
    WhatIfRequest request;
    request.remove_ids = {"2"};
    request.add = {site("", 1.2, 40.2)};
    const WhatIf w = apply_what_if(sites, request, areas);
    ASSERT_EQ(w.after.size(), 2u);
    EXPECT_EQ(w.after[1].id, "added-1");
    EXPECT_EQ(w.after[1].kind, "added");
    ASSERT_EQ(w.changes.size(), 2u);
    EXPECT_EQ(w.changes[0].change, SiteChangeKind::Removed);
    EXPECT_EQ(w.changes[1].change, SiteChangeKind::Added);

    request.remove_ids = {"9"};
    try {
        apply_what_if(sites, request, areas);
        FAIL() << "no error";
    } catch (const RequestFieldError& e) {
        EXPECT_EQ(e.field(), "remove");
        EXPECT_EQ(e.index(), 0u);
        EXPECT_EQ(std::string(e.what()), "remove[0]: no site with id '9' among the 2 sites");
    }
    request.remove_ids.clear();
    request.add = {site("", 1.2, 40.2), site("", 5.0, 45.0)};
    try {
        apply_what_if(sites, request, areas);
        FAIL() << "no error";
    } catch (const RequestFieldError& e) {
        EXPECT_EQ(e.field(), "add");
        EXPECT_EQ(e.index(), 1u);
    }
}

TEST(WhatIf, SiteChangesApplyAllOrNothing) {
    std::vector<Site> sites = {site("1", 0.5, 40.5), site("2", 1.5, 40.5)};
    const std::vector<SiteChange> good = {{site("1", 0.5, 40.5), SiteChangeKind::Removed},
                                          {site("s", 1.1, 40.1), SiteChangeKind::Suggested}};
    const ChangesApplied applied = apply_site_changes(sites, good);
    EXPECT_EQ(applied.removed, 1u);
    EXPECT_EQ(applied.added, 1u);
    ASSERT_EQ(sites.size(), 2u);
    EXPECT_EQ(sites[1].id, "s");
    const std::vector<Site> before = sites;
    const std::vector<SiteChange> bad = {{site("2", 1.5, 40.5), SiteChangeKind::Removed},
                                         {site("2", 1.5, 40.5), SiteChangeKind::Removed}};
    EXPECT_THROW(apply_site_changes(sites, bad), RequestFieldError);
    EXPECT_EQ(sites.size(), before.size());  // unchanged after the error
}

TEST(Scenario, EvaluatesNearestSitesCoverageAndWeightedFigures) {
    const CoverageIndex areas = two_squares();
    ScenarioWorld world;
    world.areas = &areas;
    world.origins = {{0.4, 40.5}, {1.6, 40.5}};
    world.weights = {3.0, 1.0};
    const std::vector<Site> sites = {site("1", 0.5, 40.5)};
    const ScenarioOutcome outcome = evaluate_scenario(world, sites);
    ASSERT_EQ(outcome.origins.size(), 2u);
    EXPECT_EQ(outcome.origins[1].site, 0u);
    ASSERT_EQ(outcome.coverage.size(), 2u);
    EXPECT_TRUE(outcome.coverage[0].covered());
    EXPECT_FALSE(outcome.coverage[1].covered());
    const ScenarioFigures f = scenario_figures(world, outcome, 20000.0, 1800.0);
    EXPECT_EQ(f.covered, 1u);
    EXPECT_EQ(f.uncovered, std::vector<std::size_t>{1});
    EXPECT_DOUBLE_EQ(f.total_weight, 4.0);
    EXPECT_DOUBLE_EQ(f.weight_within_m, 3.0);  // the east origin is ~90 km away
    EXPECT_NEAR(f.weighted_mean_m,
                (3.0 * outcome.origins[0].distance_m + outcome.origins[1].distance_m) / 4.0, 1e-6);
    world.weights = {1.0};
    EXPECT_THROW(evaluate_scenario(world, sites), ArgumentError);
}

TEST(Suggestion, PicksTheCandidateServingTheHeavyOriginAndCountsIt) {
    const CoverageIndex areas = two_squares();
    ScenarioWorld world;
    world.areas = &areas;
    world.origins = {{0.4, 40.5}, {1.6, 40.5}, {1.7, 40.6}};
    world.weights = {1.0, 5.0, 2.0};
    const std::vector<Site> sites = {site("1", 0.5, 40.5)};
    const std::vector<SiteCandidate> candidates = {
        {"b", "", {1.65, 40.55}}, {"a", "Near", {0.45, 40.5}}, {"out", "", {9.0, 9.0}}};
    EXPECT_EQ(candidates_inside(areas, candidates), (std::vector<std::size_t>{1, 0}));
    SuggestRequest request;
    request.k = 1;
    const Suggestion s = suggest_new_sites(world, sites, candidates, request);
    EXPECT_EQ(s.candidate_count, 2u);
    EXPECT_EQ(s.candidates_outside, 1u);
    ASSERT_EQ(s.changes.size(), 1u);
    EXPECT_EQ(s.changes[0].site.id, "suggested-1");
    EXPECT_EQ(s.changes[0].site.name, "b");
    EXPECT_EQ(s.changes[0].change, SiteChangeKind::Suggested);
    EXPECT_EQ(s.changes[0].origins, 2u);
    EXPECT_DOUBLE_EQ(s.changes[0].population, 7.0);
    ASSERT_TRUE(s.exact);  // k <= 2, two candidates
    request.k = 3;
    try {
        suggest_new_sites(world, sites, candidates, request);
        FAIL() << "no error";
    } catch (const RequestFieldError& e) {
        EXPECT_EQ(e.field(), "k");
    }
}

}  // namespace
