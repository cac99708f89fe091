// `sitecover coverage`: which sites cover which areas.

#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "grouping.hpp"
#include "inputs.hpp"
#include "report_format.hpp"
#include "run_files.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/geodata/table_writer.hpp"

namespace sitecover::cli {

int run_coverage(const std::vector<std::string>& args) {
    Options options("coverage",
                    "Checks that every area (canton) holds at least one site, and how far each\n"
                    "covering site lies from the area's boundary. One row per area.");
    declare_data_options(options);
    declare_area_options(options);
    declare_site_options(options);
    options.group("Coverage");
    options.value("--boundary", "RULE",
                  "a site exactly on a boundary: 'included' (default: it covers every area it "
                  "touches) or 'excluded' (strictly inside only)");
    options.value("--fragile-m", "METRES",
                  "flag areas whose best site is closer than this to the boundary (default 500)");
    options.value("--noun", "WORD", "what the areas are called in the summary (default: cantons)");
    options.value("--group-by", "RULE",
                  "per-group summary: 'dep' (département of INSEE-style codes) or 'prefix:N'");
    options.flag("--fail-uncovered", "exit with status 1 when an area holds no site");
    declare_output_options(options);
    declare_quiet_option(options);
    options.epilog(
        "Columns: area_code, area_name, site_count, site_ids (';'-separated, by id), covered,\n"
        "margin_m (distance from the best-placed site to the boundary, metres).\n"
        "The summary goes to stdout, or to stderr when the table itself goes to stdout.\n\n"
        "Examples:\n"
        "  sitecover coverage -o coverage.csv\n"
        "  sitecover coverage --as-of 2022-04-20 --site-types Principal\n"
        "  sitecover coverage --areas cantons.gpkg --sites sites.geojson --fail-uncovered\n");
    if (!options.parse(args)) return kOk;
    check_run_files(options);  // outputs distinct and none of them an input, before any work

    const std::string boundary_text = options.get("--boundary", "included");
    if (boundary_text != "included" && boundary_text != "excluded") {
        throw UsageError("option '--boundary': '" + boundary_text +
                         "' is not 'included' or 'excluded'");
    }
    const Boundary rule = boundary_text == "included" ? Boundary::Included : Boundary::Excluded;
    const double fragile_m = options.number("--fragile-m", 500.0, 0.0, 1e7);
    const std::string noun = options.get("--noun", "cantons");
    std::optional<GroupRule> group_rule;
    if (options.has("--group-by")) group_rule.emplace(options.get("--group-by"));
    const std::string srs = target_srs(options);

    std::string areas_path;
    std::vector<Area> areas = load_area_set(options, areas_path);
    LoadedSiteSet site_set = load_site_set(options);
    const CoverageIndex index(std::move(areas));
    const std::vector<Site>& sites = site_set.sites;
    const std::vector<AreaCoverage> coverage = compute_coverage(index, sites, rule);

    const std::string output = options.get("--output", "-");
    geodata::TableOptions table{output, options.get("--format"), "coverage",
                                options.has("--overwrite"), geodata::GeometryKind::MultiPolygon};
    table.target_srs = srs;
    geodata::TableWriter writer(table, {{"area_code", geodata::FieldType::String},
                                        {"area_name", geodata::FieldType::String},
                                        {"site_count", geodata::FieldType::Integer},
                                        {"site_ids", geodata::FieldType::String},
                                        {"covered", geodata::FieldType::Boolean},
                                        {"margin_m", geodata::FieldType::Real, 1}});
    std::size_t covered = 0;
    std::vector<std::size_t> inside(sites.size(), 0);
    for (const AreaCoverage& cov : coverage) {
        const Area& area = index.areas()[cov.area];
        std::string ids;
        for (const std::size_t s : cov.sites) {
            ids += (ids.empty() ? "" : ";") + sites[s].id;
            inside[s] = 1;
        }
        if (cov.covered()) ++covered;
        geodata::Row row;
        row.values = {area.code,
                      area.name,
                      static_cast<std::int64_t>(cov.sites.size()),
                      ids,
                      cov.covered(),
                      cov.margin_m ? geodata::Value(*cov.margin_m) : geodata::Value()};
        row.area = &area;
        writer.add_row(row);
    }
    writer.commit();
    for (const std::string& w : writer.warnings()) warn(w);

    std::ostream& out = summary_stream(options, output == "-");
    std::size_t sites_inside = 0;
    for (const auto flag : inside) sites_inside += flag;
    out << "areas: " << index.areas().size() << " " << noun << " from " << areas_path << "\n";
    out << "sites: " << site_set.read << " read from " << site_set.path;
    if (sites.size() != site_set.read) out << ", " << sites.size() << " kept by the filters";
    out << ", " << sites_inside << " inside the " << noun << "\n";
    if (sites_inside == 0 && !sites.empty()) {
        // The usual cause is coordinates read in the wrong order or the wrong CRS.
        warn("no site lies inside any of the " + noun +
             ": are longitude and latitude swapped, or is a CRS wrong? (" + areas_path + ", " +
             site_set.path + ")");
    }
    out << covered << "/" << coverage.size() << " " << noun << " covered";
    out << " (boundary rule: sites on a boundary "
        << (rule == Boundary::Included ? "count" : "do not count") << ")\n";

    std::string uncovered;
    std::size_t uncovered_count = 0;
    constexpr std::size_t kListed = 20;  // longer lists are in the table
    std::ostringstream fragile;
    std::size_t fragile_count = 0;
    for (const AreaCoverage& cov : coverage) {
        const Area& area = index.areas()[cov.area];
        if (!cov.covered()) {
            if (++uncovered_count <= kListed) {
                uncovered += (uncovered.empty() ? "" : ", ") + area.name + " (" + area.code + ")";
            }
        } else if (*cov.margin_m < fragile_m && ++fragile_count <= kListed) {
            std::size_t best = 0;
            for (std::size_t i = 1; i < cov.sites.size(); ++i) {
                if (cov.site_margins_m[i] > cov.site_margins_m[best]) best = i;
            }
            fragile << "  " << area.name << " (" << area.code << "): site "
                    << sites[cov.sites[best]].id << " (" << sites[cov.sites[best]].name << ") "
                    << format_fixed(*cov.margin_m, 0) << " m from the boundary\n";
        }
    }
    if (uncovered_count > kListed) {
        uncovered += " and " + std::to_string(uncovered_count - kListed) + " more (see the table)";
    }
    out << "uncovered: " << (uncovered.empty() ? "none" : uncovered) << "\n";
    if (fragile_count > kListed) {
        fragile << "  and " << fragile_count - kListed << " more (see margin_m in the table)\n";
    }
    out << "fragile (best site less than " << format_fixed(fragile_m, 0)
        << " m from the boundary): "
        << (fragile_count == 0 ? "none\n" : std::to_string(fragile_count) + "\n" + fragile.str());
    if (group_rule) {
        struct Counts {
            std::size_t areas = 0, covered = 0, sites = 0;
        };
        std::map<std::string, Counts> groups;  // ordered by group: stable output
        for (const AreaCoverage& cov : coverage) {
            std::string group = group_rule->group_of(index.areas()[cov.area].code);
            Counts& c = groups[group.empty() ? "(none)" : group];
            ++c.areas;
            c.covered += cov.covered() ? 1 : 0;
            c.sites += cov.sites.size();
        }
        out << "by group (" << options.get("--group-by") << "):\n"
            << "  group   " << std::setw(8) << noun << std::setw(9) << "covered" << std::setw(11)
            << "uncovered" << std::setw(14) << "sites inside"
            << "\n";
        for (const auto& [group, c] : groups) {
            out << "  " << std::left << std::setw(6) << group << std::right << std::setw(10)
                << c.areas << std::setw(9) << c.covered << std::setw(11) << c.areas - c.covered
                << std::setw(14) << c.sites << "\n";
        }
    }
    if (output != "-") out << "wrote " << output << "\n";

    return options.has("--fail-uncovered") && covered < coverage.size() ? kUncovered : kOk;
}

}  // namespace sitecover::cli
