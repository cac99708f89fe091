// Unit tests of the report's language: French and English numbers, dates and units, the
// locale rule, and the message tables (every slot filled, no English left in French).

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/report/report_lang.hpp"
#include "sitecover/report/report_text.hpp"

namespace {

using sitecover::report::fill;
using sitecover::report::format_date;
using sitecover::report::format_km;
using sitecover::report::format_minutes;
using sitecover::report::format_number;
using sitecover::report::format_percent;
using sitecover::report::format_threshold;
using sitecover::report::Lang;
using sitecover::report::lang_from_environment;
using sitecover::report::parse_lang;

const std::string kNarrowNbsp = "\u202f";
const std::string kNbsp = "\u00a0";

TEST(ReportLang, FrenchNumbers) {
    EXPECT_EQ(format_number(192649.0, 0, Lang::Fr), "192" + kNarrowNbsp + "649");
    EXPECT_EQ(format_number(1234567.75, 1, Lang::Fr),
              "1" + kNarrowNbsp + "234" + kNarrowNbsp + "567,8");
    EXPECT_EQ(format_number(15.5, 1, Lang::Fr), "15,5");
    EXPECT_EQ(format_number(2845.0, 0, Lang::Fr), "2845");  // four digits stay together
    EXPECT_EQ(format_number(12845.0, 0, Lang::Fr), "12" + kNarrowNbsp + "845");
    EXPECT_EQ(format_number(600000.0, 0, Lang::Fr), "600" + kNarrowNbsp + "000");
    EXPECT_EQ(format_number(-15234.0, 0, Lang::Fr), "-15" + kNarrowNbsp + "234");
    EXPECT_EQ(format_number(-0.04, 1, Lang::Fr), "0,0");  // never "-0,0"
    EXPECT_EQ(format_km(15500.0, Lang::Fr), "15,5" + kNbsp + "km");
    EXPECT_EQ(format_minutes(288.0, Lang::Fr), "4,8" + kNbsp + "min");
    EXPECT_EQ(format_threshold(19.0, "km", Lang::Fr), "19" + kNbsp + "km");
    EXPECT_EQ(format_threshold(12.5, "km", Lang::Fr), "12,5" + kNbsp + "km");
    EXPECT_EQ(format_percent(1.0, 8.0, Lang::Fr), "12,5" + kNbsp + "%");
    EXPECT_EQ(format_percent(1.0, 0.0, Lang::Fr), "0,0" + kNbsp + "%");
}

TEST(ReportLang, EnglishNumbers) {
    EXPECT_EQ(format_number(192649.0, 0, Lang::En), "192,649");
    EXPECT_EQ(format_number(2845.0, 0, Lang::En), "2,845");
    EXPECT_EQ(format_number(999.0, 0, Lang::En), "999");
    EXPECT_EQ(format_number(15.46, 1, Lang::En), "15.5");
    EXPECT_EQ(format_number(-1234.5, 1, Lang::En), "-1,234.5");
    EXPECT_EQ(format_km(15500.0, Lang::En), "15.5 km");
    EXPECT_EQ(format_threshold(30.0, "min", Lang::En), "30 min");
}

TEST(ReportLang, Dates) {
    EXPECT_EQ(format_date("2022-04-20", Lang::Fr), "20 avril 2022");
    EXPECT_EQ(format_date("2024-08-01", Lang::Fr), "1er août 2024");
    EXPECT_EQ(format_date("2021-02-11", Lang::Fr), "11 février 2021");
    EXPECT_EQ(format_date("2021-12-31", Lang::Fr), "31 décembre 2021");
    EXPECT_EQ(format_date("2022-04-20", Lang::En), "20 April 2022");
    EXPECT_EQ(format_date("2024-08-01", Lang::En), "1 August 2024");
    // Anything else is returned as it is.
    EXPECT_EQ(format_date("", Lang::Fr), "");
    EXPECT_EQ(format_date("20/04/2022", Lang::Fr), "20/04/2022");
    EXPECT_EQ(format_date("2022-13-01", Lang::Fr), "2022-13-01");
}

// Sets the three variables for one check, then restores them.
class Locale {
public:
    Locale(const char* all, const char* messages, const char* lang) {
        set("LC_ALL", all);
        set("LC_MESSAGES", messages);
        set("LANG", lang);
    }
    ~Locale() {
        for (const auto& [name, value] : saved_) {
            if (value) {
                ::setenv(name.c_str(), value->c_str(), 1);
            } else {
                ::unsetenv(name.c_str());
            }
        }
    }

private:
    void set(const char* name, const char* value) {
        const char* old = std::getenv(name);
        saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
        if (value) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(ReportLang, LocaleRule) {
    struct Case {
        const char *all, *messages, *lang;
        Lang expected;
    };
    const Case cases[] = {
        {nullptr, nullptr, nullptr, Lang::En},
        {nullptr, nullptr, "fr_FR.UTF-8", Lang::Fr},
        {nullptr, nullptr, "fr", Lang::Fr},
        {nullptr, nullptr, "C.UTF-8", Lang::En},
        {nullptr, "fr_BE.UTF-8", "en_US.UTF-8", Lang::Fr},
        {"en_GB.UTF-8", "fr_FR.UTF-8", "fr_FR.UTF-8", Lang::En},
        {"fr_CH.UTF-8", nullptr, "en_US.UTF-8", Lang::Fr},
        {"", "", "fr_FR.UTF-8", Lang::Fr},  // empty variables do not count
        {nullptr, nullptr, "frisian", Lang::Fr},
    };
    for (const Case& c : cases) {
        const Locale locale(c.all, c.messages, c.lang);
        EXPECT_EQ(lang_from_environment(), c.expected)
            << (c.all ? c.all : "-") << " " << (c.messages ? c.messages : "-") << " "
            << (c.lang ? c.lang : "-");
    }
    EXPECT_EQ(parse_lang("fr"), Lang::Fr);
    EXPECT_EQ(parse_lang("EN"), Lang::En);
    EXPECT_FALSE(parse_lang("de").has_value());
    EXPECT_FALSE(parse_lang("").has_value());
}

TEST(ReportText, FillAndTables) {
    EXPECT_EQ(fill("{1}/{2} {3} covered", {"16", "17", "cantons"}), "16/17 cantons covered");
    EXPECT_EQ(fill("{2} before {1}", {"a", "b"}), "b before a");
    EXPECT_EQ(fill("{3} missing", {"a"}), " missing");
    EXPECT_EQ(fill("{x} and {", {}), "{x} and {");
    const auto& fr = sitecover::report::report_text(Lang::Fr);
    const auto& en = sitecover::report::report_text(Lang::En);
    EXPECT_EQ(std::string(fr.commune_with_site), "Commune dotée en France services");
    EXPECT_EQ(std::string(fr.motorway), "Autoroute");
    EXPECT_EQ(std::string(fr.main_road), "Autre route principale");
    EXPECT_EQ(fill(fr.title_as_of, {"Gers (32)", "24", "20 avril 2022"}),
              "Gers (32)" + kNbsp + ": 24 France services au 20 avril 2022");
    EXPECT_EQ(std::string(fr.parameters), "Paramètres");
    EXPECT_EQ(std::string(en.parameters), "Parameters");
    EXPECT_EQ(sitecover::report::field_alias("covered", Lang::Fr), "Couvert");
    EXPECT_EQ(sitecover::report::field_alias("no_such_field", Lang::Fr), "");
}

}  // namespace
