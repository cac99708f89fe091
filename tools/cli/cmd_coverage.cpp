// `sitecover coverage`: which sites cover which areas.

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "coverage_options.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "run_files.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/coverage_job.hpp"
#include "sitecover/report/grouping.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/site_filter.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats

namespace {

// The uncovered areas and the fragile ones (best site near the boundary), 20 of each at most.
void print_uncovered_and_fragile(std::ostream& out, const CoverageOptions& o,
                                 const CoverageOutcome& outcome) {
    const CoverageIndex& index = *outcome.areas;
    const std::vector<Site>& sites = outcome.site_set.sites;
    const std::vector<AreaCoverage>& coverage = outcome.coverage;
    std::string uncovered;
    std::size_t uncovered_count = 0;
    constexpr std::size_t kListed = 20;  // longer lists are in the table
    for (const AreaCoverage& cov : coverage) {
        const Area& area = index.areas()[cov.area];
        if (!cov.covered() && ++uncovered_count <= kListed)
            uncovered += (uncovered.empty() ? "" : ", ") + area.name + " (" + area.code + ")";
    }
    // The fragile areas, as the library found them (margin below fragile_m).
    std::ostringstream fragile;
    const std::size_t fragile_count = outcome.fragile.size();
    for (std::size_t f = 0; f < std::min(fragile_count, kListed); ++f) {
        const AreaCoverage& cov = coverage[outcome.fragile[f]];
        const Area& area = index.areas()[cov.area];
        std::size_t best = 0;
        for (std::size_t i = 1; i < cov.sites.size(); ++i) {
            if (cov.site_margins_m[i] > cov.site_margins_m[best]) best = i;
        }
        fragile << "  " << area.name << " (" << area.code << "): site " << sites[cov.sites[best]].id
                << " (" << sites[cov.sites[best]].name << ") " << format_fixed(*cov.margin_m, 0)
                << " m from the boundary\n";
    }
    if (uncovered_count > kListed) {
        uncovered += " and " + std::to_string(uncovered_count - kListed) + " more (see the table)";
    }
    out << "uncovered: " << (uncovered.empty() ? "none" : uncovered) << "\n";
    if (fragile_count > kListed) {
        fragile << "  and " << fragile_count - kListed << " more (see margin_m in the table)\n";
    }
    out << "fragile (best site less than " << format_fixed(o.fragile_m, 0)
        << " m from the boundary): "
        << (fragile_count == 0 ? "none\n" : std::to_string(fragile_count) + "\n" + fragile.str());
}

// --group-by: areas, covered, uncovered and sites inside, per group.
void print_groups(std::ostream& out, const CoverageOptions& o, const CoverageIndex& index,
                  const std::vector<AreaCoverage>& coverage) {
    struct Counts {
        std::size_t areas = 0, covered = 0, sites = 0;
    };
    std::map<std::string, Counts> groups;  // ordered by group: stable output
    for (const AreaCoverage& cov : coverage) {
        std::string group = o.group_by->group_of(index.areas()[cov.area].code);
        Counts& c = groups[group.empty() ? "(none)" : group];
        ++c.areas;
        c.covered += cov.covered() ? 1 : 0;
        c.sites += cov.sites.size();
    }
    out << "by group (" << o.group_by_text << "):\n"
        << "  group   " << std::setw(8) << o.noun << std::setw(9) << "covered" << std::setw(11)
        << "uncovered" << std::setw(14) << "sites inside"
        << "\n";
    for (const auto& [group, c] : groups) {
        out << "  " << std::left << std::setw(6) << group << std::right << std::setw(10) << c.areas
            << std::setw(9) << c.covered << std::setw(11) << c.areas - c.covered << std::setw(14)
            << c.sites << "\n";
    }
}

}  // namespace

int run_coverage(const std::vector<std::string>& args) {
    Options options("coverage",
                    "Checks that every area (canton) holds at least one site, and how far each\n"
                    "covering site lies from the area's boundary. One row per area.");
    declare_coverage_options(options);
    if (!options.parse(args)) return kOk;
    const CoverageOptions o = read_coverage_options(options);  // every check, before any read
    CoverageJob job;
    job.study.areas = area_request(options);
    job.study.sites = o.sites;
    job.study.fragile_m = o.fragile_m;
    job.boundary = o.boundary;
    job.output = table_output(o.output);
    const CoverageOutcome outcome = [&] {
        try {
            return report::run_coverage(job, warning_sink());
        } catch (const UnknownSiteTypeError& e) {
            throw site_types_error(e, job.study.sites.source.path);
        }
    }();
    warn_undated(outcome.site_set);
    for (const std::string& w : outcome.warnings) warn(w);
    const CoverageIndex& index = *outcome.areas;
    const LoadedSiteSet& site_set = outcome.site_set;
    const std::vector<Site>& sites = site_set.sites;
    const std::vector<AreaCoverage>& coverage = outcome.coverage;
    const std::size_t covered = outcome.covered;
    const std::size_t sites_inside = outcome.sites_inside;
    const std::string& areas_path = outcome.areas_path;
    std::ostream& out = summary_stream(o.output);
    out << "areas: " << index.areas().size() << " " << o.noun << " from " << areas_path << "\n";
    out << "sites: " << site_set.read << " read from " << site_set.path;
    if (sites.size() != site_set.read) out << ", " << sites.size() << " kept by the filters";
    out << ", " << sites_inside << " inside the " << o.noun << "\n";
    if (sites_inside == 0 && !sites.empty()) {
        // The usual cause is coordinates read in the wrong order or the wrong CRS.
        warn("no site lies inside any of the " + o.noun +
             ": are longitude and latitude swapped, or is a CRS wrong? (" + areas_path + ", " +
             site_set.path + ")");
    }
    out << covered << "/" << coverage.size() << " " << o.noun << " covered";
    out << " (boundary rule: sites on a boundary "
        << (o.boundary == Boundary::Included ? "count" : "do not count") << ")\n";
    print_uncovered_and_fragile(out, o, outcome);
    if (o.group_by) print_groups(out, o, index, coverage);
    if (!o.output.to_stdout()) out << "wrote " << o.output.path << "\n";
    return o.fail_uncovered && covered < coverage.size() ? kUncovered : kOk;
}

}  // namespace sitecover::cli
