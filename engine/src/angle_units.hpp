#pragma once
// Degrees to radians for engine/src: one definition (private, not installed).

#include <numbers>

namespace sitecover::detail {

inline constexpr double kDegToRad = std::numbers::pi / 180.0;

}  // namespace sitecover::detail
