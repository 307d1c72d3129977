#include "core/journal.h"

namespace cso {

std::string to_hex(const Hash& h) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (const unsigned char b : h) {
    out.push_back(k_hex[b >> 4]);
    out.push_back(k_hex[b & 0xF]);
  }
  return out;
}

}  // namespace cso
