#include "sitecover/report/study_inputs.hpp"

#include <filesystem>
#include <utility>

#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/site_changes.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/report/data_dir.hpp"
#include "sitecover/report/report_format.hpp"

namespace sitecover::report {
namespace {

template <typename Text>
void pass_on(const std::vector<Text>& warnings, const WarningSink& warn) {
    if (!warn) return;
    for (const Text& w : warnings) warn(Message(w));
}

// A plan's site table applied to the sites, its errors naming the file and row.
ChangesApplied apply_scenario(const std::string& path, std::vector<Site>& sites) {
    const std::vector<SiteChange> changes = geodata::load_site_changes(path);
    try {
        return apply_site_changes(sites, changes);
    } catch (const RequestFieldError& e) {
        const std::size_t row = *e.index();
        const Site& s = changes[row].site;
        const std::string where =
            "file '" + path + "', row " + std::to_string(row + 1) + " (site_id '" + s.id + "')";
        throw InputError(where + (changes[row].change == SiteChangeKind::Removed
                                      ? ": removes a site that is not among the sites"
                                      : ": adds a site id that is already taken"));
    }
}

}  // namespace

SitesOffRoadError::SitesOffRoadError(double max_snap_m, std::string path)
    : InputError("no site lies within max_snap_m " + format_fixed(max_snap_m, 0) +
                 " m of a road of " + path),
      max_snap_m_(max_snap_m),
      path_(std::move(path)) {}

void resolve_defaults(StudyRequest& request, const std::string& hint, StudyParts parts) {
    DefaultsUsed& used = request.defaults_used;
    std::optional<std::filesystem::path> dir;
    const auto in_data_dir = [&](const char* relative) {
        if (!dir) dir = find_data_dir(request.data_dir, hint.empty() ? kDataDirHint : hint);
        return (*dir / relative).string();
    };
    if (parts.areas && request.areas.source.path.empty()) {
        request.areas.source.path = in_data_dir(defaults::kAreas);
        used.areas = true;
    }
    if (parts.sites && request.sites.source.path.empty()) {
        request.sites.source.path = in_data_dir(defaults::kSites);
        used.sites = true;
    }
    if (parts.origins && request.origins.source.path.empty()) {
        request.origins.source.path = in_data_dir(defaults::kCommunes);
        used.origins = true;
    }
    if (parts.population && !request.population) {
        // Optional when the default file (or the data directory) is absent, required when named.
        std::string path;
        try {
            path = in_data_dir(defaults::kPopulation);
        } catch (const InputError&) {
            path.clear();
        }
        std::error_code ec;
        request.population = !path.empty() && std::filesystem::exists(path, ec) ? path : "";
        used.population = !request.population->empty();
    }
}

std::vector<std::string> study_input_files(const StudyRequest& request) {
    std::vector<std::string> files{request.areas.source.path, request.sites.source.path,
                                   request.origins.source.path, request.population.value_or(""),
                                   request.scenario.value_or("")};
    if (request.roads) {
        files.push_back(request.roads->source.path);
        files.push_back(request.roads->profile_path);
    }
    std::erase_if(files, [](const std::string& file) { return file.empty() || file == "-"; });
    return files;
}

LoadedSiteSet load_site_set(const SiteSetRequest& request, const WarningSink& warn) {
    LoadedSiteSet set;
    set.path = request.source.path;
    auto loaded = geodata::load_sites(request.source, request.fields);
    pass_on(loaded.warnings, warn);
    FilteredSites kept = filter_sites(std::move(loaded.sites), request.filter);
    set.sites = std::move(kept.sites);
    set.read = kept.read;
    set.undated = kept.undated;
    return set;
}

std::vector<geodata::Origin> load_origin_set(const OriginRequest& request,
                                             const WarningSink& warn) {
    std::vector<std::string> warnings;
    std::vector<geodata::Origin> origins =
        geodata::load_origins(request.source, request.fields, request.rule, &warnings);
    pass_on(warnings, warn);
    if (origins.empty()) throw InputError("no origin in " + request.source.path);
    return origins;
}

std::vector<Area> load_area_set(const AreaRequest& request) {
    return geodata::load_areas(request.source, request.fields);
}

std::optional<geodata::PopulationTable> load_population_table(const StudyRequest& request) {
    if (!request.population || request.population->empty()) return std::nullopt;
    return geodata::load_population({*request.population, "", "", ""});
}

RoadSetup load_road_setup(const RoadRequest& request, const WarningSink& warn) {
    RoadSetup setup;
    setup.path = request.source.path;
    setup.query_options = request.query_options;
    setup.max_snap_m = request.max_snap_m;
    geodata::LoadedRoads loaded = geodata::load_roads(request.source, request.load);
    pass_on(loaded.warnings, warn);
    setup.graph = std::make_unique<RoadGraph>(std::move(loaded.network));
    setup.snapper = std::make_unique<RoadSnapper>(*setup.graph);
    return setup;
}

std::shared_ptr<RoadStudy> load_road_study(const RoadRequest& request,
                                           const std::vector<Site>& sites,
                                           const WarningSink& warn) {
    auto study = std::make_shared<RoadStudy>();
    study->setup = load_road_setup(request, warn);
    // Sites far from any road are left out of the road search (and said so); sites on a cut-off
    // piece stay in (they serve that piece) but are reported.
    try {
        study->nearest = std::make_unique<NearestByRoad>(*study->setup.graph, *study->setup.snapper,
                                                         sites, study->setup.nearest_options());
    } catch (const InputError&) {
        throw SitesOffRoadError(study->setup.max_snap_m, study->setup.path);
    }
    if (const auto& cut_off = study->nearest->sites_cut_off(); !cut_off.empty() && warn) {
        std::vector<std::string> ids;
        for (const std::size_t i : cut_off) ids.push_back(sites[i].id);
        warn(std::to_string(ids.size()) +
             " site(s) on a piece of road network cut off from the main one: " + first_items(ids));
    }
    return study;
}

StudyInputs load_study(const StudyRequest& request, const WarningSink& warn) {
    StudyInputs in;
    in.areas_path = request.areas.source.path;
    in.areas = std::make_shared<CoverageIndex>(load_area_set(request.areas));
    in.site_set = load_site_set(request.sites, warn);
    if (request.scenario) in.scenario = apply_scenario(*request.scenario, in.site_set.sites);
    if (in.site_set.sites.empty()) {
        throw InputError("no site in " + in.site_set.path +
                         (in.site_set.read > 0 ? " after the filters" : ""));
    }
    in.sites = std::make_shared<SiteIndex>(std::move(in.site_set.sites));
    in.origins_path = request.origins.source.path;
    in.origins = load_origin_set(request.origins, warn);
    // The origins' outlines, to shade them; a point layer has none.
    try {
        in.origin_polygons = geodata::load_areas(
            request.origins.source, {request.origins.fields.code, request.origins.fields.name});
    } catch (const InputError&) {
        in.origin_polygons.clear();
    }
    if (request.roads) in.roads = load_road_study(*request.roads, in.sites->sites(), warn);
    in.population_table = load_population_table(request);
    if (in.population_table) {
        in.population_path = *request.population;
        std::vector<std::string> codes;
        for (const geodata::Origin& o : in.origins) codes.push_back(o.code);
        in.population = geodata::population_shares(*in.population_table, codes);
    }
    return in;
}

}  // namespace sitecover::report
