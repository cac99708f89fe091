#include "sitecover/geodata/staged_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "checked_vsi.hpp"
#include "sitecover/error.hpp"
#include "staging_registry.hpp"

namespace sitecover::geodata {
namespace fs = std::filesystem;
namespace {

std::string kind_of(mode_t mode) {
    if (S_ISREG(mode)) return "";
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

[[noreturn]] void refuse_special(const std::string& name, const std::string& kind) {
    if (kind == "a directory") throw OutputError("output '" + name + "' is a directory");
    // The advice names two request fields: overwrite, and output for a table's path ("-":
    // standard output).
    throw OutputError(Message("output '" + name + "' is " + kind +
                              ", not a regular file: sitecover replaces regular files only, "
                              "even with ")
                          .field("overwrite")
                          .text(" (to stream a table, write it to standard output with ")
                          .field("output")
                          .text(" - and redirect that)"));
}

// Longest staged path handed to GDAL: its path buffers hold 2,048 bytes, and a driver may
// swap the extension or add a suffix (".xsd", "-journal").
constexpr std::size_t kMaxGdalPath_bytes = 2000;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// fsync of a file or a directory by name; 0 or the errno.
int sync_path(const std::string& path, bool directory) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0) return errno;
    const int result = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return result;
}

// Moves `from` to `to` unless `to` exists; 0 or the errno (EEXIST: something is there).
int publish_without_replacing(const std::string& from, const std::string& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return errno;
    // A file system without RENAME_NOREPLACE: link() refuses an existing name as well.
    if (::link(from.c_str(), to.c_str()) != 0) return errno;
    ::unlink(from.c_str());
    return 0;
}

bool is_regular(const std::string& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::atomic<unsigned> g_staged_count{0};  // per-process part of the staging names

}  // namespace

std::string special_file_kind(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return "";
    return kind_of(info.st_mode);
}

void refuse_non_regular_output(const std::string& target) {
    if (const std::string kind = special_file_kind(target); !kind.empty())
        refuse_special(target, kind);
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat first {
    }, second{};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

StagedFile::StagedFile(std::string target, bool overwrite)
    : StagedFile(std::move(target), StagingOptions{overwrite, "", {}}) {}

StagedFile::StagedFile(std::string target, StagingOptions options)
    : target_(std::move(target)), options_(std::move(options)) {
    check_target();
    create_staging_dir();
}

void StagedFile::check_target() {
    if (target_.empty()) throw OutputError("empty output file name");
    destination_ = target_;
    struct stat info {};
    if (::lstat(target_.c_str(), &info) == 0) {
        if (S_ISLNK(info.st_mode)) {
            std::error_code ec;
            const fs::path resolved = fs::canonical(target_, ec);
            if (ec) {
                throw OutputError("output '" + target_ +
                                  "' is a symbolic link to a missing file: sitecover writes "
                                  "through a link only onto an existing regular file; remove "
                                  "the link or name another output");
            }
            destination_ = resolved.string();
        }
        if (const std::string kind = special_file_kind(destination_); !kind.empty())
            refuse_special(target_, kind);
        if (!options_.overwrite)
            throw OutputError(Message("output '" + target_ + "' already exists: use ")
                                  .field("overwrite")
                                  .text(" to replace it"));
    } else if (errno != ENOENT) {
        throw OutputError("output '" + target_ + "': " + std::strerror(errno));
    }
    const fs::path path(destination_);
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw OutputError("output '" + target_ + "': directory '" + dir.string() +
                          "' does not exist");
    }
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
        throw OutputError("output '" + target_ + "': directory '" + dir.string() +
                          "' is not writable");
    }
    for (const std::string& extension : options_.sidecar_extensions) {
        const fs::path sidecar = path.parent_path() / (path.stem().string() + extension);
        if (::lstat(sidecar.c_str(), &info) != 0) continue;
        const std::string kind = kind_of(info.st_mode);
        if (!kind.empty()) refuse_special(sidecar.string(), kind);
        if (!options_.overwrite) {
            throw OutputError(Message("output '" + sidecar.string() + "' (written with '" +
                                      target_ + "') already exists: use ")
                                  .field("overwrite")
                                  .text(" to replace it"));
        }
    }
}

