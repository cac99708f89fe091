#include "sitecover/geodata/road_loader.hpp"

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

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

// The fields a road layer is read by, found once.
struct RoadFields {
    std::string class_field;
    int class_index = -1;
    int tags_index = -1;  // OSM's other_tags
    int speed_index = -1;
    bool speed_in_tags = false;  // an OSM tag such as maxspeed, read from other_tags
};

// The line layer of `source` (the OSM driver's "lines" by default) and its fields.
detail::LayerReader open_road_layer(LayerSource source, bool osm) {
    if (osm) {
        if (ends_with(source.path, ".gz") && source.path.rfind("/vsigzip/", 0) != 0) {
            source.path = "/vsigzip/" + source.path;
        }
        if (source.layer.empty()) source.layer = "lines";
    }
    detail::LayerReader reader(source);
    const OGRwkbGeometryType layer_type = wkbFlatten(reader.layer().GetGeomType());
    if (!reader.has_geometry_field() || (layer_type != wkbUnknown && layer_type != wkbLineString &&
                                         layer_type != wkbMultiLineString)) {
        throw InputError(reader.where() + ": not a line layer (geometry type " +
                         OGRGeometryTypeToName(reader.layer().GetGeomType()) +
                         "): give a layer of LineString / MultiLineString roads");
    }
    return reader;
}

RoadFields find_road_fields(detail::LayerReader& reader, const RoadLoadOptions& options, bool osm) {
    RoadFields f;
    f.class_field = !options.class_field.empty() ? options.class_field : osm ? "highway" : "class";
    f.class_index = reader.require_field(f.class_field, "road class", "class_field");
    f.tags_index = osm ? reader.field_index("other_tags") : -1;
    if (!options.speed_field.empty()) {
        f.speed_index = reader.field_index(options.speed_field);
        if (f.speed_index < 0 && f.tags_index >= 0) {
            f.speed_in_tags = true;
        } else if (f.speed_index < 0) {
            reader.require_field(options.speed_field, "speed", "speed_field");
        }
    }
    return f;
}

// Reads the features into a network: the loop of load_roads, one feature at a time.
class RoadFeatureReader {
public:
    RoadFeatureReader(detail::LayerReader& reader, const RoadFields& fields,
                      const RoadLoadOptions& options, LoadedRoads& out)
        : reader_(reader),
          fields_(fields),
          options_(options),
          out_(out),
          table_(out.network.nodes),
          batch_(out.network, options.threads) {}

    void read_all() {
        // GDAL's OSM driver shortens or drops a way whose nodes are not in the file, and says
        // so only in debug messages: they are counted into a warning.
        std::optional<detail::GdalDebugCapture> osm_debug;
        if (out_.osm) {
            osm_debug.emplace("OSM", [this](const char* message) {
                const std::string text = message;
                if (text.find("nodes instead of") == std::string::npos &&
                    text.find("nodes that could be found") == std::string::npos)
                    return;
                const auto way =
                    text.find("way ") != std::string::npos ? text.find("way ") : text.find("Way ");
                missing_nodes_.add([&] { return text.substr(way == std::string::npos ? 0 : way); });
            });
        }
        while (OGRFeatureUniquePtr feature = reader_.next_feature()) {
            ++out_.features_read;
            read(*feature);
        }
        batch_.flush();
    }

    // One line per cause, with the first place met.
    void add_warnings() const;
    // ArgumentError naming `speeds` for a class it names that no road of the network has.
    void check_named_classes() const;

private:
    void read(OGRFeature& feature);
    void note_class(const std::string& road_class);
    std::optional<double> speed_kmh(OGRFeature& feature, const std::string& road_class,
                                    const std::map<std::string, std::string>& tags);
    bool take_lines(OGRGeometry& geometry, OGRFeature& feature);
    void add_edges(OGRFeature& feature, double speed_kmh, int oneway);

    detail::LayerReader& reader_;
    const RoadFields& fields_;
    const RoadLoadOptions& options_;
    LoadedRoads& out_;
    // Vertices are merged on coordinates rounded to 1e-7 degree: the precision of OSM nodes,
    // and well below a centimetre, so lines meet exactly where they share a vertex.
    detail::VertexTable table_;
    detail::EdgeBatch batch_;
    std::vector<const OGRLineString*> lines_;
    Tally non_line_, bad_vertex_, unknown_class_, degenerate_, missing_speed_, forbidden_,
        missing_nodes_;
    std::map<std::string, std::size_t> unknown_classes_;
    // The classes of the request's speeds met in the network, and (for the message) the
    // network's classes, at most kListedClasses of them.
    std::vector<bool> named_found_ = std::vector<bool>(options_.profile.named_classes.size());
    std::set<std::string> classes_;
    static constexpr std::size_t kListedClasses = 40;
};

