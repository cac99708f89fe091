#pragma once
// A 4-ary min-heap of (cost, key) pairs kept in a plain vector (private to the engine), for
// the road searches: half the depth of a binary heap, and the four children of an entry in one
// cache line. Pairs are ordered as std::pair orders them (cost, then key), a total order: a
// search pops exactly the sequence that std::push_heap / pop_heap with std::greater gave.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace sitecover::detail {

using HeapEntry = std::pair<double, std::uint64_t>;

/// Adds an entry. O(log4 n).
inline void quad_heap_push(std::vector<HeapEntry>& heap, double cost, std::uint64_t key) {
    std::size_t i = heap.size();
    const HeapEntry item{cost, key};
    heap.push_back(item);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        if (!(item < heap[parent])) break;
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = item;
}

/// Removes and returns the smallest entry; the heap must not be empty. O(log4 n).
inline HeapEntry quad_heap_pop(std::vector<HeapEntry>& heap) {
    const HeapEntry top = heap.front();
    const HeapEntry item = heap.back();
    heap.pop_back();
    const std::size_t n = heap.size();
    if (n == 0) return top;
    std::size_t i = 0;
    for (;;) {
        const std::size_t first = 4 * i + 1;
        if (first >= n) break;
        const std::size_t last = first + 4 < n ? first + 4 : n;
        std::size_t best = first;
        for (std::size_t c = first + 1; c < last; ++c) {
            if (heap[c] < heap[best]) best = c;
        }
        if (!(heap[best] < item)) break;
        heap[i] = heap[best];
        i = best;
    }
    heap[i] = item;
    return top;
}

}  // namespace sitecover::detail
