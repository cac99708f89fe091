// StagedFile and the publishing rules of every output: no replacement without overwrite (even
// against a file created meanwhile), never a non-regular file, unique short staging names,
// sidecars published with their main file.

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/staged_file.hpp"
#include "sitecover/geodata/table_writer.hpp"

namespace {

namespace fs = std::filesystem;
namespace gd = sitecover::geodata;
using sitecover::OutputError;
using sitecover::test::read_file;
using sitecover::test::staged_leftovers;
using sitecover::test::TempDir;
using sitecover::test::write_file;

// The message of the OutputError `f` throws, or "" (and a test failure) when none.
template <class F>
std::string output_error_of(F&& f) {
    try {
        f();
    } catch (const OutputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "no OutputError";
    return "";
}

const std::vector<gd::Column> kColumns = {{"code", gd::FieldType::String},
                                          {"metres", gd::FieldType::Real, 1}};

gd::TableOptions options_for(const fs::path& path, bool overwrite = false,
                             const std::string& format = "",
                             gd::GeometryKind geometry = gd::GeometryKind::Point) {
    return {path.string(), format, "result", overwrite, geometry};
}

void write_rows(gd::TableWriter& writer, int count) {
    for (int i = 0; i < count; ++i) {
        gd::Row row;
        row.values = {std::string("row-") + std::to_string(i), 1000.0 + i};
        row.line = {{0.5 + 1e-4 * i, 43.6}};
        writer.add_row(row);
    }
}

TEST(StagedFile, AnExistingTargetIsAnOutputErrorNamingTheOverwriteField) {
    const TempDir tmp;
    write_file(tmp / "out.csv", "keep me\n");
    try {
        const gd::StagedFile staged((tmp / "out.csv").string(), false);
        ADD_FAILURE() << "no error";
    } catch (const sitecover::Error& e) {
        EXPECT_EQ(e.kind(), sitecover::ErrorKind::Output);
        EXPECT_EQ(e.field(), "overwrite");
        // A door spells the field its own way, here as a flag.
        const std::string flagged =
            e.message([](std::string_view field) { return "--" + std::string(field); });
        EXPECT_NE(flagged.find("already exists: use --overwrite to replace it"), std::string::npos)
            << flagged;
    }
    EXPECT_EQ(read_file(tmp / "out.csv"), "keep me\n");
}

TEST(StagedFile, AFileCreatedAtTheTargetMeanwhileIsNotReplaced) {
    const TempDir tmp;
    const fs::path target = tmp / "out.csv";
    {
        gd::StagedFile staged(target.string(), false);
        write_file(staged.temporary(), "result\n");
        write_file(target, "written by someone else\n");  // the race of issue 12
        const std::string message = output_error_of([&] { staged.commit(); });
        EXPECT_NE(message.find("output '" + target.string() + "' was created by another program"),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find("use overwrite to replace it"), std::string::npos) << message;

        EXPECT_FALSE(staged.committed());
    }
    EXPECT_EQ(read_file(target), "written by someone else\n");
    EXPECT_TRUE(staged_leftovers(tmp.path()).empty());
}

TEST(StagedFile, OverwriteReplacesARegularFileAndSyncsIt) {
    const TempDir tmp;
    const fs::path target = tmp.write("out.csv", "old\n");
    gd::StagedFile staged(target.string(), true);
    write_file(staged.temporary(), "new\n");
    EXPECT_EQ(read_file(target), "old\n");  // nothing visible before commit
    staged.commit();
    EXPECT_EQ(read_file(target), "new\n");
    EXPECT_TRUE(staged_leftovers(tmp.path()).empty());
    EXPECT_NE(output_error_of([&] { staged.commit(); }).find("already published"),
              std::string::npos);
}

TEST(StagedFile, StagingNamesAreUniqueAndShort) {
    const TempDir tmp;
    const gd::StagedFile a((tmp / "x.csv").string(), false);
    const gd::StagedFile b((tmp / "x.csv").string(), false);  // one target, two writers
    const gd::StagedFile c((tmp / "y.csv").string(), false);
    EXPECT_NE(a.staging_dir(), b.staging_dir());
    EXPECT_NE(a.staging_dir(), c.staging_dir());
    for (const gd::StagedFile* s : {&a, &b, &c}) {
        const std::string name = fs::path(s->staging_dir()).filename().string();
        EXPECT_EQ(name.rfind(".sitecover-tmp-" + std::to_string(::getpid()) + "-", 0), 0u) << name;
        EXPECT_LT(name.size(), 40u) << name;
        EXPECT_EQ(fs::path(s->temporary()).extension(), ".csv");
    }
}

// Issue 23, defect 10: a run killed by SIGKILL leaves its staging directory; the next output
// staged in that directory removes it when its process is gone, and nothing else.
TEST(StagedFile, AStagingDirectoryOfADeadProcessIsRemovedByTheNextRun) {
    const TempDir tmp;
    const fs::path dead = tmp / ".sitecover-tmp-2147483000-0";  // no such process
    const fs::path alive = tmp / (".sitecover-tmp-" + std::to_string(::getppid()) + "-3");
    const fs::path other = tmp / ".sitecover-tmp-notapid";
    for (const fs::path& dir : {dead, alive, other}) {
        fs::create_directory(dir);
        write_file(dir / "partial.gpkg", "half");
    }
    write_file(tmp / ".sitecover-tmp-2147483001-0", "a file, not a staging directory");
    {
        gd::StagedFile staged((tmp / "out.csv").string(), false);
        EXPECT_FALSE(fs::exists(dead));
        EXPECT_TRUE(fs::exists(alive / "partial.gpkg"));
        EXPECT_TRUE(fs::exists(other / "partial.gpkg"));
        EXPECT_TRUE(fs::exists(tmp / ".sitecover-tmp-2147483001-0"));
        EXPECT_TRUE(fs::exists(staged.staging_dir()));
    }
    fs::remove_all(alive);
    fs::remove_all(other);
    fs::remove(tmp / ".sitecover-tmp-2147483001-0");
}

// Issue 12, defect 8: a valid 250-byte file name failed because the staged name was longer.
TEST(StagedFile, A250ByteFileNameWorksInEveryWriter) {
    const TempDir tmp;
    for (const std::string extension : {".csv", ".geojson", ".gpkg"}) {
        for (const bool streaming : {false, true}) {
            if (streaming && extension != ".csv") continue;
            const std::string name =
                std::string(250 - extension.size() - 1, 'n') + (streaming ? "s" : "g") + extension;
            ASSERT_EQ(name.size(), 250u);
            SCOPED_TRACE(extension + (streaming ? " streaming" : ""));
            gd::TableOptions options = options_for(tmp / name);
            options.streaming_csv = streaming;
            gd::TableWriter writer(options, kColumns);
            write_rows(writer, 3);
            writer.commit();
            EXPECT_TRUE(fs::is_regular_file(tmp / name));
        }
    }
    EXPECT_TRUE(staged_leftovers(tmp.path()).empty());
}

TEST(StagedFile, NonRegularFilesAreNeverReplaced) {
    const TempDir tmp;
    const fs::path fifo = tmp / "pipe.csv";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const bool overwrite : {false, true}) {
        const std::string message =
            output_error_of([&] { const gd::StagedFile s(fifo.string(), overwrite); });
        EXPECT_NE(message.find("is a FIFO, not a regular file"), std::string::npos) << message;
        EXPECT_NE(message.find("even with overwrite (to stream a table, write it to standard "
                               "output with output - and redirect that)"),
                  std::string::npos)
            << message;
        const std::string device = output_error_of(
            [&] { const gd::TableWriter w(options_for("/dev/null", overwrite, "CSV"), kColumns); });
        EXPECT_NE(device.find("'/dev/null' is a character device"), std::string::npos) << device;
    }
    struct stat info {};
    ASSERT_EQ(::stat(fifo.c_str(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode));
    ASSERT_EQ(::stat("/dev/null", &info), 0);
    EXPECT_TRUE(S_ISCHR(info.st_mode));
    EXPECT_TRUE(staged_leftovers(tmp.path()).empty());
}

// A link to a regular file is followed: the file it points to is replaced, the link stays.
TEST(StagedFile, SymbolicLinksAreFollowedToARegularFileOnly) {
    const TempDir tmp;
    fs::create_directory(tmp / "real");
    const fs::path file = tmp.write("real/data.csv", "old\n");
    fs::create_symlink(file, tmp / "link.csv");
    {
        gd::StagedFile staged((tmp / "link.csv").string(), true);
        EXPECT_EQ(fs::path(staged.staging_dir()).parent_path(), tmp / "real");
        write_file(staged.temporary(), "new\n");
        staged.commit();
    }
    EXPECT_TRUE(fs::is_symlink(tmp / "link.csv"));
    EXPECT_EQ(read_file(file), "new\n");
    fs::create_symlink(tmp / "missing.csv", tmp / "dangling.csv");
    const std::string message =
        output_error_of([&] { const gd::StagedFile s((tmp / "dangling.csv").string(), true); });
    EXPECT_NE(message.find("symbolic link to a missing file"), std::string::npos) << message;
    EXPECT_FALSE(fs::exists(tmp / "missing.csv"));
}

// GML names its schema file: it is staged and published with the .gml (issue 12, defect 7).
TEST(StagedFile, GmlSchemaTravelsWithItsFile) {
    const TempDir tmp;
    {
        gd::TableWriter writer(options_for(tmp / "out.gml", false, "GML"), kColumns);
        write_rows(writer, 2);
    }  // not committed: nothing at all remains
    EXPECT_TRUE(tmp.snapshot().empty());
    gd::TableWriter writer(options_for(tmp / "out.gml", false, "GML"), kColumns);
    write_rows(writer, 2);
    writer.commit();
    EXPECT_TRUE(fs::exists(tmp / "out.gml"));
    EXPECT_TRUE(fs::exists(tmp / "out.xsd"));
    EXPECT_NE(
        read_file(tmp / "out.gml").find("xsi:schemaLocation=\"http://ogr.maptools.org/ out.xsd\""),
        std::string::npos);
    EXPECT_EQ(tmp.snapshot().size(), 2u);
}

TEST(StagedFile, ShapefilePartsArePublishedTogetherOrNotAtAll) {
    const TempDir tmp;
    {
        gd::TableWriter writer(options_for(tmp / "out.shp"), kColumns);
        write_rows(writer, 2);
    }
    EXPECT_TRUE(tmp.snapshot().empty());
    gd::TableWriter writer(options_for(tmp / "out.shp"), kColumns);
    write_rows(writer, 2);
    writer.commit();
    for (const char* part : {"out.shp", "out.shx", "out.dbf", "out.prj"})
        EXPECT_TRUE(fs::exists(tmp / part)) << part;
    EXPECT_TRUE(staged_leftovers(tmp.path()).empty());
    // A part already there blocks a new shapefile without --overwrite.
    fs::remove(tmp / "out.shp");
    const std::string message =
        output_error_of([&] { const gd::TableWriter w(options_for(tmp / "out.shp"), kColumns); });
    EXPECT_NE(message.find("out.shx' (written with"), std::string::npos) << message;
}

}  // namespace
