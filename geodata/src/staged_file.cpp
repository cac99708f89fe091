#include "sitecover/geodata/staged_file.hpp"

#include <unistd.h>
#include <filesystem>
#include <system_error>

#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace fs = std::filesystem;

StagedFile::StagedFile(std::string target, bool overwrite) : target_(std::move(target)) {
    const fs::path path(target_);
    std::error_code ec;
    if (target_.empty()) throw OutputError("empty output file name");
    if (fs::is_directory(path, ec)) throw OutputError("output '" + target_ + "' is a directory");
    if (fs::exists(path, ec) && !overwrite) {
        throw OutputError("output '" + target_ + "' already exists: use --overwrite to replace it");
    }
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(dir, ec)) {
        throw OutputError("output '" + target_ + "': directory '" + dir.string() +
                          "' does not exist");
    }
    if (access(dir.c_str(), W_OK) != 0) {
        throw OutputError("output '" + target_ + "': directory '" + dir.string() +
                          "' is not writable");
    }
    temporary_ =
        (dir / (".sitecover-tmp-" + std::to_string(getpid()) + "-" + path.filename().string()))
            .string();
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : target_(std::move(other.target_)),
      temporary_(std::move(other.temporary_)),
      committed_(other.committed_) {
    other.committed_ = true;  // the moved-from object owns nothing to remove
}

StagedFile::~StagedFile() {
    if (committed_ || temporary_.empty()) return;
    std::error_code ec;
    fs::remove(temporary_, ec);
}

void StagedFile::commit() {
    std::error_code ec;
    if (!fs::exists(temporary_, ec)) {
        throw OutputError("output '" + target_ + "' was not written");
    }
    fs::rename(temporary_, target_, ec);
    if (ec)
        throw OutputError("cannot move the finished output to '" + target_ + "': " + ec.message());
    committed_ = true;
}

}  // namespace sitecover::geodata
