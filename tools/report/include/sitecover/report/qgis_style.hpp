#pragma once
// QGIS layer styles (.qml documents) for the GeoPackage layers of every door, in the colours of
// palette.hpp: written as text here, chosen per kind of layer by layer_style.hpp and stored in
// the GeoPackage's layer_styles table by geodata (GeoPackageWriter, TableWriter,
// store_layer_style).
//
// The symbol properties use QGIS's <prop k v> form, which every QGIS 3 release reads.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sitecover::report::qgis {

/// A range [lower, upper) of a numeric field, its legend label and fill colour (0xRRGGBB).
struct Range {
    double lower = 0.0;
    double upper = 0.0;  ///< may be a very large number for the last class
    std::string label;
    std::uint32_t rgb = 0;
};

/// Polygons (or points, when `points`) coloured by classes of `field`.
std::string graduated_style(const std::string& field, const std::vector<Range>& ranges,
                            bool points);

/// Areas outlined: covered ones (`field` true or 1) in dark grey, the others thick red with a
/// light red wash; every area labelled with `label_field`. Categorised on an expression that
/// QGIS 3.22 (which reads an Integer(Boolean) field as a Boolean) and later releases agree on.
/// `labels`: the legend words of the two categories (covered, uncovered), in the document's
/// language.
std::string coverage_outline_style(const std::string& field, const std::string& label_field,
                                   const std::vector<std::string>& labels = {"covered", "no site"});

/// Sites by `field` value (case-insensitive): "Principal" as dark blue discs, "Antenne" as
/// white triangles outlined in blue, a plan's "added" / "suggested" sites as purple stars,
/// anything else as grey discs.
/// `labels`: the legend words (principal, antenne, new, other).
std::string site_type_style(const std::string& field,
                            const std::vector<std::string>& labels = {"France Services", "antenne",
                                                                      "new site (plan)", "other"});

/// A plan's sites by `field` ("suggested", "added", "removed"): new sites as purple stars
/// (the map's new-site symbol), closed ones as grey crosses; labelled with `label_field`
/// unless empty.
/// `labels`: the legend words (suggested, added, removed).
std::string site_change_style(const std::string& field, const std::string& label_field,
                              const std::vector<std::string>& labels = {
                                  "suggested site", "added site", "closed site"});

/// Thin grey lines.
std::string link_style();

}  // namespace sitecover::report::qgis

namespace sitecover::report::qgis {

/// `qml` with field aliases (field name, alias) added in an <aliases> element, which QGIS
/// shows in the attribute table and forms. Fields the layer lacks are ignored by QGIS.
std::string with_aliases(const std::string& qml,
                         const std::vector<std::pair<std::string, std::string>>& aliases);

/// `qml` with the legend labels (label="...") of categories renamed by `labels` (from, to).
std::string with_labels(const std::string& qml,
                        const std::vector<std::pair<std::string, std::string>>& labels);

}  // namespace sitecover::report::qgis
