#pragma once
// The nearest site by road of each origin (its answer and its table values) and the road
// figures of a batch (reachable, travel times, within thresholds, circuity, population within
// the travel time), accumulated in bounded memory per origin (three floats) so that a batch of
// millions of points can go by road. Computed once, in the library; each door words them.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/nearest_by_road.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/site.hpp"

namespace sitecover::report {

/// An origin's nearest site by road.
struct RoadAnswer {
    bool reached = false;
    std::size_t site = 0;  ///< index into the sites (when reached)
    double distance_m = 0.0;
    double time_s = 0.0;
    bool snapped = false;     ///< within max_snap_m of a road
    bool cut_off = false;     ///< snapped onto a piece cut off from the main network
    double snap_m = 0.0;      ///< when snapped
    double crow_fly_m = 0.0;  ///< geodesic distance to the road site (when reached)
    bool differs_from_crow_fly = false;
};

/// The columns a road answer adds to a table: road_site_id, road_distance_m, travel_time_s,
/// snap_m, reachable.
std::vector<geodata::Column> road_columns();

/// Answers by road over a study's labelled network. Const members are thread-safe.
class RoadAnswers {
public:
    /// `sites` are those the network was labelled from (they must outlive this).
    RoadAnswers(std::shared_ptr<const RoadStudy> study, const std::vector<Site>& sites);
    /// The answer of a point; `crow_fly_site` may be null.
    RoadAnswer answer(const LonLat& position, const Site* crow_fly_site) const;
    /// The answer of a point from the library's answer; `crow_fly_site` may be null.
    RoadAnswer answer_from(const LonLat& position, const RoadNearest& nearest,
                           const Site* crow_fly_site) const;
    /// answer() for every origin of a chunk on `threads` threads; origins whose `error` is set
    /// (unreadable lines) get an empty answer. The result does not depend on `threads`.
    std::vector<RoadAnswer> answer_chunk(const std::vector<geodata::Origin>& origins,
                                         const std::vector<const Site*>& crow_fly_sites,
                                         unsigned threads) const;
    const RoadStudy& study() const { return *study_; }
    const std::vector<Site>& sites() const { return *sites_; }

private:
    std::shared_ptr<const RoadStudy> study_;
    const std::vector<Site>* sites_;
};

/// The first few items of a list, and how many there were in all.
template <typename T>
struct FirstItems {
    static constexpr std::size_t kKept = 10;
    std::size_t count = 0;
    std::vector<T> items;
    void add(const T& item) {
        if (count++ < kKept) items.push_back(item);
    }
};

/// An origin no site is reached from: off every road (beyond max_snap_m), or with no route.
struct Unreachable {
    std::string code;
    bool snapped = false;  ///< on a road, but no route to a site
};

/// The road figures of a batch; record() once per origin, in order.
class RoadFigures {
public:
    /// `within_m` and `within_s`: the distance and travel-time thresholds counted; `population`:
    /// inhabitants per commune (none: no population figure), read from `population_path`.
    RoadFigures(const std::vector<Site>& sites, double within_m, double within_s,
                std::optional<geodata::PopulationTable> population, std::string population_path);

    /// Records an answer and appends its table values (in road_columns() order).
    void record(const geodata::Origin& origin, const RoadAnswer& answer,
                std::vector<geodata::Value>& values);

    std::size_t origins() const { return origins_; }
    std::size_t reached() const { return times_s_.size(); }
    const FirstItems<Unreachable>& unreachable() const { return unreachable_; }
    const FirstItems<std::string>& cut_off() const { return cut_off_; }
    double within_m() const { return within_m_; }
    double within_s() const { return within_s_; }
    std::size_t within_time() const { return within_time_; }
    std::size_t within_distance() const { return within_distance_; }
    /// Origins whose road site is not their crow-fly one.
    std::size_t differs() const { return differs_; }
    double max_time_s() const { return slowest_.time_s; }
    /// The slowest origin: code, name and road site.
    const std::string& slowest_code() const { return slowest_.code; }
    const std::string& slowest_name() const { return slowest_.name; }
    std::size_t slowest_site() const { return slowest_.site; }
    double mean_time_s() const;
    double median_time_s() const;
    double max_distance_m() const { return max_distance_m_; }
    double mean_distance_m() const;
    double median_distance_m() const;
    /// Road / crow-fly distance of the origins at least 1 km from their road site.
    const std::vector<float>& circuity() const { return circuity_; }
    /// Inhabitants in all and within the travel time: a commune merged since the origin layer
    /// was drawn is found through its former code; several origins in one current commune
    /// share its population equally, so that nobody is counted twice. None without population.
    std::optional<std::pair<double, double>> population_within_time() const;
    /// The national standard: 20 minutes by road (ANCT, 2025), counted whatever within_s is.
    static constexpr double kStandardWithin_s = 20 * 60.0;
    /// As population_within_time, within kStandardWithin_s.
    std::optional<std::pair<double, double>> population_within_standard() const;
    const std::string& population_path() const { return population_path_; }
    const FirstItems<std::string>& without_population() const { return without_population_; }

private:
    const std::vector<Site>* sites_;
    double within_m_, within_s_;
    std::optional<geodata::PopulationTable> population_;
    std::string population_path_;
    // Accumulated by record(): floats keep 4 bytes a value for the quantiles.
    std::size_t origins_ = 0, within_time_ = 0, within_distance_ = 0, differs_ = 0;
    double sum_time_s_ = 0.0, sum_distance_m_ = 0.0, max_distance_m_ = 0.0;
    std::vector<float> times_s_, distances_m_, circuity_;
    FirstItems<Unreachable> unreachable_;
    FirstItems<std::string> cut_off_, without_population_;
    struct Slowest {
        std::string code, name;
        std::size_t site = 0;
        double time_s = -1.0;
    } slowest_;
    // Per current commune code: origins counted, and those within the time threshold and the
    // standard.
    struct CommuneCounts {
        std::size_t count = 0, within = 0, within_standard = 0;
    };
    std::map<std::string, CommuneCounts> by_commune_;
    std::optional<std::pair<double, double>> population_share(
        std::size_t CommuneCounts::*within) const;
};

}  // namespace sitecover::report
