#include "progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace sitecover::cli {

Progress::Progress(std::string what, std::size_t total, bool enabled)
    : what_(std::move(what)),
      total_(total),
      enabled_(enabled && isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(std::size_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed_s = std::chrono::duration<double>(now - start_).count();
    // Quiet for short runs, and no more than 5 redraws a second.
    if (elapsed_s < 1.0 || (drawn_ && now - last_draw_ < std::chrono::milliseconds(200))) return;
    last_draw_ = now;
    const double rate = done / elapsed_s;
    if (total_ > 0) {
        const double left_s = rate > 0 ? (static_cast<double>(total_) - static_cast<double>(done)) / rate : 0.0;
        std::fprintf(stderr, "\r%s: %zu/%zu (%.0f%%), %.0f/s, %.0f s left   ", what_.c_str(), done, total_,
                     100.0 * static_cast<double>(done) / static_cast<double>(total_), rate, left_s);
    } else {
        std::fprintf(stderr, "\r%s: %zu, %.0f/s, %.0f s   ", what_.c_str(), done, rate, elapsed_s);
    }
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::finish() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\033[K");  // erase the line
    std::fflush(stderr);
    drawn_ = false;
}

}  // namespace sitecover::cli
