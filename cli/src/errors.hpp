// The one line a failed run prints on stderr, and the CLI's own usage errors.
//
// Every failure reaches the user as exactly one line, "schemadiff: error: <message> (<context>)",
// where the context says where and, when useful, what to do. The line never holds a password:
// database URLs are printed redacted by whoever builds the message, and error_line() masks any
// "scheme://user:password@" it still finds (CLI11 echoes arguments verbatim, for one).
#pragma once

#include <string>
#include <string_view>

#include "schemadiff/core/error.hpp"

namespace schemadiff::cli {

// "schemadiff: error: " + `what` on one line (newlines folded), passwords masked. No newline.
[[nodiscard]] std::string error_line(std::string_view what);

// Masks the password of every URL in `text` ("pg://u:secret@h" -> "pg://u:***@h") and the value
// of every "password=" query parameter.
[[nodiscard]] std::string mask_passwords(std::string_view text);

// Error(Usage) for a bad option value, with the option named in the context.
[[nodiscard]] Error usage_error(std::string message, std::string context);

}  // namespace schemadiff::cli
