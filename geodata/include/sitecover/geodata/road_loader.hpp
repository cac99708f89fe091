#pragma once
/// @file
/// Loading road networks: any GDAL line layer, or OpenStreetMap files through GDAL's OSM driver.

#include <cstddef>
#include <string>
#include <vector>

#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/geodata/speed_profile.hpp"
#include "sitecover/message.hpp"
#include "sitecover/road_network.hpp"

namespace sitecover::geodata {

/// What to read from a road layer and how fast its roads are.
struct RoadLoadOptions {
    /// Field holding the road class used to pick a speed from the profile. Empty: "class", or
    /// "highway" for OpenStreetMap.
    std::string class_field;
    /// Optional field with a speed in km/h ("90", "50 mph"); for OpenStreetMap it may also be a
    /// tag (e.g. "maxspeed"). A missing or unreadable value falls back to the class speed.
    std::string speed_field;
    SpeedProfile profile = SpeedProfile::defaults();  ///< speeds by class
    /// Threads computing the segment lengths (0: all cores). The network is the same for any
    /// count.
    unsigned threads = 0;
};

/// The network and what was left out while reading it.
struct LoadedRoads {
    RoadNetwork network;                  ///< nodes and directed edges
    bool osm = false;                     ///< read with the OSM driver
    std::size_t features_read = 0;        ///< features of the layer (after the filter)
    std::size_t features_used = 0;        ///< features that gave at least one edge
    std::size_t not_drivable = 0;         ///< OSM ways whose highway value is not drivable
    std::size_t oneway_features = 0;      ///< features travelled in one direction only
    std::size_t skipped_features = 0;     ///< non-line geometry, NaN vertex, unknown class
    std::size_t degenerate_segments = 0;  ///< zero-length segments (repeated vertices), dropped
    std::size_t missing_speeds = 0;       ///< --speed-field empty or unreadable: class speed used
    /// One line per cause, with the first place met; a warning may name a request field
    /// (e.g. "speeds": Message::render spells it for a door, Message::str as the keyword).
    std::vector<Message> warnings;
};

/// True for paths that the OSM driver reads: .osm.pbf, .pbf, .osm, .osm.gz (the last through
/// /vsigzip/, added automatically). Looks at the name only; thread-safe.
bool is_osm_path(const std::string& path);

/// Reads a road network.
///
/// Lines connect where they share a vertex: coordinates equal after rounding to 1e-7 degree
/// (the OSM precision, so OSM ways join exactly at shared nodes). Each pair of consecutive
/// vertices is one straight edge, its length the ellipsoidal (Karney) distance, its time the
/// length at the class speed (or the --speed-field value). Non-OSM lines are two-way.
///
/// OpenStreetMap ("lines" layer unless another is named): drivable highway values only
/// (motorway, trunk, primary, secondary, tertiary, their _link ramps, unclassified,
/// residential, living_street, service, road), minus access / motor_vehicle = no / private;
/// oneway = yes / true / 1 / -1 / reverse respected, and implied by junction = roundabout and
/// highway = motorway unless oneway = no.
///
/// Recoveries, each counted and reported in `warnings`: features with a non-line geometry, a
/// NaN / infinite vertex or a class missing from the profile are skipped; zero-length segments
/// are dropped; a missing speed value uses the class speed.
/// Throws InputError (file, layer, feature, field) for: a missing file or field, a layer whose
/// geometry type is not a line, and a layer giving no edge at all (no line, no drivable way).
/// O(vertices): vertices are merged through a hash table and the segment lengths computed on
/// `threads` threads. The main French road file (about 1.3 MB) loads in a fraction of a second;
/// a national network of 22 million nodes in FlatGeobuf in about 10 s (bench/README.md).
/// Thread-safety: may be called concurrently (each call opens its own GDAL dataset).
LoadedRoads load_roads(const LayerSource& source, const RoadLoadOptions& options = {});

}  // namespace sitecover::geodata
