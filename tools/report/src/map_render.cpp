#include "sitecover/report/map_render.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <numbers>
#include <regex>
#include <sstream>
#include <vector>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include "sitecover/error.hpp"
#include "sitecover/report/html_report.hpp"
#include "sitecover/report/palette.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/report/report_text.hpp"
#include "sitecover/report/svg_text.hpp"

namespace sitecover::report {
namespace {

constexpr double kPi = std::numbers::pi;

struct Box {
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const Box& o) const { return x0 >= o.x0 && x1 <= o.x1 && y0 >= o.y0 && y1 <= o.y1; }
};

void set_rgb(cairo_t* cr, std::uint32_t rgb, double alpha = 1.0) {
    cairo_set_source_rgba(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                          (rgb & 0xff) / 255.0, alpha);
}

// Projected metres -> image pixels: the areas' bounding box fitted into the map frame.
class Viewport {
public:
    // `px_per_m` > 0: that scale, centred on the areas; else the areas fill the frame.
    Viewport(const MapScene& scene, const Box& frame, double px_per_m = 0.0) {
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (const MapShape& shape : scene.area_shapes) {
            for (const auto& ring : shape) {
                for (const MapXY& p : ring) {
                    x0 = std::min(x0, p.x_m);
                    x1 = std::max(x1, p.x_m);
                    y0 = std::min(y0, p.y_m);
                    y1 = std::max(y1, p.y_m);
                }
            }
        }
        if (x0 > x1) x0 = y0 = 0.0, x1 = y1 = 1.0;
        const double w = std::max(x1 - x0, 1.0), h = std::max(y1 - y0, 1.0);
        px_per_m_ = px_per_m > 0.0
                        ? px_per_m
                        : 0.96 * std::min((frame.x1 - frame.x0) / w, (frame.y1 - frame.y0) / h);
        cx_m_ = (x0 + x1) / 2.0;
        cy_m_ = (y0 + y1) / 2.0;
        cx_px_ = (frame.x0 + frame.x1) / 2.0;
        cy_px_ = (frame.y0 + frame.y1) / 2.0;
    }
    double x(const MapXY& p) const { return cx_px_ + (p.x_m - cx_m_) * px_per_m_; }
    double y(const MapXY& p) const { return cy_px_ - (p.y_m - cy_m_) * px_per_m_; }
    double px_per_m() const { return px_per_m_; }

private:
    double px_per_m_ = 1.0, cx_m_ = 0.0, cy_m_ = 0.0, cx_px_ = 0.0, cy_px_ = 0.0;
};

// Drawing simplifies each line to the map's pixel size before Cairo rasterises it, so that the
// cost follows what the image can show, not the number of vertices (a 100k-vertex area drew in
// minutes as PNG). In device units (pixels; points for SVG and PDF), two rules, one pass:
//  - a vertex closer than kNearPx to the last one kept is dropped (a dense outline);
//  - a back-and-forth A B A' B' with A' within kSpikePx of A and B' of B is kept as A B (a
//    bundle of spikes thinner than a pixel is drawn as one spike).
// The first and last vertices are always kept, so rings stay closed as they were.
constexpr double kNearPx = 0.05;
constexpr double kSpikePx = 0.5;

struct Px {
    double x = 0.0, y = 0.0;
};

bool within(const Px& a, const Px& b, double d) {
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy < d * d;
}

std::vector<Px> simplified(const Viewport& view, const std::vector<MapXY>& points) {
    std::vector<Px> out;
    out.reserve(std::min<std::size_t>(points.size(), 4096));
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Px p{view.x(points[i]), view.y(points[i])};
        const bool last = i + 1 == points.size();
        const std::size_t n = out.size();
        if (!last && n > 0 && within(p, out[n - 1], kNearPx)) continue;
        if (!last && n >= 3 && within(p, out[n - 2], kSpikePx) &&
            within(out[n - 1], out[n - 3], kSpikePx)) {
            out.pop_back();  // A B A' + B': keep A B
            continue;
        }
        out.push_back(p);
    }
    return out;
}

void shape_path(cairo_t* cr, const Viewport& view, const MapShape& shape) {
    for (const auto& ring : shape) {
        if (ring.empty()) continue;
        const std::vector<Px> px = simplified(view, ring);
        cairo_move_to(cr, px[0].x, px[0].y);
        for (std::size_t i = 1; i < px.size(); ++i) cairo_line_to(cr, px[i].x, px[i].y);
        cairo_close_path(cr);
    }
}

