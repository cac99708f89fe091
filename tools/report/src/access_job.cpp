#include "sitecover/report/access_job.hpp"

#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>

#include "sitecover/equity.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/site_values.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/road_catchment.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::report {
namespace {

[[noreturn]] void refuse(const char* field, const std::string& problem) {
    throw ArgumentError(Message().field(field).text(problem), field);
}

// "10=1" -> {10, 1}; ArgumentError naming decay otherwise.
DecayStep parse_zone(const std::string& zone, const std::string& text) {
    const auto equals = zone.find('=');
    DecayStep step;
    std::size_t used_upper = 0, used_weight = 0;
    bool ok = equals != std::string::npos;
    try {
        if (ok) {
            const std::string upper = zone.substr(0, equals);
            const std::string weight = zone.substr(equals + 1);
            step.upper = std::stod(upper, &used_upper);
            step.weight = std::stod(weight, &used_weight);
            ok = used_upper == upper.size() && used_weight == weight.size();
        }
    } catch (const std::exception&) {
        ok = false;
    }
    if (!ok) {
        refuse("decay", ": '" + text + "': zone '" + zone +
                            "' is not UPPER=WEIGHT (e.g. step:10=1,20=0.68,30=0.22)");
    }
    return step;
}

// The same decay with its zones in the engine's unit (metres or seconds).
AccessDecay scaled(AccessDecay decay, double factor) {
    for (DecayStep& step : decay.steps) step.upper *= factor;
    return decay;
}

// The origins' demand: their population (population_shares), 0 when unknown; 1 each without a
// table.
void load_demand(const AccessJob& job, AccessOutcome& out, const WarningSink& warn) {
    const auto table = load_population_table(job.study);
    out.population.assign(out.origins.size(), 1.0);
    out.population_known.assign(out.origins.size(), 1);
    if (!table) {
        if (warn) warn("no population table: every origin counts as 1 inhabitant");
        return;
    }
    out.population_path = *job.study.population;
    std::vector<std::string> codes;
    for (const geodata::Origin& o : out.origins) codes.push_back(o.code);
    const std::vector<std::optional<double>> shares = geodata::population_shares(*table, codes);
    std::vector<std::string> unknown;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        out.population[i] = shares[i].value_or(0.0);
        out.population_known[i] = shares[i] ? 1 : 0;
        if (!shares[i]) unknown.push_back(out.origins[i].code);
    }
    out.without_population = unknown.size();
    if (!unknown.empty() && warn) {
        Message message(std::to_string(unknown.size()) + " origin(s) without population in " +
                        out.population_path + " count as 0 inhabitants: " + first_items(unknown));
        warn(message);
    }
}

// Each site's supply: its capacity_field, or 1.
void load_capacity(const AccessJob& job, AccessOutcome& out) {
    const std::vector<Site>& sites = out.site_set.sites;
    out.capacity.assign(sites.size(), 1.0);
    if (job.capacity_field.empty()) return;
    const auto values = geodata::load_site_numbers(
        job.study.sites.source, job.study.sites.fields.id, job.capacity_field, "capacity_field");
    for (std::size_t j = 0; j < sites.size(); ++j) {
        const auto it = values.find(sites[j].id);
        if (it == values.end()) {
            throw InputError("file '" + out.site_set.path + "': no capacity for site '" +
                             sites[j].id + "'");
        }
        out.capacity[j] = it->second;
    }
}

std::vector<LonLat> positions_of(const std::vector<geodata::Origin>& origins) {
    std::vector<LonLat> positions;
    positions.reserve(origins.size());
    for (const geodata::Origin& o : origins) positions.push_back(o.position);
    return positions;
}

// By road: each origin's nearest site (the shares within 20 and 30 minutes, as
// the nearest job counts them by road).
void road_nearest(const RoadStudy& study, AccessOutcome& out, const std::vector<LonLat>& positions,
                  unsigned threads) {
    const std::vector<RoadNearest> nearest = study.nearest->nearest_batch(positions, threads);
    out.nearest_time_s.resize(positions.size());
    for (std::size_t i = 0; i < nearest.size(); ++i) {
        if (nearest[i].reached()) out.nearest_time_s[i] = nearest[i].result.time_s;
    }
}

AccessEquity equity_of(const AccessOutcome& out, const std::vector<std::size_t>& members) {
    AccessEquity e;
    std::vector<double> index, weight;
    std::vector<std::optional<double>> times;
    double weighted_sum = 0.0;
    for (const std::size_t i : members) {
        const double value = out.result.access[i] * kAccessIndexScale;
        ++e.origins;
        e.population += out.population[i];
        weighted_sum += out.population[i] * value;
        if (out.result.sites_reached[i] == 0) {
            ++e.without_site;
            e.population_without_site += out.population[i];
        }
        index.push_back(value);
        weight.push_back(out.population[i]);
        if (out.by_road) times.push_back(out.nearest_time_s[i]);
    }
    if (e.population > 0.0) e.mean_index = weighted_sum / e.population;
    e.gini = weighted_gini(index, weight);
    e.palma = palma_ratio(index, weight);
    if (out.by_road && !out.population_path.empty()) {
        e.share_within_20_min = share_within(times, weight, 20 * 60.0);
        e.share_within_30_min = share_within(times, weight, 30 * 60.0);
    }
    return e;
}

