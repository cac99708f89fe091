#include "request_keywords.hpp"

#include <pybind11/stl.h>

#include <limits>

#include "sitecover/error.hpp"
#include "sitecover/geodata/speed_profile.hpp"
#include "sitecover/site_filter.hpp"

namespace sitecover::python {
namespace py = pybind11;

Keywords::Keywords(const py::kwargs& given, std::string function) : function_(std::move(function)) {
    for (const auto& [key, value] : given) {
        if (!value.is_none())
            values_.emplace_back(py::cast<std::string>(key),
                                 py::reinterpret_borrow<py::object>(value));
    }
}

ArgumentError keyword_error(const char* field, const std::string& problem) {
    return ArgumentError(Message().field(field).text(problem), field);
}

const std::string& no_nul(const char* field, const std::string& value) {
    const std::size_t at = value.find('\0');
    if (at != std::string::npos)
        throw keyword_error(field, ": holds a NUL character (at " + std::to_string(at) + ")");
    return value;
}

void no_nul(std::initializer_list<std::pair<const char*, const std::string*>> arguments) {
    for (const auto& [field, value] : arguments) no_nul(field, *value);
}

std::optional<std::string> Keywords::text(const char* key) {
    std::optional<std::string> value = get<std::string>(key);
    if (value) no_nul(key, *value);
    return value;
}

void Keywords::text(const char* key, std::string& into) {
    if (auto v = text(key)) into = *v;
}

void Keywords::number(const char* key, double& into) {
    if (auto v = get<double>(key)) into = *v;
}

void Keywords::distance(const char* key, double& into) {
    const auto v = get<double>(key);
    if (!v) return;
    if (!(*v >= 0.0) || *v == std::numeric_limits<double>::infinity())
        throw keyword_error(
            key, ": must be a number >= 0, got " + py::str(py::float_(*v)).cast<std::string>());
    into = *v;
}

void Keywords::check_all_used() const {
    for (const auto& [name, value] : values_) {
        if (used_.count(name) == 0)
            throw py::type_error(function_ + "() got an unexpected keyword argument '" + name +
                                 "'");
    }
}

namespace {

// "a, b,c" -> {"a", "b", "c"}: the list syntax of the command line.
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(start, end - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) items.push_back(item);
        start = end + 1;
    }
    return items;
}

// areas, sites and origins: the path and its companions (KEY_layer, KEY_where, KEY_crs).
void read_source(Keywords& k, const std::string& key, geodata::LayerSource& source) {
    k.text(key.c_str(), source.path);
    k.text((key + "_layer").c_str(), source.layer);
    k.text((key + "_where").c_str(), source.where);
    k.text((key + "_crs").c_str(), source.assumed_crs);
}

void read_sites(Keywords& k, report::SiteSetRequest& sites) {
    read_source(k, "sites", sites.source);
    geodata::SiteFields& f = sites.fields;
    k.text("site_id_field", f.id);
    k.text("site_name_field", f.name);
    k.text("site_lon_field", f.lon);
    k.text("site_lat_field", f.lat);
    k.text("site_type_field", f.kind);
    k.text("site_dep_field", f.department);
    k.text("site_date_field", f.labelled_on);
    if (auto types = k.get<py::object>("site_types")) {
        // "Principal,Antenne" as on the command line, or a list of types.
        if (py::isinstance<py::str>(*types)) {
            sites.filter.types = split_list(py::cast<std::string>(*types));
        } else {
            sites.filter.types = py::cast<std::vector<std::string>>(*types);
        }
        if (sites.filter.types.empty())
            throw keyword_error("site_types", ": give at least one type, e.g. Principal,Antenne");
    }
    if (auto as_of = k.text("as_of")) {
        if (!is_iso_date(*as_of))
            throw keyword_error("as_of", ": '" + *as_of + "' is not a date YYYY-MM-DD");
        sites.filter.as_of_iso = *as_of;
    }
}

void read_origins(Keywords& k, report::OriginRequest& origins) {
    read_source(k, "origins", origins.source);
    k.text("origin_code_field", origins.fields.code);
    k.text("origin_name_field", origins.fields.name);
    if (auto rule = k.text("origin")) {
        if (*rule != "point-on-surface" && *rule != "centroid")
            throw keyword_error("origin",
                                ": '" + *rule + "' is not 'point-on-surface' or 'centroid'");
        origins.rule = *rule == "centroid" ? geodata::OriginRule::Centroid
                                           : geodata::OriginRule::PointOnSurface;
    }
}

std::optional<report::RoadRequest> read_roads(Keywords& k) {
    report::RoadRequest roads;
    read_source(k, "roads", roads.source);
    k.text("class_field", roads.load.class_field);
    k.text("speed_field", roads.load.speed_field);
    k.text("profile", roads.profile_path);
    k.text("speeds", roads.speeds);
    const std::string by = k.text("by").value_or("time");
    if (by != "time" && by != "distance")
        throw keyword_error("by", ": '" + by + "' is not 'time' or 'distance'");
    roads.query_options.metric = by == "time" ? RoadMetric::Time : RoadMetric::Distance;
    k.distance("access_speed", roads.query_options.access_speed_kmh);
    k.distance("max_snap_m", roads.max_snap_m);
    if (roads.source.path.empty()) return std::nullopt;
    if (!roads.profile_path.empty())
        geodata::apply_profile_file(roads.load.profile, roads.profile_path);
    if (!roads.speeds.empty()) geodata::apply_speeds(roads.load.profile, roads.speeds);
    return roads;
}

}  // namespace

void read_study(Keywords& k, report::StudyRequest& study) {
    k.text("data_dir", study.data_dir);
    read_source(k, "areas", study.areas.source);
    k.text("area_code_field", study.areas.fields.code);
    k.text("area_name_field", study.areas.fields.name);
    read_sites(k, study.sites);
    read_origins(k, study.origins);
    study.population = k.text("population");
    study.scenario = k.text("scenario");
    study.roads = read_roads(k);
    k.distance("within_km", study.within_km);
    k.distance("within_min", study.within_min);
    k.distance("fragile_m", study.fragile_m);
    if (auto threads = k.get<long long>("threads")) {
        if (*threads < 0 || *threads > 65535)
            throw keyword_error("threads", ": must be between 0 (all cores) and 65535");
        study.threads = static_cast<unsigned>(*threads);
    }
}

}  // namespace sitecover::python
