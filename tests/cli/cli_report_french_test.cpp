// French without a slip (issue 25): every word a French report shows, in every document, comes
// from the French tables. The test extracts all the text of the French documents (the page's
// text and its visible attributes, the SVG map's words, the GeoPackage's style names,
// descriptions, legend labels and field aliases, and its run table) and fails on any word of
// the English tables that French does not also use; it also checks French typography (no-break
// space before : ; ! ?) and agreement ("1 canton fragile").

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "sitecover/report/report_text.hpp"

namespace {

using sitecover::report::Lang;
using sitecover::report::ReportText;
using sitecover::test::CliResult;
using sitecover::test::inspect_layer;
using sitecover::test::read_file;
using sitecover::test::run_report;
using sitecover::test::TempDir;

// Every string of a language's table (ReportText holds const char* members only).
std::vector<std::string> table_strings(Lang lang) {
    static_assert(sizeof(ReportText) % sizeof(const char*) == 0);
    const ReportText& t = sitecover::report::report_text(lang);
    const auto* fields = reinterpret_cast<const char* const*>(&t);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < sizeof(ReportText) / sizeof(const char*); ++i) {
        if (fields[i] != nullptr) out.emplace_back(fields[i]);
    }
    for (const char* field : {"id",
                              "name",
                              "type",
                              "labelled_on",
                              "site_count",
                              "site_ids",
                              "covered",
                              "margin_m",
                              "origin_count",
                              "worst_distance_m",
                              "worst_distance_origin",
                              "worst_time_s",
                              "worst_time_origin",
                              "site_id",
                              "site_name",
                              "distance_m",
                              "road_site_id",
                              "road_site_name",
                              "road_distance_m",
                              "travel_time_s",
                              "access_index",
                              "snap_m",
                              "reachable",
                              "label",
                              "value",
                              "text",
                              "key",
                              "rank",
                              "by"})
        out.push_back(sitecover::report::field_alias(field, lang));
    return out;
}

// Lower-case words of 3 letters or more (ASCII letters and UTF-8 letters of Latin-1).
std::set<std::string> words_of(const std::string& text) {
    std::set<std::string> out;
    static const std::regex word(R"(([A-Za-z]|\xc3[\x80-\xbf])+)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word);
         it != std::sregex_iterator(); ++it) {
        std::string w = it->str();
        if (w.size() < 3) continue;
        for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.insert(w);
    }
    return out;
}

// The English words French never uses: those of the English tables, less those of the French
// ones and a few names (of products, producers, and the map's CRS).
std::set<std::string> english_words() {
    std::set<std::string> english, french;
    for (const std::string& s : table_strings(Lang::En)) english.merge(words_of(s));
    for (const std::string& s : table_strings(Lang::Fr)) french.merge(words_of(s));
    for (const char* s : {"sitecover", "france", "services", "ign", "geofla", "admin", "express",
                          "anct", "wgs", "karney", "proj", "lambert", "epsg", "openstreetmap",
                          "travel", "mapping", "licence", "ouverte"})
        french.insert(s);
    std::set<std::string> out;
    std::set_difference(english.begin(), english.end(), french.begin(), french.end(),
                        std::inserter(out, out.end()));
    return out;
}

// The values of the attributes `names` in one tag ("<img alt=\"x\" ...>").
std::string attributes(const std::string& tag, const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) {
        const std::string key = " " + name + "=\"";
        const std::size_t at = tag.find(key);
        if (at == std::string::npos) continue;
        const std::size_t start = at + key.size();
        out += tag.substr(start, tag.find('"', start) - start) + "\n";
    }
    return out;
}

// The text of markup a reader sees or hears: text between tags (scripts and styles aside) and
// the attributes title, alt and aria-label. Scanned by hand: std::regex recurses per
// character and overflows the stack on a page that embeds a map.
std::string page_text(const std::string& html) {
    std::string out;
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t open = html.find('<', i);
        out += html.substr(i, open == std::string::npos ? std::string::npos : open - i) + "\n";
        if (open == std::string::npos) break;
        const std::size_t close = html.find('>', open);
        const std::string tag = html.substr(open, close - open + 1);
        out += attributes(tag, {"title", "alt", "aria-label"});
        i = close + 1;
        for (const char* skipped : {"script", "style"}) {
            if (tag.rfind(std::string("<") + skipped, 0) == 0) {
                const std::size_t end = html.find(std::string("</") + skipped, i);
                i = html.find('>', end) + 1;
            }
        }
    }
    return out;
}

// The words of an SVG map: its <text> elements.
std::string svg_text(const std::string& svg) {
    std::string out;
    for (std::size_t at = svg.find("<text"); at != std::string::npos;
         at = svg.find("<text", at + 1)) {
        const std::size_t start = svg.find('>', at) + 1;
        out += svg.substr(start, svg.find('<', start) - start) + "\n";
    }
    return out;
}

