#pragma once
// What the `cso train` files share: how courses and assignments print, and reading the
// latest assignment of each person.
#include "cli/render.h"

#include <CLI/CLI.hpp>

#include <map>
#include <optional>
#include <string>

namespace cso::cli {

View course_view();
/// Assignments, with their state derived at ctx.clock.
View assignment_view(const Context& ctx);

/// The course named by ID text ("TRN-3", "3"); a usage Error for a malformed ID, not_found if none.
Record course_or_throw(Reader& reader, const std::string& id_text);
/// The latest assignment (highest cycle) of each person for a course.
std::map<std::string, Record> latest_assignments(Reader& reader, const std::string& course_key);
/// One person's latest assignment of a course, if any.
std::optional<Record> latest_assignment(Reader& reader, const std::string& course_key, const std::string& handle);

void setup_train_verbs(CLI::App* train, Context& ctx);   ///< assign, sync, complete
void setup_train_import(CLI::App* train, Context& ctx);
void setup_train_status(CLI::App* train, Context& ctx);  ///< the completion matrix

}  // namespace cso::cli
