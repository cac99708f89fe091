#pragma once
// A progress line on stderr for long runs: items done, rate and time left. Shown only when
// stderr is a terminal, after the first second, and redrawn at most a few times a second.

#include <chrono>
#include <cstddef>
#include <string>

namespace sitecover::cli {

class Progress {
public:
    /// `total` may be 0 when unknown (no percentage nor time left then). `enabled` false
    /// (--quiet) silences it.
    Progress(std::string what, std::size_t total, bool enabled);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Records that `done` items are finished (cumulative).
    void update(std::size_t done);
    /// Clears the line (called by the destructor too).
    void finish();

private:
    std::string what_;
    std::size_t total_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace sitecover::cli
