#pragma once
// An output file written under a temporary name beside its target and renamed onto it only
// when everything succeeded: a failed run leaves no partial file.

#include <string>

namespace sitecover::geodata {

/// One staged output. The temporary file is a hidden sibling of the target (same directory, so
/// the final rename is atomic) whose name ends with the target's own name, extension included
/// (drivers that choose a format by extension see the right one).
class StagedFile {
public:
    /// Checks the target at once: throws OutputError naming it when it is a directory, exists
    /// and `overwrite` is false, or its directory is missing or not writable.
    StagedFile(std::string target, bool overwrite);
    /// Removes the temporary file unless commit() succeeded.
    ~StagedFile();
    /// Takes over the temporary file; the moved-from object removes nothing.
    StagedFile(StagedFile&&) noexcept;
    StagedFile& operator=(StagedFile&&) = delete;
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    /// The final path, as given.
    const std::string& target() const noexcept { return target_; }
    /// Where to write; nothing exists there until the caller creates it.
    const std::string& temporary() const noexcept { return temporary_; }

    /// Renames the temporary file onto the target (replacing it). Throws OutputError when the
    /// temporary file is missing or the rename fails.
    void commit();
    /// True once commit() has succeeded.
    bool committed() const noexcept { return committed_; }

private:
    std::string target_;
    std::string temporary_;
    bool committed_ = false;
};

}  // namespace sitecover::geodata
