#pragma once
// JSON text writing shared by the journal's canonical form and by output: one escaper.
#include <string>
#include <string_view>

namespace cso {

/// Appends `text` as a JSON string literal: quotes, backslashes and control characters
/// escaped, invalid UTF-8 bytes replaced with U+FFFD, other UTF-8 kept as is.
void append_json_string(std::string& out, std::string_view text);
std::string json_string(std::string_view text);

/// Length of the well-formed UTF-8 sequence at text[i] (1 for ASCII), or 0 if it is not one
/// (overlong, surrogate, past U+10FFFF, truncated, or a stray continuation byte).
std::size_t utf8_length(std::string_view text, std::size_t i);

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool valid_utf8(std::string_view text);

}  // namespace cso
