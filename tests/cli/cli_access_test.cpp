// CLI tests of `sitecover access` on the real Gers data: every commune's access_index equals an
// independent brute-force implementation of 2SFCA (19 km) and E2SFCA (step decay to 30 km) on
// exact geodesics, the printed Gini equals the definition's to 0.001; by road, the printed
// 20- and 30-minute shares equal those of `nearest --roads`; the sites table.

#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/geodesic.hpp"

namespace {

using sitecover::test::CliResult;
using sitecover::test::kDataDir;
using sitecover::test::parse_csv;
using sitecover::test::read_file;
using sitecover::test::run_cli;
using sitecover::test::TempDir;

const std::string kRoads = kDataDir + "/france/roads-major-travelmapping-2026-08.geojson";

CliResult access(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"access", "--data", kDataDir};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
}

// The Gers communes (point on surface), the France Services sites, the inhabitants.
struct GersInputs {
    std::vector<sitecover::geodata::Origin> origins;
    std::vector<sitecover::Site> sites;
    std::vector<double> population;
};

const GersInputs& gers() {
    static const GersInputs inputs = [] {
        GersInputs in;
        in.origins = sitecover::geodata::load_origins(
            {kDataDir + "/gers/communes-32-adminexpress2018.geojson", "", "", ""});
        in.sites = sitecover::geodata::load_sites(
                       {kDataDir + "/france/france-services-2024-08-01.csv", "", "", ""})
                       .sites;
        const auto table = sitecover::geodata::load_population(
            {kDataDir + "/france/population-communes-2024.csv", "", "", ""});
        std::vector<std::string> codes;
        for (const auto& o : in.origins) codes.push_back(o.code);
        for (const auto& p : sitecover::geodata::population_shares(table, codes))
            in.population.push_back(p.value_or(0.0));
        return in;
    }();
    return inputs;
}

// W(d) of a step decay in km: {upper, weight} zones; none: 1 up to the catchment.
double weight(double d_km, double catchment_km,
              const std::vector<std::pair<double, double>>& zones) {
    if (d_km > catchment_km) return 0.0;
    if (zones.empty()) return 1.0;
    for (const auto& [upper, w] : zones) {
        if (d_km <= upper) return w;
    }
    return 0.0;
}

// A_i x 10,000 by the formulas, every pair by Karney's geodesic.
std::vector<double> brute_force_index(double catchment_km,
                                      const std::vector<std::pair<double, double>>& zones) {
    const GersInputs& in = gers();
    std::vector<std::vector<double>> d_km(in.origins.size());
    for (std::size_t i = 0; i < in.origins.size(); ++i) {
        for (const auto& site : in.sites) {
            d_km[i].push_back(
                sitecover::geodesic_distance_m(in.origins[i].position, site.position) / 1000.0);
        }
    }
    std::vector<double> ratio(in.sites.size(), 0.0);
    for (std::size_t j = 0; j < in.sites.size(); ++j) {
        double demand = 0.0;
        for (std::size_t k = 0; k < in.origins.size(); ++k)
            demand += weight(d_km[k][j], catchment_km, zones) * in.population[k];
        ratio[j] = demand > 0.0 ? 1.0 / demand : 0.0;
    }
    std::vector<double> index(in.origins.size(), 0.0);
    for (std::size_t i = 0; i < in.origins.size(); ++i) {
        for (std::size_t j = 0; j < in.sites.size(); ++j)
            index[i] += weight(d_km[i][j], catchment_km, zones) * ratio[j];
        index[i] *= 10000.0;
    }
    return index;
}

double brute_force_gini(const std::vector<double>& x, const std::vector<double>& w) {
    double pairs = 0.0, total = 0.0, mass = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        total += w[i];
        mass += w[i] * x[i];
        for (std::size_t j = 0; j < x.size(); ++j) pairs += w[i] * w[j] * std::fabs(x[i] - x[j]);
    }
    return pairs / (2.0 * total * mass);
}

double printed(const std::string& text, const std::string& pattern) {
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(pattern))) {
        ADD_FAILURE() << "no '" << pattern << "' in:\n" << text;
        return NAN;
    }
    return std::stod(m[1].str());
}

void expect_index_matches(const std::vector<std::string>& flags, double catchment_km,
                          const std::vector<std::pair<double, double>>& zones) {
    const TempDir tmp("cli-access");
    std::vector<std::string> args = flags;
    args.insert(args.end(), {"-o", (tmp / "a.csv").string()});
    const CliResult r = access(args);
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto table = parse_csv(read_file(tmp / "a.csv"));
    const GersInputs& in = gers();
    ASSERT_EQ(table.rows.size(), in.origins.size());
    const std::vector<double> want = brute_force_index(catchment_km, zones);
    for (std::size_t i = 0; i < in.origins.size(); ++i) {
        ASSERT_EQ(table.at(i, "origin_code"), in.origins[i].code);
        const double got = std::stod(table.at(i, "access_index"));
        EXPECT_NEAR(got, want[i], 1e-9 * std::max(1e-12, std::fabs(want[i]))) << in.origins[i].code;
    }
    EXPECT_NEAR(printed(r.out, "Gini ([0-9.]+)"), brute_force_gini(want, in.population), 0.001);
}

