#include "progress.hpp"

#include <unistd.h>
#include <algorithm>
#include <cstdio>

namespace sitecover::cli {

Progress::Progress(std::string what, bool enabled)
    : what_(std::move(what)),
      enabled_(enabled && isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { finish(); }

std::string Progress::line(const std::string& what, std::size_t done, double elapsed_s,
                           std::uint64_t read, std::uint64_t size) {
    char buffer[256];
    const double rate = elapsed_s > 0 ? static_cast<double>(done) / elapsed_s : 0.0;
    if (size > 0 && read > 0) {
        // Time left from the share read so far, assuming the same pace for the rest.
        const double fraction =
            std::min(1.0, static_cast<double>(read) / static_cast<double>(size));
        const double left_s = elapsed_s * (1.0 - fraction) / fraction;
        std::snprintf(buffer, sizeof buffer, "%s: %zu, %.0f/s, %.0f%%, %.0f s left", what.c_str(),
                      done, rate, 100.0 * fraction, left_s);
    } else {
        std::snprintf(buffer, sizeof buffer, "%s: %zu, %.0f/s, %.0f s", what.c_str(), done, rate,
                      elapsed_s);
    }
    return buffer;
}

void Progress::update(std::size_t done, std::uint64_t read, std::uint64_t size) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const double elapsed_s = std::chrono::duration<double>(now - start_).count();
    // Quiet for short runs, and no more than 5 redraws a second.
    if (elapsed_s < 1.0 || (drawn_ && now - last_draw_ < std::chrono::milliseconds(200))) return;
    last_draw_ = now;
    std::fprintf(stderr, "\r%s   ", line(what_, done, elapsed_s, read, size).c_str());
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
