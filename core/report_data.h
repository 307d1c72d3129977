#pragma once
// What a report's template receives (SPEC §5 report): a plain tree of text, integers, flags,
// lists and objects, built in core from the same selectors as `status` and `check`. Templates
// never compute: numbers, dates and money arrive formatted, as text.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cso {

class Data {
 public:
  using List = std::vector<Data>;
  using Object = std::vector<std::pair<std::string, Data>>;  ///< keys in the order they were set

  Data() = default;                                       ///< null
  Data(std::string text) : m_value(std::move(text)) {}    // NOLINT(google-explicit-constructor)
  Data(const char* text) : m_value(std::string(text)) {}  // NOLINT(google-explicit-constructor)
  Data(std::int64_t n) : m_value(n) {}                    // NOLINT(google-explicit-constructor)
  Data(int n) : m_value(static_cast<std::int64_t>(n)) {}  // NOLINT(google-explicit-constructor)
  Data(bool flag) : m_value(flag) {}                      // NOLINT(google-explicit-constructor)
  Data(List items) : m_value(std::move(items)) {}         // NOLINT(google-explicit-constructor)

  static Data object() { return Data(Object{}); }

  /// Sets `key` of an object (replacing an earlier value of it); returns the value set.
  Data& set(std::string_view key, Data value);
  /// Appends to a list.
  void push(Data item);

  bool is_null() const { return std::holds_alternative<std::monostate>(m_value); }
  const std::string* text() const { return std::get_if<std::string>(&m_value); }
  const std::int64_t* integer() const { return std::get_if<std::int64_t>(&m_value); }
  const bool* flag() const { return std::get_if<bool>(&m_value); }
  const List* list() const { return std::get_if<List>(&m_value); }
  const Object* members() const { return std::get_if<Object>(&m_value); }
  /// An object's member, or null when there is none.
  const Data* find(std::string_view key) const;

 private:
  explicit Data(Object members) : m_value(std::move(members)) {}

  std::variant<std::monostate, std::string, std::int64_t, bool, List, Object> m_value;
};

}  // namespace cso
