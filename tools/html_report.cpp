#include "html_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <sstream>

#include "report_format.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::cli {
namespace {


std::string hex_colour(std::uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", rgb & 0xffffff);
    return buffer;
}

std::string minutes(double time_s) { return format_fixed(time_s / 60.0, 1) + " min"; }

// A threshold as given: "30 min", "19 km", "12.5 km".
std::string threshold(double value, double unit, const char* name) {
    const double v = value / unit;
    return format_fixed(v, v == std::floor(v) ? 0 : 1) + " " + name;
}

// Shade values (seconds or metres) in bins of one minute or one kilometre, as an inline SVG bar
// chart coloured by the map's classes.
std::string histogram_svg(const ReportModel& model, const std::vector<double>& values) {
    const double unit = model.with_roads ? 60.0 : 1000.0;
    const char* unit_name = model.with_roads ? "min" : "km";
    if (values.empty()) return "<p>No origin has a nearest site.</p>";
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

std::string html_report(const ReportModel& model, const std::string& map_png) {
    const std::vector<Site>& sites = *model.sites;
    const std::vector<Area>& areas = model.areas->areas();
    std::vector<double> distances_m, times_s, shade;
    double population = 0.0, population_within_time = 0.0;
    bool any_population = false;
    std::size_t within_distance = 0, within_time = 0;
    for (const ReportOrigin& o : model.origins) {
        if (o.site) {
            distances_m.push_back(o.distance_m);
            if (o.distance_m <= model.within_m) ++within_distance;
        }
        if (o.road_site) {
            times_s.push_back(o.travel_time_s);
            if (o.travel_time_s <= model.within_s) ++within_time;
        }
        if (const auto v = model.shade_value(o)) shade.push_back(*v);
        if (o.population) {
            any_population = true;
            population += *o.population;
            if (o.road_site && o.travel_time_s <= model.within_s)
                population_within_time += *o.population;
        }
    }
    const Summary d = summarize(distances_m);
    const Summary t = summarize(times_s);
    const std::size_t n = model.origins.size();

    std::ostringstream page;
    page << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
         << markup_escape(model.title()) << "</title>\n<style>\n"
         << "body{font-family:system-ui,-apple-system,'DejaVu "
            "Sans',sans-serif;max-width:1100px;margin:2em auto;"
            "padding:0 1em;color:#222;line-height:1.4}\n"
            "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-"
            "bottom:1px solid #ccc}\n"
            ".figures{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}\n"
            ".figure{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:11em}\n"
            ".figure b{display:block;font-size:1.5em}\n"
            "table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px "
            "solid #e3e3e3;"
            "padding:.3em .5em;text-align:left}td.num,th.num{text-align:right}\n"
            "tr.uncovered td{background:#fde0dd;color:#a50f15;font-weight:bold}\n"
            "img.map{width:100%;height:auto;border:1px solid #ddd}\n"
            ".sources{font-size:.85em;color:#555}\n</style>\n</head>\n<body>\n";
    page << "<h1>" << markup_escape(model.title()) << "</h1>\n";
    page << "<p>"
         << (model.with_roads ? "Travel times by road and distances"
                              : "Distances as the crow flies (WGS84 geodesic)")
         << " from each of the " << n << " communes to its nearest France Services.</p>\n";

    page << "<div class=\"figures\">\n";
    auto figure = [&](const std::string& value, const std::string& label) {
        page << "<div class=\"figure\"><b>" << markup_escape(value) << "</b>" << markup_escape(label)
             << "</div>\n";
    };
    figure(std::to_string(model.covered_count()) + "/" + std::to_string(model.area_rows.size()),
           model.noun + " covered");
    figure(std::to_string(model.sites_inside.size()), "France Services inside");
    figure(std::to_string(n), "communes");
    if (d.count > 0) {
        figure(format_km(d.max), "farthest commune (crow-fly)");
        figure(format_km(d.mean), "mean distance");
        figure(std::to_string(within_distance) + "/" + std::to_string(n),
               "communes within " + threshold(model.within_m, 1000.0, "km"));
    }
    if (model.with_roads && t.count > 0) {
        figure(minutes(t.max), "longest trip by road");
        figure(minutes(t.mean), "mean travel time");
        figure(std::to_string(within_time) + "/" + std::to_string(n),
               "communes within " + threshold(model.within_s, 60.0, "min"));
        if (any_population && population > 0) {
            figure(format_fixed(100.0 * population_within_time / population, 1) + " %",
                   "of " + format_fixed(population, 0) + " inhabitants within " +
                       threshold(model.within_s, 60.0, "min"));
        }
    } else if (any_population) {
        figure(format_fixed(population, 0), "inhabitants");
    }
    page << "</div>\n";

    if (!map_png.empty()) {
        page << "<h2>Map</h2>\n<img class=\"map\" alt=\"map: " << markup_escape(model.title())
             << "\" src=\"data:image/png;base64," << base64(map_png) << "\">\n";
    }

    page << "<h2>" << (model.with_roads ? "Travel times" : "Distances") << " of the communes</h2>\n"
         << histogram_svg(model, shade);

    std::string heading = model.noun.empty() ? "areas" : model.noun;
    heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
    page << "<h2>" << markup_escape(heading) << "</h2>\n<table>\n<tr><th>code</th><th>name</th>"
         << "<th class=\"num\">sites</th><th>site ids</th><th>covered</th><th "
            "class=\"num\">margin</th>"
         << "<th class=\"num\">communes</th><th>farthest commune (crow-fly)</th>"
         << (model.with_roads ? "<th>longest trip by road</th>" : "") << "</tr>\n";
    for (const ReportArea& a : model.area_rows) {
        const Area& area = areas[a.area];
        std::string ids;
        for (const std::size_t s : a.sites) ids += (ids.empty() ? "" : " ") + sites[s].id;
        page << "<tr" << (a.covered() ? "" : " class=\"uncovered\"") << "><td>" << markup_escape(area.code)
             << "</td><td>" << markup_escape(area.name) << "</td><td class=\"num\">" << a.sites.size()
             << "</td><td>" << markup_escape(ids) << "</td><td>" << (a.covered() ? "yes" : "NO")
             << "</td><td class=\"num\">" << (a.margin_m ? format_fixed(*a.margin_m, 0) + " m" : "")
             << "</td><td class=\"num\">" << a.origins << "</td><td>";
        if (a.worst_distance_origin) {
            const ReportOrigin& o = model.origins[*a.worst_distance_origin];
            page << markup_escape(o.name) << ": " << format_km(o.distance_m);
        }
        page << "</td>";
        if (model.with_roads) {
            page << "<td>";
            if (a.worst_time_origin) {
                const ReportOrigin& o = model.origins[*a.worst_time_origin];
                page << markup_escape(o.name) << ": " << minutes(o.travel_time_s);
            }
            page << "</td>";
        }
        page << "</tr>\n";
    }
    page << "</table>\n";

    // The communes farthest from a site, by the shading's measure.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [&](std::size_t i) { return model.shade_value(model.origins[i]).value_or(-1.0); };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
    constexpr std::size_t kListed = 15;
    page << "<h2>The " << std::min(kListed, n) << " communes farthest from a site</h2>\n<table>\n"
         << "<tr><th>code</th><th>commune</th><th>nearest site</th><th class=\"num\">distance</th>"
         << (model.with_roads ? "<th>nearest by road</th><th class=\"num\">by road</th><th "
                                "class=\"num\">time</th>"
                              : "")
         << "</tr>\n";
    for (std::size_t k = 0; k < std::min(kListed, n); ++k) {
        const ReportOrigin& o = model.origins[order[k]];
        page << "<tr><td>" << markup_escape(o.code) << "</td><td>" << markup_escape(o.name) << "</td><td>"
             << (o.site ? markup_escape(sites[*o.site].name) + " (" + markup_escape(sites[*o.site].id) + ")"
                        : "none")
             << "</td><td class=\"num\">" << (o.site ? format_km(o.distance_m) : "") << "</td>";
        if (model.with_roads) {
            page << "<td>" << (o.road_site ? markup_escape(sites[*o.road_site].name) : "unreachable")
                 << "</td><td class=\"num\">" << (o.road_site ? format_km(o.road_distance_m) : "")
                 << "</td><td class=\"num\">" << (o.road_site ? minutes(o.travel_time_s) : "")
                 << "</td>";
        }
        page << "</tr>\n";
    }
    page << "</table>\n";

    page << "<h2>Sources</h2>\n<ul class=\"sources\">\n";
    for (const std::string& s : model.sources) page << "<li>" << markup_escape(s) << "</li>\n";
    page << "<li>Distances: WGS84 ellipsoid geodesics (Karney, PROJ); map in Lambert-93 "
            "(EPSG:2154). "
            "Made with sitecover.</li>\n</ul>\n</body>\n</html>\n";
    return page.str();
}

}  // namespace sitecover::cli
