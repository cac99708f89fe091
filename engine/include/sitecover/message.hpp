#pragma once
/// @file
/// Text for people (an error, a warning) that may name fields of a request. Each door spells a
/// field its own way: the library and Python write the keyword (`class_field`), the CLI the
/// flag (`--class-field`), QGIS the parameter (`CLASS_FIELD`). A Message keeps the fields apart
/// from the text around them, so that a door re-spells them by rule and never rewrites text.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sitecover {

/// How a door spells a request field, given its vocabulary name (the snake_case Python
/// keyword, e.g. "class_field").
using FieldSpelling = std::function<std::string(std::string_view field)>;

/// Text and request fields, in order. Built with text() and field(); rendered with a door's
/// spelling. Not thread-safe while being built; const members are safe from many threads.
class Message {
public:
    /// An empty message.
    Message() = default;
    /// A message of plain text (no field). Implicit: every string is a message.
    Message(std::string text);  // NOLINT(google-explicit-constructor)
    /// A message of plain text (no field).
    Message(const char* text);  // NOLINT(google-explicit-constructor)

    /// Appends plain text.
    Message& text(std::string_view text);
    /// Appends a reference to the request field `name` (its vocabulary name: "overwrite").
    Message& field(std::string_view name);
    /// Appends every part of `other`.
    Message& append(const Message& other);

    /// The text with each field spelled by `spell`.
    std::string render(const FieldSpelling& spell) const;
    /// The text with each field as its vocabulary name (the library's and Python's spelling).
    std::string str() const;
    /// The text in Python's str.format syntax: each field as "{name}", braces of the text
    /// doubled, so that `template.format_map(spelling)` renders it in another door.
    std::string format_template() const;
    /// The first field named, or "" when none.
    std::string first_field() const;

private:
    struct Part {
        std::string text;  // the text, or the field's vocabulary name
        bool is_field = false;
    };
    std::vector<Part> parts_;
};

}  // namespace sitecover
