#pragma once
/// @file
/// Travel speeds per road class.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sitecover::geodata {

/// Speeds in km/h by road class (the value of the class field: `class` in the Travel Mapping
/// file, `highway` in OpenStreetMap).
///
/// Documented defaults: motorway 110, trunk 80, departmental / primary / secondary 70,
/// tertiary 60, local 40. OpenStreetMap ramps ("motorway_link"...) take the speed of their road
/// class; unclassified, residential, living_street, service and road are "local".
struct SpeedProfile {
    std::map<std::string, double> speed_kmh;  ///< km/h by class name
    /// The classes a request named (apply_speeds): load_roads refuses a network that has none
    /// of a class of them (a misspelt class would otherwise change nothing, silently).
    std::vector<std::string> named_classes;

    /// The documented defaults above. Thread-safe.
    static SpeedProfile defaults();

    /// The speed of a class: its own entry, else that of the class without "_link", else
    /// "local" for the OpenStreetMap local classes listed above; nothing for other classes.
    /// O(log classes); thread-safe (const).
    std::optional<double> speed_for(const std::string& road_class) const;
    /// Whether the profile's class `profile_class` prices roads of class `road_class`: the
    /// same name, `road_class` with "_link" suffixes removed, or "local" for the OpenStreetMap
    /// local classes. Thread-safe.
    static bool prices(const std::string& profile_class, const std::string& road_class);
};

/// Applies "class=kmh,class=kmh" overrides (e.g. "motorway=130,local=30") to `profile`, the
/// request field `speeds`, and records the classes in `named_classes`. Throws ArgumentError
/// naming the field `speeds` and the item for a malformed item or a speed outside (0, 300]
/// km/h; `profile` may then hold the items before the bad one.
void apply_speeds(SpeedProfile& profile, const std::string& text);

/// Applies a profile file: one "class = kmh" per line, '#' starts a comment, blank lines ignored.
/// Throws InputError naming the file and line for a malformed line, or when it cannot be read.
void apply_profile_file(SpeedProfile& profile, const std::string& path);

}  // namespace sitecover::geodata