void font(cairo_t* cr, double size, bool bold = false, bool italic = false) {
    cairo_select_font_face(cr, "DejaVu Sans",
                           italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

// For SVG, words are recorded (see svg_text.hpp) instead of drawn: the recorder hangs on the
// Cairo context as user data, so the drawing code is the same for every format.
const cairo_user_data_key_t kTextRecorder{};

bool record_text(cairo_t* cr, const std::string& s, double x, double y, std::uint32_t rgb,
                 double halo) {
    auto* texts = static_cast<std::vector<SvgText>*>(cairo_get_user_data(cr, &kTextRecorder));
    if (texts == nullptr) return false;
    cairo_user_to_device(cr, &x, &y);
    cairo_matrix_t m;
    cairo_get_font_matrix(cr, &m);
    cairo_font_face_t* face = cairo_get_font_face(cr);
    SvgText t;
    t.text = s;
    t.x = x;
    t.y = y;
    t.size = std::hypot(m.xx, m.yx);
    t.bold = cairo_toy_font_face_get_weight(face) == CAIRO_FONT_WEIGHT_BOLD;
    t.italic = cairo_toy_font_face_get_slant(face) == CAIRO_FONT_SLANT_ITALIC;
    t.rgb = rgb;
    t.halo = halo;
    texts->push_back(std::move(t));
    return true;
}

// The box of `text` drawn with its baseline starting at (x, y).
Box text_box(cairo_t* cr, const std::string& text, double x, double y) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    return {x + e.x_bearing, y + e.y_bearing, x + e.x_bearing + e.width,
            y + e.y_bearing + e.height};
}

void text(cairo_t* cr, const std::string& s, double x, double y, std::uint32_t rgb = 0x222222) {
    if (record_text(cr, s, x, y, rgb, 0.0)) return;
    set_rgb(cr, rgb);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

// Text with a white halo, legible over any fill.
void halo_text(cairo_t* cr, const std::string& s, double x, double y, double halo_px,
               std::uint32_t rgb = 0x1a1a1a) {
    if (record_text(cr, s, x, y, rgb, halo_px)) return;
    cairo_move_to(cr, x, y);
    cairo_text_path(cr, s.c_str());
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    cairo_set_line_width(cr, halo_px);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    // The letters as text (not outlines), so a PDF's labels can be searched and copied.
    set_rgb(cr, rgb);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

void site_symbol(cairo_t* cr, SiteSymbol symbol, double x, double y, double s) {
    switch (symbol) {
        case SiteSymbol::Principal:
            cairo_arc(cr, x, y, 6.0 * s, 0, 2 * kPi);
            set_rgb(cr, palette::kSite);
            cairo_fill_preserve(cr);
            set_rgb(cr, palette::kHalo);
            cairo_set_line_width(cr, 1.8 * s);
            cairo_stroke(cr);
            break;
        case SiteSymbol::Antenne:
            cairo_move_to(cr, x, y - 7.5 * s);
            cairo_line_to(cr, x + 6.8 * s, y + 5.0 * s);
            cairo_line_to(cr, x - 6.8 * s, y + 5.0 * s);
            cairo_close_path(cr);
            set_rgb(cr, palette::kHalo);
            cairo_fill_preserve(cr);
            set_rgb(cr, palette::kSite);
            cairo_set_line_width(cr, 2.2 * s);
            cairo_stroke(cr);
            break;
        case SiteSymbol::Outside:
            cairo_arc(cr, x, y, 4.5 * s, 0, 2 * kPi);
            set_rgb(cr, palette::kSiteOutside);
            cairo_fill_preserve(cr);
            set_rgb(cr, palette::kHalo);
            cairo_set_line_width(cr, 1.2 * s);
            cairo_stroke(cr);
            break;
        case SiteSymbol::New:  // a five-pointed star, larger than the others
            for (int i = 0; i < 10; ++i) {
                const double r = (i % 2 == 0 ? 10.0 : 4.2) * s;
                const double a = -kPi / 2 + i * kPi / 5;
                if (i == 0) {
                    cairo_move_to(cr, x + r * std::cos(a), y + r * std::sin(a));
                } else {
                    cairo_line_to(cr, x + r * std::cos(a), y + r * std::sin(a));
                }
            }
            cairo_close_path(cr);
            set_rgb(cr, palette::kNewSite);
            cairo_fill_preserve(cr);
            set_rgb(cr, palette::kHalo);
            cairo_set_line_width(cr, 1.5 * s);
            cairo_stroke(cr);
            break;
    }
}

// Words of `s` in lines no wider than `width_px` with the current font.
std::vector<std::string> wrap(cairo_t* cr, const std::string& s, double width_px) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&] {
        if (word.empty()) return;
        const std::string candidate = line.empty() ? word : line + " " + word;
        cairo_text_extents_t e;
        cairo_text_extents(cr, candidate.c_str(), &e);
        if (e.x_advance > width_px && !line.empty()) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
        word.clear();
    };
    for (const char c : s) {
        if (c == ' ') {
            flush_word();
        } else {
            word += c;
        }
    }
    flush_word();
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// Largest "nice" length (km) whose bar fits in max_px.
double nice_scale_km(double px_per_m, double max_px) {
    constexpr double kSteps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    double best = kSteps[0];
    for (const double km : kSteps) {
        if (km * 1000.0 * px_per_m <= max_px) best = km;
    }
    return best;
}

constexpr double kPointsPerMetre = 72.0 / 0.0254;  // printed points per metre of paper

// The smallest round scale denominator (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 times a power of
// ten) at or above `n`: the printed map is then at most as large as the frame.
double round_scale_up(double n) {
    constexpr double kMantissas[] = {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 10};
    const double decade = std::pow(10.0, std::floor(std::log10(std::max(n, 1.0))));
    for (const double m : kMantissas) {
        if (m * decade >= n * (1.0 - 1e-12)) return m * decade;
    }
    return 10.0 * decade;
}

// Where the logo went (SVG user units): an SVG logo is added to an SVG map as an <image>.
struct LogoBox {
    double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
};

// Where things go on the sheet: the map frame, the legend, and the scale bar with the notes
// (parameters, sources). Landscape: one column on the right holds all three; portrait: the
// map on top, the legend and the notes side by side below it.
struct Sheet {
    double s = 1.0;  // symbol and text scale
    double margin = 0.0;
    bool portrait = false;
    Box frame, panel, notes;
};

Sheet sheet_for(double width, double height, bool page) {
    Sheet sh;
    // A page keeps fixed printed sizes (A4: 0.5, A3: 0.71); an image scales with its size.
    sh.s = page ? std::min(width, height) / 1190.0 : std::min(width / 1600.0, height / 1200.0);
    const double s = sh.s;
    sh.margin = 24.0 * s;
    const double title_h = 96.0 * s;
    sh.portrait = height > width * 1.15;
    if (sh.portrait) {
        const double panel_h = std::max(620.0 * s, 0.36 * height);
        const double top = height - panel_h;
        sh.frame = {sh.margin, title_h, width - sh.margin, top - sh.margin / 2.0};
        sh.panel = {sh.margin, top, width / 2.0 - sh.margin / 2.0, height - sh.margin};
        sh.notes = {width / 2.0, top, width - sh.margin, height - sh.margin};
        return sh;
    }
    const double panel_w = std::max(360.0 * s, 0.25 * width);
    sh.frame = {sh.margin, title_h, width - panel_w - sh.margin, height - sh.margin};
    sh.panel = {width - panel_w, title_h, width - sh.margin, height - sh.margin};
    sh.notes = sh.panel;
    return sh;
}

void stroke_line(cairo_t* cr, const Viewport& view, const std::vector<MapXY>& points) {
    const std::vector<Px> px = simplified(view, points);
    cairo_move_to(cr, px[0].x, px[0].y);
    for (std::size_t i = 1; i < px.size(); ++i) cairo_line_to(cr, px[i].x, px[i].y);
    cairo_stroke(cr);
}

// Motorways: a dark line with a white core; other main roads: a plain grey line.
void road_symbol(cairo_t* cr, RoadKind kind, double s, bool core) {
    if (kind == RoadKind::Motorway) {
        set_rgb(cr, core ? 0xffffff : 0x3a3a3a);
        cairo_set_line_width(cr, (core ? 1.4 : 4.4) * s);
    } else {
        set_rgb(cr, 0x6e6e6e);
        cairo_set_line_width(cr, 1.7 * s);
    }
}

void neighbour_style(cairo_t* cr, double s, bool outline) {
    set_rgb(cr, outline ? 0x9a9a9a : 0xe6e6e6);
    cairo_set_line_width(cr, 1.5 * s);
}

void site_commune_style(cairo_t* cr, double s, bool outline) {
    if (outline) {
        set_rgb(cr, 0x2171b5);
        cairo_set_line_width(cr, 1.4 * s);
    } else {
        set_rgb(cr, 0x9ecae1);
    }
}

// Neighbours, origins, communes with a site, roads, areas and sites, clipped to the frame.
// Returns the sites' boxes (obstacles for the labels).
std::vector<Box> draw_body(cairo_t* cr, const MapScene& scene, const Viewport& view,
                           const Sheet& sh) {
    const double s = sh.s;
    cairo_save(cr);
    cairo_rectangle(cr, sh.frame.x0, sh.frame.y0, sh.frame.x1 - sh.frame.x0,
                    sh.frame.y1 - sh.frame.y0);
    cairo_clip(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (const MapShape& shape : scene.neighbour_shapes) {
        shape_path(cr, view, shape);
        neighbour_style(cr, s, false);
        cairo_fill_preserve(cr);
        neighbour_style(cr, s, true);
        cairo_stroke(cr);
    }
    // Origins shaded by class, with thin outlines.
    for (std::size_t i = 0; i < scene.origin_shapes.size(); ++i) {
        shape_path(cr, view, scene.origin_shapes[i]);
        set_rgb(cr, scene.origin_rgb[i]);
        cairo_fill_preserve(cr);
        set_rgb(cr, palette::kOriginOutline);
        cairo_set_line_width(cr, 0.6 * s);
        cairo_stroke(cr);
    }
    for (std::size_t i = 0; i < scene.origin_points.size(); ++i) {
        cairo_arc(cr, view.x(scene.origin_points[i]), view.y(scene.origin_points[i]), 4.0 * s, 0,
                  2 * kPi);
        set_rgb(cr, scene.origin_rgb[i]);
        cairo_fill_preserve(cr);
        set_rgb(cr, palette::kOriginOutline);
        cairo_set_line_width(cr, 0.6 * s);
        cairo_stroke(cr);
    }
    for (const MapShape& shape : scene.site_commune_shapes) {
        shape_path(cr, view, shape);
        site_commune_style(cr, s, false);
        cairo_fill_preserve(cr);
        site_commune_style(cr, s, true);
        cairo_stroke(cr);
    }
    for (const bool core : {false, true}) {
        for (const MapScene::Road& road : scene.roads) {
            if (road.points.size() < 2 || (core && road.kind != RoadKind::Motorway)) continue;
            road_symbol(cr, road.kind, s, core);
            stroke_line(cr, view, road.points);
        }
    }
    // Areas: a wide dark outline (the union of all of them makes the département's outline),
    // uncovered ones in red on top.
    for (std::size_t i = 0; i < scene.area_shapes.size(); ++i) {
        shape_path(cr, view, scene.area_shapes[i]);
        set_rgb(cr, palette::kAreaOutline);
        cairo_set_line_width(cr, 2.2 * s);
        cairo_stroke(cr);
    }
    for (std::size_t i = 0; i < scene.area_shapes.size(); ++i) {
        if (scene.area_covered[i]) continue;
        shape_path(cr, view, scene.area_shapes[i]);
        set_rgb(cr, palette::kUncovered, 0.15);
        cairo_fill_preserve(cr);
        set_rgb(cr, palette::kUncovered);
        cairo_set_line_width(cr, 4.5 * s);
        cairo_stroke(cr);
    }
    std::vector<Box> taken;
    for (const MapScene::Site& site : scene.sites) {
        const double x = view.x(site.at), y = view.y(site.at);
        if (x < sh.frame.x0 || x > sh.frame.x1 || y < sh.frame.y0 || y > sh.frame.y1) continue;
        site_symbol(cr, site.symbol, x, y, s);
        const double r = 7.5 * s;
        taken.push_back({x - r, y - r, x + r, y + r});
    }
    cairo_restore(cr);
    return taken;
}

// Places `label` at the first free candidate offset (dx, dy in units of `step`) around
// (ax, ay), the text's centre at offset 0; returns false when none is free.
bool place_label(cairo_t* cr, const std::string& label, double ax, double ay,
                 const std::vector<std::pair<double, double>>& offsets, double step,
                 const Box& frame, std::vector<Box>& taken, double s, std::uint32_t rgb) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, label.c_str(), &e);
    const double w = e.width, h = e.height, pad = 2.0 * s;
    for (const auto& [dx, dy] : offsets) {
        // Offsets to the side move the text by its half width plus `step`.
        const double cx = ax + dx * (step + (dx != 0 ? w / 2.0 : 0.0));
        const double cy = ay + dy * (step + (dy != 0 ? h / 2.0 : 0.0));
        const double bx = cx - w / 2.0, by = cy + h / 2.0;
        const Box box = text_box(cr, label, bx - e.x_bearing, by);
        const Box padded{box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad};
        if (!padded.inside(frame)) continue;
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const Box& b) { return b.overlaps(padded); }))
            continue;
        halo_text(cr, label, bx - e.x_bearing, by, 4.0 * s, rgb);
        taken.push_back(padded);
        return true;
    }
    return false;
}

