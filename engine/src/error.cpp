#include "sitecover/error.hpp"

#include <utility>

namespace sitecover {

Error::Error(Message message, ErrorKind kind, std::string field)
    : std::runtime_error(message.str()), kind_(kind) {
    if (field.empty()) field = message.first_field();
    detail_ = std::make_shared<const Detail>(Detail{std::move(message), std::move(field)});
}

const std::string& Error::field() const noexcept { return detail_->field; }

MissingFileError::MissingFileError(const std::string& path)
    : InputError("file '" + path + "' not found"),
      path_(std::make_shared<const std::string>(path)) {}

}  // namespace sitecover
