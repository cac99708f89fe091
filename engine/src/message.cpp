#include "sitecover/message.hpp"

#include <utility>

namespace sitecover {

Message::Message(std::string text) {
    if (!text.empty()) parts_.push_back({std::move(text), false});
}

Message::Message(const char* text) : Message(std::string(text)) {}

Message& Message::text(std::string_view text) {
    if (text.empty()) return *this;
    // Neighbouring text parts merge: a message is then text, field, text...
    if (!parts_.empty() && !parts_.back().is_field) {
        parts_.back().text.append(text);
    } else {
        parts_.push_back({std::string(text), false});
    }
    return *this;
}

Message& Message::field(std::string_view name) {
    parts_.push_back({std::string(name), true});
    return *this;
}

Message& Message::append(const Message& other) {
    for (const Part& part : other.parts_) {
        if (part.is_field) {
            field(part.text);
        } else {
            text(part.text);
        }
    }
    return *this;
}

std::string Message::render(const FieldSpelling& spell) const {
    std::string out;
    for (const Part& part : parts_) out += part.is_field ? spell(part.text) : part.text;
    return out;
}

std::string Message::str() const {
    return render([](std::string_view field) { return std::string(field); });
}

std::string Message::format_template() const {
    std::string out;
    for (const Part& part : parts_) {
        if (part.is_field) {
            out.append("{").append(part.text).append("}");
            continue;
        }
        for (const char c : part.text) {
            out += c;
            if (c == '{' || c == '}') out += c;  // str.format's escape of a literal brace
        }
    }
    return out;
}

std::string Message::first_field() const {
    for (const Part& part : parts_) {
        if (part.is_field) return part.text;
    }
    return {};
}

}  // namespace sitecover
