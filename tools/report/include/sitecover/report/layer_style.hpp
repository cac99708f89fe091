#pragma once
// The look of every GeoPackage layer sitecover writes, whatever the door: the CLI's coverage,
// nearest and plan tables, the report, the Python module and the QGIS plugin. One QGIS style
// per kind of layer, drawn from one palette (palette.hpp), one set of classes
// (default_shade_classes) and one table of legend words and field aliases per language
// (report_text.hpp); and the order in which layers are stacked.

#include <optional>
#include <string>

#include "sitecover/geodata/style_table.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/report_lang.hpp"

namespace sitecover::report {

/// The kinds of layer the doors write.
enum class LayerKind {
    Coverage,    ///< areas: covered ones outlined, those without a site in red; named
    Distance,    ///< origins by crow-fly distance class to their nearest site
    TravelTime,  ///< origins by travel-time class by road to their nearest site
    PlanSites,   ///< a plan's sites by change (suggested, added, removed); named
    Sites,       ///< sites by type (France Services, antenne, new site, other)
    Links,       ///< a line from each origin to its nearest site
};

/// "coverage", "distance", "travel-time", "plan-sites", "sites", "links".
const char* layer_kind_name(LayerKind kind);

/// The kind named by layer_kind_name (exact spelling); nothing for anything else.
std::optional<LayerKind> parse_layer_kind(const std::string& text);

/// The fields a style reads. Empty: the kind's default, the field of the CLI's tables:
/// Coverage "covered" / "area_name", Distance "distance_m", TravelTime "travel_time_s",
/// PlanSites "change" / "site_name", Sites "type"; Links reads none.
struct StyleFields {
    std::string value;  ///< the field the classes or categories read
    std::string label;  ///< the field of the labels (Coverage, PlanSites)
};

/// The style of a layer of `kind` in `lang`: renderer, labels, legend words and field
/// aliases. `geometry` chooses discs or fills for the shaded kinds (Distance, TravelTime:
/// MultiPolygon is filled, anything else drawn as discs). Thread-safe.
geodata::LayerStyle layer_style(LayerKind kind, Lang lang, geodata::GeometryKind geometry,
                                const StyleFields& fields = {});

/// Where a layer goes when several are shown, bottom first, so that each stays visible:
/// fills (shaded polygons) 0, outlines (areas) 1, lines 2, points 3, sites 4.
int stack_rank(LayerKind kind, geodata::GeometryKind geometry);

/// Stores layer_style(kind, lang, the layer's geometry, fields) as the default style of
/// `layer` ("": the file's only layer) in the existing GeoPackage at `path`, through
/// geodata::store_layer_style (one transaction; a style of the same name replaced).
/// Returns the layer's name. Throws InputError for a file or layer that cannot be read,
/// OutputError for a file that cannot be updated.
std::string write_layer_style(const std::string& path, const std::string& layer, LayerKind kind,
                              Lang lang, const StyleFields& fields = {});

/// `style` with the documents' field aliases in `lang`.
geodata::LayerStyle localized_style(geodata::LayerStyle style, Lang lang);

/// Gives `writer`'s layer the style of `kind` in `lang`, stored inside the staged file, when it
/// writes a GeoPackage; other formats are left as they are.
void style_table(geodata::TableWriter& writer, LayerKind kind, Lang lang,
                 geodata::GeometryKind geometry, const StyleFields& fields = {});

}  // namespace sitecover::report
