#pragma once
/// @file
/// An output file written under a temporary name beside its target and published onto it only
/// when everything succeeded: a failed or interrupted run leaves no partial file, and an
/// earlier file at the target stays as it was.

#include <string>
#include <utility>
#include <vector>

namespace sitecover::geodata {

/// How a StagedFile publishes its file.
struct StagingOptions {
    /// Replace an existing regular file at the target. Never replaces anything else (FIFO,
    /// device, socket, directory), even when true.
    bool overwrite = false;
    /// The extension the writer needs ("csv", "gml"...; without the dot), for writers that
    /// choose a format by extension: the staged file gets it when the target lacks it, and
    /// the published file keeps the target's name. Empty: the target's own name.
    std::string extension;
    /// Companion files the writer creates beside the main file, named after it with these
    /// extensions (".shx", ".dbf" for a shapefile; ".xsd" for GML). They are staged, published
    /// and removed with the main file.
    std::vector<std::string> sidecar_extensions;
    /// The files this run reads (as named: the file of a multi-file format counts with its
    /// companions, see files_of_input()). The main file and every sidecar must be none of
    /// them: the run never writes over its inputs, whatever the name.
    std::vector<std::string> inputs{};
};

/// One staged output (plus its sidecar files). The files are written in a hidden staging
/// directory `.sitecover-tmp-<pid>-<n>` in the target's directory (same file system, so that
/// publishing is a rename), under the target's own file name, so that names written inside
/// a file (a GML's schema, a shapefile's parts) stay right once published.
///
/// A target that is a symbolic link to a regular file is followed: the file it points to is
/// replaced (with overwrite) and the link stays. A link to nothing is refused.
///
/// The staging directory is registered for remove_staged_files_on_signals(). Not thread-safe
/// (one object, one thread); different objects may be used from different threads.
class StagedFile {
public:
    /// Checks the target at once and creates the staging directory. Throws OutputError naming
    /// the target when it (or a sidecar) is a directory or another non-regular file, exists
    /// while overwrite is false, is a dangling link, is one of the inputs (a sidecar too:
    /// "s.shp" writes "s.dbf"), or when its directory is missing or not writable.
    StagedFile(std::string target, StagingOptions options);
    /// StagedFile(target, {overwrite}).
    StagedFile(std::string target, bool overwrite);
    /// Removes the staging directory and everything in it unless commit() succeeded.
    ~StagedFile();
    /// Takes over the staged files; the moved-from object removes nothing.
    StagedFile(StagedFile&&) noexcept;
    StagedFile& operator=(StagedFile&&) = delete;
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;

    /// The final path, as given.
    const std::string& target() const noexcept { return target_; }
    /// Where to write the main file (an absolute path); nothing exists there until the caller
    /// creates it.
    const std::string& temporary() const noexcept { return temporary_; }
    /// The staging directory (an absolute path).
    const std::string& staging_dir() const noexcept { return staging_dir_; }

    /// Flushes the staged files to disk (fsync), publishes them (sidecars first, the main
    /// file last), syncs the directory and removes the staging directory. With overwrite, a
    /// sidecar the writer did not write this time (a shapefile's old spatial index .qix) is
    /// removed: nothing stale is left beside the new file. Without overwrite,
    /// publishing never replaces a file: one created at the target meanwhile is left alone and
    /// OutputError names it. Throws OutputError when the main file is missing, a sync or a
    /// rename fails, or the target became a non-regular file; nothing is published then.
    void commit();
    /// True once commit() has succeeded.
    bool committed() const noexcept { return committed_; }

private:
    void check_target();
    void refuse_inputs() const;
    void create_staging_dir();

    std::string target_;       // as given
    std::string destination_;  // where the main file is published (a link's target resolved)
    StagingOptions options_;
    std::string staging_dir_;
    std::string temporary_;
    int slot_ = -1;
    bool committed_ = false;
};

/// The type of a file for messages: "a FIFO", "a character device"... ("" for a regular file
/// or a missing one). Follows symbolic links. Thread-safe.
std::string special_file_kind(const std::string& path);

/// Throws OutputError when `target` exists and is not a regular file (after following
/// links): a directory, FIFO, device or socket is never replaced. Thread-safe.
void refuse_non_regular_output(const std::string& target);

/// True when the two paths name the same existing file (same device and inode: hard links,
/// symbolic links and different spellings included). Thread-safe.
bool same_file(const std::string& a, const std::string& b);

/// The extensions (with the dot) of the files a GDAL driver writes, or may leave, beside its
/// main file, named after it: a shapefile's ".shx", ".dbf", ".prj", ".cpg" and the spatial
/// indexes ".qix", ".sbn", ".sbx"; a GML's ".xsd"; a MapInfo table's parts. Empty for a
/// one-file format. Thread-safe.
std::vector<std::string> companion_extensions(const std::string& driver_name);

/// Every file an output at `path` consists of: `path`, then its companions (by the driver
/// name `driver`, or by the extension when empty: ".shp" is a shapefile). Thread-safe.
std::vector<std::string> files_of_output(const std::string& path, const std::string& driver = "");

/// Every file an input at `path` is read with: `path` and, when its extension is one of a
/// multi-file format's (".shp", ".dbf", ".shx"... of a shapefile), the other files of that
/// format named after it. Thread-safe.
std::vector<std::string> files_of_input(const std::string& path);

/// True when the two paths name the same file: the same existing file (same_file()), or the
/// same absolute path once "." and ".." and the links of its existing part are resolved (for
/// files not created yet). Thread-safe.
bool same_target(const std::string& a, const std::string& b);

/// The first file of `output_files` that is also a file of an input (files_of_input() of each
/// of `inputs`), as {output file, input as named}; empty strings when there is none.
std::pair<std::string, std::string> output_over_input(const std::vector<std::string>& output_files,
                                                      const std::vector<std::string>& inputs);

}  // namespace sitecover::geodata
