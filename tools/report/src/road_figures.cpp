#include "sitecover/report/road_figures.hpp"

#include <algorithm>

#include "sitecover/geodesic.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::report {
namespace {

// Circuity is noise for origins right next to their site (a 300 m walk to a town-hall site
// "costs" 3x by road): only origins at least this far from the site count.
constexpr double kCircuityMinCrowFly_m = 1000.0;

double median_of(const std::vector<float>& values) {
    if (values.empty()) return 0.0;
    return quantile(std::vector<double>(values.begin(), values.end()), 0.5);
}

}  // namespace

std::vector<geodata::Column> road_columns() {
    return {{"road_site_id", geodata::FieldType::String},
            {"road_distance_m", geodata::FieldType::Real, 1},
            {"travel_time_s", geodata::FieldType::Real, 1},
            {"snap_m", geodata::FieldType::Real, 1},
            {"reachable", geodata::FieldType::Boolean}};
}

RoadAnswers::RoadAnswers(std::shared_ptr<const RoadStudy> study, const std::vector<Site>& sites)
    : study_(std::move(study)), sites_(&sites) {}

RoadAnswer RoadAnswers::answer_from(const LonLat& position, const RoadNearest& nearest,
                                    const Site* crow_fly_site) const {
    RoadAnswer a;
    if (!nearest.snapped) return a;
    a.snapped = true;
    a.snap_m = nearest.snap_m;
    a.cut_off = nearest.cut_off;
    if (!nearest.result.reached()) return a;
    const RoadResult& r = nearest.result;
    a.reached = true;
    a.site = r.site;
    a.distance_m = r.distance_m;
    a.time_s = r.time_s;
    a.crow_fly_m = geodesic_distance_m(position, (*sites_)[r.site].position);
    a.differs_from_crow_fly = crow_fly_site != nullptr && crow_fly_site->id != (*sites_)[r.site].id;
    return a;
}

RoadAnswer RoadAnswers::answer(const LonLat& position, const Site* crow_fly_site) const {
    return answer_from(position, study_->nearest->nearest(position), crow_fly_site);
}

std::vector<RoadAnswer> RoadAnswers::answer_chunk(const std::vector<geodata::Origin>& origins,
                                                  const std::vector<const Site*>& crow_fly_sites,
                                                  unsigned threads) const {
    // Origins whose line was unreadable (`error` set) get an empty answer.
    std::vector<std::size_t> readable;
    std::vector<LonLat> points;
    for (std::size_t i = 0; i < origins.size(); ++i) {
        if (!origins[i].error.empty()) continue;
        readable.push_back(i);
        points.push_back(origins[i].position);
    }
    const std::vector<RoadNearest> nearest = study_->nearest->nearest_batch(points, threads);
    std::vector<RoadAnswer> answers(origins.size());
    for (std::size_t k = 0; k < readable.size(); ++k) {
        const std::size_t i = readable[k];
        answers[i] = answer_from(origins[i].position, nearest[k], crow_fly_sites[i]);
    }
    return answers;
}

RoadFigures::RoadFigures(const std::vector<Site>& sites, double within_m, double within_s,
                         std::optional<geodata::PopulationTable> population,
                         std::string population_path)
    : sites_(&sites),
      within_m_(within_m),
      within_s_(within_s),
      population_(std::move(population)),
      population_path_(std::move(population_path)) {}

void RoadFigures::record(const geodata::Origin& origin, const RoadAnswer& a,
                         std::vector<geodata::Value>& values) {
    ++origins_;
    if (a.cut_off) cut_off_.add(origin.code);
    if (a.reached) {
        times_s_.push_back(static_cast<float>(a.time_s));
        sum_time_s_ += a.time_s;
        sum_distance_m_ += a.distance_m;
        max_distance_m_ = std::max(max_distance_m_, a.distance_m);
        if (a.distance_m <= within_m_) ++within_distance_;
        distances_m_.push_back(static_cast<float>(a.distance_m));
        if (a.crow_fly_m >= kCircuityMinCrowFly_m)
            circuity_.push_back(static_cast<float>(a.distance_m / a.crow_fly_m));
        if (a.differs_from_crow_fly) ++differs_;
        if (a.time_s > slowest_.time_s) slowest_ = {origin.code, origin.name, a.site, a.time_s};
    } else {
        unreachable_.add({origin.code, a.snapped});
    }
    const bool within_time = a.reached && a.time_s <= within_s_;
    if (within_time) ++within_time_;
    if (population_) {
        std::optional<std::string> current = population_->resolve(origin.code);
        if (current && !population_->by_code.at(*current)) current.reset();
        if (current) {
            CommuneCounts& counts = by_commune_[*current];
            ++counts.count;
            if (within_time) ++counts.within;
            if (a.reached && a.time_s <= kStandardWithin_s) ++counts.within_standard;
        } else {
            without_population_.add(origin.code);
        }
    }
    if (a.reached) {
        values.emplace_back((*sites_)[a.site].id);
        values.emplace_back(a.distance_m);
        values.emplace_back(a.time_s);
    } else {
        values.resize(values.size() + 3);
    }
    if (a.snapped)
        values.emplace_back(a.snap_m);
    else
        values.emplace_back();
    values.emplace_back(a.reached);
}

double RoadFigures::mean_time_s() const {
    return times_s_.empty() ? 0.0 : sum_time_s_ / static_cast<double>(times_s_.size());
}

double RoadFigures::median_time_s() const { return median_of(times_s_); }

double RoadFigures::mean_distance_m() const {
    return distances_m_.empty() ? 0.0 : sum_distance_m_ / static_cast<double>(distances_m_.size());
}

double RoadFigures::median_distance_m() const { return median_of(distances_m_); }

std::optional<std::pair<double, double>> RoadFigures::population_share(
    std::size_t CommuneCounts::*within_member) const {
    if (!population_) return std::nullopt;
    double total = 0.0, within = 0.0;
    for (const auto& [code, counts] : by_commune_) {
        const auto inhabitants = static_cast<double>(*population_->by_code.at(code));
        total += inhabitants;
        within += inhabitants * static_cast<double>(counts.*within_member) /
                  static_cast<double>(counts.count);
    }
    return std::make_pair(total, within);
}

std::optional<std::pair<double, double>> RoadFigures::population_within_time() const {
    return population_share(&CommuneCounts::within);
}

std::optional<std::pair<double, double>> RoadFigures::population_within_standard() const {
    return population_share(&CommuneCounts::within_standard);
}

}  // namespace sitecover::report