void compute_equity(const AccessJob& job, AccessOutcome& out) {
    std::vector<std::size_t> all(out.origins.size());
    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i] = i;
        if (!job.group_by) continue;
        const std::string group = job.group_by->group_of(out.origins[i].code);
        members[group.empty() ? "(none)" : group].push_back(i);
    }
    out.equity = equity_of(out, all);
    for (const auto& [group, list] : members) out.groups[group] = equity_of(out, list);
}

void write_origins(geodata::TableWriter& writer, const AccessOutcome& out) {
    for (std::size_t i = 0; i < out.origins.size(); ++i) {
        const geodata::Origin& o = out.origins[i];
        const bool known = out.population_known[i] != 0;
        geodata::Row row;
        row.values = {o.code,
                      o.name,
                      o.position.lon_deg,
                      o.position.lat_deg,
                      known ? geodata::Value(out.population[i]) : geodata::Value(),
                      out.result.access[i] * kAccessIndexScale,
                      static_cast<std::int64_t>(out.result.sites_reached[i])};
        row.line = {o.position};
        writer.add_row(row);
    }
}

void write_sites(geodata::TableWriter& writer, const AccessOutcome& out) {
    const std::vector<Site>& sites = out.site_set.sites;
    for (std::size_t j = 0; j < sites.size(); ++j) {
        geodata::Row row;
        row.values = {sites[j].id, sites[j].name, out.capacity[j], out.result.site_demand[j],
                      out.result.ratio[j]};
        row.line = {sites[j].position};
        writer.add_row(row);
    }
}

}  // namespace

AccessDecay parse_access_decay(const std::string& text) {
    AccessDecay decay;
    if (text.empty() || text == "none") return decay;
    if (text == "gaussian") {
        decay.kind = DecayKind::Gaussian;
        return decay;
    }
    const std::string prefix = "step:";
    if (text.rfind(prefix, 0) != 0) {
        refuse("decay", ": '" + text +
                            "' is not 'none', 'gaussian' or 'step:UPPER=WEIGHT,...' (e.g. "
                            "step:10=1,20=0.68,30=0.22)");
    }
    decay.kind = DecayKind::Step;
    std::stringstream zones(text.substr(prefix.size()));
    std::string zone;
    while (std::getline(zones, zone, ',')) decay.steps.push_back(parse_zone(zone, text));
    return decay;
}

void check_access_job(const AccessJob& job) {
    if (job.catchment_km && job.catchment_min) {
        throw ArgumentError(Message()
                                .field("catchment_min")
                                .text(" and ")
                                .field("catchment_km")
                                .text(" are exclusive: give one catchment"),
                            "catchment_min");
    }
    if (!job.catchment_km && !job.catchment_min) {
        throw ArgumentError(Message()
                                .field("catchment_km")
                                .text(": a catchment is required (")
                                .field("catchment_km")
                                .text(", or ")
                                .field("catchment_min")
                                .text(" with roads)"),
                            "catchment_km");
    }
    if (job.catchment_min && !job.study.roads) {
        throw ArgumentError(Message()
                                .field("catchment_min")
                                .text(" needs a road network (")
                                .field("roads")
                                .text("): crow-fly, give ")
                                .field("catchment_km"),
                            "catchment_min");
    }
    const char* field = job.catchment_km ? "catchment_km" : "catchment_min";
    check_access_decay(parse_access_decay(job.decay),
                       job.catchment_km.value_or(job.catchment_min.value_or(0.0)), field, "decay");
}

std::vector<geodata::Column> access_columns() {
    return {
        {"origin_code", geodata::FieldType::String},   {"origin_name", geodata::FieldType::String},
        {"origin_lon", geodata::FieldType::Real, 7},   {"origin_lat", geodata::FieldType::Real, 7},
        {"population", geodata::FieldType::Real},      {"access_index", geodata::FieldType::Real},
        {"sites_reached", geodata::FieldType::Integer}};
}

std::vector<geodata::Column> access_site_columns() {
    return {{"site_id", geodata::FieldType::String},
            {"site_name", geodata::FieldType::String},
            {"capacity", geodata::FieldType::Real},
            {"demand", geodata::FieldType::Real},
            {"ratio", geodata::FieldType::Real}};
}

AccessNetwork AccessNetwork::by_road(const RoadSetup& setup, RoadMetric metric) {
    return {setup.graph.get(), setup.snapper.get(), metric, setup.query_options.access_speed_kmh,
            setup.max_snap_m};
}

