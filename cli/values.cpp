#include "cli/values.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/error.h"
#include "core/json_text.h"
#include "core/staff_service.h"
#include "core/store.h"

namespace cso::cli {

TextOption& bind(CLI::App* app, TextOption& target, const std::string& flag, const std::string& help) {
  target.option = app->add_option(flag, target.value, help);
  return target;
}

std::vector<std::string> split_list(const std::string& text, std::string_view what) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) {
      throw usage_error("{}: '{}' has an empty item; separate values with single commas", what, text);
    }
    out.push_back(item);
  }
  if (out.empty() || text.back() == ',') {
    throw usage_error("{}: '{}' has an empty item; separate values with single commas", what, text);
  }
  return out;
}

std::ifstream open_input(const std::string& path, std::string_view what) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw usage_error("{}: cannot read {}: is a directory", what, path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw usage_error("{}: cannot read {}: {}", what, path, std::strerror(errno));
  }
  return in;
}

std::optional<std::string> long_text(const TextOption& inline_text, const TextOption& file, std::string_view what) {
  if (inline_text.given() && file.given()) {
    throw usage_error("--{0} and --{0}-file were both given; use one", what);
  }
  if (inline_text.given()) {
    return inline_text.value;
  }
  if (!file.given()) {
    return std::nullopt;
  }
  std::ostringstream buf;
  if (file.value == "-") {
    buf << std::cin.rdbuf();
  } else {
    buf << open_input(file.value, fmt::format("--{}-file", what)).rdbuf();
  }
  std::string text = buf.str();
  if (!valid_utf8(text)) {
    throw usage_error("--{}-file: {} is not valid UTF-8 text", what, file.value == "-" ? "standard input" : file.value);
  }
  return text;
}

std::string active_staff(Context& ctx, const std::string& handle, std::string_view what) {
  return staff::require_active(ctx.store(), handle, what);
}

std::int64_t positive_integer(const std::string& text, std::string_view what) {
  std::int64_t v = 0;
  bool ok = !text.empty() && text.size() <= 12;
  for (const char c : text) {
    ok = ok && c >= '0' && c <= '9';
    v = ok ? v * 10 + (c - '0') : v;
  }
  if (!ok || v <= 0) {
    throw usage_error("{}: '{}' is not a positive whole number", what, text);
  }
  return v;
}

}  // namespace cso::cli