// Area labels (bold) at their label point or nudged around it, then the names of the communes
// holding a site, beside their site. A label that fits nowhere is left out rather than drawn
// over another.
void draw_labels(cairo_t* cr, const MapScene& scene, const Viewport& view, const Sheet& sh,
                 std::vector<Box>& taken, MapLayout& layout) {
    const double s = sh.s;
    std::vector<std::pair<double, double>> around = {{0, 0}};
    for (const double r : {0.6, 1.2, 1.8, 2.6}) {
        for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{{0, -1},
                                                                           {0, 1},
                                                                           {1, 0},
                                                                           {-1, 0},
                                                                           {0.7, -0.7},
                                                                           {-0.7, -0.7},
                                                                           {0.7, 0.7},
                                                                           {-0.7, 0.7}}) {
            around.emplace_back(dx * r, dy * r);
        }
    }
    font(cr, 15.0 * s, true);
    for (std::size_t i = 0; i < scene.area_labels.size(); ++i) {
        const MapXY& at = scene.area_label_points[i];
        const bool placed = place_label(cr, scene.area_labels[i], view.x(at), view.y(at), around,
                                        18.0 * s, sh.frame, taken, s, 0x1a1a1a);
        ++(placed ? layout.labels_placed : layout.labels_dropped);
    }
    const std::vector<std::pair<double, double>> beside = {
        {1, 0}, {-1, 0}, {0, -1}, {0, 1}, {0.8, -0.8}, {-0.8, -0.8}, {0.8, 0.8}, {-0.8, 0.8}};
    font(cr, 11.5 * s, false, true);
    for (std::size_t i = 0; i < scene.site_commune_labels.size(); ++i) {
        const MapXY& at = scene.site_commune_label_points[i];
        const bool placed = place_label(cr, scene.site_commune_labels[i], view.x(at), view.y(at),
                                        beside, 12.0 * s, sh.frame, taken, s, 0x08306b);
        if (!placed) ++layout.commune_labels_dropped;
    }
}

