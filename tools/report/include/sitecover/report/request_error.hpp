#pragma once
// A request value that cannot be met, about one field of the request: the jobs throw it for a
// site id that is not there, more new sites than candidates... Each door words it as a bad
// value of its own spelling of the field (the command line: "option 'FLAG': ...").

#include <string>

#include "sitecover/error.hpp"
#include "sitecover/message.hpp"

namespace sitecover::report {

/// what() reads "field: problem" (the field by its vocabulary name). Kind: Usage.
class RequestError : public Error {
public:
    RequestError(const std::string& field, const Message& problem);
    /// What is wrong, without the field in front (it may name other fields).
    const Message& problem() const noexcept { return problem_; }

private:
    Message problem_;
};

}  // namespace sitecover::report
