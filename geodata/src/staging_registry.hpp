#pragma once
// The staging directories of the process, kept where a signal handler can reach them, and the
// publication guard that keeps a signal from cutting a publication in half (private to
// geodata). Fixed-size storage: the handler neither allocates nor locks.

#include <string>

namespace sitecover::geodata::detail {

/// Records a staging directory (before it is created, so that a signal in between finds it).
/// Returns its slot. Throws OutputError when every slot is taken or the path is too long.
int register_staging_dir(const std::string& path);

/// Forgets a slot (after the directory was published or removed). -1 is ignored.
void unregister_staging_dir(int slot);

/// Removes the entries of `dir` and then `dir` itself, using only async-signal-safe calls.
/// Missing files are ignored.
void remove_staging_dir_now(const char* dir) noexcept;

/// While one exists, a termination signal is held back: the handler notes it and returns,
/// and the last guard to go away delivers it (the published files are then complete). When
/// a handler is already cleaning up, the constructor waits for the process to end.
class PublishGuard {
public:
    PublishGuard();
    ~PublishGuard();
    PublishGuard(const PublishGuard&) = delete;
    PublishGuard& operator=(const PublishGuard&) = delete;
};

}  // namespace sitecover::geodata::detail
