#include "sitecover/report/html_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <sstream>

#include "sitecover/report/report_format.hpp"
#include "sitecover/report/report_lang.hpp"
#include "sitecover/report/report_text.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::report {
namespace {

std::string hex_colour(std::uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", rgb & 0xffffff);
    return buffer;
}

// Shade values (seconds or metres) in bins of one minute or one kilometre, as an inline SVG bar
// chart coloured by the map's classes.
std::string histogram_svg(const ReportModel& model, const std::vector<double>& values) {
    const double unit = model.with_roads ? 60.0 : 1000.0;
    const char* unit_name = model.with_roads ? "min" : "km";
    if (values.empty()) return std::string("<p>") + report_text(model.lang).no_answer + "</p>";
    const double max_value = *std::max_element(values.begin(), values.end()) / unit;
    const std::size_t bins = static_cast<std::size_t>(std::floor(max_value)) + 1;
    std::vector<std::size_t> counts(bins, 0);
    for (const double v : values)
        ++counts[std::min(bins - 1, static_cast<std::size_t>(std::floor(v / unit)))];
    const std::size_t peak = *std::max_element(counts.begin(), counts.end());
    const double w = 640, h = 240, left = 40, bottom = 30, top = 10;
    const double bar_w = (w - left - 10) / static_cast<double>(bins);
    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w << "\" height=\"" << h
        << "\" role=\"img\" aria-label=\"histogram\" font-family=\"sans-serif\" "
           "font-size=\"11\">\n";
    for (std::size_t i = 0; i < bins; ++i) {
        const double bar_h =
            (h - bottom - top) * static_cast<double>(counts[i]) / static_cast<double>(peak);
        const std::uint32_t rgb =
            model.shade_classes[model.shade_class_of((static_cast<double>(i) + 0.5) * unit)].rgb;
        svg << "<rect x=\"" << left + bar_w * static_cast<double>(i) << "\" y=\""
            << h - bottom - bar_h << "\" width=\"" << bar_w - 1 << "\" height=\"" << bar_h
            << "\" fill=\"" << hex_colour(rgb) << "\" stroke=\"#777\" stroke-width=\"0.5\"><title>"
            << i << "-" << i + 1 << " " << unit_name << ": " << counts[i] << "</title></rect>\n";
        if (bins <= 40 || i % 5 == 0) {
            svg << "<text x=\"" << left + bar_w * static_cast<double>(i) << "\" y=\""
                << h - bottom + 14 << "\">" << i << "</text>\n";
        }
    }
    svg << "<text x=\"" << w - 30 << "\" y=\"" << h - 4 << "\">" << unit_name << "</text>\n";
    svg << "<text x=\"2\" y=\"" << top + 10 << "\">" << peak << "</text>\n";
    svg << "<line x1=\"" << left << "\" y1=\"" << h - bottom << "\" x2=\"" << w - 10 << "\" y2=\""
        << h - bottom << "\" stroke=\"#333\"/>\n</svg>\n";
    return svg.str();
}

}  // namespace

std::string base64(const std::string& bytes) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t chunk = 0;
        for (std::size_t j = 0; j < 3; ++j) {
            chunk = (chunk << 8) | (j < n ? static_cast<unsigned char>(bytes[i + j]) : 0u);
        }
        for (std::size_t j = 0; j < 4; ++j) {
            out += j <= n ? kAlphabet[(chunk >> (18 - 6 * j)) & 0x3f] : '=';
        }
    }
    return out;
}

