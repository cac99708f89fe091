#pragma once
// The one vocabulary at the Python door: the keywords of sitecover.report(), coverage()...
// are the command's flags in snake case (map_roads for --map-roads; origins for --from), read
// into the library's requests (sitecover/report/study_request.hpp) in one place.

#include <pybind11/pybind11.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/report/study_request.hpp"

namespace sitecover::python {

/// The keywords of one call, each read once; check_all_used() makes an unknown (misspelt)
/// keyword a TypeError naming it. A keyword given as None counts as not given.
class Keywords {
public:
    /// `function`: the Python function's name, for the TypeError.
    Keywords(const pybind11::kwargs& given, std::string function);
    /// A text keyword, if given; ValueError naming it when it holds a NUL character (a C
    /// library would read a truncated path or value).
    std::optional<std::string> text(const char* key);
    /// A text keyword into `into`, if given.
    void text(const char* key, std::string& into);
    /// A number keyword into `into`, if given.
    void number(const char* key, double& into);
    /// A distance, time or speed keyword into `into`, if given: ValueError naming it when
    /// negative, NaN or infinite.
    void distance(const char* key, double& into);
    /// A keyword of type T, if given; TypeError naming it for another type.
    template <typename T>
    std::optional<T> get(const char* key) {
        for (auto& [name, value] : values_) {
            if (name != key) continue;
            used_.insert(name);
            try {
                return pybind11::cast<T>(value);
            } catch (const pybind11::cast_error&) {
                throw pybind11::type_error(
                    std::string(key) + ": " +
                    pybind11::str(pybind11::type::of(value)).cast<std::string>() +
                    " is not the expected type");
            }
        }
        return std::nullopt;
    }
    /// Called last: TypeError for a keyword no reader took.
    void check_all_used() const;

private:
    std::string function_;
    std::vector<std::pair<std::string, pybind11::object>> values_;
    std::set<std::string> used_;
};

/// An ArgumentError (ValueError) about the keyword `field`: the field kept apart in its message.
ArgumentError keyword_error(const char* field, const std::string& problem);

/// `value` of the argument `field` (a path, a layer name, a filter...): ArgumentError
/// (ValueError) naming the field when it holds a NUL character, which C libraries (GDAL, the
/// file system) would read as the end of the text.
const std::string& no_nul(const char* field, const std::string& value);
/// no_nul for each (field, value).
void no_nul(std::initializer_list<std::pair<const char*, const std::string*>> arguments);

/// Reads the study's keywords: data_dir; areas (areas_layer, areas_where, areas_crs,
/// area_code_field, area_name_field); sites (sites_layer..., site_*_field, site_types,
/// as_of); origins (origins_layer..., origin_code_field, origin_name_field, origin);
/// population; scenario; roads (roads_layer..., class_field, speed_field, profile, speeds,
/// by, access_speed, max_snap_m); within_km, within_min, fragile_m, threads. ValueError
/// (ArgumentError) for a bad value, as the command's usage errors.
void read_study(Keywords& k, report::StudyRequest& study);

}  // namespace sitecover::python