// One legend row: a swatch drawn by `swatch` in a 34 x 22 box at (x, y - 16), then the label.
template <class Swatch>
void legend_row(cairo_t* cr, double x, double& y, double s, const std::string& label,
                Swatch swatch) {
    swatch(x, y - 16.0 * s, 34.0 * s, 22.0 * s);
    text(cr, label, x + 46.0 * s, y);
    y += 28.0 * s;
}

// The shade classes, the symbols and the context (roads, neighbours).
double draw_legend(cairo_t* cr, const MapScene& scene, const Sheet& sh) {
    const double s = sh.s;
    const ReportText& t = report_text(scene.lang);
    double y = sh.panel.y0 + 20.0 * s;
    const double x = sh.panel.x0 + 10.0 * s;
    font(cr, 19.0 * s, true);
    text(cr, scene.legend_title, x, y);
    y += 32.0 * s;
    font(cr, 16.0 * s);
    for (const MapScene::LegendEntry& entry : scene.legend) {
        legend_row(cr, x, y, s, entry.label, [&](double bx, double by, double bw, double bh) {
            cairo_rectangle(cr, bx, by, bw, bh);
            set_rgb(cr, entry.rgb);
            cairo_fill_preserve(cr);
            set_rgb(cr, 0x8c8c8c);
            cairo_set_line_width(cr, 0.8 * s);
            cairo_stroke(cr);
        });
    }
    y += 14.0 * s;
    font(cr, 19.0 * s, true);
    text(cr, t.map_heading_sites, x, y);
    y += 30.0 * s;
    font(cr, 16.0 * s);
    std::vector<std::pair<SiteSymbol, const char*>> symbols = {
        {SiteSymbol::Principal, t.site_principal},
        {SiteSymbol::Antenne, t.site_antenne},
        {SiteSymbol::Outside, t.site_outside}};
    if (std::any_of(scene.sites.begin(), scene.sites.end(),
                    [](const MapScene::Site& site) { return site.symbol == SiteSymbol::New; })) {
        symbols.emplace_back(SiteSymbol::New, t.site_new);
    }
    for (const auto& entry : symbols) {
        const SiteSymbol symbol = entry.first;  // a lambda may not capture a structured binding
        legend_row(cr, x, y, s, entry.second, [&](double bx, double by, double bw, double bh) {
            site_symbol(cr, symbol, bx + bw / 2.0, by + bh / 2.0, s);
        });
    }
    auto box = [&](auto style) {
        return [&, style](double bx, double by, double bw, double bh) {
            cairo_rectangle(cr, bx, by, bw, bh);
            style(false);
            cairo_fill_preserve(cr);
            style(true);
            cairo_stroke(cr);
        };
    };
    if (!scene.site_commune_shapes.empty()) {
        legend_row(cr, x, y, s, t.commune_with_site,
                   box([&](bool outline) { site_commune_style(cr, s, outline); }));
    }
    legend_row(cr, x, y, s, t.area_outline, box([&](bool outline) {
                   set_rgb(cr, palette::kAreaOutline, outline ? 1.0 : 0.0);
                   cairo_set_line_width(cr, 2.2 * s);
               }));
    legend_row(cr, x, y, s, t.area_uncovered, box([&](bool outline) {
                   set_rgb(cr, palette::kUncovered, outline ? 1.0 : 0.15);
                   cairo_set_line_width(cr, 4.5 * s);
               }));
    for (const RoadKind kind : {RoadKind::Motorway, RoadKind::MainRoad}) {
        if (std::none_of(scene.roads.begin(), scene.roads.end(),
                         [&](const MapScene::Road& r) { return r.kind == kind; }))
            continue;
        legend_row(cr, x, y, s, kind == RoadKind::Motorway ? t.motorway : t.main_road,
                   [&](double bx, double by, double bw, double bh) {
                       for (const bool core : {false, true}) {
                           if (core && kind != RoadKind::Motorway) continue;
                           road_symbol(cr, kind, s, core);
                           cairo_move_to(cr, bx, by + bh / 2.0);
                           cairo_line_to(cr, bx + bw, by + bh / 2.0);
                           cairo_stroke(cr);
                       }
                   });
    }
    if (!scene.neighbour_shapes.empty()) {
        legend_row(cr, x, y, s, t.neighbour,
                   box([&](bool outline) { neighbour_style(cr, s, outline); }));
    }
    return y;
}

