#pragma once
// Turning option text into values: lists, long text from files or stdin, staff references.
#include <CLI/CLI.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "cli/context.h"

namespace cso::cli {

/// An option whose presence matters (an empty value is still a value).
struct TextOption {
  std::string value;
  CLI::Option* option = nullptr;
  bool given() const { return option != nullptr && option->count() > 0; }
};

/// Registers `--name` bound to `target`.
TextOption& bind(CLI::App* app, TextOption& target, const std::string& flag, const std::string& help);

/// "a,b,c" → {"a","b","c"}; empty items are a usage Error naming `what`.
std::vector<std::string> split_list(const std::string& text, std::string_view what);

/// Opens a file to read (not `-`); a usage Error "WHAT: cannot read PATH: REASON" when it is
/// missing, unreadable or a directory (which a stream would open and read as empty).
std::ifstream open_input(const std::string& path, std::string_view what);

/// Long text given inline or as a file (`-` for stdin); both given is a usage Error.
std::optional<std::string> long_text(const TextOption& inline_text, const TextOption& file, std::string_view what);

/// A handle that must name an active staff member (owners, leads, assignees).
std::string active_staff(Context& ctx, const std::string& handle, std::string_view what);

/// A positive integer option (e.g. --limit).
std::int64_t positive_integer(const std::string& text, std::string_view what);

}  // namespace cso::cli
