// `sitecover access`: supply-aware accessibility (2SFCA, E2SFCA) of every origin, and how
// evenly it is spread.

#include <iomanip>
#include <iostream>
#include <optional>

#include "access_options.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "flag_spelling.hpp"
#include "inputs.hpp"
#include "road_report.hpp"
#include "sitecover/report/access_job.hpp"
#include "sitecover/report/report_format.hpp"

namespace sitecover::cli {
using namespace sitecover::report;

namespace {

std::string decimals_or_none(const std::optional<double>& value, int decimals) {
    return value ? format_fixed(*value, decimals) : std::string("n/a");
}

std::string percent_or_none(const std::optional<double>& share) {
    return share ? format_fixed(100.0 * *share, 1) + " %" : std::string("n/a");
}

std::string decay_words(const AccessOutcome& out) {
    switch (out.decay.kind) {
        case DecayKind::Uniform:
            return "none (2SFCA)";
        case DecayKind::Gaussian:
            return "gaussian (E2SFCA)";
        case DecayKind::Step:
            break;
    }
    std::string text = "step";
    for (const DecayStep& step : out.decay.steps) {
        text += (text == "step" ? " " : ", ") + format_fixed(step.weight, 2) + " up to " +
                format_fixed(step.upper, 1) + " " + out.unit;
    }
    return text + " (E2SFCA)";
}

void print_equity(std::ostream& out, const AccessEquity& e, bool by_road) {
    out << "access index (capacity per 10,000 inhabitants): population-weighted mean "
        << format_fixed(e.mean_index, 3) << "\n";
    out << "Gini " << decimals_or_none(e.gini, 3) << ", Palma ratio "
        << decimals_or_none(e.palma, 3) << " (top 10 % / bottom 40 %)\n";
    out << "origins without a site within the catchment: " << e.without_site << " ("
        << format_fixed(e.population_without_site, 0) << " inhabitants)\n";
    if (by_road) {
        out << "population within 20 min of its nearest site by road: "
            << percent_or_none(e.share_within_20_min)
            << "; within 30 min: " << percent_or_none(e.share_within_30_min) << "\n";
    }
}

void print_groups(std::ostream& out, const AccessOptions& o, const AccessOutcome& outcome) {
    out << "by group (" << o.group_by_text << "):\n"
        << "  group   origins  population  mean index   Gini   Palma"
        << (outcome.by_road ? "  <=20 min  <=30 min" : "") << "\n";
    for (const auto& [group, e] : outcome.groups) {
        out << "  " << std::left << std::setw(6) << group << std::right << std::setw(9) << e.origins
            << std::setw(12) << format_fixed(e.population, 0) << std::setw(12)
            << format_fixed(e.mean_index, 3) << std::setw(7) << decimals_or_none(e.gini, 3)
            << std::setw(8) << decimals_or_none(e.palma, 2);
        if (outcome.by_road) {
            out << std::setw(10) << percent_or_none(e.share_within_20_min) << std::setw(10)
                << percent_or_none(e.share_within_30_min);
        }
        out << "\n";
    }
}

void print_summary(std::ostream& out, const AccessOptions& o, const AccessOutcome& outcome) {
    const LoadedSiteSet& set = outcome.site_set;
    out << "sites: " << set.read << " read from " << set.path;
    if (set.sites.size() != set.read) out << ", " << set.sites.size() << " kept by the filters";
    out << "\norigins: " << outcome.origins.size() << " from " << outcome.origins_path << "\n";
    out << "population: "
        << (outcome.population_path.empty() ? "none (1 per origin)" : outcome.population_path)
        << ", " << format_fixed(outcome.equity.population, 0) << " inhabitants\n";
    out << "catchment: " << format_fixed(outcome.catchment, 1) << " " << outcome.unit
        << (outcome.by_road ? " by road (" + outcome.roads_path + ")" : " as the crow flies")
        << "; decay: " << decay_words(outcome) << "\n";
    print_equity(out, outcome.equity, outcome.by_road);
    if (o.job.group_by) print_groups(out, o, outcome);
    if (!o.output.to_stdout()) out << "wrote " << o.output.path << "\n";
    if (o.job.sites_output.written()) out << "wrote " << o.job.sites_output.path << "\n";
}

}  // namespace

int run_access(const std::vector<std::string>& args) {
    Options options("access",
                    "Supply-aware accessibility of every origin to the sites: the two-step\n"
                    "floating catchment area (2SFCA), with distance decay (E2SFCA), crow-fly or\n"
                    "by road; and how evenly it is spread (Gini, Palma, 20/30-minute shares).");
    declare_access_options(options);
    if (!options.parse(args)) return kOk;
    const AccessOptions o = read_access_options(options);  // every check, before any read
    const AccessOutcome outcome = [&] {
        try {
            return report::run_access(o.job, warning_sink());
        } catch (const UnknownSiteTypeError& e) {
            throw site_types_error(e, o.job.study.sites.source.path);
        } catch (const SitesOffRoadError& e) {
            throw sites_off_road_error(e);
        }
    }();
    warn_undated(outcome.site_set);
    for (const std::string& w : outcome.warnings) warn(w);
    print_summary(summary_stream(o.output), o, outcome);
    return kOk;
}

}  // namespace sitecover::cli
