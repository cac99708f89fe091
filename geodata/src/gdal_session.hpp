#pragma once
// GDAL process set-up and error capture (private to geodata).

#include <cstddef>
#include <functional>
#include <string>

namespace sitecover::geodata::detail {

/// Registers GDAL's drivers once and routes GDAL's error messages into a per-thread buffer
/// instead of stderr, so that our exceptions can carry them. Safe to call many times.
void ensure_gdal();

/// While alive, GDAL's debug messages of one category (CPL_DEBUG) on this thread go to
/// `on_message` instead of nowhere: some drivers report facts only there (GDAL's OSM driver:
/// ways whose nodes are missing from the file, shortened or dropped).
class GdalDebugCapture {
public:
    GdalDebugCapture(const char* category, std::function<void(const char*)> on_message);
    ~GdalDebugCapture();
    GdalDebugCapture(const GdalDebugCapture&) = delete;
    GdalDebugCapture& operator=(const GdalDebugCapture&) = delete;

    std::function<void(const char*)> on_message;

private:
    GdalDebugCapture* previous_;
    bool had_option_ = false;
    std::string previous_option_;
};

/// The last GDAL error message of this thread ("" when none), and clears it.
std::string take_gdal_error();

/// The first and the last GDAL messages of this thread since the last take ("first; then:
/// last", or one when they are the same), and clears them: GDAL often states the cause first
/// ("GeoJSON object too complex/large...") and a generic failure last.
std::string take_gdal_errors();

/// " (GDAL: <message>)" or "" — to append to an error message. A message longer than 300
/// bytes is shortened (GDAL echoes a whole SQL filter, which may be huge).
std::string gdal_reason();

/// As gdal_reason, with take_gdal_errors (the first and the last message), up to 600 bytes.
std::string gdal_reasons();

/// `text` when at most `max_bytes` long, else its start (cut between UTF-8 characters)
/// followed by "... (N bytes)": user text quoted in a message stays readable.
std::string shortened(const std::string& text, std::size_t max_bytes = 200);

}  // namespace sitecover::geodata::detail