void StagedFile::create_staging_dir() {
    const fs::path path(destination_);
    std::string name = path.filename().string();
    const std::string& extension = options_.extension;
    std::string own_extension = lower(path.extension().string());
    if (!own_extension.empty()) own_extension.erase(0, 1);  // without the dot
    if (!extension.empty() && own_extension != lower(extension)) name.append(".").append(extension);
    if (name.size() > NAME_MAX) {
        throw OutputError("output '" + target_ + "': the file name is longer than " +
                          std::to_string(NAME_MAX) + " bytes");
    }
    const fs::path dir =
        fs::absolute(path.parent_path().empty() ? fs::path(".") : path.parent_path());
    for (int attempt = 0; attempt < 100; ++attempt) {
        // Unique per output: process id and a per-process count. The name is short whatever
        // the target's length.
        std::string name_of_dir = ".sitecover-tmp-";
        name_of_dir.append(std::to_string(::getpid())).append("-");
        name_of_dir.append(std::to_string(g_staged_count++));
        const std::string staged = (dir / name_of_dir).string();
        slot_ = detail::register_staging_dir(staged);  // before mkdir: a signal finds it
        // GDAL builds file names in 2,048-byte buffers (CPLFormFilename): past that, its CSV
        // driver silently wrote the table to a file of the same name in the current directory.
        if (staged.size() + 1 + name.size() > kMaxGdalPath_bytes) {
            detail::unregister_staging_dir(slot_);
            slot_ = -1;
            throw OutputError("output '" + target_ + "': the path is too long (" +
                              std::to_string(dir.string().size() + 1 + name.size()) +
                              " bytes as an absolute path; GDAL handles at most about " +
                              std::to_string(kMaxGdalPath_bytes - 40) +
                              "): use a shorter directory");
        }
        if (::mkdir(staged.c_str(), 0700) == 0) {
            staging_dir_ = staged;
            temporary_ = staged + "/" + name;
            return;
        }
        const int error = errno;
        detail::unregister_staging_dir(slot_);
        slot_ = -1;
        if (error != EEXIST) {
            throw OutputError("output '" + target_ + "': cannot create a staging directory in '" +
                              dir.string() + "': " + std::strerror(error));
        }
    }
    throw OutputError("output '" + target_ + "': no free staging name in '" + dir.string() + "'");
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : target_(std::move(other.target_)),
      destination_(std::move(other.destination_)),
      options_(std::move(other.options_)),
      staging_dir_(std::move(other.staging_dir_)),
      temporary_(std::move(other.temporary_)),
      slot_(other.slot_),
      committed_(other.committed_) {
    other.slot_ = -1;
    other.staging_dir_.clear();
    other.committed_ = true;  // the moved-from object owns nothing to remove
}

StagedFile::~StagedFile() {
    if (!staging_dir_.empty()) {
        if (!committed_) {
            std::error_code ec;
            fs::remove_all(staging_dir_, ec);
        }
        detail::forget_checked_vsi_failures(staging_dir_);
    }
    detail::unregister_staging_dir(slot_);
}

void StagedFile::commit() {
    if (committed_) throw OutputError("output '" + target_ + "' was already published");
    if (!is_regular(temporary_)) throw OutputError("output '" + target_ + "' was not written");
    const fs::path destination(destination_);
    const fs::path final_dir =
        destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
    const std::string stem = fs::path(temporary_).stem().string();
    // (staged, published) pairs: sidecars first, the main file last.
    std::vector<std::pair<std::string, std::string>> files;
    for (const std::string& extension : options_.sidecar_extensions) {
        const std::string staged = staging_dir_ + "/" + stem + extension;
        if (is_regular(staged))
            files.emplace_back(staged, (final_dir / (stem + extension)).string());
    }
    files.emplace_back(temporary_, destination_);
    for (const auto& [staged, published] : files) {
        if (const int error = sync_path(staged, false); error != 0) {
            throw OutputError("cannot write '" + target_ + "': " + std::strerror(error));
        }
        if (options_.overwrite) {
            if (const std::string kind = special_file_kind(published); !kind.empty())
                refuse_special(published == destination_ ? target_ : published, kind);
        }
    }
    {
        const detail::PublishGuard guard;  // a signal now waits until the files are in place
        std::vector<std::string> published_now;
        for (const auto& [staged, published] : files) {
            const std::string name = published == destination_ ? target_ : published;
            if (options_.overwrite) {
                if (::rename(staged.c_str(), published.c_str()) != 0) {
                    throw OutputError("cannot move the finished output to '" + name +
                                      "': " + std::strerror(errno));
                }
                continue;
            }
            const int error = publish_without_replacing(staged, published);
            if (error == 0) {
                published_now.push_back(published);
                continue;
            }
            for (const std::string& done : published_now) ::unlink(done.c_str());
            if (error == EEXIST) {
                throw OutputError(Message("output '" + name +
                                          "' was created by another program while sitecover "
                                          "was running: it was left as it is and this run's "
                                          "result was not written (use ")
                                      .field("overwrite")
                                      .text(" to replace it)"));
            }
            throw OutputError("cannot move the finished output to '" + name +
                              "': " + std::strerror(error));
        }
        committed_ = true;
    }
    std::error_code ec;
    fs::remove_all(staging_dir_, ec);
    detail::forget_checked_vsi_failures(staging_dir_);
    detail::unregister_staging_dir(slot_);
    slot_ = -1;
    if (const int error = sync_path(final_dir.string(), true); error != 0) {
        throw OutputError("output '" + target_ +
                          "' was written but its directory could not be "
                          "synced to disk: " +
                          std::strerror(error));
    }
}

}  // namespace sitecover::geodata
