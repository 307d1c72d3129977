#include "core/report_data.h"

#include <stdexcept>

namespace cso {

Data& Data::set(std::string_view key, Data value) {
  auto* object = std::get_if<Object>(&m_value);
  if (object == nullptr) {
    throw std::logic_error("Data::set on a value that is not an object");
  }
  for (auto& [k, v] : *object) {
    if (k == key) {
      v = std::move(value);
      return v;
    }
  }
  return object->emplace_back(std::string(key), std::move(value)).second;
}

void Data::push(Data item) {
  auto* items = std::get_if<List>(&m_value);
  if (items == nullptr) {
    throw std::logic_error("Data::push on a value that is not a list");
  }
  items->push_back(std::move(item));
}

const Data* Data::find(std::string_view key) const {
  if (const auto* object = members()) {
    for (const auto& [k, v] : *object) {
      if (k == key) {
        return &v;
      }
    }
  }
  return nullptr;
}

}  // namespace cso
