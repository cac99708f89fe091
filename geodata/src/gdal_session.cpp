#include "gdal_session.hpp"

#include <functional>
#include <mutex>
#include <utility>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

namespace sitecover::geodata::detail {
namespace {

thread_local std::string last_error;
thread_local std::string first_error;  // the first since the last take: often the reason
thread_local GdalDebugCapture* debug_capture = nullptr;

void CPL_STDCALL capture_error(CPLErr severity, CPLErrorNum /*code*/, const char* message) {
    if (severity == CE_Debug && debug_capture != nullptr && message != nullptr) {
        debug_capture->on_message(message);
        return;
    }
    // Warnings are kept too: GDAL often explains a failure in a warning first.
    if (severity >= CE_Warning && message != nullptr) {
        if (first_error.empty()) first_error = message;
        last_error = message;
    }
}

}  // namespace

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(capture_error);
    });
}

GdalDebugCapture::GdalDebugCapture(const char* category,
                                   std::function<void(const char*)> on_message)
    : on_message(std::move(on_message)), previous_(debug_capture) {
    ensure_gdal();
    if (const char* old = CPLGetThreadLocalConfigOption("CPL_DEBUG", nullptr)) {
        had_option_ = true;
        previous_option_ = old;
    }
    CPLSetThreadLocalConfigOption("CPL_DEBUG", category);
    debug_capture = this;
}

GdalDebugCapture::~GdalDebugCapture() {
    debug_capture = previous_;
    CPLSetThreadLocalConfigOption("CPL_DEBUG", had_option_ ? previous_option_.c_str() : nullptr);
}

std::string take_gdal_error() {
    std::string message;
    message.swap(last_error);
    first_error.clear();
    return message;
}

std::string take_gdal_errors() {
    std::string first;
    first.swap(first_error);
    std::string last = take_gdal_error();
    if (first.empty() || first == last) return last;
    return first + "; then: " + last;
}

namespace {

/// " (GDAL: <text on one line>)" or "" (GDAL's SQL errors come on several lines with a caret
/// under the bad token).
std::string format_reason(const std::string& text, std::size_t max_bytes) {
    std::string message;
    for (const char c : text) {
        const char flat = c == '\n' || c == '\r' ? ' ' : c;
        if (flat == ' ' && (message.empty() || message.back() == ' ')) continue;
        message += flat;
    }
    while (!message.empty() && (message.back() == ' ' || message.back() == '^')) message.pop_back();
    return message.empty() ? std::string() : " (GDAL: " + shortened(message, max_bytes) + ")";
}

}  // namespace

std::string gdal_reason() { return format_reason(take_gdal_error(), 300); }

std::string gdal_reasons() { return format_reason(take_gdal_errors(), 600); }

std::string shortened(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "... (" + std::to_string(text.size()) + " bytes)";
}

}  // namespace sitecover::geodata::detail