void RoadFeatureReader::note_class(const std::string& road_class) {
    const std::vector<std::string>& named = options_.profile.named_classes;
    for (std::size_t i = 0; i < named.size(); ++i) {
        if (!named_found_[i] && SpeedProfile::prices(named[i], road_class)) named_found_[i] = true;
    }
    if (!named.empty() && classes_.size() < kListedClasses && road_class.size() <= 80)
        classes_.insert(road_class);
}

void RoadFeatureReader::check_named_classes() const {
    const std::vector<std::string>& named = options_.profile.named_classes;
    for (std::size_t i = 0; i < named.size(); ++i) {
        if (named_found_[i]) continue;
        std::string list;
        for (const std::string& c : classes_) list += (list.empty() ? "'" : ", '") + c + "'";
        if (classes_.size() == kListedClasses) list += "...";
        throw ArgumentError(
            Message().field("speeds").text(": no road of " + reader_.where() + " is of class '" +
                                           named[i] + "' (field '" + fields_.class_field +
                                           "'); its classes: " + (list.empty() ? "none" : list)),
            "speeds");
    }
}

void RoadFeatureReader::read(OGRFeature& feature) {
    const auto where = [&] { return reader_.where(feature); };
    const std::string road_class = feature.IsFieldSetAndNotNull(fields_.class_index)
                                       ? feature.GetFieldAsString(fields_.class_index)
                                       : "";
    // Most OSM lines are not roads (rivers, power lines...): their tags are not parsed.
    if (out_.osm && !detail::is_drivable_highway(road_class)) {
        ++out_.not_drivable;
        return;
    }
    note_class(road_class);
    std::map<std::string, std::string> tags;
    if (fields_.tags_index >= 0 && feature.IsFieldSetAndNotNull(fields_.tags_index)) {
        tags = detail::parse_hstore(feature.GetFieldAsString(fields_.tags_index));
    }
    if (out_.osm && detail::osm_forbids_cars(tags)) {
        forbidden_.add(where);
        return;
    }
    OGRGeometry* geometry = feature.GetGeometryRef();
    const OGRwkbGeometryType type = geometry ? wkbFlatten(geometry->getGeometryType()) : wkbNone;
    if (type != wkbLineString && type != wkbMultiLineString) {
        non_line_.add([&] {
            return where() + " (" + (geometry ? geometry->getGeometryName() : "no geometry") + ")";
        });
        ++out_.skipped_features;
        return;
    }
    const std::optional<double> kmh = speed_kmh(feature, road_class, tags);
    if (!kmh) {
        if (unknown_classes_[road_class]++ == 0)
            unknown_class_.add([&] {
                return where() + ", field '" + fields_.class_field + "' = '" + road_class + "'";
            });
        else
            ++unknown_class_.count;
        ++out_.skipped_features;
        return;
    }
    reader_.to_wgs84(*geometry, feature);
    if (!take_lines(*geometry, feature)) {
        ++out_.skipped_features;
        return;
    }
    add_edges(feature, *kmh, out_.osm ? detail::osm_oneway(road_class, tags) : 0);
}

// The speed field's value when readable, else the class speed; nothing for an unknown class.
std::optional<double> RoadFeatureReader::speed_kmh(OGRFeature& feature,
                                                   const std::string& road_class,
                                                   const std::map<std::string, std::string>& tags) {
    const std::optional<double> class_kmh = options_.profile.speed_for(road_class);
    if (fields_.speed_index < 0 && !fields_.speed_in_tags) return class_kmh;
    std::string text;
    if (fields_.speed_in_tags) {
        if (const auto it = tags.find(options_.speed_field); it != tags.end()) text = it->second;
    } else if (feature.IsFieldSetAndNotNull(fields_.speed_index)) {
        text = feature.GetFieldAsString(fields_.speed_index);
    }
    if (const std::optional<double> kmh = parse_speed_kmh(text)) return kmh;
    ++out_.missing_speeds;
    missing_speed_.add([&] {
        return reader_.where(feature) + ", field '" + options_.speed_field + "' = '" + text + "'";
    });
    return class_kmh;
}

// The feature's lines, when every vertex is valid: a feature is taken whole or not at all.
bool RoadFeatureReader::take_lines(OGRGeometry& geometry, OGRFeature& feature) {
    lines_.clear();
    if (wkbFlatten(geometry.getGeometryType()) == wkbLineString) {
        lines_.push_back(geometry.toLineString());
    } else {
        for (const OGRLineString* line : *geometry.toMultiLineString()) lines_.push_back(line);
    }
    for (const OGRLineString* line : lines_) {
        for (int i = 0; i < line->getNumPoints(); ++i) {
            if (!is_valid({line->getX(i), line->getY(i)})) {
                bad_vertex_.add([&] {
                    return reader_.where(feature) + ", vertex " + std::to_string(i) + " (" +
                           std::to_string(line->getX(i)) + ", " + std::to_string(line->getY(i)) +
                           ")";
                });
                return false;
            }
        }
    }
    return true;
}

