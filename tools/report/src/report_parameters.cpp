#include "sitecover/report/report_parameters.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <regex>

#include <sys/stat.h>

#include "sitecover/report/report_text.hpp"

namespace sitecover::report {
namespace {

std::string iso_day(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

// A number as a machine reads it ("19", "12.5").
std::string raw(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

}  // namespace

std::string file_date(const std::string& path) {
    static const std::regex date(R"((\d{4})-(\d{2})-(\d{2}))");
    const std::string name = file_name(path);
    std::smatch m;
    if (std::regex_search(name, m, date)) return m[0].str();
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) return iso_day(st.st_mtime);
    return "";
}

std::string run_date() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch) {
        char* end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end != epoch && *end == '\0' && seconds >= 0)
            return iso_day(static_cast<std::time_t>(seconds));
    }
    return iso_day(std::time(nullptr));
}

namespace {

// The speeds by class ("motorway 110 km/h, trunk 80 km/h..."), the per-road speed field, the
// access speed and the snap limit.
void add_road_speeds(std::vector<ParameterRow>& rows, const ReportParameters& p, Lang lang) {
    const ReportText& t = report_text(lang);
    std::string text, value;
    for (const auto& [road_class, kmh] : p.speeds_kmh) {
        text += (text.empty() ? "" : ", ") + road_class_name(road_class, lang) + " " +
                format_threshold(kmh, "km/h", lang);
        value += (value.empty() ? "" : ",") + road_class + "=" + raw(kmh);
    }
    if (!p.speed_field.empty())
        text += (text.empty() ? "" : lang == Lang::Fr ? "\u00a0; " : "; ") + p.speed_field;
    rows.push_back({"speeds", t.p_speeds, text, value});
    rows.push_back({"access_speed", t.p_access_speed,
                    format_threshold(p.access_speed_kmh, "km/h", lang), raw(p.access_speed_kmh)});
    rows.push_back(
        {"max_snap_m", t.p_max_snap, format_threshold(p.max_snap_m, "m", lang), raw(p.max_snap_m)});
}

}  // namespace

std::vector<ParameterRow> parameter_rows(const ReportParameters& p, Lang lang) {
    const ReportText& t = report_text(lang);
    std::vector<ParameterRow> rows;
    auto add = [&](const char* key, const char* label, const std::string& text,
                   const std::string& value) {
        rows.push_back({key, label, text, value});
    };
    add("sites_file", t.p_sites, p.sites_file, p.sites_file);
    if (!p.sites_date.empty())
        add("sites_date", t.p_sites_date, format_date(p.sites_date, lang), p.sites_date);
    add("as_of", t.p_as_of, p.as_of.empty() ? t.v_all_dates : format_date(p.as_of, lang), p.as_of);
    add("site_types", t.p_site_types, p.site_types.empty() ? t.v_all : p.site_types, p.site_types);
    add("sites_where", t.p_sites_where, p.sites_where.empty() ? t.v_none : p.sites_where,
        p.sites_where);
    add("areas_file", t.p_areas, p.areas_file, p.areas_file);
    if (!p.areas_where.empty()) add("areas_where", t.p_areas_where, p.areas_where, p.areas_where);
    add("origins_file", t.p_origins, p.origins_file, p.origins_file);
    add("origin", t.p_origin_rule, p.origin_centroid ? t.v_centroid : t.v_point_on_surface,
        p.origin_centroid ? "centroid" : "point-on-surface");
    add("boundary", t.p_boundary,
        p.boundary_included ? t.v_boundary_included : t.v_boundary_excluded,
        p.boundary_included ? "included" : "excluded");
    if (!p.from_where.empty()) add("from_where", t.p_from_where, p.from_where, p.from_where);
    if (!p.population_file.empty())
        add("population_file", t.p_population, p.population_file, p.population_file);
    if (!p.scenario_file.empty())
        add("scenario_file", t.p_scenario, p.scenario_file, p.scenario_file);
    add("within_km", t.p_within_km, format_threshold(p.within_km, "km", lang), raw(p.within_km));
    if (p.with_roads)
        add("within_min", t.p_within_min, format_threshold(p.within_min, "min", lang),
            raw(p.within_min));
    add("fragile_m", t.p_fragile_m, format_threshold(p.fragile_m, "m", lang), raw(p.fragile_m));
    add("roads_file", t.p_roads, p.with_roads ? p.roads_file : t.v_crow_fly, p.roads_file);
    if (p.with_roads) {
        if (!p.roads_where.empty())
            add("roads_where", t.p_roads_where, p.roads_where, p.roads_where);
        add("road_profile", t.p_profile,
            p.road_profile.empty() ? t.v_default_speeds : p.road_profile, p.road_profile);
        add("road_by", t.p_by, p.road_by == "time" ? t.v_by_time : t.v_by_distance, p.road_by);
        add_road_speeds(rows, p, lang);
    }
    add("run_date", t.p_run_date, format_date(p.run_date, lang), p.run_date);
    add("version", t.p_version, p.version, p.version);
    return rows;
}

}  // namespace sitecover::report
