// The CLI's spelling of request fields (tools/cli/flag_spelling.cpp): the library's errors name
// fields by keyword, the CLI prints the flags that set them, by rule and not by rewriting text.

#include <sys/stat.h>

#include <string>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "flag_spelling.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/staged_file.hpp"

namespace {

using sitecover::cli::cli_flag;
using sitecover::cli::cli_text;

// The CLI's text of the error that staging `target` throws.
std::string staging_error(const std::string& target, bool overwrite) {
    try {
        const sitecover::geodata::StagedFile staged(target, overwrite);
    } catch (const sitecover::Error& e) {
        EXPECT_EQ(e.kind(), sitecover::ErrorKind::Output);
        EXPECT_EQ(e.field(), "overwrite");
        return cli_text(e);
    }
    ADD_FAILURE() << "no error";
    return "";
}

TEST(CliFlag, FieldsBecomeFlagsByRule) {
    EXPECT_EQ(cli_flag("overwrite"), "--overwrite");
    EXPECT_EQ(cli_flag("class_field"), "--class-field");
    EXPECT_EQ(cli_flag("as_of"), "--as-of");
    EXPECT_EQ(cli_flag("output"), "-o");  // the one exception today
}

TEST(CliText, TheLibrarysOverwriteErrorsNameTheFlag) {
    const sitecover::test::TempDir tmp("flag-spelling");
    tmp.write("a.csv", "x\n");
    const std::string existing = (tmp / "a.csv").string();
    EXPECT_EQ(staging_error(existing, false),
              "output '" + existing + "' already exists: use --overwrite to replace it");
    const std::string fifo = (tmp / "p").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(staging_error(fifo, true),
              "output '" + fifo +
                  "' is a FIFO, not a regular file: sitecover replaces regular files only, "
                  "even with --overwrite (to stream a table, write it to standard output with -o "
                  "- and redirect that)");
}

TEST(CliText, MessagesWithoutFieldsAreKept) {
    EXPECT_EQ(cli_text(sitecover::InputError("file 'x.csv' not found")), "file 'x.csv' not found");
    EXPECT_EQ(cli_text(sitecover::Message()), "");
}

}  // namespace