void add_access_index(ReportData& data, const AccessNetwork& network, unsigned threads) {
    const double catchment = network.graph != nullptr ? data.within_s : data.within_m;
    if (!(catchment > 0.0) || data.origins.empty() || data.sites == nullptr) return;
    const std::vector<Site>& sites = *data.sites;
    bool any_population = false;
    for (const ReportOrigin& o : data.origins) any_population = any_population || o.population;
    std::vector<LonLat> positions;
    std::vector<double> demand;
    for (const ReportOrigin& o : data.origins) {
        positions.push_back(o.position);
        demand.push_back(any_population ? o.population.value_or(0.0) : 1.0);
    }
    const AccessComputed computed =
        compute_access(sites, positions, demand, std::vector<double>(sites.size(), 1.0),
                       AccessDecay{}, catchment, network, threads);
    std::vector<double> index;
    for (std::size_t i = 0; i < data.origins.size(); ++i) {
        index.push_back(computed.result.access[i] * kAccessIndexScale);
        data.origins[i].access_index = index.back();
    }
    data.access_gini = weighted_gini(index, demand);
    data.access_palma = palma_ratio(index, demand);
}

AccessComputed compute_access(const std::vector<Site>& sites, const std::vector<LonLat>& origins,
                              const std::vector<double>& demand, const std::vector<double>& supply,
                              const AccessDecay& decay, double catchment,
                              const AccessNetwork& network, unsigned threads) {
    AccessComputed out;
    CatchmentTable pairs;
    if (network.graph != nullptr) {
        RoadCatchmentOptions options;
        options.metric = network.metric;
        options.access_speed_kmh = network.access_speed_kmh;
        options.max_snap_m = network.max_snap_m;
        options.catchment = catchment;
        RoadCatchment road =
            road_catchment(*network.graph, *network.snapper, sites, origins, options, threads);
        out.site_on_network = std::move(road.site_snapped);
        out.origin_on_network = std::move(road.origin_snapped);
        pairs = std::move(road.table);
    } else {
        const SiteIndex index(sites, SiteIndexOptions{DistanceMethod::Karney});
        pairs = crow_fly_catchment(index, origins, catchment, threads);
    }
    out.result = floating_catchment(pairs, demand, supply, decay, catchment);
    return out;
}

AccessOutcome run_access(AccessJob job, const WarningSink& warn) {
    check_access_job(job);
    resolve_defaults(job.study, "", {.sites = true, .origins = true, .population = true});
    AccessOutcome out;
    out.by_road = job.study.roads.has_value();
    out.unit = job.catchment_km ? "km" : "min";
    out.catchment = job.catchment_km.value_or(job.catchment_min.value_or(0.0));
    out.decay = parse_access_decay(job.decay);
    const double factor = job.catchment_km ? 1000.0 : 60.0;  // to metres or seconds
    // Outputs staged first: a bad path fails before the long work.
    std::optional<geodata::TableWriter> origins_writer, sites_writer;
    if (job.output.written()) {
        origins_writer.emplace(table_options(job.output, "access", geodata::GeometryKind::Point),
                               access_columns());
    }
    if (job.sites_output.written()) {
        sites_writer.emplace(
            table_options(job.sites_output, "access_sites", geodata::GeometryKind::Point),
            access_site_columns());
    }
    out.site_set = load_site_set(job.study.sites, warn);
    if (out.site_set.sites.empty()) {
        throw InputError("no site in " + out.site_set.path +
                         (out.site_set.read > 0 ? " after the filters" : ""));
    }
    load_capacity(job, out);
    out.origins_path = job.study.origins.source.path;
    out.origins = load_origin_set(job.study.origins, warn);
    load_demand(job, out, warn);
    const std::vector<LonLat> positions = positions_of(out.origins);
    const double catchment = out.catchment * factor;
    std::shared_ptr<RoadStudy> roads;
    AccessNetwork network;
    if (out.by_road) {
        roads = load_road_study(*job.study.roads, out.site_set.sites, warn);
        out.roads_path = roads->setup.path;
        network = AccessNetwork::by_road(
            roads->setup, job.catchment_min ? RoadMetric::Time : RoadMetric::Distance);
    }
    AccessComputed computed =
        compute_access(out.site_set.sites, positions, out.population, out.capacity,
                       scaled(out.decay, factor), catchment, network, job.study.threads);
    out.result = std::move(computed.result);
    out.site_on_network = std::move(computed.site_on_network);
    out.origin_on_network = std::move(computed.origin_on_network);
    if (roads) road_nearest(*roads, out, positions, job.study.threads);
    compute_equity(job, out);
    if (origins_writer) write_origins(*origins_writer, out);
    if (sites_writer) write_sites(*sites_writer, out);
    for (auto* writer :
         {origins_writer ? &*origins_writer : nullptr, sites_writer ? &*sites_writer : nullptr}) {
        if (writer == nullptr) continue;
        writer->commit();
        out.warnings.insert(out.warnings.end(), writer->warnings().begin(),
                            writer->warnings().end());
    }
    return out;
}

}  // namespace sitecover::report
