#include "ring_sweep.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <utility>

namespace sitecover::detail {
namespace {

namespace bg = boost::geometry;
using Side = bg::strategy::side::side_by_triangle<>;
using BoostSegment = bg::model::segment<BoostPoint>;

bool lex_less(const BoostPoint& a, const BoostPoint& b) {
    return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
}

// One edge, its end points ordered left to right (lexicographically on x, then y).
struct Edge {
    BoostPoint left, right;
    std::size_t ring;
    std::size_t index;  // position in its ring
    std::size_t ring_edges;
};

bool consecutive(const Edge& a, const Edge& b) {
    if (a.ring != b.ring) return false;
    const std::size_t n = a.ring_edges;
    return (a.index + 1) % n == b.index || (b.index + 1) % n == a.index;
}

// The sweep order of two edges that both cross the sweep line and do not cross each other: is
// `a` below `b`? Decided at the later left end point, by the side of the other edge it lies on.
struct Below {
    const std::vector<Edge>* edges;
    bool operator()(std::size_t a, std::size_t b) const {
        if (a == b) return false;
        const Edge& ea = (*edges)[a];
        const Edge& eb = (*edges)[b];
        const bool b_later = !lex_less(eb.left, ea.left);
        const Edge& first = b_later ? ea : eb;
        const Edge& second = b_later ? eb : ea;
        int side = Side::apply(first.left, first.right, second.left);
        if (side == 0) side = Side::apply(first.left, first.right, second.right);
        if (side == 0) return a < b;  // collinear: they touch, which the caller reports anyway
        // side > 0: `second` lies left of `first` (above it, `first` pointing right).
        return b_later ? side > 0 : side < 0;
    }
};

bool meet(const Edge& a, const Edge& b) {
    if (consecutive(a, b)) return false;
    return bg::intersects(BoostSegment(a.left, a.right), BoostSegment(b.left, b.right));
}

// A vertex used twice (by one ring or two): the contact, preferring one within a ring.
std::optional<RingContact> repeated_vertex(const std::vector<const BoostRing*>& rings) {
    std::vector<std::pair<BoostPoint, std::size_t>> points;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        for (auto it = rings[r]->begin(); it + 1 < rings[r]->end(); ++it)
            points.emplace_back(*it, r);
    }
    std::sort(points.begin(), points.end(), [](const auto& p, const auto& q) {
        return lex_less(p.first, q.first) || (!lex_less(q.first, p.first) && p.second < q.second);
    });
    std::optional<RingContact> found;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const auto& [p, ring_p] = points[i - 1];
        const auto& [q, ring_q] = points[i];
        if (p.x() != q.x() || p.y() != q.y()) continue;
        if (ring_p == ring_q) return RingContact{ring_p, ring_q, p, false};
        if (!found) found = RingContact{ring_p, ring_q, p, false};
    }
    return found;
}

// A spike: the ring goes to a vertex and straight back along the same line.
std::optional<BoostPoint> spike(const BoostRing& ring) {
    const std::size_t n = ring.size() - 1;
    for (std::size_t i = 0; i < n; ++i) {
        const BoostPoint& a = ring[(i + n - 1) % n];
        const BoostPoint& b = ring[i];
        const BoostPoint& c = ring[i + 1];
        const double dot = (a.x() - b.x()) * (c.x() - b.x()) + (a.y() - b.y()) * (c.y() - b.y());
        if (Side::apply(a, b, c) == 0 && dot > 0.0) return b;
    }
    return std::nullopt;
}

}  // namespace

std::optional<RingContact> first_ring_contact(const std::vector<const BoostRing*>& rings) {
    for (std::size_t r = 0; r < rings.size(); ++r) {
        if (const auto apex = spike(*rings[r])) return RingContact{r, r, *apex, true};
    }
    if (auto repeated = repeated_vertex(rings)) return repeated;
    std::vector<Edge> edges;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const BoostRing& ring = *rings[r];
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const bool forward = lex_less(ring[i], ring[i + 1]);
            edges.push_back({forward ? ring[i] : ring[i + 1], forward ? ring[i + 1] : ring[i], r, i,
                             ring.size() - 1});
        }
    }
    // Events: (edge, is_insert), by point; at one point, removals first.
    std::vector<std::pair<std::size_t, bool>> events;
    events.reserve(2 * edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        events.emplace_back(e, true);
        events.emplace_back(e, false);
    }
    const auto point_of = [&](const std::pair<std::size_t, bool>& ev) -> const BoostPoint& {
        return ev.second ? edges[ev.first].left : edges[ev.first].right;
    };
    std::sort(events.begin(), events.end(), [&](const auto& a, const auto& b) {
        const BoostPoint& pa = point_of(a);
        const BoostPoint& pb = point_of(b);
        if (lex_less(pa, pb)) return true;
        if (lex_less(pb, pa)) return false;
        return a.second != b.second ? !a.second : a.first < b.first;
    });

    using Active = std::set<std::size_t, Below>;
    Active active(Below{&edges});
    std::vector<Active::iterator> position(edges.size(), active.end());
    std::optional<RingContact> contact;
    const auto check = [&](Active::iterator a, Active::iterator b) {
        if (a == active.end() || b == active.end() || !meet(edges[*a], edges[*b])) return false;
        contact = RingContact{edges[*a].ring, edges[*b].ring, edges[*a].left, false};
        return true;
    };
    for (const auto& [e, insert] : events) {
        if (insert) {
            const auto it = active.insert(e).first;
            position[e] = it;
            if ((it != active.begin() && check(std::prev(it), it)) || check(it, std::next(it)))
                return contact;
        } else {
            const auto it = position[e];
            if (it != active.begin() && check(std::prev(it), std::next(it))) return contact;
            active.erase(it);
        }
    }
    return std::nullopt;
}

}  // namespace sitecover::detail