// Scale bar (four alternating segments, labelled in kilometres), "1:N" on a page, and the
// north arrow along the true meridian.
void draw_scale(cairo_t* cr, const MapScene& scene, const Viewport& view, const Sheet& sh, double y,
                MapLayout& layout) {
    const double s = sh.s;
    const double x = sh.notes.x0 + 10.0 * s;
    const Lang lang = scene.lang;
    const double max_px = sh.notes.x1 - x - 110.0 * s;
    double bar_km = scene.scale_bar_km;
    if (!(bar_km > 0.0) || bar_km * 1000.0 * view.px_per_m() > max_px)
        bar_km = nice_scale_km(view.px_per_m(), max_px);
    const double bar_px = bar_km * 1000.0 * view.px_per_m();
    layout.scale_bar_km = bar_km;
    layout.scale_bar_px = bar_px;
    const double bar_h = 9.0 * s;
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, x + bar_px * i / 4.0, y, bar_px / 4.0, bar_h);
        set_rgb(cr, i % 2 == 0 ? 0x252525 : 0xffffff);
        cairo_fill_preserve(cr);
        set_rgb(cr, 0x252525);
        cairo_set_line_width(cr, 1.0 * s);
        cairo_stroke(cr);
    }
    font(cr, 14.0 * s);
    auto tick_label = [&](double km, double px) {
        const std::string label = format_number(km, km == std::floor(km) ? 0 : 1, lang);
        cairo_text_extents_t e;
        cairo_text_extents(cr, label.c_str(), &e);
        text(cr, label, x + px - e.width / 2.0, y + bar_h + 19.0 * s);
    };
    tick_label(0, 0);
    tick_label(bar_km / 2.0, bar_px / 2.0);
    tick_label(bar_km, bar_px);
    text(cr, "km", x + bar_px + 12.0 * s, y + bar_h);
    if (layout.scale_denominator > 0.0) {
        font(cr, 15.0 * s, true);
        text(cr, fill(report_text(lang).scale, {format_number(layout.scale_denominator, 0, lang)}),
             x, y + bar_h + 44.0 * s);
    }

    const double nx = scene.north_to.x_m - scene.north_from.x_m,
                 ny = scene.north_to.y_m - scene.north_from.y_m;
    const double angle = std::atan2(nx, ny);  // clockwise from grid north
    const double ax = sh.notes.x1 - 40.0 * s, ay = y + 8.0 * s;
    cairo_save(cr);
    cairo_translate(cr, ax, ay);
    cairo_rotate(cr, angle);
    cairo_move_to(cr, 0, -30.0 * s);
    cairo_line_to(cr, 12.0 * s, 14.0 * s);
    cairo_line_to(cr, 0, 5.0 * s);
    cairo_close_path(cr);
    set_rgb(cr, 0x252525);
    cairo_fill(cr);
    cairo_move_to(cr, 0, -30.0 * s);
    cairo_line_to(cr, -12.0 * s, 14.0 * s);
    cairo_line_to(cr, 0, 5.0 * s);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 1.5 * s);
    cairo_stroke(cr);
    font(cr, 17.0 * s, true);
    text(cr, "N", -6.0 * s, -35.0 * s);
    cairo_restore(cr);
}

