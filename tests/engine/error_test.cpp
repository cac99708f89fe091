// The error model: a kind and a request field on every error, and messages whose fields each
// door spells its own way (engine/include/sitecover/error.hpp, message.hpp).

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "sitecover/error.hpp"
#include "sitecover/message.hpp"

namespace {

using namespace sitecover;

std::string upper(std::string_view field) {
    std::string out(field);
    for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return out;
}

TEST(Message, KeepsFieldsApartFromTheText) {
    Message m("output 'a{1}.csv' already exists: use ");
    m.field("overwrite").text(" to replace it");
    EXPECT_EQ(m.str(), "output 'a{1}.csv' already exists: use overwrite to replace it");
    EXPECT_EQ(m.render(upper), "output 'a{1}.csv' already exists: use OVERWRITE to replace it");
    // Python's str.format syntax: the text's braces doubled, the field a placeholder.
    EXPECT_EQ(m.format_template(),
              "output 'a{{1}}.csv' already exists: use {overwrite} to replace it");
    EXPECT_EQ(m.first_field(), "overwrite");
    EXPECT_EQ(Message("plain").first_field(), "");
    EXPECT_EQ(Message().str(), "");
}

TEST(Message, AppendsAnotherMessage) {
    Message tail("(add them with ");
    tail.field("speeds").text(" CLASS=KMH)");
    Message m("no road; ");
    m.append(tail);
    EXPECT_EQ(m.str(), "no road; (add them with speeds CLASS=KMH)");
    EXPECT_EQ(m.render(upper), "no road; (add them with SPEEDS CLASS=KMH)");
}

TEST(Error, CarriesItsKindAndField) {
    const InputError input(
        Message("no field 'x' for the road class (").field("class_field").text(")"));
    EXPECT_EQ(input.kind(), ErrorKind::Input);
    EXPECT_EQ(input.field(), "class_field");
    EXPECT_STREQ(input.what(), "no field 'x' for the road class (class_field)");
    EXPECT_EQ(input.message(upper), "no field 'x' for the road class (CLASS_FIELD)");

    const OutputError output("disk full");
    EXPECT_EQ(output.kind(), ErrorKind::Output);
    EXPECT_EQ(output.field(), "");
    const ArgumentError argument("radius_m: negative", "radius_m");  // a field not in the text
    EXPECT_EQ(argument.kind(), ErrorKind::Argument);
    EXPECT_EQ(argument.field(), "radius_m");
    EXPECT_EQ(Error("bug").kind(), ErrorKind::Internal);
    const Error copy = input;  // an exception's copy shares its parts
    EXPECT_EQ(copy.field(), "class_field");
    EXPECT_EQ(copy.parts().str(), input.what());
}

}  // namespace
