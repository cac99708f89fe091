#include "map_render.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>
#include <numbers>
#include <vector>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include "sitecover/error.hpp"

namespace sitecover::cli {
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
    Viewport(const MapScene& scene, const Box& frame) {
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
        px_per_m_ = 0.96 * std::min((frame.x1 - frame.x0) / w, (frame.y1 - frame.y0) / h);
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

void shape_path(cairo_t* cr, const Viewport& view, const MapShape& shape) {
    for (const auto& ring : shape) {
        if (ring.empty()) continue;
        cairo_move_to(cr, view.x(ring[0]), view.y(ring[0]));
        for (std::size_t i = 1; i < ring.size(); ++i)
            cairo_line_to(cr, view.x(ring[i]), view.y(ring[i]));
        cairo_close_path(cr);
    }
}

void font(cairo_t* cr, double size, bool bold = false) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

// The box of `text` drawn with its baseline starting at (x, y).
Box text_box(cairo_t* cr, const std::string& text, double x, double y) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    return {x + e.x_bearing, y + e.y_bearing, x + e.x_bearing + e.width,
            y + e.y_bearing + e.height};
}

void text(cairo_t* cr, const std::string& s, double x, double y, std::uint32_t rgb = 0x222222) {
    set_rgb(cr, rgb);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

// Text with a white halo, legible over any fill.
void halo_text(cairo_t* cr, const std::string& s, double x, double y, double halo_px) {
    cairo_move_to(cr, x, y);
    cairo_text_path(cr, s.c_str());
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    cairo_set_line_width(cr, halo_px);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke_preserve(cr);
    set_rgb(cr, 0x1a1a1a);
    cairo_fill(cr);
}

void site_symbol(cairo_t* cr, SiteSymbol symbol, double x, double y, double s) {
    switch (symbol) {
        case SiteSymbol::Principal:
            cairo_arc(cr, x, y, 6.0 * s, 0, 2 * kPi);
            set_rgb(cr, 0x08306b);
            cairo_fill_preserve(cr);
            set_rgb(cr, 0xffffff);
            cairo_set_line_width(cr, 1.8 * s);
            cairo_stroke(cr);
            break;
        case SiteSymbol::Antenne:
            cairo_move_to(cr, x, y - 7.5 * s);
            cairo_line_to(cr, x + 6.8 * s, y + 5.0 * s);
            cairo_line_to(cr, x - 6.8 * s, y + 5.0 * s);
            cairo_close_path(cr);
            set_rgb(cr, 0xffffff);
            cairo_fill_preserve(cr);
            set_rgb(cr, 0x08306b);
            cairo_set_line_width(cr, 2.2 * s);
            cairo_stroke(cr);
            break;
        case SiteSymbol::Outside:
            cairo_arc(cr, x, y, 4.5 * s, 0, 2 * kPi);
            set_rgb(cr, 0x737373);
            cairo_fill_preserve(cr);
            set_rgb(cr, 0xffffff);
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
            set_rgb(cr, 0x7a0177);
            cairo_fill_preserve(cr);
            set_rgb(cr, 0xffffff);
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

MapLayout draw(cairo_t* cr, const MapScene& scene, double width, double height) {
    MapLayout layout;
    const double s = std::min(width / 1600.0, height / 1200.0);  // symbol and text scale
    const double margin = 24.0 * s;
    const double title_h = 96.0 * s;
    const double panel_w = std::max(330.0 * s, 0.25 * width);
    const Box frame{margin, title_h, width - panel_w - margin, height - margin};
    const Box panel{width - panel_w, title_h, width - margin, height - margin};

    set_rgb(cr, 0xffffff);
    cairo_paint(cr);

    // Title.
    font(cr, 34.0 * s, true);
    text(cr, scene.title, margin, 48.0 * s);
    font(cr, 20.0 * s);
    text(cr, scene.subtitle, margin, 80.0 * s, 0x555555);

    const Viewport view(scene, frame);
    layout.metres_per_px = 1.0 / view.px_per_m();

    cairo_save(cr);
    cairo_rectangle(cr, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0);
    cairo_clip(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);

    // Origins shaded by class, with thin outlines.
    for (std::size_t i = 0; i < scene.origin_shapes.size(); ++i) {
        shape_path(cr, view, scene.origin_shapes[i]);
        set_rgb(cr, scene.origin_rgb[i]);
        cairo_fill_preserve(cr);
        set_rgb(cr, 0x8c8c8c);
        cairo_set_line_width(cr, 0.6 * s);
        cairo_stroke(cr);
    }
    for (std::size_t i = 0; i < scene.origin_points.size(); ++i) {
        cairo_arc(cr, view.x(scene.origin_points[i]), view.y(scene.origin_points[i]), 4.0 * s, 0,
                  2 * kPi);
        set_rgb(cr, scene.origin_rgb[i]);
        cairo_fill_preserve(cr);
        set_rgb(cr, 0x8c8c8c);
        cairo_set_line_width(cr, 0.6 * s);
        cairo_stroke(cr);
    }
    // Areas: a wide dark outline (the union of all of them makes the département's outline),
    // uncovered ones in red on top.
    for (std::size_t i = 0; i < scene.area_shapes.size(); ++i) {
        shape_path(cr, view, scene.area_shapes[i]);
        set_rgb(cr, 0x252525);
        cairo_set_line_width(cr, 2.2 * s);
        cairo_stroke(cr);
    }
    for (std::size_t i = 0; i < scene.area_shapes.size(); ++i) {
        if (scene.area_covered[i]) continue;
        shape_path(cr, view, scene.area_shapes[i]);
        set_rgb(cr, 0xe31a1c, 0.15);
        cairo_fill_preserve(cr);
        set_rgb(cr, 0xe31a1c);
        cairo_set_line_width(cr, 4.5 * s);
        cairo_stroke(cr);
    }
    // Sites; their boxes are obstacles for the labels.
    std::vector<Box> taken;
    for (const MapScene::Site& site : scene.sites) {
        const double x = view.x(site.at), y = view.y(site.at);
        site_symbol(cr, site.symbol, x, y, s);
        const double r = 7.5 * s;
        taken.push_back({x - r, y - r, x + r, y + r});
    }
    cairo_restore(cr);

    // Area labels: greedy, in order of the areas, at the label point or nudged around it; a
    // label that fits nowhere is left out rather than drawn over another.
    font(cr, 15.0 * s, true);
    for (std::size_t i = 0; i < scene.area_labels.size(); ++i) {
        const std::string& label = scene.area_labels[i];
        const double ax = view.x(scene.area_label_points[i]),
                     ay = view.y(scene.area_label_points[i]);
        cairo_text_extents_t e;
        cairo_text_extents(cr, label.c_str(), &e);
        const double w = e.width, h = e.height, pad = 2.0 * s;
        bool placed = false;
        for (const double r : {0.0, 0.6, 1.2, 1.8, 2.6}) {
            for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{{0, 0},
                                                                               {0, -1},
                                                                               {0, 1},
                                                                               {1, 0},
                                                                               {-1, 0},
                                                                               {0.7, -0.7},
                                                                               {-0.7, -0.7},
                                                                               {0.7, 0.7},
                                                                               {-0.7, 0.7}}) {
                if (r == 0.0 && (dx != 0 || dy != 0)) continue;
                const double bx = ax - w / 2.0 + dx * r * h * 1.2 + dx * r * w * 0.25;
                const double by = ay + h / 2.0 + dy * r * h * 1.2;
                const Box box = text_box(cr, label, bx - e.x_bearing, by);
                const Box padded{box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad};
                if (!padded.inside(frame)) continue;
                if (std::any_of(taken.begin(), taken.end(),
                                [&](const Box& b) { return b.overlaps(padded); }))
                    continue;
                halo_text(cr, label, bx - e.x_bearing, by, 4.0 * s);
                taken.push_back(padded);
                placed = true;
                break;
            }
            if (placed) break;
        }
        ++(placed ? layout.labels_placed : layout.labels_dropped);
    }

    // Side panel: legend, symbols, scale bar, north arrow, sources.
    double y = panel.y0 + 20.0 * s;
    const double x = panel.x0 + 10.0 * s;
    font(cr, 19.0 * s, true);
    text(cr, scene.legend_title, x, y);
    y += 16.0 * s;
    font(cr, 17.0 * s);
    for (const MapScene::LegendEntry& entry : scene.legend) {
        cairo_rectangle(cr, x, y, 34.0 * s, 22.0 * s);
        set_rgb(cr, entry.rgb);
        cairo_fill_preserve(cr);
        set_rgb(cr, 0x8c8c8c);
        cairo_set_line_width(cr, 0.8 * s);
        cairo_stroke(cr);
        text(cr, entry.label, x + 46.0 * s, y + 17.0 * s);
        y += 30.0 * s;
    }
    y += 20.0 * s;
    font(cr, 19.0 * s, true);
    text(cr, "France Services", x, y);
    y += 28.0 * s;
    font(cr, 17.0 * s);
    std::vector<std::pair<SiteSymbol, const char*>> symbols = {
        {SiteSymbol::Principal, "site (principal)"},
        {SiteSymbol::Antenne, "antenne"},
        {SiteSymbol::Outside, "site outside the area"}};
    if (std::any_of(scene.sites.begin(), scene.sites.end(),
                    [](const MapScene::Site& site) { return site.symbol == SiteSymbol::New; })) {
        symbols.emplace_back(SiteSymbol::New, "new site (plan)");
    }
    for (const auto& [symbol, label] : symbols) {
        site_symbol(cr, symbol, x + 17.0 * s, y - 6.0 * s, s);
        text(cr, label, x + 46.0 * s, y);
        y += 30.0 * s;
    }
    y += 8.0 * s;
    cairo_rectangle(cr, x, y - 16.0 * s, 34.0 * s, 22.0 * s);
    set_rgb(cr, 0x252525);
    cairo_set_line_width(cr, 2.2 * s);
    cairo_stroke(cr);
    text(cr, "canton", x + 46.0 * s, y);
    y += 30.0 * s;
    cairo_rectangle(cr, x, y - 16.0 * s, 34.0 * s, 22.0 * s);
    set_rgb(cr, 0xe31a1c, 0.15);
    cairo_fill_preserve(cr);
    set_rgb(cr, 0xe31a1c);
    cairo_set_line_width(cr, 4.5 * s);
    cairo_stroke(cr);
    text(cr, "canton without a site", x + 46.0 * s, y);
    y += 52.0 * s;

    // Scale bar: four alternating segments, labelled in kilometres.
    const double bar_km = nice_scale_km(view.px_per_m(), panel.x1 - x - 40.0 * s);
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
    font(cr, 15.0 * s);
    auto tick_label = [&](double km, double px) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", km);
        cairo_text_extents_t e;
        cairo_text_extents(cr, buffer, &e);
        text(cr, buffer, x + px - e.width / 2.0, y + bar_h + 20.0 * s);
    };
    tick_label(0, 0);
    tick_label(bar_km / 2.0, bar_px / 2.0);
    tick_label(bar_km, bar_px);
    text(cr, "km", x + bar_px + 12.0 * s, y + bar_h);

    // North arrow along the true meridian.
    const double nx = scene.north_to.x_m - scene.north_from.x_m,
                 ny = scene.north_to.y_m - scene.north_from.y_m;
    const double angle = std::atan2(nx, ny);  // clockwise from grid north
    const double ax = panel.x1 - 40.0 * s, ay = y - 26.0 * s;
    cairo_save(cr);
    cairo_translate(cr, ax, ay);
    cairo_rotate(cr, angle);
    cairo_move_to(cr, 0, -34.0 * s);
    cairo_line_to(cr, 13.0 * s, 14.0 * s);
    cairo_line_to(cr, 0, 5.0 * s);
    cairo_close_path(cr);
    set_rgb(cr, 0x252525);
    cairo_fill(cr);
    cairo_move_to(cr, 0, -34.0 * s);
    cairo_line_to(cr, -13.0 * s, 14.0 * s);
    cairo_line_to(cr, 0, 5.0 * s);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 1.5 * s);
    cairo_stroke(cr);
    font(cr, 18.0 * s, true);
    text(cr, "N", -6.5 * s, -40.0 * s);
    cairo_restore(cr);

    // Sources, at the bottom of the panel.
    font(cr, 13.0 * s);
    std::vector<std::string> lines;
    for (const std::string& credit : scene.credits) {
        for (auto& l : wrap(cr, credit, panel.x1 - x)) lines.push_back(std::move(l));
    }
    for (auto& l :
         wrap(cr,
              "Projection: " + scene.crs_name + "; distances: WGS84 geodesic. Made with sitecover.",
              panel.x1 - x)) {
        lines.push_back(std::move(l));
    }
    double sy = panel.y1 - 18.0 * s * static_cast<double>(lines.size()) + 12.0 * s;
    sy = std::max(sy, y + 50.0 * s);
    for (const std::string& l : lines) {
        text(cr, l, x, sy, 0x555555);
        sy += 18.0 * s;
    }
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

MapLayout render_map_file(const MapScene& scene, const std::string& path, MapFormat format,
                          int width, int height) {
    check_size(width, height);
    const std::string what = "cannot write the map '" + path + "'";
    const CairoCacheReset reset;
    Surface surface;
    switch (format) {
        case MapFormat::Png:
            surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
            break;
        case MapFormat::Svg:
            surface.reset(cairo_svg_surface_create(path.c_str(), width, height));
            break;
        case MapFormat::Pdf:
            surface.reset(cairo_pdf_surface_create(path.c_str(), width, height));
            break;
    }
    check(cairo_surface_status(surface.get()), what);
    MapLayout layout;
    {
        const Context cr(cairo_create(surface.get()));
        layout = draw(cr.get(), scene, width, height);
        check(cairo_status(cr.get()), what);
    }
    if (format == MapFormat::Png)
        check(cairo_surface_write_to_png(surface.get(), path.c_str()), what);
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), what);
    return layout;
}

std::string render_map_png(const MapScene& scene, int width, int height) {
    check_size(width, height);
    const CairoCacheReset reset;
    const Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    check(cairo_surface_status(surface.get()), "cannot draw the map");
    {
        const Context cr(cairo_create(surface.get()));
        draw(cr.get(), scene, width, height);
        check(cairo_status(cr.get()), "cannot draw the map");
    }
    std::string bytes;
    check(cairo_surface_write_to_png_stream(surface.get(), append_to_string, &bytes),
          "cannot encode the map");
    return bytes;
}

}  // namespace sitecover::cli

// LeakSanitizer reads this hook (sanitizer builds only; elsewhere it is an unused function):
// fontconfig leaks a few hundred bytes while parsing its configuration files (inside
// FcInitLoadConfigAndFonts, below Cairo's font selection), which no caller can free.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
extern "C" const char* __lsan_default_options();
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
