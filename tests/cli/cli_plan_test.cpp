// CLI tests of `sitecover plan` on the real Gers data: what-if removals and additions, the
// suggested sites of each objective (crow-fly and by road) against the exhaustive optimum,
// the output tables, determinism across thread counts, and the errors of bad requests.

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"

namespace {

using sitecover::test::CliResult;
using sitecover::test::inspect_layer;
using sitecover::test::kDataDir;
using sitecover::test::parse_csv;
using sitecover::test::read_file;
using sitecover::test::run_cli;
using sitecover::test::TempDir;

const std::string kRoads = kDataDir + "/france/roads-major-travelmapping-2026-08.geojson";

CliResult plan(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"plan", "--data", kDataDir};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The before / after row of the summary, spaces squeezed: "cantons covered 17/17 16/17".
std::string summary_row(const std::string& out, const std::string& label) {
    const auto at = out.find("  " + label + " ");
    if (at == std::string::npos) return "";
    const std::string line = out.substr(at, out.find('\n', at) - at);
    std::string squeezed;
    for (const char c : line) {
        if (c == ' ' && (squeezed.empty() || squeezed.back() == ' ')) continue;
        squeezed += c;
    }
    return squeezed;
}

TEST(CliPlan, RemovingAuchGarrosLeavesAuch3Uncovered) {
    TempDir dir;
    const CliResult r = plan({"--remove", "1271", "-o", (dir / "origins.csv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_EQ(summary_row(r.out, "cantons covered"), "cantons covered 17/17 16/17") << r.out;
    EXPECT_TRUE(contains(r.out, "left uncovered by the change: Auch-3 (32006)\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "removed 1271 France services La Poste d'Auch - Garros")) << r.out;
    EXPECT_TRUE(contains(r.out, "origins whose nearest site changes: 14/462")) << r.out;
    const auto table = parse_csv(read_file(dir / "origins.csv"));
    ASSERT_EQ(table.rows.size(), 462u);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        if (table.at(i, "changed") != "1" && table.at(i, "changed") != "true") continue;
        ++changed;
        EXPECT_EQ(table.at(i, "site_before"), "1271");
        EXPECT_NE(table.at(i, "site_after"), "1271");
        EXPECT_GE(std::stod(table.at(i, "distance_after_m")),
                  std::stod(table.at(i, "distance_before_m")));
        if (table.at(i, "origin_code") == "32013") {
            EXPECT_EQ(table.at(i, "site_after"), "190");
        }
    }
    EXPECT_EQ(changed, 14u);
}

TEST(CliPlan, CoverAreasPutsANewSiteInTheUncoveredCanton) {
    // Without the constraint the best p-center site after closing Auch-Garros is elsewhere and
    // Auch-3 stays uncovered; with it, the new site goes inside Auch-3.
    const CliResult free = plan({"--remove", "1271", "--suggest", "1", "--objective", "p-center"});
    ASSERT_EQ(free.exit_code, 0) << free.report();
    EXPECT_EQ(summary_row(free.out, "cantons covered").substr(0, 22), "cantons covered 17/17 ")
        << free.out;
    EXPECT_TRUE(contains(free.out, "uncovered after: Auch-3 (32006)")) << free.out;
    const CliResult r =
        plan({"--remove", "1271", "--suggest", "1", "--objective", "p-center", "--cover-areas"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_EQ(summary_row(r.out, "cantons covered"), "cantons covered 17/17 17/17") << r.out;
    EXPECT_TRUE(contains(r.out, "--cover-areas: a new site in Auch-3 (32006)")) << r.out;
    EXPECT_TRUE(contains(r.out, "(Auch-3), nearest site of")) << r.out;
    EXPECT_TRUE(contains(r.out, "(gap 0)")) << r.out;
    // Two uncovered cantons cannot both get one new site.
    const CliResult two =
        plan({"--remove", "1271", "--remove", "190", "--suggest", "1", "--cover-areas"});
    EXPECT_EQ(two.exit_code, 2) << two.report();
    EXPECT_TRUE(contains(two.err,
                         "option '--cover-areas': 2 areas have no site, more than "
                         "--suggest 1"))
        << two.err;
}

TEST(CliPlan, AddedSitesTakeOverTheirCommunes) {
    const CliResult r = plan({"--add-commune", "32271", "--add", "Lupiac@0.18,43.68"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    // Monguilhem was the farthest commune (15.5 km); with a site of its own the worst drops.
    EXPECT_EQ(summary_row(r.out, "crow-fly distance: max").substr(0, 31),
              "crow-fly distance: max 15.5 km ")
        << r.out;
    EXPECT_FALSE(contains(summary_row(r.out, "crow-fly distance: max"), "15.5 km 15.5 km"));
    // The mean access index (2SFCA within 19 km, 1 per site) gains the two new sites over the
    // 192,649 inhabitants: sum_i P_i A_i is the number of sites with a demand.
    double before = 0.0, after = 0.0;
    const std::string access = summary_row(r.out, "mean access index (2SFCA)");
    ASSERT_EQ(std::sscanf(access.c_str(), "mean access index (2SFCA) %lf %lf", &before, &after), 2)
        << r.out;
    EXPECT_NEAR(after - before, 2 * 10000.0 / 192649.0, 0.0011) << access;
    EXPECT_TRUE(contains(r.out, "added added-1 Lupiac at (0.18, 43.68) (Fezensac)")) << r.out;
    EXPECT_TRUE(contains(r.out, "added added-2 Monguilhem (32271)")) << r.out;
    EXPECT_TRUE(contains(r.out, "origins whose nearest site changes: 21/462")) << r.out;
    EXPECT_TRUE(contains(r.out,
                         "added-2 Monguilhem (32271): nearest site of 10 origin(s), 3448 "
                         "inhabitants"))
        << r.out;
}

struct Expected {
    std::string objective;
    std::vector<std::string> extra;
    std::string site;    // the suggested-1 line, up to " at ("
    std::string figure;  // the "after" objective text
};

TEST(CliPlan, SingleBestSiteForEachObjectiveIsTheExhaustiveOptimum) {
    const std::vector<Expected> cases = {
        {"p-center", {}, "suggested-1: Monlezun-d'Armagnac (32274)", "max 13.8 km"},
        {"p-median", {}, "suggested-1: Auch (32013)", "weighted mean 4.3 km"},
        {"max-coverage",
         {"--within-km", "10"},
         "suggested-1: Lauraët (32203)",
         "181367 within 10.0 km (94.1 %"},
        {"p-center", {"--roads", kRoads}, "suggested-1: Fleurance (32132)", "max 17.0 min"},
        {"p-median", {"--roads", kRoads}, "suggested-1: Auch (32013)", "weighted mean 5.8 min"},
        {"max-coverage",
         {"--roads", kRoads, "--within-min", "15"},
         "suggested-1: Mormès (32291)",
         "191667 within 15 min (99.5 %"},
    };
    for (const Expected& c : cases) {
        std::vector<std::string> args{"--suggest", "1", "--objective", c.objective};
        args.insert(args.end(), c.extra.begin(), c.extra.end());
        const CliResult r = plan(args);
        SCOPED_TRACE(r.command);
        ASSERT_EQ(r.exit_code, 0) << r.report();
        EXPECT_TRUE(contains(r.out, c.site + " at (")) << r.out;
        EXPECT_TRUE(contains(r.out, "after 0 swap(s): " + c.figure)) << r.out;
        EXPECT_TRUE(contains(r.out, "exhaustive optimum over 462 candidate sets")) << r.out;
        EXPECT_TRUE(contains(r.out, "the heuristic reaches it (gap 0)")) << r.out;
    }
}

TEST(CliPlan, TwoSitesByRoadMatchTheExhaustiveOptimumAndTheTables) {
    TempDir dir;
    const CliResult r = plan({"--suggest", "2", "--objective", "p-center", "--roads", kRoads,
                              "--sites-output", (dir / "sites.gpkg").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_TRUE(contains(r.out, "exhaustive optimum over 106491 candidate sets")) << r.out;
    EXPECT_TRUE(contains(r.out, "max 16.3 min (weighted mean 5.9 min); the heuristic reaches it"))
        << r.out;
    EXPECT_EQ(summary_row(r.out, "travel time: max"), "travel time: max 18.4 min 16.3 min")
        << r.out;
    const auto layer = inspect_layer(dir / "sites.gpkg");
    ASSERT_TRUE(layer.opened) << layer.error;
    EXPECT_EQ(layer.geometry_type, "Point");
    ASSERT_EQ(layer.feature_count, 2);
    EXPECT_EQ(layer.features[0].values.at("site_name"), "Fleurance (32132)");
    EXPECT_EQ(layer.features[1].values.at("site_name"), "Mormès (32291)");
    EXPECT_EQ(layer.features[0].values.at("change"), "suggested");
    EXPECT_EQ(layer.features[0].values.at("communes"), "14");
}

TEST(CliPlan, RoadTableIsTheSameForAnyThreadCount) {
    TempDir dir;
    std::vector<std::string> outputs;
    for (const char* threads : {"1", "2"}) {
        const std::string path = (dir / (std::string("t") + threads + ".csv")).string();
        const CliResult r = plan({"--suggest", "3", "--objective", "p-median", "--roads", kRoads,
                                  "--threads", threads, "-o", path});
        ASSERT_EQ(r.exit_code, 0) << r.report();
        outputs.push_back(read_file(path));
    }
    EXPECT_FALSE(outputs[0].empty());
    EXPECT_EQ(outputs[0], outputs[1]);
}

TEST(CliPlan, SmallCandidateFileAgainstTheExhaustiveSearch) {
    TempDir dir;
    const auto candidates = dir.write("candidates.csv",
                                      "code,nom,lon,lat\n"
                                      "A,Nogaro,-0.03,43.76\n"
                                      "B,Mirande,0.40,43.51\n"
                                      "C,Lectoure,0.62,43.93\n"
                                      "D,Samatan,0.93,43.49\n"
                                      "E,Paris,2.35,48.85\n");
    for (const char* objective : {"p-center", "p-median", "max-coverage"}) {
        const CliResult r = plan({"--suggest", "2", "--objective", objective, "--candidates",
                                  candidates.string(), "--within-km", "8"});
        SCOPED_TRACE(r.command);
        ASSERT_EQ(r.exit_code, 0) << r.report();
        EXPECT_TRUE(contains(r.err, "1 candidate(s) outside every area left out")) << r.err;
        EXPECT_TRUE(contains(r.out, "4 candidates")) << r.out;
        EXPECT_TRUE(contains(r.out, "exhaustive optimum over 6 candidate sets")) << r.out;
        EXPECT_TRUE(contains(r.out, "(gap 0)")) << r.out;
    }
}

struct BadRequest {
    std::vector<std::string> args;
    std::string message;
};

TEST(CliPlan, BadRequestsSayWhatToFixAndWriteNothing) {
    TempDir dir;
    const auto two = dir.write("two.csv", "code,lon,lat\nA,0.5,43.6\nB,0.6,43.7\n");
    const std::vector<BadRequest> cases = {
        {{"--remove", "99999"}, "option '--remove': no site with id '99999' among the 2845 sites"},
        {{"--suggest", "3", "--candidates", two.string()},
         "option '--suggest': 3 new sites asked, but " + two.string() +
             " give only 2 candidate(s) inside the areas"},
        {{"--add", "Paris@2.35,48.85"},
         "the new site 'Paris' at (2.35, 48.85) lies outside every area of"},
        {{"--add", "Lupiac"}, "option '--add': 'Lupiac' is not NAME@LON,LAT"},
        {{"--add", "Lupiac@43.68"}, "option '--add': '43.68' is not LON,LAT in degrees"},
        {{"--add", "X@200,43"}, "option '--add': (200, 43) is out of range"},
        {{"--add-commune", "75056"}, "option '--add-commune': no origin with code '75056'"},
        {{"--suggest", "1", "--objective", "fastest"},
         "option '--objective': 'fastest' is not p-center, p-median, max-coverage or cover"},
        {{"--objective", "p-center", "--remove", "1271"}, "option '--objective' needs --suggest K"},
        {{"--within-min", "20", "--suggest", "1"}, "option '--within-min' needs --roads FILE"},
        {{}, "nothing to plan: give --add, --add-commune, --remove or --suggest K"},
    };
    for (const BadRequest& c : cases) {
        std::vector<std::string> args = c.args;
        args.insert(args.end(), {"-o", (dir / "out.csv").string()});
        const CliResult r = plan(args);
        SCOPED_TRACE(r.command);
        EXPECT_EQ(r.exit_code, 2) << r.report();
        EXPECT_TRUE(contains(r.err, "sitecover: error: " + c.message)) << r.err;
        EXPECT_FALSE(std::filesystem::exists(dir / "out.csv"));
    }
}

TEST(CliPlan, ReportDrawsTheScenarioOfAPlan) {
    TempDir dir;
    const std::string scenario = (dir / "plan.gpkg").string();
    const CliResult p = plan({"--remove", "1271", "--suggest", "2", "--objective", "p-center",
                              "--sites-output", scenario});
    ASSERT_EQ(p.exit_code, 0) << p.report();
    const CliResult r =
        run_cli({"report", "--data", kDataDir, "--scenario", scenario, "--map",
                 (dir / "plan.svg").string(), "--output", (dir / "plan-report.gpkg").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_TRUE(
        contains(r.out, "scenario " + scenario + ": 1 removed, 2 added, 2846 in the scenario"))
        << r.out;
    EXPECT_TRUE(
        contains(r.out, "Gers (32): 28 France Services as of 1 August 2024, 16/17 cantons covered"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "crow-fly distance: max 13.8 km")) << r.out;
    EXPECT_TRUE(contains(read_file(dir / "plan.svg"), "<svg"));
    const auto sites = inspect_layer(dir / "plan-report.gpkg", "sites");
    ASSERT_TRUE(sites.opened) << sites.error;
    std::size_t suggested = 0;
    for (const auto& f : sites.features) {
        for (const auto& [field, value] : f.values) suggested += value == "suggested" ? 1 : 0;
    }
    EXPECT_EQ(suggested, 2u);

    const auto bad = dir.write("bad.csv", "site_id,site_name,change,lon,lat\nX,Y,moved,0.5,43.6\n");
    const CliResult e = run_cli({"report", "--data", kDataDir, "--scenario", bad.string(), "--map",
                                 (dir / "bad.png").string()});
    EXPECT_EQ(e.exit_code, 3) << e.report();
    EXPECT_TRUE(contains(e.err,
                         "row 1 (site_id 'X'), field 'change': 'moved' is not added, "
                         "suggested or removed"))
        << e.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "bad.png"));
}

TEST(CliPlan, TableOnStdoutSendsTheSummaryToStderr) {
    const CliResult r = plan({"--remove", "1271", "-o", "-"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto table = parse_csv(r.out);
    EXPECT_EQ(table.rows.size(), 462u);
    EXPECT_EQ(table.header.front(), "origin_code");
    EXPECT_TRUE(contains(r.err, "left uncovered by the change: Auch-3 (32006)")) << r.err;
}

TEST(CliPlan, HelpListsTheObjectives) {
    const CliResult r = run_cli({"plan", "--help"});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    for (const char* part : {"--suggest K", "p-center", "p-median", "max-coverage", "--add",
                             "--remove", "--candidates", "--roads"}) {
        EXPECT_TRUE(contains(r.out, part)) << part;
    }
}

}  // namespace