// Style names, descriptions, legend labels and field aliases of the GeoPackage's styles, and
// the label and text of its run table.
std::string geopackage_text(const std::filesystem::path& gpkg) {
    std::string out;
    for (const auto& f : inspect_layer(gpkg, "layer_styles").features) {
        out += f.values.at("styleName") + "\n" + f.values.at("description") + "\n";
        const std::string& qml = f.values.at("styleQML");
        static const std::regex label(R"re((<alias [^>]*name|\blabel)="([^"]*)")re");
        for (auto it = std::sregex_iterator(qml.begin(), qml.end(), label);
             it != std::sregex_iterator(); ++it)
            out += (*it)[2].str() + "\n";
    }
    for (const auto& f : inspect_layer(gpkg, "run").features)
        out += f.values.at("label") + "\n" + f.values.at("text") + "\n";
    return out;
}

// The English words found in `text`, with the line holding each. File names are data, not
// words: they are left out.
std::vector<std::string> english_in(const std::string& raw) {
    static const std::set<std::string> english = english_words();
    const std::string text = std::regex_replace(
        raw, std::regex(R"([^\s(]+\.(geojson|csv|gpkg|shp|fgb|pbf|osm|txt|json)\b)"), " ");
    std::vector<std::string> found;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        for (const std::string& w : words_of(line)) {
            if (english.count(w)) found.push_back("'" + w + "' in: " + line);
        }
        start = end + 1;
    }
    return found;
}

// Punctuation that French sets off with a no-break space, found after a plain space or a
// letter (ratios and codes such as "1:250 000" or "EPSG:2154" have no space after).
std::vector<std::string> typography_slips(const std::string& text) {
    std::vector<std::string> found;
    static const std::regex slip(R"(([^\n]{0,30}[^\xa0\xaf\n][:;!?])( |$)[^\n]{0,30})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), slip);
         it != std::sregex_iterator(); ++it)
        found.push_back(it->str());
    return found;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

class FrenchDocuments : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(FrenchDocuments, HoldNoEnglishWordAndFrenchTypography) {
    const TempDir dir("sitecover-french");
    std::vector<std::string> args = GetParam();
    for (const char* a : {"--lang", "fr", "-o", "r.gpkg", "--map", "r.svg", "--html", "r.html"})
        args.emplace_back(a);
    const CliResult r = run_report(args, dir.path(), "C.UTF-8");
    ASSERT_EQ(r.exit_code, 0) << r.report();
    const std::map<std::string, std::string> documents = {
        {"page", page_text(read_file(dir.path() / "r.html"))},
        {"map", svg_text(read_file(dir.path() / "r.svg"))},
        {"GeoPackage", geopackage_text(dir.path() / "r.gpkg")}};
    for (const auto& [name, text] : documents) {
        ASSERT_GT(text.size(), 200u) << name;
        EXPECT_EQ(join(english_in(text)), "") << "English words in the French " << name;
        EXPECT_EQ(join(typography_slips(text)), "") << "typography of the French " << name;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Reports, FrenchDocuments,
    ::testing::Values(std::vector<std::string>{"--roads", SITECOVER_TEST_DATA_DIR
                                               "/france/roads-major-travelmapping-2026-08.geojson"},
                      std::vector<std::string>{"--as-of", "2022-04-20", "--site-types",
                                               "Principal"}));

TEST(FrenchWords, TheCheckSeesSlips) {
    const std::set<std::string> english = english_words();
    for (const char* word : {"time", "covered", "other", "motorway", "fragile"}) {
        EXPECT_EQ(english.count(word), std::string(word) == "fragile" ? 0u : 1u) << word;
    }
    EXPECT_EQ(english_in("Plus proche par la route\u00a0: time").size(), 1u);
    EXPECT_EQ(typography_slips("Plus proche par la route : temps").size(), 1u);
    EXPECT_EQ(typography_slips("Titre: temps").size(), 1u);
    EXPECT_TRUE(typography_slips("Titre\u00a0: temps ; EPSG:2154, 1:250\u202f000").size() == 1u);
    EXPECT_TRUE(typography_slips("Titre\u00a0: temps\u00a0; EPSG:2154").empty());
}

TEST(FrenchWords, AgreeWithTheirCount) {
    using sitecover::report::covered_word;
    using sitecover::report::fragile_word;
    using sitecover::report::noun_for;
    EXPECT_EQ(noun_for("cantons", 1, Lang::Fr) + " " + fragile_word(1, Lang::Fr), "canton fragile");
    EXPECT_EQ(noun_for("cantons", 0, Lang::Fr) + " " + fragile_word(0, Lang::Fr), "canton fragile");
    EXPECT_EQ(noun_for("cantons", 2, Lang::Fr) + " " + fragile_word(2, Lang::Fr),
              "cantons fragiles");
    EXPECT_EQ(noun_for("cantons", 0, Lang::En), "cantons");
    EXPECT_EQ(noun_for("zones d’emploi", 1, Lang::Fr), "zone d’emploi");
    EXPECT_EQ(covered_word("communes", 17, Lang::Fr), "couvertes");
    EXPECT_EQ(covered_word("cantons", 17, Lang::Fr), "couverts");
    EXPECT_EQ(covered_word("territoires", 1, Lang::Fr), "couvert");
    EXPECT_EQ(covered_word("circonscriptions", 1, Lang::Fr), "couverte");
}

}  // namespace
