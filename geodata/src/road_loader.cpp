#include "sitecover/geodata/road_loader.hpp"

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>

#include <ogr_geometry.h>

#include "gdal_session.hpp"
#include "layer_reader.hpp"
#include "osm_tags.hpp"
#include "road_edges.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodesic.hpp"
#include "vertex_table.hpp"

namespace sitecover::geodata {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A speed value: "90", "90.5", "50 mph" (converted); nothing for "walk", "FR:urban", "".
std::optional<double> parse_speed_kmh(const std::string& text) {
    std::size_t end = 0;
    double value = 0.0;
    try {
        value = std::stod(text, &end);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    const std::string rest = text.substr(end);
    if (rest.find("mph") != std::string::npos)
        value *= 1.609344;
    else if (rest.find_first_not_of(" \t") != std::string::npos &&
             rest.find("km/h") == std::string::npos) {
        return std::nullopt;
    }
    if (!std::isfinite(value) || value <= 0.0 || value > 300.0) return std::nullopt;
    return value;
}

// One warning per cause, with a count and the first place it was met.
// `describe` makes the text only for the first: a national network may have millions of
// recoveries of one cause, and a text per feature cost more than reading it.
struct Tally {
    std::size_t count = 0;
    std::string first;
    template <class Describe>
    void add(Describe describe) {
        if (count++ == 0) first = describe();
    }
};

}  // namespace

bool is_osm_path(const std::string& path) {
    return ends_with(path, ".osm.pbf") || ends_with(path, ".pbf") || ends_with(path, ".osm") ||
           ends_with(path, ".osm.gz");
}

LoadedRoads load_roads(const LayerSource& source_in, const RoadLoadOptions& options) {
    LoadedRoads out;
    LayerSource source = source_in;
    out.osm = is_osm_path(source.path);
    if (out.osm) {
        if (ends_with(source.path, ".gz") && source.path.rfind("/vsigzip/", 0) != 0) {
            source.path = "/vsigzip/" + source.path;
        }
        if (source.layer.empty()) source.layer = "lines";
    }
    detail::LayerReader reader(source);
    const std::string class_field = !options.class_field.empty() ? options.class_field
                                    : out.osm                    ? "highway"
                                                                 : "class";

    const OGRwkbGeometryType layer_type = wkbFlatten(reader.layer().GetGeomType());
    if (!reader.has_geometry_field() || (layer_type != wkbUnknown && layer_type != wkbLineString &&
                                         layer_type != wkbMultiLineString)) {
        throw InputError(reader.where() + ": not a line layer (geometry type " +
                         OGRGeometryTypeToName(reader.layer().GetGeomType()) +
                         "): give a layer of LineString / MultiLineString roads");
    }
    const int class_index = reader.require_field(class_field, "road class (--class-field)");
    const int tags_index = out.osm ? reader.field_index("other_tags") : -1;
    int speed_index = -1;
    bool speed_in_tags = false;
    if (!options.speed_field.empty()) {
        speed_index = reader.field_index(options.speed_field);
        if (speed_index < 0 && tags_index >= 0) {
            speed_in_tags = true;  // an OSM tag such as maxspeed, read from other_tags
        } else if (speed_index < 0) {
            reader.require_field(options.speed_field, "speed (--speed-field)");
        }
    }

    // Vertices are merged on coordinates rounded to 1e-7 degree: the precision of OSM nodes, and
    // well below a centimetre, so lines meet exactly where they share a vertex.
    detail::VertexTable table(out.network.nodes);
    detail::EdgeBatch batch(out.network, options.threads);
    std::vector<const OGRLineString*> lines;
    Tally non_line, bad_vertex, unknown_class, degenerate, missing_speed, forbidden;
    // GDAL's OSM driver shortens or drops a way whose nodes are not in the file, and says so
    // only in debug messages: they are counted into a warning.
    Tally missing_nodes;
    std::optional<detail::GdalDebugCapture> osm_debug;
    if (out.osm) {
        osm_debug.emplace("OSM", [&missing_nodes](const char* message) {
            const std::string text = message;
            if (text.find("nodes instead of") == std::string::npos &&
                text.find("nodes that could be found") == std::string::npos)
                return;
            const auto way =
                text.find("way ") != std::string::npos ? text.find("way ") : text.find("Way ");
            missing_nodes.add([&] { return text.substr(way == std::string::npos ? 0 : way); });
        });
    }
    std::map<std::string, std::size_t> unknown_classes;
    while (OGRFeatureUniquePtr feature = reader.next_feature()) {
        ++out.features_read;
        const auto where = [&] { return reader.where(*feature); };
        const std::string road_class = feature->IsFieldSetAndNotNull(class_index)
                                           ? feature->GetFieldAsString(class_index)
                                           : "";
        // Most OSM lines are not roads (rivers, power lines...): their tags are not parsed.
        if (out.osm && !detail::is_drivable_highway(road_class)) {
            ++out.not_drivable;
            continue;
        }
        std::map<std::string, std::string> tags;
        if (tags_index >= 0 && feature->IsFieldSetAndNotNull(tags_index)) {
            tags = detail::parse_hstore(feature->GetFieldAsString(tags_index));
        }
        if (out.osm && detail::osm_forbids_cars(tags)) {
            forbidden.add(where);
            continue;
        }
        OGRGeometry* geometry = feature->GetGeometryRef();
        const OGRwkbGeometryType type =
            geometry ? wkbFlatten(geometry->getGeometryType()) : wkbNone;
        if (type != wkbLineString && type != wkbMultiLineString) {
            non_line.add([&] {
                return where() + " (" + (geometry ? geometry->getGeometryName() : "no geometry") +
                       ")";
            });
            ++out.skipped_features;
            continue;
        }
        const std::optional<double> class_kmh = options.profile.speed_for(road_class);
        std::optional<double> speed_kmh;
        if (speed_index >= 0 || speed_in_tags) {
            std::string text;
            if (speed_in_tags) {
                if (const auto it = tags.find(options.speed_field); it != tags.end())
                    text = it->second;
            } else if (feature->IsFieldSetAndNotNull(speed_index)) {
                text = feature->GetFieldAsString(speed_index);
            }
            speed_kmh = parse_speed_kmh(text);
            if (!speed_kmh) {
                ++out.missing_speeds;
                missing_speed.add([&] {
                    return where() + ", field '" + options.speed_field + "' = '" + text + "'";
                });
            }
        }
        if (!speed_kmh) speed_kmh = class_kmh;
        if (!speed_kmh) {
            if (unknown_classes[road_class]++ == 0)
                unknown_class.add([&] {
                    return where() + ", field '" + class_field + "' = '" + road_class + "'";
                });
            else
                ++unknown_class.count;
            ++out.skipped_features;
            continue;
        }
        reader.to_wgs84(*geometry, *feature);

        // Check every vertex before adding any edge: a feature is taken whole or not at all.
        lines.clear();
        if (type == wkbLineString) {
            lines.push_back(geometry->toLineString());
        } else {
            for (const OGRLineString* line : *geometry->toMultiLineString()) lines.push_back(line);
        }
        bool valid = true;
        for (const OGRLineString* line : lines) {
            for (int i = 0; i < line->getNumPoints() && valid; ++i) {
                if (!is_valid({line->getX(i), line->getY(i)})) {
                    bad_vertex.add([&] {
                        return where() + ", vertex " + std::to_string(i) + " (" +
                               std::to_string(line->getX(i)) + ", " +
                               std::to_string(line->getY(i)) + ")";
                    });
                    valid = false;
                }
            }
        }
        if (!valid) {
            ++out.skipped_features;
            continue;
        }
        const int oneway = out.osm ? detail::osm_oneway(road_class, tags) : 0;
        const double speed_mps = *speed_kmh / 3.6;
        std::size_t added = 0;
        for (const OGRLineString* line : lines) {
            for (int i = 0; i + 1 < line->getNumPoints(); ++i) {
                const RoadNode a = table.node_of(line->getX(i), line->getY(i));
                const RoadNode b = table.node_of(line->getX(i + 1), line->getY(i + 1));
                if (a == b) {
                    ++out.degenerate_segments;
                    degenerate.add([&] { return where() + ", vertex " + std::to_string(i + 1); });
                    continue;
                }
                batch.add(a, b, speed_mps, oneway);
                ++added;
            }
        }
        if (added > 0) {
            ++out.features_used;
            if (oneway != 0) ++out.oneway_features;
        }
    }

    batch.flush();

    const std::string prefix = reader.where() + ": ";
    if (non_line.count)
        out.warnings.push_back(
            prefix + std::to_string(non_line.count) +
            " feature(s) without a line geometry skipped; first: " + non_line.first);
    if (bad_vertex.count)
        out.warnings.push_back(
            prefix + std::to_string(bad_vertex.count) +
            " feature(s) with a NaN or out-of-range vertex skipped; first: " + bad_vertex.first);
    if (unknown_class.count) {
        std::string names;
        for (const auto& [name, n] : unknown_classes)
            names += (names.empty() ? "" : ", ") + ("'" + name + "' (" + std::to_string(n) + ")");
        out.warnings.push_back(
            prefix + std::to_string(unknown_class.count) +
            " feature(s) of a class without a speed skipped: " + names +
            " (add them with --speeds CLASS=KMH); first: " + unknown_class.first);
    }
    if (degenerate.count)
        out.warnings.push_back(
            prefix + std::to_string(degenerate.count) +
            " zero-length segment(s) (repeated vertex) dropped; first: " + degenerate.first);
    if (missing_speed.count)
        out.warnings.push_back(
            prefix + std::to_string(missing_speed.count) +
            " feature(s) without a readable speed used their class speed; first: " +
            missing_speed.first);
    if (missing_nodes.count)
        out.warnings.push_back(prefix + std::to_string(missing_nodes.count) +
                               " way(s) refer to nodes missing from the file: GDAL shortened or "
                               "dropped them (an extract cut without complete ways?); first: " +
                               missing_nodes.first);
    if (forbidden.count)
        out.warnings.push_back(
            prefix + std::to_string(forbidden.count) +
            " way(s) closed to cars (access / motor_vehicle = no / private) skipped; first: " +
            forbidden.first);

    if (out.network.edges.empty()) {
        if (out.osm) {
            throw InputError(reader.where() + ": no drivable way (" +
                             std::to_string(out.features_read) +
                             " way(s) read, none with a drivable highway value and a usable line)");
        }
        throw InputError(reader.where() + ": no road segment (" +
                         std::to_string(out.features_read) +
                         " feature(s) read, none with a usable line)" +
                         (out.warnings.empty() ? std::string() : "; " + out.warnings.front()));
    }
    return out;
}

}  // namespace sitecover::geodata
