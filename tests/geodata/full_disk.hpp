#pragma once
// A small tmpfs that the test fills up, so that writes fail with ENOSPC (issue 12, defect 1).
// Needs root (mount); tests skip with a message otherwise. CI runs as root.

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_test_support.hpp"

namespace sitecover::test {

class FullDisk {
public:
    /// Mounts a tmpfs of `size_kib` at a fresh directory. ok() false (with why()) when it
    /// cannot.
    explicit FullDisk(int size_kib = 256) : dir_("sitecover-full-disk") {
        mount_point_ = dir_.path() / "mnt";
        std::filesystem::create_directory(mount_point_);
        if (::geteuid() != 0) {
            why_ = "needs root to mount a small tmpfs (CI runs as root)";
            return;
        }
        const std::string options = "size=" + std::to_string(size_kib) + "k";
        if (::mount("tmpfs", mount_point_.c_str(), "tmpfs", 0, options.c_str()) != 0) {
            why_ = std::string("cannot mount a tmpfs: ") + std::strerror(errno);
            return;
        }
        mounted_ = true;
    }
    ~FullDisk() {
        if (mounted_) ::umount2(mount_point_.c_str(), MNT_DETACH);
    }
    FullDisk(const FullDisk&) = delete;
    FullDisk& operator=(const FullDisk&) = delete;

    bool ok() const { return mounted_; }
    const std::string& why() const { return why_; }
    const std::filesystem::path& path() const { return mount_point_; }

    /// Fills the remaining space with a file named `.filler` (kept: it is the test's).
    void fill() const {
        std::FILE* file = std::fopen((mount_point_ / ".filler").c_str(), "wb");
        if (file == nullptr) return;
        std::setvbuf(file, nullptr, _IONBF, 0);
        const std::vector<char> block(4096, 'x');
        while (std::fwrite(block.data(), 1, block.size(), file) == block.size()) {
        }
        std::fclose(file);
    }

    /// Names in the mount point other than the filler.
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(mount_point_)) {
            const std::string name = entry.path().filename().string();
            if (name != ".filler") names.push_back(name);
        }
        return names;
    }

private:
    TempDir dir_;
    std::filesystem::path mount_point_;
    std::string why_;
    bool mounted_ = false;
};

}  // namespace sitecover::test
