#include "sitecover/report/html_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <optional>
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
// chart coloured by the map's classes; each bar says its class and count in the page's words.
std::string histogram_svg(const ReportModel& model, const std::vector<double>& values) {
    const ReportText& t = report_text(model.lang);
    const double unit = model.with_roads ? 60.0 : 1000.0;
    const char* unit_name = model.with_roads ? "min" : "km";
    if (values.empty()) return std::string("<p>") + t.no_answer + "</p>";
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
        << "\" viewBox=\"0 0 " << w << " " << h << "\" role=\"img\" aria-label=\""
        << markup_escape(model.with_roads ? t.h_hist_road : t.h_hist_crow)
        << "\" font-family=\"sans-serif\" font-size=\"11\">\n";
    for (std::size_t i = 0; i < bins; ++i) {
        const double bar_h =
            (h - bottom - top) * static_cast<double>(counts[i]) / static_cast<double>(peak);
        const std::uint32_t rgb =
            model.shade_classes[model.shade_class_of((static_cast<double>(i) + 0.5) * unit)].rgb;
        const std::string range =
            fill(t.class_range, {std::to_string(i), std::to_string(i + 1), unit_name});
        svg << "<rect x=\"" << left + bar_w * static_cast<double>(i) << "\" y=\""
            << h - bottom - bar_h << "\" width=\"" << bar_w - 1 << "\" height=\"" << bar_h
            << "\" fill=\"" << hex_colour(rgb) << "\" stroke=\"#777\" stroke-width=\"0.5\"><title>"
            << markup_escape(
                   fill(t.h_bar,
                        {range, std::to_string(counts[i]),
                         noun_for(t.f_communes, static_cast<long long>(counts[i]), model.lang)}))
            << "</title></rect>\n";
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
    "caption{text-align:left;color:#555;font-size:.9em;padding:.3em 0}\n"
    "table.sortable thead th{cursor:pointer}table.sortable thead th:after{content:' \\2195';"
    "color:#aaa}\n"
    "table.sortable thead th[aria-sort=ascending]:after{content:' \\2191';color:#222}\n"
    "table.sortable thead th[aria-sort=descending]:after{content:' \\2193';color:#222}\n"
    "tr.uncovered td{background:#fde0dd;color:#a50f15;font-weight:bold}\n"
    "tr.fragile td{background:#fff3cd}\n"
    "table.parameters tbody th{width:16em;font-weight:normal;color:#555}\n"
    "img.map{width:100%;height:auto;border:1px solid #ddd}\n"
    ".sources{font-size:.85em;color:#555}\n"
    "header.block{display:flex;align-items:center;gap:1em}header.block img{max-height:80px}\n"
    "footer.block{margin-top:2em;border-top:1px solid #ccc;padding-top:.5em;color:#333}\n"
    // A4 print: headings stay with what follows, table heads repeat, rows stay whole, the map
    // takes a page of its own.
    "@page{size:A4;margin:14mm 12mm}\n"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
    "h1,h2,caption{break-after:avoid;page-break-after:avoid}"
    "thead{display:table-header-group}tr,.figure,svg{break-inside:avoid;page-break-inside:avoid}"
    "section.map{break-before:page;page-break-before:always;break-after:page;"
    "page-break-after:always}"
    "img.map{border:none;max-height:250mm;object-fit:contain}"
    "table.sortable thead th:after{content:''}a{color:inherit;text-decoration:none}}\n";

// Sorts a table.sortable by the column whose head is clicked (or Enter on it); cells sort by
// their data-sort value when they have one (raw numbers), else by their text. "#sort=ID:N"
// (or "#sort=ID:-N") in the address sorts table ID by column N when the page opens.
constexpr const char* kSortScript =
    "(function(){function key(c){var v=c.getAttribute('data-sort');if(v!==null&&v!=='')"
    "return parseFloat(v);return c.textContent.trim().toLowerCase();}\n"
    "function sort(t,i,asc){var b=t.tBodies[0],r=Array.prototype.slice.call(b.rows);"
    "r.sort(function(x,y){var a=key(x.cells[i]),c=key(y.cells[i]),d;"
    "if(typeof a==='number'&&typeof c==='number')d=a-c;"
    "else if(typeof a==='number')d=-1;else if(typeof c==='number')d=1;"
    "else d=a.localeCompare(c,document.documentElement.lang);return asc?d:-d;});"
    "r.forEach(function(x){b.appendChild(x);});"
    "Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,j){"
    "h.setAttribute('aria-sort',j===i?(asc?'ascending':'descending'):'none');});}\n"
    "document.querySelectorAll('table.sortable').forEach(function(t){"
    "Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){h.tabIndex=0;"
    "h.setAttribute('aria-sort','none');function go(){"
    "sort(t,i,h.getAttribute('aria-sort')!=='ascending');}"
    "h.addEventListener('click',go);h.addEventListener('keydown',function(e){"
    "if(e.key==='Enter')go();});});});\n"
    "var m=/^#sort=([\\w-]+):(-?)(\\d+)$/.exec(location.hash);if(m){"
    "var t=document.getElementById(m[1]);if(t&&t.tHead)sort(t,+m[3],m[2]!=='-');}})();\n";

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
    const auto areas = static_cast<long long>(model.area_rows.size());
    const auto fragile = static_cast<long long>(model.fragile_count());
    figure(std::to_string(model.covered_count()) + "/" + std::to_string(areas),
           fill(t.f_covered,
                {noun_for(model.noun, areas, lang), covered_word(model.noun, areas, lang)}));
    figure(std::to_string(fragile),
           fill(t.f_fragile,
                {noun_for(model.noun, fragile, lang), format_threshold(model.fragile_m, "m", lang),
                 fragile_word(fragile, lang)}),
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
    const std::string catchment =
        model.with_roads ? within_min : format_threshold(model.within_m / 1000.0, "km", lang);
    if (model.access_gini)
        figure(format_number(*model.access_gini, 3, lang), fill(t.f_access_gini, {catchment}));
    if (model.access_palma)
        figure(format_number(*model.access_palma, 2, lang), fill(t.f_access_palma, {catchment}));
    page << "</div>\n";
}

// A raw number for the sorting script.
std::string sort_key(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return buffer;
}

// <th scope="col"> heads of a table, "num" ones right-aligned.
void write_head(std::ostream& page, const std::vector<std::pair<std::string, bool>>& heads,
                const char* hint) {
    page << "<thead>\n<tr>";
    for (const auto& [text, num] : heads) {
        page << "<th scope=\"col\"" << (num ? " class=\"num\"" : "") << " title=\"" << hint << "\">"
             << markup_escape(text) << "</th>";
    }
    page << "</tr>\n</thead>\n<tbody>\n";
}

// "Commune : 12,3 km" of an area's worst origin.
std::string worst_cell(const ReportModel& model, const std::optional<std::size_t>& origin,
                       bool by_time) {
    if (!origin) return "<td></td>";
    const ReportOrigin& o = model.origins[*origin];
    const double value = by_time ? o.travel_time_s : o.distance_m;
    return "<td data-sort=\"" + sort_key(value) + "\">" +
           markup_escape(label_value(
               o.name, by_time ? format_minutes(value, model.lang) : format_km(value, model.lang),
               model.lang)) +
           "</td>";
}

std::string capitalised(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

void write_area_table(std::ostream& page, const ReportModel& model) {
    const ReportText& t = report_text(model.lang);
    const Lang lang = model.lang;
    const std::vector<Site>& sites = *model.sites;
    const std::vector<Area>& areas = model.areas->areas();
    const std::string noun = model.noun.empty() ? std::string(t.p_areas) : model.noun;
    page << "<h2>" << markup_escape(capitalised(noun))
         << "</h2>\n<table class=\"areas sortable\" id=\"areas\">\n<caption>"
         << markup_escape(fill(t.t_caption_areas, {noun})) << "</caption>\n";
    std::vector<std::pair<std::string, bool>> heads = {
        {t.t_code, false},    {t.t_name, false},  {t.t_sites, true},    {t.t_site_ids, false},
        {t.t_covered, false}, {t.t_margin, true}, {t.t_communes, true}, {t.t_farthest, false}};
    if (model.with_roads) heads.emplace_back(t.t_longest_trip, false);
    write_head(page, heads, t.t_sort_hint);
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
             << "</td><td class=\"num\" data-sort=\"" << (a.margin_m ? sort_key(*a.margin_m) : "")
             << "\">"
             << (a.margin_m ? format_number(*a.margin_m, 0, lang) + unit_space(lang) + "m" : "")
             << "</td><td class=\"num\">" << a.origins << "</td>"
             << worst_cell(model, a.worst_distance_origin, false);
        if (model.with_roads) page << worst_cell(model, a.worst_time_origin, true);
        page << "</tr>\n";
    }
    page << "</tbody>\n</table>\n";
}

// A number cell with its raw value for sorting; empty when absent.
std::string number_cell(bool present, double value, const std::string& text) {
    return present ? "<td class=\"num\" data-sort=\"" + sort_key(value) + "\">" + text + "</td>"
                   : "<td class=\"num\"></td>";
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
    const std::string listed = std::to_string(std::min(kListed, n));
    page << "<h2>" << fill(t.h_farthest, {listed})
         << "</h2>\n<table class=\"farthest sortable\" id=\"farthest\">\n<caption>"
         << markup_escape(fill(t.t_caption_farthest, {listed})) << "</caption>\n";
    std::vector<std::pair<std::string, bool>> heads = {
        {t.t_code, false}, {t.t_commune, false}, {t.t_nearest_site, false}, {t.t_distance, true}};
    if (model.with_roads) {
        heads.insert(heads.end(),
                     {{t.t_nearest_road, false}, {t.t_by_road, true}, {t.t_time, true}});
    }
    write_head(page, heads, t.t_sort_hint);
    for (std::size_t k = 0; k < std::min(kListed, n); ++k) {
        const ReportOrigin& o = model.origins[order[k]];
        page << "<tr><td>" << markup_escape(o.code) << "</td><td>" << markup_escape(o.name)
             << "</td><td>"
             << (o.site ? markup_escape(sites[*o.site].name) + " (" +
                              markup_escape(sites[*o.site].id) + ")"
                        : t.none)
             << "</td>"
             << number_cell(o.site.has_value(), o.distance_m,
                            o.site ? format_km(o.distance_m, lang) : "");
        if (model.with_roads) {
            const bool road = o.road_site.has_value();
            page << "<td>" << (road ? markup_escape(sites[*o.road_site].name) : t.unreachable)
                 << "</td>"
                 << number_cell(road, o.road_distance_m,
                                road ? format_km(o.road_distance_m, lang) : "")
                 << number_cell(road, o.travel_time_s,
                                road ? format_minutes(o.travel_time_s, lang) : "");
        }
        page << "</tr>\n";
    }
    page << "</tbody>\n</table>\n";
}

void write_parameters(std::ostream& page, const ReportModel& model) {
    const ReportText& t = report_text(model.lang);
    page << "<h2 id=\"parameters\">" << t.parameters
         << "</h2>\n<table class=\"parameters\">\n<caption>" << t.t_caption_parameters
         << "</caption>\n<thead>\n<tr><th scope=\"col\">"
         << markup_escape(field_alias("label", model.lang)) << "</th><th scope=\"col\">"
         << markup_escape(field_alias("value", model.lang)) << "</th></tr>\n</thead>\n<tbody>\n";
    for (const ParameterRow& row : parameter_rows(model.parameters, model.lang)) {
        page << "<tr data-key=\"" << row.key << "\"><th scope=\"row\">" << markup_escape(row.label)
             << "</th><td>" << markup_escape(row.text) << "</td></tr>\n";
    }
    page << "</tbody>\n</table>\n";
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
    if (!model.block.logo.empty()) {
        page << "<header class=\"block\"><img alt=\"" << t.logo_alt
             << "\" src=\"data:" << (model.block.logo_is_svg() ? "image/svg+xml" : "image/png")
             << ";base64," << base64(model.block.logo) << "\"></header>\n";
    }
    page << "<h1>" << markup_escape(title) << "</h1>\n";
    page << "<p>"
         << fill(model.with_roads ? t.intro_road : t.intro_crow,
                 {std::to_string(model.origins.size())})
         << "</p>\n";
    write_figures(page, model, f);
    if (!map_png.empty()) {
        page << "<section class=\"map\">\n<h2>" << t.h_map << "</h2>\n<img class=\"map\" alt=\""
             << markup_escape(title) << "\" src=\"data:image/png;base64," << base64(map_png)
             << "\">\n</section>\n";
    }
    page << "<h2>" << (model.with_roads ? t.h_hist_road : t.h_hist_crow) << "</h2>\n"
         << histogram_svg(model, f.shade);
    write_area_table(page, model);
    write_farthest_table(page, model);
    write_parameters(page, model);
    page << "<h2>" << t.h_sources << "</h2>\n<ul class=\"sources\">\n";
    for (const std::string& s : model.sources) page << "<li>" << markup_escape(s) << "</li>\n";
    page << "<li>" << fill(t.method_note, {"Lambert-93 (EPSG:2154)", SITECOVER_VERSION})
         << "</li>\n</ul>\n";
    if (!model.block.footer.empty())
        page << "<footer class=\"block\">" << markup_escape(model.block.footer) << "</footer>\n";
    page << "<script>\n" << kSortScript << "</script>\n</body>\n</html>\n";
    return page.str();
}

}  // namespace sitecover::report