namespace {

constexpr const char* kStyle =
    "body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;max-width:1100px;"
    "margin:2em auto;padding:0 1em;color:#222;line-height:1.4}\n"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;"
    "border-bottom:1px solid #ccc}\n"
    ".figures{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}\n"
    ".figure{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:11em}\n"
    ".figure b{display:block;font-size:1.5em}\n"
    "table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px solid "
    "#e3e3e3;padding:.3em .5em;text-align:left}td.num,th.num{text-align:right}\n"
    "tr.uncovered td{background:#fde0dd;color:#a50f15;font-weight:bold}\n"
    "tr.fragile td{background:#fff3cd}\n"
    "table.parameters th{width:16em;font-weight:normal;color:#555}\n"
    "img.map{width:100%;height:auto;border:1px solid #ddd}\n"
    ".sources{font-size:.85em;color:#555}\n";

// The page's headline figures.
struct PageFigures {
    std::vector<double> distances_m, times_s, shade;
    double population = 0.0, population_within_time = 0.0;
    bool any_population = false;
    std::size_t within_distance = 0, within_time = 0;
};

PageFigures page_figures(const ReportModel& model) {
    PageFigures f;
    for (const ReportOrigin& o : model.origins) {
        if (o.site) {
            f.distances_m.push_back(o.distance_m);
            if (o.distance_m <= model.within_m) ++f.within_distance;
        }
        if (o.road_site) {
            f.times_s.push_back(o.travel_time_s);
            if (o.travel_time_s <= model.within_s) ++f.within_time;
        }
        if (const auto v = model.shade_value(o)) f.shade.push_back(*v);
        if (o.population) {
            f.any_population = true;
            f.population += *o.population;
            if (o.road_site && o.travel_time_s <= model.within_s)
                f.population_within_time += *o.population;
        }
    }
    return f;
}

void write_figures(std::ostream& page, const ReportModel& model, const PageFigures& f) {
    const ReportText& t = report_text(model.lang);
    const Lang lang = model.lang;
    const Summary d = summarize(f.distances_m);
    const Summary time = summarize(f.times_s);
    const std::string n = std::to_string(model.origins.size());
    auto figure = [&](const std::string& value, const std::string& label, const char* cls = "") {
        page << "<div class=\"figure" << cls << "\"><b>" << markup_escape(value) << "</b>"
             << markup_escape(label) << "</div>\n";
    };
    page << "<div class=\"figures\">\n";
    figure(std::to_string(model.covered_count()) + "/" + std::to_string(model.area_rows.size()),
           fill(t.f_covered, {model.noun}));
    figure(std::to_string(model.fragile_count()),
           fill(t.f_fragile, {model.noun, format_threshold(model.fragile_m, "m", lang)}),
           " fragile");
    figure(std::to_string(model.sites_inside.size()), t.f_inside);
    figure(n, t.f_communes);
    if (d.count > 0) {
        figure(format_km(d.max, lang), t.f_farthest);
        figure(format_km(d.mean, lang), t.f_mean_distance);
        figure(std::to_string(f.within_distance) + "/" + n,
               fill(t.f_within, {format_threshold(model.within_m / 1000.0, "km", lang)}));
    }
    const std::string within_min = format_threshold(model.within_s / 60.0, "min", lang);
    if (model.with_roads && time.count > 0) {
        figure(format_minutes(time.max, lang), t.f_longest_trip);
        figure(format_minutes(time.mean, lang), t.f_mean_time);
        figure(std::to_string(f.within_time) + "/" + n, fill(t.f_within, {within_min}));
        if (f.any_population && f.population > 0) {
            figure(format_percent(f.population_within_time, f.population, lang),
                   fill(t.f_population_within, {format_number(f.population, 0, lang), within_min}));
        }
    } else if (f.any_population) {
        figure(format_number(f.population, 0, lang), t.f_inhabitants);
    }
    page << "</div>\n";
}

void write_area_table(std::ostream& page, const ReportModel& model) {
    const ReportText& t = report_text(model.lang);
    const Lang lang = model.lang;
    const std::vector<Site>& sites = *model.sites;
    const std::vector<Area>& areas = model.areas->areas();
    std::string heading = model.noun.empty() ? "areas" : model.noun;
    heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
    page << "<h2>" << markup_escape(heading) << "</h2>\n<table class=\"areas\">\n<tr><th>"
         << t.t_code << "</th><th>" << t.t_name << "</th><th class=\"num\">" << t.t_sites
         << "</th><th>" << t.t_site_ids << "</th><th>" << t.t_covered << "</th><th class=\"num\">"
         << t.t_margin << "</th><th class=\"num\">" << t.t_communes << "</th><th>" << t.t_farthest
         << "</th>" << (model.with_roads ? std::string("<th>") + t.t_longest_trip + "</th>" : "")
         << "</tr>\n";
    for (const ReportArea& a : model.area_rows) {
        const Area& area = areas[a.area];
        std::string ids;
        for (const std::size_t s : a.sites) ids += (ids.empty() ? "" : " ") + sites[s].id;
        const char* cls = !a.covered()       ? " class=\"uncovered\""
                          : model.fragile(a) ? " class=\"fragile\""
                                             : "";
        page << "<tr" << cls << "><td>" << markup_escape(area.code) << "</td><td>"
             << markup_escape(area.name) << "</td><td class=\"num\">" << a.sites.size()
             << "</td><td>" << markup_escape(ids) << "</td><td>"
             << (!a.covered()       ? t.no
                 : model.fragile(a) ? t.fragile
                                    : t.yes)
             << "</td><td class=\"num\">"
             << (a.margin_m ? format_number(*a.margin_m, 0, lang) + unit_space(lang) + "m" : "")
             << "</td><td class=\"num\">" << a.origins << "</td><td>";
        if (a.worst_distance_origin) {
            const ReportOrigin& o = model.origins[*a.worst_distance_origin];
            page << markup_escape(o.name) << (lang == Lang::Fr ? "\u00a0: " : ": ")
                 << format_km(o.distance_m, lang);
        }
        page << "</td>";
        if (model.with_roads) {
            page << "<td>";
            if (a.worst_time_origin) {
                const ReportOrigin& o = model.origins[*a.worst_time_origin];
                page << markup_escape(o.name) << (lang == Lang::Fr ? "\u00a0: " : ": ")
                     << format_minutes(o.travel_time_s, lang);
            }
            page << "</td>";
        }
        page << "</tr>\n";
    }
    page << "</table>\n";
}

// The communes farthest from a site, by the shading's measure.
void write_farthest_table(std::ostream& page, const ReportModel& model) {
    const ReportText& t = report_text(model.lang);
    const Lang lang = model.lang;
    const std::vector<Site>& sites = *model.sites;
    const std::size_t n = model.origins.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [&](std::size_t i) { return model.shade_value(model.origins[i]).value_or(-1.0); };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
    constexpr std::size_t kListed = 15;
    page << "<h2>" << fill(t.h_farthest, {std::to_string(std::min(kListed, n))})
         << "</h2>\n<table>\n<tr><th>" << t.t_code << "</th><th>" << t.t_commune << "</th><th>"
         << t.t_nearest_site << "</th><th class=\"num\">" << t.t_distance << "</th>";
    if (model.with_roads) {
        page << "<th>" << t.t_nearest_road << "</th><th class=\"num\">" << t.t_by_road
             << "</th><th class=\"num\">" << t.t_time << "</th>";
    }
    page << "</tr>\n";
    for (std::size_t k = 0; k < std::min(kListed, n); ++k) {
        const ReportOrigin& o = model.origins[order[k]];
        page << "<tr><td>" << markup_escape(o.code) << "</td><td>" << markup_escape(o.name)
             << "</td><td>"
             << (o.site ? markup_escape(sites[*o.site].name) + " (" +
                              markup_escape(sites[*o.site].id) + ")"
                        : t.none)
             << "</td><td class=\"num\">" << (o.site ? format_km(o.distance_m, lang) : "")
             << "</td>";
        if (model.with_roads) {
            page << "<td>"
                 << (o.road_site ? markup_escape(sites[*o.road_site].name) : t.unreachable)
                 << "</td><td class=\"num\">"
                 << (o.road_site ? format_km(o.road_distance_m, lang) : "")
                 << "</td><td class=\"num\">"
                 << (o.road_site ? format_minutes(o.travel_time_s, lang) : "") << "</td>";
        }
        page << "</tr>\n";
    }
    page << "</table>\n";
}

void write_parameters(std::ostream& page, const ReportModel& model) {
    page << "<h2 id=\"parameters\">" << report_text(model.lang).parameters
         << "</h2>\n<table class=\"parameters\">\n";
    for (const ParameterRow& row : parameter_rows(model.parameters, model.lang)) {
        page << "<tr data-key=\"" << row.key << "\"><th>" << markup_escape(row.label) << "</th><td>"
             << markup_escape(row.text) << "</td></tr>\n";
    }
    page << "</table>\n";
}

}  // namespace

