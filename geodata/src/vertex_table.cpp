#include "vertex_table.hpp"

#include <cmath>

namespace sitecover::geodata::detail {
namespace {

// No valid key has all bits set: the latitude part stays below 2^31.
constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

// splitmix64's finaliser: neighbouring coordinates land in unrelated slots.
std::uint64_t mix(std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

}  // namespace

VertexTable::VertexTable(std::vector<LonLat>& nodes) : nodes_(&nodes) {
    keys_.assign(std::size_t{1} << 16, kEmpty);
    ids_.resize(keys_.size());
    mask_ = keys_.size() - 1;
}

RoadNode VertexTable::node_of(double lon_deg, double lat_deg) {
    const auto lon_e7 = static_cast<std::int64_t>(std::llround(lon_deg * 1e7));
    const auto lat_e7 = static_cast<std::int64_t>(std::llround(lat_deg * 1e7));
    const std::uint64_t key = (static_cast<std::uint64_t>(lon_e7 + 1'800'000'000) << 32) |
                              static_cast<std::uint64_t>(lat_e7 + 900'000'000);
    for (std::size_t slot = mix(key) & mask_;; slot = (slot + 1) & mask_) {
        if (keys_[slot] == key) return ids_[slot];
        if (keys_[slot] != kEmpty) continue;
        const auto id = static_cast<RoadNode>(nodes_->size());
        keys_[slot] = key;
        ids_[slot] = id;
        nodes_->push_back({static_cast<double>(lon_e7) * 1e-7, static_cast<double>(lat_e7) * 1e-7});
        if (nodes_->size() * 10 > keys_.size() * 7) grow();
        return id;
    }
}

void VertexTable::grow() {
    std::vector<std::uint64_t> old_keys(keys_.size() * 2, kEmpty);
    std::vector<RoadNode> old_ids(old_keys.size());
    old_keys.swap(keys_);
    old_ids.swap(ids_);
    mask_ = keys_.size() - 1;
    for (std::size_t i = 0; i < old_keys.size(); ++i) {
        if (old_keys[i] == kEmpty) continue;
        std::size_t slot = mix(old_keys[i]) & mask_;
        while (keys_[slot] != kEmpty) slot = (slot + 1) & mask_;
        keys_[slot] = old_keys[i];
        ids_[slot] = old_ids[i];
    }
}

}  // namespace sitecover::geodata::detail
