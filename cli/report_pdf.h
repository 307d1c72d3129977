#pragma once
// `report --format pdf`: the report's HTML printed by a headless Chromium (SPEC §5 report),
// found in CSO_CHROMIUM or on PATH as chromium, chromium-browser or google-chrome.
#include <optional>
#include <string>

#include "cli/context.h"

namespace cso::cli {

/// The browser to print with; nullopt when there is none.
std::optional<std::string> find_chromium(const Context& ctx);

/// Prints `html` to the PDF file `pdf_path`; a runtime Error (exit 1) saying how to install a
/// browser when there is none, or what the browser said when it failed.
void print_pdf(const Context& ctx, const std::string& html, const std::string& pdf_path);

}  // namespace cso::cli
