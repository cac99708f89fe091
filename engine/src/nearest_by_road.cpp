#include "sitecover/nearest_by_road.hpp"

#include <cmath>
#include <optional>
#include <string>

#include "parallel_blocks.hpp"
#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"

namespace sitecover {

struct NearestByRoad::Impl {
    const RoadGraph* graph = nullptr;
    const RoadSnapper* snapper = nullptr;
    NearestByRoadOptions options;
    RoadQuery query;
    std::vector<std::size_t> on_network, beyond_snap, cut_off;

    Impl(const RoadGraph& g, const RoadSnapper& s, const NearestByRoadOptions& o)
        : graph(&g), snapper(&s), options(o), query(g) {}

    bool on_cut_off_piece(const RoadSnap& snap) const {
        return graph->component(graph->segments()[snap.segment].a) != 0;  // 0: the largest piece
    }
};

NearestByRoad::NearestByRoad(const RoadGraph& graph, const RoadSnapper& snapper,
                             const std::vector<Site>& sites, const NearestByRoadOptions& options)
    : impl_(std::make_unique<Impl>(graph, snapper, options)) {
    if (!(options.max_snap_m >= 0.0)) {
        throw ArgumentError("NearestByRoad: max_snap_m must be >= 0 (got " +
                            std::to_string(options.max_snap_m) + ")");
    }
    Impl& m = *impl_;
    std::vector<std::optional<RoadSnap>> site_snaps(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        site_snaps[i] = snapper.snap(sites[i].position, options.max_snap_m);
        if (!site_snaps[i]) {
            m.beyond_snap.push_back(i);
            continue;
        }
        m.on_network.push_back(i);
        if (m.on_cut_off_piece(*site_snaps[i])) m.cut_off.push_back(i);
    }
    if (m.on_network.empty()) {
        throw InputError("no site lies within max_snap_m (" + std::to_string(options.max_snap_m) +
                         " m) of a road");
    }
    m.query.run(site_snaps, sites, options.query);
}

NearestByRoad::~NearestByRoad() = default;

RoadNearest NearestByRoad::nearest(const LonLat& point) const {
    const Impl& m = *impl_;
    RoadNearest answer;
    const std::optional<RoadSnap> snap = m.snapper->snap(point, m.options.max_snap_m);
    if (!snap) return answer;
    answer.snapped = true;
    answer.snap_m = snap->snap_m;
    answer.cut_off = m.on_cut_off_piece(*snap);
    answer.result = m.query.nearest(*snap);
    return answer;
}

std::vector<RoadNearest> NearestByRoad::nearest_batch(const std::vector<LonLat>& points,
                                                      unsigned threads) const {
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!is_valid(points[i])) {
            throw ArgumentError("NearestByRoad::nearest_batch: point " + std::to_string(i) +
                                " is not a valid lon/lat");
        }
    }
    std::vector<RoadNearest> answers(points.size());
    constexpr std::size_t kBlock = 1024;
    detail::parallel_blocks(points.size(), kBlock, resolve_thread_count(threads), [&] {
        return [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) answers[i] = nearest(points[i]);
        };
    });
    return answers;
}

const std::vector<std::size_t>& NearestByRoad::sites_on_network() const noexcept {
    return impl_->on_network;
}
const std::vector<std::size_t>& NearestByRoad::sites_beyond_snap() const noexcept {
    return impl_->beyond_snap;
}
const std::vector<std::size_t>& NearestByRoad::sites_cut_off() const noexcept {
    return impl_->cut_off;
}
const NearestByRoadOptions& NearestByRoad::options() const noexcept { return impl_->options; }

}  // namespace sitecover
