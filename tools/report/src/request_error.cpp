#include "sitecover/report/request_error.hpp"

namespace sitecover::report {

RequestError::RequestError(const std::string& field, const Message& problem)
    : Error(Message().field(field).text(": ").append(problem), ErrorKind::Usage, field),
      problem_(problem) {}

}  // namespace sitecover::report