// The run's parameters and the sources, at the bottom of the panel.
void draw_notes(cairo_t* cr, const MapScene& scene, const Sheet& sh, double top) {
    const double s = sh.s;
    const double x = sh.notes.x0 + 10.0 * s;
    const double width = sh.notes.x1 - x;
    const double line_h = 16.0 * s;
    font(cr, 12.0 * s);
    std::vector<std::pair<std::string, bool>> lines;  // text, bold
    lines.emplace_back(report_text(scene.lang).parameters, true);
    for (const std::string& p : scene.parameters) {
        for (auto& l : wrap(cr, p, width)) lines.emplace_back(std::move(l), false);
    }
    lines.emplace_back("", false);
    for (const std::string& credit : scene.credits) {
        for (auto& l : wrap(cr, credit, width)) lines.emplace_back(std::move(l), false);
    }
    const std::string note =
        fill(report_text(scene.lang).projection_note, {scene.crs_name, SITECOVER_VERSION});
    for (auto& l : wrap(cr, note, width)) lines.emplace_back(std::move(l), false);
    double y = sh.notes.y1 - line_h * static_cast<double>(lines.size()) + 10.0 * s;
    y = std::max(y, top);
    for (const auto& [line, bold] : lines) {
        font(cr, 12.0 * s, bold);
        if (!line.empty()) text(cr, line, x, y, bold ? 0x222222 : 0x555555);
        y += line_h;
    }
}

