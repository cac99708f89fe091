#pragma once
// A progress line on stderr for long runs: items done, rate and, when the input's size is
// known, the percentage read and the time left. Shown only when stderr is a terminal, after the
// first second, and redrawn at most a few times a second.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace sitecover::cli {

class Progress {
public:
    /// `enabled` false (--quiet) silences it.
    Progress(std::string what, bool enabled);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Records that `done` items are finished (cumulative), and that `read` of `size` units of
    /// the input (bytes, features) are read; `size` 0 when unknown (no percentage then).
    void update(std::size_t done, std::uint64_t read = 0, std::uint64_t size = 0);
    /// Clears the line (called by the destructor too).
    void finish();

    /// The line update() draws, without the redraw control characters (for tests).
    static std::string line(const std::string& what, std::size_t done, double elapsed_s,
                            std::uint64_t read, std::uint64_t size);

private:
    std::string what_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace sitecover::cli
