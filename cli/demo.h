#pragma once
#include <string>
#include <string_view>

#include "cli/context.h"

namespace cso::cli {

/// Seeds the Kestrel Logistics demo into the database at `path` (which has no records): runs
/// the fixture cli/demo/kestrel.cso, compiled in, line by line through cso's own commands in a
/// temporary database beside `path`, and moves that into place only when every line succeeded.
/// A failing line is a bug: a runtime Error naming the line and the command's error.
void seed_demo(Context& ctx, const std::string& path);

/// What seed_demo does, for any fixture (`name` is how errors call it): tests use small ones.
void run_fixture(Context& ctx, const std::string& path, std::string_view text, std::string_view name);

}  // namespace cso::cli
