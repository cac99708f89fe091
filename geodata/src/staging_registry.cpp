#include "staging_registry.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>

#include "sitecover/error.hpp"
#include "sitecover/geodata/signal_cleanup.hpp"

namespace sitecover::geodata {
namespace detail {
namespace {

// One slot per staged output alive at once; a run has a handful.
constexpr int kSlots = 64;

struct Slot {
    std::atomic<bool> used{false};    // taken by a StagedFile (the main thread writes path)
    std::atomic<bool> active{false};  // path is complete: the handler may read it
    char path[PATH_MAX] = {};
};
Slot g_slots[kSlots];

// >= 0: number of publications in progress; -1: a handler is removing the staged files.
std::atomic<int> g_publishers{0};
// A signal that arrived during a publication (0: none).
std::atomic<int> g_pending_signal{0};

static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

[[noreturn]] void wait_for_the_end() {
    for (;;) pause();
}

void remove_every_staging_dir() noexcept {
    for (Slot& slot : g_slots) {
        if (slot.active.load()) remove_staging_dir_now(slot.path);
    }
}

[[noreturn]] void die_of(int sig) noexcept {
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    raise(sig);
    _exit(128 + sig);  // not reached: the default action ends the process
}

extern "C" void on_termination_signal(int sig) {
    const int saved_errno = errno;
    // Noted first, so that a publication ending right now delivers it.
    g_pending_signal.store(sig);
    int idle = 0;
    if (!g_publishers.compare_exchange_strong(idle, -1)) {
        if (idle < 0) wait_for_the_end();  // another thread is already cleaning up
        errno = saved_errno;
        return;  // the last publication delivers the signal
    }
    remove_every_staging_dir();
    die_of(sig);
}

}  // namespace

int register_staging_dir(const std::string& path) {
    if (path.size() >= PATH_MAX) throw OutputError("output path too long: '" + path + "'");
    for (int i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (!g_slots[i].used.compare_exchange_strong(expected, true)) continue;
        std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
        g_slots[i].active.store(true);
        return i;
    }
    throw OutputError("too many outputs staged at once (at most " + std::to_string(kSlots) + ")");
}

void unregister_staging_dir(int slot) {
    if (slot < 0 || slot >= kSlots) return;
    g_slots[slot].active.store(false);
    g_slots[slot].used.store(false);
}

void remove_staging_dir_now(const char* dir) noexcept {
    const int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        // Raw getdents64: readdir may allocate. Entries removed while listing can shift the
        // listing, so list again until a pass finds nothing to remove.
        alignas(8) char buffer[4096];
        for (int pass = 0; pass < 64; ++pass) {
            bool removed = false;
            lseek(fd, 0, SEEK_SET);
            for (;;) {
                const long n = syscall(SYS_getdents64, fd, buffer, sizeof buffer);
                if (n <= 0) break;
                for (long at = 0; at < n;) {
                    struct Entry {
                        unsigned long long ino;
                        long long off;
                        unsigned short reclen;
                        unsigned char type;
                        char name[1];
                    };
                    const auto* entry = reinterpret_cast<const Entry*>(buffer + at);
                    at += entry->reclen;
                    const char* name = entry->name;
                    if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
                        continue;
                    if (unlinkat(fd, name, 0) == 0 ||
                        (errno == EISDIR && unlinkat(fd, name, AT_REMOVEDIR) == 0)) {
                        removed = true;
                    }
                }
            }
            if (!removed) break;
        }
        close(fd);
    }
    rmdir(dir);
}

PublishGuard::PublishGuard() {
    int publishers = g_publishers.load();
    for (;;) {
        if (publishers < 0) wait_for_the_end();
        if (g_publishers.compare_exchange_weak(publishers, publishers + 1)) return;
    }
}

PublishGuard::~PublishGuard() {
    if (g_publishers.fetch_sub(1) != 1) return;
    if (const int sig = g_pending_signal.exchange(0); sig != 0) raise(sig);
}

}  // namespace detail

// Every catchable signal whose default action ends the process.
constexpr int kTerminationSignals[] = {SIGINT,  SIGTERM, SIGHUP,  SIGPIPE, SIGQUIT,   SIGUSR1,
                                       SIGUSR2, SIGXFSZ, SIGXCPU, SIGALRM, SIGVTALRM, SIGPROF};

void remove_staged_files_on_signals() {
    static std::atomic<bool> installed{false};
    if (installed.exchange(true)) return;
    struct sigaction action {};
    action.sa_handler = detail::on_termination_signal;
    action.sa_flags = SA_RESTART;  // a signal held back during a publication interrupts nothing
    sigemptyset(&action.sa_mask);
    for (const int sig : kTerminationSignals) sigaddset(&action.sa_mask, sig);
    for (const int sig : kTerminationSignals) {
        struct sigaction previous {};
        sigaction(sig, nullptr, &previous);
        // A signal the caller's parent made us ignore (nohup, trap '' INT) stays ignored, and
        // a handler installed before (a profiler's SIGPROF) stays in place.
        if ((previous.sa_flags & SA_SIGINFO) != 0 || previous.sa_handler != SIG_DFL) continue;
        sigaction(sig, &action, nullptr);
    }
}

}  // namespace sitecover::geodata
