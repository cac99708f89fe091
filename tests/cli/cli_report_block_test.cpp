// The préfecture's map block (issue 25): --footer and --logo on the map and the page, and the
// page's tables (head, caption, scope), sorting script and print stylesheet.

#include <string>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"

namespace {

using sitecover::test::CliResult;
using sitecover::test::read_file;
using sitecover::test::run_report;
using sitecover::test::TempDir;
using sitecover::test::write_file;

bool contains(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

// An 8x4 blue PNG.
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x08\x00\x00"
    "\x00\x04\x08\x02\x00\x00\x00\x3c\xaf\xe9\xa7\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63"
    "\x60\x60\x98\x88\x03\x51\x4d\x02\x00\x78\xb1\x12\x21\x3f\xd0\x83\x92\x00\x00\x00\x00\x49"
    "\x45\x4e\x44\xae\x42\x60\x82",
    73);
const std::string kSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\"><rect width=\"200\" "
    "height=\"100\" fill=\"#000091\"/></svg>";
const std::string kFooter =
    "Retrouvez les informations sur la France services la plus proche de chez vous en vous "
    "rendant sur france-services.gouv.fr";

TEST(CliReportBlock, FooterAndSvgLogoOnTheSvgMapAndThePage) {
    const TempDir dir;
    write_file(dir.path() / "logo.svg", kSvg);
    const CliResult r = run_report({"--lang", "fr", "--footer", kFooter, "--logo", "logo.svg",
                                    "--map", "m.svg", "--html", "p.html"},
                                   dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const std::string svg = read_file(dir.path() / "m.svg");
    EXPECT_TRUE(contains(svg, ">" + kFooter + "</text>"));
    EXPECT_TRUE(contains(svg,
                         "<image x=\"24\" y=\"10\" width=\"152\" height=\"76\" "
                         "href=\"data:image/svg+xml;base64,"));
    const std::string html = read_file(dir.path() / "p.html");
    EXPECT_TRUE(contains(html, "<footer class=\"block\">" + kFooter + "</footer>"));
    EXPECT_TRUE(contains(html,
                         "<header class=\"block\"><img alt=\"Logo\" "
                         "src=\"data:image/svg+xml;base64,"));
}

TEST(CliReportBlock, PngLogoOnThePngMapAndThePage) {
    const TempDir dir;
    write_file(dir.path() / "logo.png", kPng);
    const CliResult r = run_report({"--lang", "en", "--footer", "Préfecture du Gers", "--logo",
                                    "logo.png", "--map", "m.png", "--html", "p.html"},
                                   dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.report();
    EXPECT_GT(std::filesystem::file_size(dir.path() / "m.png"), 10000u);
    const std::string html = read_file(dir.path() / "p.html");
    EXPECT_TRUE(contains(html, "<footer class=\"block\">Préfecture du Gers</footer>"));
    EXPECT_TRUE(contains(html, "src=\"data:image/png;base64,iVBORw0KGgo"));
}

TEST(CliReportBlock, PageTablesSortAndPrint) {
    const TempDir dir;
    const CliResult r = run_report({"--lang", "en", "--html", "p.html"}, dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const std::string html = read_file(dir.path() / "p.html");
    for (const char* needle :
         {"<table class=\"areas sortable\" id=\"areas\">\n<caption>",
          "<thead>\n<tr><th scope=\"col\"", "<tbody>", "<th scope=\"row\">", "@media print{",
          "@page{size:A4", "thead{display:table-header-group}", "break-after:avoid", "<script>\n",
          "data-sort=\"164.754\">165 m", "aria-label=\"Distances of the communes\"",
          "<tr data-key=\"boundary\"><th scope=\"row\">Site on an area's boundary</th><td>counts "
          "for both areas</td></tr>",
          "<tr data-key=\"origin\"><th scope=\"row\">Point of each commune</th>"}) {
        EXPECT_TRUE(contains(html, needle)) << needle;
    }
    // Self-contained: no request leaves the page.
    EXPECT_FALSE(contains(html, "http://") && contains(html, "<script src"));
    EXPECT_FALSE(contains(html, "https://"));
}

}  // namespace
