// `cso train import ID FILE.csv`: completions from an LMS export (columns handle or email,
// completed_on, score), all rows or none.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>

#include "cli/commands.h"
#include "cli/commands/train_view.h"
#include "cli/import.h"
#include "core/error.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/training.h"
#include "core/training_service.h"
#include "core/wording.h"

namespace cso::cli {
namespace {

namespace course = training::course;
namespace assignment = training::assignment;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

/// Every staff member (leavers too: an export covers the past), by handle and by e-mail.
struct People {
  std::unordered_map<std::string, std::string> by_handle, by_email;
};

People people(Context& ctx) {
  People out;
  Query q = select::all_staff();
  q.fields = {staff::handle, staff::email};
  ctx.store().each(staff::kind(), q, [&](const Record& r) {
    out.by_handle.emplace(r.text(staff::handle), r.text(staff::handle));
    if (!r.is_null(staff::email)) {
      const auto [it, fresh] = out.by_email.emplace(lower(r.text(staff::email)), r.text(staff::handle));
      if (!fresh) {
        it->second += ", " + r.text(staff::handle);  // shared: ambiguous, refused when used
      }
    }
  });
  return out;
}

struct ImportCounts {
  std::int64_t completed = 0, failed = 0, unchanged = 0;
};

void check_header(const Record& c, const ImportRow& row) {
  const bool handle = row.column_of[training::file_handle] != 0;
  const bool email = row.column_of[training::file_email] != 0;
  if (handle == email) {
    throw usage_error("{}:{}: the header needs a 'handle' or an 'email' column (one of them) to name the person",
                      row.source, row.line);
  }
  if (!c.is_null(course::min_score) && row.column_of[training::file_score] == 0) {
    throw usage_error("{}:{}: the header has no 'score' column, which {} needs (passing score {})", row.source,
                      row.line, display_key(course::kind(), c), c.integer(course::min_score));
  }
}

std::string person(const People& staff, const ImportRow& row) {
  const bool by_handle = row.column_of[training::file_handle] != 0;
  const std::size_t field = by_handle ? training::file_handle : training::file_email;
  const auto cell = row.cells[field];
  if (!cell || cell->empty()) {
    throw usage_error("{}: a value is required", row.where(field));
  }
  if (by_handle) {
    const auto h = std::get<std::string>(*row.value(field, Clock{}));
    if (!staff.by_handle.contains(h)) {
      throw usage_error("{}: no staff member '{}'", row.where(field), h);
    }
    return h;
  }
  const auto it = staff.by_email.find(lower(*cell));
  if (it == staff.by_email.end()) {
    throw usage_error("{}: no staff member with the e-mail address '{}'", row.where(field), *cell);
  }
  if (it->second.find(',') != std::string::npos) {
    throw usage_error("{}: the e-mail address '{}' belongs to more than one staff member ({}); use a handle column",
                      row.where(field), *cell, it->second);
  }
  return it->second;
}

void run_import(Context& ctx, const std::string& id, const std::string& path) {
  const Record c = training::course_or_throw(ctx.store(), id);
  const std::string key = display_key(course::kind(), c);
  if (!has_status(c, course::Status::active)) {
    throw conflict_error("{} is {}; 'train import' needs a course that is active", key, c.text(course::status));
  }
  const People staff = people(ctx);
  const std::string today = format_date(ctx.clock.now);
  ImportCounts n;
  const auto insert = [&](Transaction& tx, const ImportRow& row) {
    const std::string handle = person(staff, row);
    const auto on = std::get<std::string>(*row.value(training::file_completed_on, ctx.clock));
    if (on > today) {
      throw usage_error("{}: {} is in the future", row.where(training::file_completed_on), on);
    }
    std::optional<std::int64_t> score;
    if (const auto cell = row.cells[training::file_score]; cell && !cell->empty()) {
      score = row.located(training::file_score, [&] { return training::parse_score(*cell, "score"); });
    }
    const auto latest = training::latest_assignment(tx, key, handle);
    auto attempt = row.located(training::file_score, [&] {
      return training::record_attempt(c, latest, handle, on, score, ctx.config, "score",
                                      training::Repeat::same_attempt);
    });
    switch (attempt.outcome) {
      case training::Outcome::unchanged:
        ++n.unchanged;
        return;
      case training::Outcome::completed:
        ++n.completed;
        break;
      case training::Outcome::failed:
        ++n.failed;
        break;
    }
    if (attempt.created) {
      tx.insert(assignment::kind(), attempt.assignment, "train.import");
    } else {
      tx.update(assignment::kind(), attempt.assignment, "train.import");
    }
  };
  import_csv(ctx, training::completion_file_kind(), path, insert,
             {.on_header = [&](const ImportRow& row) { check_header(c, row); }});
  if (ctx.output.format == Format::json || ctx.output.format == Format::jsonl) {
    write_json(ctx.out, {{"completed", n.completed}, {"failed", n.failed}, {"unchanged", n.unchanged}},
               json_layout(ctx.output.format));
    return;
  }
  ctx.out << fmt::format("{} completed, {}, {} unchanged\n", n.completed, counted(n.failed, "failed attempt"),
                         n.unchanged);
}

}  // namespace

void setup_train_import(CLI::App* train, Context& ctx) {
  auto id = std::make_shared<std::string>();
  auto path = std::make_shared<std::string>();
  CLI::App* i = add_command(*train, "import",
                            "record completions from an LMS export (columns handle or email, completed_on, score); "
                            "all rows or none");
  i->add_option("ID", *id, "TRN-n or n")->required();
  i->add_option("FILE", *path, "a CSV file, - for stdin")->required();
  i->callback([&ctx, id, path] { run_import(ctx, *id, *path); });
}

}  // namespace cso::cli
