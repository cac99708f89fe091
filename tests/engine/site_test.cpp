// site_id_less: the order of site ids SiteIndex breaks ties with.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitecover/site.hpp"

namespace sitecover {
namespace {

// --- site_id_less -------------------------------------------------------------------------------

TEST(SiteIdLess, NumericIdsCompareAsNumbers) {
    EXPECT_TRUE(site_id_less("9", "10"));
    EXPECT_FALSE(site_id_less("10", "9"));
    EXPECT_TRUE(site_id_less("99", "12345678901234567890123"));  // beyond 64-bit integers
    EXPECT_TRUE(site_id_less("0", "1"));
}

TEST(SiteIdLess, NumericIdsComeBeforeOtherIds) {
    EXPECT_TRUE(site_id_less("999", "A"));
    EXPECT_TRUE(site_id_less("10", "1a"));
    EXPECT_FALSE(site_id_less("A", "999"));
    EXPECT_TRUE(site_id_less("5", ""));  // the empty id is not numeric
}

TEST(SiteIdLess, OtherIdsCompareByteByByte) {
    EXPECT_TRUE(site_id_less("A10", "A9"));
    EXPECT_TRUE(site_id_less("B", "a"));
    EXPECT_TRUE(site_id_less("", "A"));
}

TEST(SiteIdLess, EqualIdsAreNotLess) {
    EXPECT_FALSE(site_id_less("42", "42"));
    EXPECT_FALSE(site_id_less("x", "x"));
    EXPECT_FALSE(site_id_less("", ""));
}

TEST(SiteIdLess, LeadingZerosStillGiveATotalOrder) {
    // "007" and "7" are the same number; the raw strings decide so that they are not equivalent.
    EXPECT_NE(site_id_less("007", "7"), site_id_less("7", "007"));
    EXPECT_TRUE(site_id_less("007", "8"));
    EXPECT_TRUE(site_id_less("6", "007"));
}

TEST(SiteIdLess, IsAStrictTotalOrderOnAMixedSet) {
    const std::vector<std::string> ids = {"10",  "9", "007", "7",   "0",  "00",  "A",  "a", "A9",
                                          "A10", "",  "1a",  "123", "12", "x-1", "99", "9"};
    for (const auto& a : ids) {
        EXPECT_FALSE(site_id_less(a, a)) << a;
        for (const auto& b : ids) {
            if (a != b) {
                EXPECT_NE(site_id_less(a, b), site_id_less(b, a)) << a << " / " << b;
            }
            for (const auto& c : ids) {
                if (site_id_less(a, b) && site_id_less(b, c)) {
                    EXPECT_TRUE(site_id_less(a, c)) << a << " < " << b << " < " << c;
                }
            }
        }
    }
}

}  // namespace
}  // namespace sitecover