void RoadFeatureReader::add_edges(OGRFeature& feature, double speed_kmh, int oneway) {
    const double speed_mps = speed_kmh / 3.6;
    std::size_t added = 0;
    const std::vector<LonLat>& nodes = out_.network.nodes;
    for (const OGRLineString* line : lines_) {
        if (line->getNumPoints() < 2) continue;
        RoadNode a = table_.node_of(line->getX(0), line->getY(0));  // each vertex looked up once
        for (int i = 0; i + 1 < line->getNumPoints(); ++i) {
            const RoadNode b = table_.node_of(line->getX(i + 1), line->getY(i + 1));
            if (a == b) {
                ++out_.degenerate_segments;
                degenerate_.add(
                    [&] { return reader_.where(feature) + ", vertex " + std::to_string(i + 1); });
                continue;
            }
            batch_.add(a, b, nodes[a], nodes[b], speed_mps, oneway);
            ++added;
            a = b;
        }
    }
    if (added > 0) {
        ++out_.features_used;
        if (oneway != 0) ++out_.oneway_features;
    }
}

void RoadFeatureReader::add_warnings() const {
    const std::string prefix = reader_.where() + ": ";
    std::vector<Message>& w = out_.warnings;
    if (non_line_.count)
        w.push_back(prefix + std::to_string(non_line_.count) +
                    " feature(s) without a line geometry skipped; first: " + non_line_.first);
    if (bad_vertex_.count)
        w.push_back(
            prefix + std::to_string(bad_vertex_.count) +
            " feature(s) with a NaN or out-of-range vertex skipped; first: " + bad_vertex_.first);
    if (unknown_class_.count) {
        std::string names;
        for (const auto& [name, n] : unknown_classes_)
            names += (names.empty() ? "" : ", ") + ("'" + name + "' (" + std::to_string(n) + ")");
        w.push_back(Message(prefix + std::to_string(unknown_class_.count) +
                            " feature(s) of a class without a speed skipped: " + names +
                            " (add them with ")
                        .field("speeds")
                        .text(" CLASS=KMH); first: " + unknown_class_.first));
    }
    if (degenerate_.count)
        w.push_back(
            prefix + std::to_string(degenerate_.count) +
            " zero-length segment(s) (repeated vertex) dropped; first: " + degenerate_.first);
    if (missing_speed_.count)
        w.push_back(prefix + std::to_string(missing_speed_.count) +
                    " feature(s) without a readable speed used their class speed; first: " +
                    missing_speed_.first);
    if (missing_nodes_.count)
        w.push_back(prefix + std::to_string(missing_nodes_.count) +
                    " way(s) refer to nodes missing from the file: GDAL shortened or "
                    "dropped them (an extract cut without complete ways?); first: " +
                    missing_nodes_.first);
    if (forbidden_.count)
        w.push_back(prefix + std::to_string(forbidden_.count) +
                    " way(s) closed to cars (access / motor_vehicle = no / private) skipped; "
                    "first: " +
                    forbidden_.first);
}

}  // namespace

bool is_osm_path(const std::string& path) {
    return ends_with(path, ".osm.pbf") || ends_with(path, ".pbf") || ends_with(path, ".osm") ||
           ends_with(path, ".osm.gz");
}

LoadedRoads load_roads(const LayerSource& source, const RoadLoadOptions& options) {
    LoadedRoads out;
    out.osm = is_osm_path(source.path);
    detail::LayerReader reader = open_road_layer(source, out.osm);
    const RoadFields fields = find_road_fields(reader, options, out.osm);
    RoadFeatureReader features(reader, fields, options, out);
    features.read_all();
    features.check_named_classes();
    features.add_warnings();
    if (out.network.edges.empty()) {
        if (out.osm) {
            throw InputError(reader.where() + ": no drivable way (" +
                             std::to_string(out.features_read) +
                             " way(s) read, none with a drivable highway value and a usable line)");
        }
        Message message(reader.where() + ": no road segment (" + std::to_string(out.features_read) +
                        " feature(s) read, none with a usable line)");
        if (!out.warnings.empty()) message.text("; ").append(out.warnings.front());
        throw InputError(std::move(message));
    }
    return out;
}

}  // namespace sitecover::geodata
