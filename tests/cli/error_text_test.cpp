// The CLI's wording of library errors (tools/error_text.cpp): the library names fields, the
// CLI the flags that set them.

#include <string>

#include <gtest/gtest.h>

#include "error_text.hpp"

namespace {

using sitecover::cli::cli_error_text;

TEST(CliErrorText, OverwriteFieldBecomesTheFlag) {
    EXPECT_EQ(cli_error_text("output 'a.csv' already exists: set overwrite to replace it"),
              "output 'a.csv' already exists: use --overwrite to replace it");
    EXPECT_EQ(cli_error_text("output 'p' is a FIFO, not a regular file: sitecover replaces "
                             "regular files only, even with overwrite set (to stream a table, "
                             "write it to standard output and redirect that)"),
              "output 'p' is a FIFO, not a regular file: sitecover replaces regular files only, "
              "even with --overwrite (to stream a table, write it to standard output with -o - "
              "and redirect that)");
}

TEST(CliErrorText, OtherMessagesAreKept) {
    EXPECT_EQ(cli_error_text("file 'x.csv' not found"), "file 'x.csv' not found");
    EXPECT_EQ(cli_error_text(""), "");
}

}  // namespace
