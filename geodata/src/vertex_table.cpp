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
    slots_.assign(std::size_t{1} << 16, Slot{kEmpty, 0});
    mask_ = slots_.size() - 1;
}

RoadNode VertexTable::node_of(double lon_deg, double lat_deg) {
    const auto lon_e7 = static_cast<std::int64_t>(std::llround(lon_deg * 1e7));
    const auto lat_e7 = static_cast<std::int64_t>(std::llround(lat_deg * 1e7));
    const std::uint64_t key = (static_cast<std::uint64_t>(lon_e7 + 1'800'000'000) << 32) |
                              static_cast<std::uint64_t>(lat_e7 + 900'000'000);
    for (std::size_t slot = mix(key) & mask_;; slot = (slot + 1) & mask_) {
        if (slots_[slot].key == key) return slots_[slot].id;
        if (slots_[slot].key != kEmpty) continue;
        const auto id = static_cast<RoadNode>(nodes_->size());
        slots_[slot] = {key, id};
        nodes_->push_back({static_cast<double>(lon_e7) * 1e-7, static_cast<double>(lat_e7) * 1e-7});
        if (nodes_->size() * 10 > slots_.size() * 7) grow();
        return id;
    }
}

void VertexTable::grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{kEmpty, 0});
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
        if (s.key == kEmpty) continue;
        std::size_t slot = mix(s.key) & mask_;
        while (slots_[slot].key != kEmpty) slot = (slot + 1) & mask_;
        slots_[slot] = s;
    }
}

}  // namespace sitecover::geodata::detail
