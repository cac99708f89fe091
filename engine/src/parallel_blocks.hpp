#pragma once
// Blocks of an index range run on several threads (private to the engine): each thread takes
// the next block from a shared counter, and the first exception stops the others and is
// rethrown. Callers write results by index, so they do not depend on the thread count.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace sitecover::detail {

/// Calls make_worker() once on each thread, then worker(begin, end) for blocks of [0, count)
/// of at most `block` indices (> 0). Runs on min(threads, blocks) threads, the calling one
/// included; `threads` 0 counts as 1.
template <class MakeWorker>
void parallel_blocks(std::size_t count, std::size_t block, unsigned threads,
                     MakeWorker make_worker) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    const auto run = [&]() {
        try {
            auto worker = make_worker();
            for (;;) {
                const std::size_t begin = next.fetch_add(block);
                if (begin >= count) return;
                worker(begin, std::min(count, begin + block));
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = count;  // the others stop at their next block
        }
    };
    const std::size_t blocks = (count + block - 1) / block;
    const std::size_t thread_count = std::min<std::size_t>(std::max(1u, threads), blocks);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < thread_count; ++t) pool.emplace_back(run);
    run();
    for (auto& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace sitecover::detail