std::string html_report(const ReportModel& model, const std::string& map_png) {
    const ReportText& t = report_text(model.lang);
    const PageFigures f = page_figures(model);
    const std::string title = model.title(model.lang);
    std::ostringstream page;
    page << "<!DOCTYPE html>\n<html lang=\"" << t.html_lang
         << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << markup_escape(title)
         << "</title>\n<style>\n"
         << kStyle << "</style>\n</head>\n<body>\n";
    page << "<h1>" << markup_escape(title) << "</h1>\n";
    page << "<p>"
         << fill(model.with_roads ? t.intro_road : t.intro_crow,
                 {std::to_string(model.origins.size())})
         << "</p>\n";
    write_figures(page, model, f);
    if (!map_png.empty()) {
        page << "<h2>" << t.h_map << "</h2>\n<img class=\"map\" alt=\"" << markup_escape(title)
             << "\" src=\"data:image/png;base64," << base64(map_png) << "\">\n";
    }
    page << "<h2>" << (model.with_roads ? t.h_hist_road : t.h_hist_crow) << "</h2>\n"
         << histogram_svg(model, f.shade);
    write_area_table(page, model);
    write_farthest_table(page, model);
    write_parameters(page, model);
    page << "<h2>" << t.h_sources << "</h2>\n<ul class=\"sources\">\n";
    for (const std::string& s : model.sources) page << "<li>" << markup_escape(s) << "</li>\n";
    page << "<li>" << fill(t.method_note, {"Lambert-93 (EPSG:2154)", SITECOVER_VERSION})
         << "</li>\n</ul>\n</body>\n</html>\n";
    return page.str();
}

}  // namespace sitecover::report