TEST(CliAccess, CrowFly2sfcaMatchesBruteForceOnTheGers) {
    expect_index_matches({"--catchment-km", "19"}, 19.0, {});
}

TEST(CliAccess, CrowFlyE2sfcaStepDecayMatchesBruteForceOnTheGers) {
    expect_index_matches({"--catchment-km", "30", "--decay", "step:10=1,20=0.68,30=0.22"}, 30.0,
                         {{10.0, 1.0}, {20.0, 0.68}, {30.0, 0.22}});
}

TEST(CliAccess, ByRoadSharesEqualThoseOfNearest) {
    const TempDir tmp("cli-access-road");
    const CliResult r = access({"--roads", kRoads, "--catchment-min", "20", "--sites-output",
                                (tmp / "s.csv").string(), "-o", (tmp / "a.csv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const double within_20 =
        printed(r.out, "within 20 min of its nearest site by road: ([0-9.]+) %");
    const double within_30 = printed(r.out, "within 30 min: ([0-9.]+) %");
    for (const auto& [minutes, share] : {std::pair{"20", within_20}, std::pair{"30", within_30}}) {
        const CliResult n =
            run_cli({"nearest", "--data", kDataDir, "--roads", kRoads, "--within-min", minutes,
                     "-o", (tmp / "n.csv").string(), "--overwrite"});
        ASSERT_EQ(n.exit_code, 0) << n.report();
        EXPECT_EQ(share, printed(n.out, std::string("population within ") + minutes +
                                            " min by road: [0-9]+/[0-9]+ \\(([0-9.]+) %\\)"));
    }
    // By default (--within-min 30), nearest --roads prints the 20-minute standard beside it.
    const CliResult n = run_cli({"nearest", "--data", kDataDir, "--roads", kRoads, "-o",
                                 (tmp / "n.csv").string(), "--overwrite"});
    ASSERT_EQ(n.exit_code, 0) << n.report();
    for (const auto& [minutes, share] : {std::pair{"20", within_20}, std::pair{"30", within_30}}) {
        EXPECT_EQ(share, printed(n.out, std::string("population within ") + minutes +
                                            " min by road: [0-9]+/[0-9]+ \\(([0-9.]+) %\\)"));
    }
    const auto sites = parse_csv(read_file(tmp / "s.csv"));
    EXPECT_EQ(sites.header,
              (std::vector<std::string>{"site_id", "site_name", "capacity", "demand", "ratio"}));
    EXPECT_EQ(sites.rows.size(), gers().sites.size());
    // Some site serves Gers communes: a positive demand and ratio.
    bool serving = false;
    for (std::size_t j = 0; j < sites.rows.size(); ++j)
        serving = serving || std::stod(sites.at(j, "demand")) > 0.0;
    EXPECT_TRUE(serving);
    const auto origins = parse_csv(read_file(tmp / "a.csv"));
    EXPECT_EQ(origins.header,
              (std::vector<std::string>{"origin_code", "origin_name", "origin_lon", "origin_lat",
                                        "population", "access_index", "sites_reached"}));
}

// The report's origins layer carries the index `sitecover access` gives with the report's
// threshold as its catchment (19 km crow-fly, 1 per site), and its page the Gini it prints.
TEST(CliAccess, ReportOriginsCarryTheIndex) {
    const TempDir tmp("cli-access-report");
    const CliResult a = access({"--catchment-km", "19", "-o", (tmp / "a.csv").string()});
    ASSERT_EQ(a.exit_code, 0) << a.report();
    const CliResult r = sitecover::test::run_report(
        {"-o", (tmp / "r.gpkg").string(), "--html", (tmp / "r.html").string()}, tmp.path());
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const auto table = parse_csv(read_file(tmp / "a.csv"));
    std::map<std::string, double> want;
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        want[table.at(i, "origin_code")] = std::stod(table.at(i, "access_index"));
    const auto origins = sitecover::test::inspect_layer((tmp / "r.gpkg").string(), "origins");
    ASSERT_EQ(origins.features.size(), want.size());
    for (const auto& f : origins.features) {
        const std::string& code = f.values.at("code");
        ASSERT_EQ(want.count(code), 1u) << code;
        const double expected = want.at(code);
        EXPECT_NEAR(std::stod(f.values.at("access_index")), expected,
                    1e-9 * std::max(1e-12, std::fabs(expected)))
            << code;
    }
    EXPECT_NEAR(printed(read_file(tmp / "r.html"), "<b>([0-9.]+)</b>Gini of the access index"),
                printed(a.out, "Gini ([0-9.]+)"), 0.0011);
    EXPECT_NE(read_file(tmp / "r.html").find("Palma ratio of the access index"), std::string::npos);
}

}  // namespace
