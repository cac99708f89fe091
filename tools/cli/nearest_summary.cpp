#include "nearest_summary.hpp"

#include <iomanip>

#include "sitecover/report/report_format.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

void print_groups(std::ostream& out, const NearestFigures& f) {
    out << "by group:\n  group    origins    max km   mean km"
        << (f.weighted() ? "  pop-weighted mean km" : "")
        << (f.counts_cross_border() ? "  nearest site in another dep" : "") << "\n";
    for (const auto& [key, g] : f.groups()) {
        out << "  " << std::left << std::setw(6) << key << std::right << std::setw(10) << g.count
            << std::setw(10) << format_fixed(g.max_m / 1000.0, 1) << std::setw(10)
            << format_fixed(g.sum_m / 1000.0 / static_cast<double>(g.count), 1);
        if (f.weighted()) {
            out << std::setw(23)
                << (g.weight > 0 ? format_fixed(g.weighted_sum_m / g.weight / 1000.0, 1)
                                 : std::string("-"));
        }
        if (f.counts_cross_border()) out << std::setw(29) << g.across_border;
        out << "\n";
    }
}

}  // namespace

void print_nearest_summary(std::ostream& out, const NearestFigures& f, bool max_km_given) {
    if (f.with_site() > 0) {
        const double median_m = f.median_m();
        out << "nearest site distance: max " << format_km(f.max_m()) << " (" << f.farthest()
            << "), mean " << format_km(f.mean_m()) << ", median " << format_km(median_m) << "\n";
        out << "within " << format_fixed(f.within_m() / 1000.0, 1) << " km: " << f.within() << "/"
            << f.origins() << " (" << format_share(f.within(), f.origins()) << ")\n";
        if (median_m > 1'000'000.0) {
            out << "hint: the median distance exceeds 1,000 km: are longitude and latitude "
                   "swapped, or is a CRS wrong?\n";
        }
    }
    if (f.with_department() > 0) {
        out << "nearest site in another département: " << f.across_border() << "/"
            << f.with_department() << " communes\n";
    }
    if (f.without_site() > 0) {
        out << "without a site" << (max_km_given ? " within --max-km" : "") << ": "
            << f.without_site() << "\n";
    }
    if (f.bad() > 0) out << "unreadable records skipped (--skip-bad): " << f.bad() << "\n";
    if (!f.groups().empty()) print_groups(out, f);
}

}  // namespace sitecover::cli
