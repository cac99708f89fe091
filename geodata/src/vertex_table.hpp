#pragma once
// Merging line vertices into road nodes (private to geodata): coordinates rounded to 1e-7
// degree, looked up in an open-addressing hash table, numbered in first-seen order.

#include <cstdint>
#include <vector>

#include "sitecover/lon_lat.hpp"
#include "sitecover/road_network.hpp"

namespace sitecover::geodata::detail {

/// The node of each distinct rounded position; new nodes are appended to `nodes` (empty at
/// the start), which must outlive the table. Sixteen bytes a slot (key and node side by side:
/// one cache miss a lookup), at most 70 % full: a national network of 25 million nodes takes
/// 0.5-1 GB while loading (a node-based std::unordered_map took more and a heap allocation per
/// node).
class VertexTable {
public:
    explicit VertexTable(std::vector<LonLat>& nodes);
    /// The node at (lon, lat) rounded to 1e-7 degree, added if new. The position must be valid
    /// (is_valid): the key packs both rounded values into 64 bits.
    RoadNode node_of(double lon_deg, double lat_deg);

private:
    void grow();
    struct Slot {
        std::uint64_t key;  // kEmpty where free
        RoadNode id;
    };
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::vector<LonLat>* nodes_;
};

}  // namespace sitecover::geodata::detail
