#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const int code = cso::cli::run(argc, argv, std::cout, std::cerr, cso::cli::process_environment());
  std::cout.flush();
  return code;
}