// Reads a PNG from memory for Cairo.
struct ByteReader {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t read_from_string(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<ByteReader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes->data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// The logo's width over its height: the PNG's size, or an SVG's viewBox (else width/height).
double logo_aspect(const std::string& logo, cairo_surface_t* png) {
    if (png != nullptr) {
        const int h = cairo_image_surface_get_height(png);
        return h > 0 ? cairo_image_surface_get_width(png) / static_cast<double>(h) : 1.0;
    }
    static const std::regex view_box(
        R"(viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+))");
    std::smatch m;
    const std::string head = logo.substr(0, std::min<std::size_t>(logo.size(), 4096));
    if (std::regex_search(head, m, view_box)) {
        const double w = std::stod(m[1].str()), h = std::stod(m[2].str());
        if (w > 0 && h > 0) return w / h;
    }
    return 1.0;
}

// The logo top left in the title band; returns the width it takes (0 without a logo). A PNG
// is painted; an SVG logo's box is left for render_map_file to fill with an <image>.
double draw_logo(cairo_t* cr, const MapScene& scene, const Sheet& sh, LogoBox* box) {
    const bool is_png = scene.logo.rfind("\x89PNG", 0) == 0;
    // No room for an SVG logo where nobody adds it (the page's map: the page shows it).
    if (scene.logo.empty() || (!is_png && box == nullptr)) return 0.0;
    const double s = sh.s;
    const double h = 76.0 * s;
    cairo_surface_t* png = nullptr;
    if (is_png) {
        ByteReader reader{&scene.logo};
        png = cairo_image_surface_create_from_png_stream(read_from_string, &reader);
        if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(png);
            throw InputError("the logo is not a PNG image Cairo can read");
        }
    }
    const double w = h * logo_aspect(scene.logo, png);
    if (box != nullptr) *box = {sh.margin, 10.0 * s, w, h};
    if (png != nullptr) {
        cairo_save(cr);
        cairo_translate(cr, sh.margin, 10.0 * s);
        cairo_scale(cr, h / cairo_image_surface_get_height(png),
                    h / cairo_image_surface_get_height(png));
        cairo_set_source_surface(cr, png, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(png);
    }
    return w + 16.0 * s;
}

// The footer line at the foot of the sheet, shrunk to fit its width; the sheet's boxes end
// above it.
void draw_footer(cairo_t* cr, const MapScene& scene, double width, double height, Sheet& sh) {
    if (scene.footer.empty()) return;
    const double s = sh.s;
    const double band = 26.0 * s;
    for (Box* b : {&sh.frame, &sh.panel, &sh.notes}) b->y1 -= band;
    double size = 13.0 * s;
    font(cr, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, scene.footer.c_str(), &e);
    const double room = width - 2.0 * sh.margin;
    if (e.x_advance > room) {
        size *= room / e.x_advance;
        font(cr, size);
    }
    text(cr, scene.footer, sh.margin, height - sh.margin + 2.0 * s, 0x333333);
}

MapLayout draw(cairo_t* cr, const MapScene& scene, double width, double height, bool page,
               LogoBox* logo_box = nullptr) {
    MapLayout layout;
    Sheet sh = sheet_for(width, height, page);
    const double s = sh.s;
    set_rgb(cr, 0xffffff);
    cairo_paint(cr);

    const double indent = draw_logo(cr, scene, sh, logo_box);
    draw_footer(cr, scene, width, height, sh);
    font(cr, 34.0 * s, true);
    text(cr, scene.title, sh.margin + indent, 48.0 * s);
    font(cr, 20.0 * s);
    text(cr, scene.subtitle, sh.margin + indent, 80.0 * s, 0x555555);

    const Viewport fit(scene, sh.frame);
    double px_per_m = fit.px_per_m();
    if (page) {
        layout.scale_denominator = round_scale_up(kPointsPerMetre / fit.px_per_m());
        px_per_m = kPointsPerMetre / layout.scale_denominator;
    }
    const Viewport view(scene, sh.frame, px_per_m);
    layout.metres_per_px = 1.0 / view.px_per_m();

    std::vector<Box> taken = draw_body(cr, scene, view, sh);
    // The frame's outline.
    cairo_rectangle(cr, sh.frame.x0, sh.frame.y0, sh.frame.x1 - sh.frame.x0,
                    sh.frame.y1 - sh.frame.y0);
    set_rgb(cr, 0x9a9a9a);
    cairo_set_line_width(cr, 1.0 * s);
    cairo_stroke(cr);
    draw_labels(cr, scene, view, sh, taken, layout);
    const double legend_end = draw_legend(cr, scene, sh);
    const double y = sh.portrait ? sh.notes.y0 + 30.0 * s : legend_end + 26.0 * s;
    draw_scale(cr, scene, view, sh, y, layout);
    draw_notes(cr, scene, sh, y + 90.0 * s);
    return layout;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
// Frees Cairo's font caches (and the fontconfig patterns they hold) once a drawing is done, so
// that leak checkers see a clean exit. Declare it before the surface: it must run after the
// last Cairo object is gone.
struct CairoCacheReset {
    CairoCacheReset() = default;
    CairoCacheReset(const CairoCacheReset&) = delete;
    CairoCacheReset& operator=(const CairoCacheReset&) = delete;
    ~CairoCacheReset() { cairo_debug_reset_static_data(); }
};

// One drawing at a time in the process: fontconfig (under Cairo's font selection) is not
// thread-safe, and cairo_debug_reset_static_data() (CairoCacheReset) frees caches another
// thread's drawing may be using. Held for the whole drawing, before CairoCacheReset.
std::mutex& cairo_mutex() {
    static std::mutex m;
    return m;
}

using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

void check(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS) {
        throw OutputError(what + " (Cairo: " + cairo_status_to_string(status) + ")");
    }
}

void check_size(int width, int height) {
    if (width < 200 || height < 150 || width > 20000 || height > 20000) {
        throw OutputError("map size " + std::to_string(width) + "x" + std::to_string(height) +
                          " is outside 200x150 .. 20000x20000");
    }
}

}  // namespace

std::optional<MapFormat> map_format_for_path(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (ext == ".png") return MapFormat::Png;
    if (ext == ".svg") return MapFormat::Svg;
    if (ext == ".pdf") return MapFormat::Pdf;
    return std::nullopt;
}

std::optional<MapPage> parse_page(const std::string& text) {
    std::string t = text;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
    const std::size_t dash = t.find('-');
    const std::string size = t.substr(0, dash);
    const std::string orientation = dash == std::string::npos ? "landscape" : t.substr(dash + 1);
    if (orientation != "landscape" && orientation != "portrait") return std::nullopt;
    // ISO 216 in points: A4 210 x 297 mm, A3 297 x 420 mm.
    double short_pt = 0.0, long_pt = 0.0;
    if (size == "a4") {
        short_pt = 595.276, long_pt = 841.890;
    } else if (size == "a3") {
        short_pt = 841.890, long_pt = 1190.551;
    } else {
        return std::nullopt;
    }
    const bool landscape = orientation == "landscape";
    return MapPage{(size == "a4" ? "A4 " : "A3 ") + orientation, landscape ? long_pt : short_pt,
                   landscape ? short_pt : long_pt};
}

namespace {

// An SVG logo as an <image> of the SVG map (Cairo cannot draw SVG).
std::string svg_logo(const std::string& logo, const LogoBox& box) {
    if (logo.empty() || logo.rfind("\x89PNG", 0) == 0 || box.w <= 0.0) return "";
    std::ostringstream out;
    out << "<image x=\"" << box.x << "\" y=\"" << box.y << "\" width=\"" << box.w << "\" height=\""
        << box.h << "\" href=\"data:image/svg+xml;base64," << base64(logo) << "\"/>\n";
    return out.str();
}

}  // namespace

MapLayout render_map_file(const MapScene& scene, const std::string& path, MapFormat format,
                          int width, int height, const MapRenderOptions& options) {
    const bool page = options.page.has_value();
    const double w = page ? options.page->width_pt : width;
    const double h = page ? options.page->height_pt : height;
    if (!page) check_size(width, height);
    const std::string what = "cannot write the map '" + path + "'";
    const std::lock_guard<std::mutex> lock(cairo_mutex());
    const CairoCacheReset reset;
    std::string svg;                 // the SVG document, for its words to be added
    std::vector<SvgText> svg_texts;  // the words
    LogoBox logo_box;                // where the logo goes
    Surface surface;                 // after `svg`: may write into it until destroyed
    switch (format) {
        case MapFormat::Png:
            surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(w),
                                                     static_cast<int>(h)));
            break;
        case MapFormat::Svg:
            surface.reset(cairo_svg_surface_create_for_stream(append_to_string, &svg, w, h));
            break;
        case MapFormat::Pdf:
            surface.reset(cairo_pdf_surface_create(path.c_str(), w, h));
            break;
    }
    check(cairo_surface_status(surface.get()), what);
    MapLayout layout;
    {
        const Context cr(cairo_create(surface.get()));
        if (format == MapFormat::Svg)
            cairo_set_user_data(cr.get(), &kTextRecorder, &svg_texts, nullptr);
        layout = draw(cr.get(), scene, w, h, page, &logo_box);
        check(cairo_status(cr.get()), what);
    }
    if (format == MapFormat::Png)
        check(cairo_surface_write_to_png(surface.get(), path.c_str()), what);
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), what);
    if (format == MapFormat::Svg)
        write_text_file(
            path, append_to_svg(svg, svg_logo(scene.logo, logo_box) + svg_text_group(svg_texts)),
            path);
    return layout;
}

std::string render_map_png(const MapScene& scene, int width, int height) {
    check_size(width, height);
    const std::lock_guard<std::mutex> lock(cairo_mutex());
    const CairoCacheReset reset;
    const Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    check(cairo_surface_status(surface.get()), "cannot draw the map");
    {
        const Context cr(cairo_create(surface.get()));
        draw(cr.get(), scene, width, height, false);
        check(cairo_status(cr.get()), "cannot draw the map");
    }
    std::string bytes;
    check(cairo_surface_write_to_png_stream(surface.get(), append_to_string, &bytes),
          "cannot encode the map");
    return bytes;
}

}  // namespace sitecover::report

// LeakSanitizer reads this hook (sanitizer builds only; elsewhere it is an unused function):
// fontconfig leaks a few hundred bytes while parsing its configuration files (inside
// FcInitLoadConfigAndFonts, below Cairo's font selection), which no caller can free.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
extern "C" const char* __lsan_default_options();
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
