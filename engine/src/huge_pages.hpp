#pragma once
// Large arrays read at random on 2 MB pages (private to the engine). A national road graph's
// labels and reverse edges take gigabytes: on 4 kB pages nearly every access of the Dijkstra
// search also missed the TLB, and filling them cost a page fault per 4 kB in this VM. Linux
// gives 2 MB pages to a range only when asked (transparent huge pages set to "madvise", as
// here). Advice only: the kernel may ignore it, and nothing in the results depends on it.

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace sitecover::detail {

/// Reserves room for `count` elements in an empty vector (fresh, untouched memory) and asks
/// for huge pages on it when it spans several of them. A vector with room already is left.
template <class T>
void reserve_on_huge_pages(std::vector<T>& v, std::size_t count) {
    if (v.capacity() >= count) return;
    std::vector<T>().swap(v);
    v.reserve(count);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kPage = 4096;
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
    const auto start = reinterpret_cast<std::uintptr_t>(v.data());
    const std::uintptr_t begin = (start + kPage - 1) & ~(kPage - 1);
    const std::uintptr_t end = (start + count * sizeof(T)) & ~(kPage - 1);
    if (end > begin + 2 * kHugePage) {
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    }
#endif
}

}  // namespace sitecover::detail
