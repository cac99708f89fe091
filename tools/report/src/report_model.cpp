#include "sitecover/report/report_model.hpp"

#include <limits>

#include "sitecover/report/palette.hpp"
#include "sitecover/report/report_text.hpp"

namespace sitecover::report {

std::size_t ReportModel::shade_class_of(double value) const {
    const double unit = with_roads ? 60.0 : 1000.0;  // classes are in minutes or kilometres
    for (std::size_t i = 0; i < shade_classes.size(); ++i) {
        if (value / unit < shade_classes[i].upper) return i;
    }
    return shade_classes.empty() ? 0 : shade_classes.size() - 1;
}

std::string ReportModel::headline(Lang in) const {
    const ReportText& t = report_text(in);
    const std::string& date = parameters.sites_counted_on();
    const std::string count = std::to_string(sites_inside.size());
    return date.empty() ? fill(t.title, {place, count})
                        : fill(t.title_as_of, {place, count, format_date(date, in)});
}

std::string ReportModel::coverage_line(Lang in) const {
    // The words agree with the total ("1/1 canton couvert", "12/17 cantons couverts").
    const auto total = static_cast<long long>(area_rows.size());
    return fill(report_text(in).covered_count,
                {std::to_string(covered_count()), std::to_string(total), noun_for(noun, total, in),
                 covered_word(noun, total, in)});
}

std::string ReportModel::title(Lang in) const { return headline(in) + ", " + coverage_line(in); }

std::vector<ShadeClass> default_shade_classes(bool by_time, Lang lang) {
    const ReportText& text = report_text(lang);
    constexpr double kInf = std::numeric_limits<double>::infinity();
    const std::vector<double> bounds = by_time ? std::vector<double>{0, 5, 10, 15, 20, 30, kInf}
                                               : std::vector<double>{0, 4, 8, 12, 16, 19, kInf};
    const std::string unit = by_time ? "min" : "km";
    std::vector<ShadeClass> classes;
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
        ShadeClass c;
        c.lower = bounds[i];
        c.upper = bounds[i + 1];
        const std::string lower = std::to_string(static_cast<int>(c.lower));
        c.label = c.upper == kInf ? fill(text.class_beyond, {lower, unit})
                                  : fill(text.class_range,
                                         {lower, std::to_string(static_cast<int>(c.upper)), unit});
        c.rgb = palette::kShadeRamp[i];
        classes.push_back(c);
    }
    return classes;
}

}  // namespace sitecover::report
