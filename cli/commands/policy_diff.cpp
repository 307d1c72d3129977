// `cso policy diff ID [V1 [V2]]`: a unified diff (diff -u) of two versions' bodies. The edit
// script comes from dtl (Debian's libdtl-dev); the hunks are grouped here as GNU diff does.
#include <algorithm>
#include <dtl/dtl.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/policy_view.h"
#include "core/error.h"
#include "core/policy.h"
#include "core/policy_service.h"

namespace cso::cli {
namespace {

constexpr std::size_t k_context = 3;

/// The lines of `text`, each with its newline (the last may have none).
std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto nl = text.find('\n', start);
    const auto end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

struct Op {
  char mark;  ///< ' ', '-' or '+'
  const std::string* line;
};

/// "l,s" as GNU diff writes a hunk's range: ",s" left out when s is 1; l is the line before
/// the hunk when it is empty.
std::string range(std::size_t first, std::size_t size) {
  if (size == 1) {
    return std::to_string(first + 1);
  }
  return fmt::format("{},{}", size == 0 ? first : first + 1, size);
}

void write_line(std::string& out, char mark, const std::string& line) {
  out.push_back(mark);
  out += sanitize(line);
  if (line.empty() || line.back() != '\n') {
    out += "\n\\ No newline at end of file\n";
  }
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view from_label,
                         std::string_view to_label) {
  const auto a = lines_of(before);
  const auto b = lines_of(after);
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.compose();
  std::vector<Op> ops;
  for (const auto& [line, info] : diff.getSes().getSequence()) {
    const std::string* text = info.type == dtl::SES_ADD ? &b[static_cast<std::size_t>(info.afterIdx - 1)]
                                                        : &a[static_cast<std::size_t>(info.beforeIdx - 1)];
    ops.push_back({info.type == dtl::SES_ADD ? '+' : info.type == dtl::SES_DELETE ? '-' : ' ', text});
  }
  // Within each run of changes, removed lines come before added ones (as diff -u prints them).
  for (auto run = ops.begin(); run != ops.end();) {
    const auto end = std::find_if(run, ops.end(), [](const Op& op) { return op.mark == ' '; });
    std::stable_partition(run, end, [](const Op& op) { return op.mark == '-'; });
    run = end == ops.end() ? end : end + 1;
  }
  std::string out;
  std::size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i].mark == ' ') {
      ++i;
    }
    if (i == ops.size()) {
      break;
    }
    // A hunk: context before the first change, then changes joined while the common run
    // between them is at most twice the context, then context after.
    std::size_t start = i >= k_context ? i - k_context : 0;
    std::size_t end = i;
    while (end < ops.size()) {
      std::size_t common = end;
      while (common < ops.size() && ops[common].mark == ' ') {
        ++common;
      }
      if (common == ops.size() || common - end > 2 * k_context) {
        end = std::min(ops.size(), end + k_context);
        break;
      }
      end = common;
      while (end < ops.size() && ops[end].mark != ' ') {
        ++end;
      }
    }
    std::size_t old_first = 0, new_first = 0;
    for (std::size_t k = 0; k < start; ++k) {
      old_first += ops[k].mark != '+' ? 1 : 0;
      new_first += ops[k].mark != '-' ? 1 : 0;
    }
    std::size_t old_size = 0, new_size = 0;
    for (std::size_t k = start; k < end; ++k) {
      old_size += ops[k].mark != '+' ? 1 : 0;
      new_size += ops[k].mark != '-' ? 1 : 0;
    }
    if (out.empty()) {
      out += fmt::format("--- {}\n+++ {}\n", sanitize(from_label), sanitize(to_label));
    }
    out += fmt::format("@@ -{} +{} @@\n", range(old_first, old_size), range(new_first, new_size));
    for (std::size_t k = start; k < end; ++k) {
      write_line(out, ops[k].mark, *ops[k].line);
    }
    i = end;
  }
  return out;
}

namespace {

struct DiffOptions {
  std::string id, v1, v2;
};

void run_diff(Context& ctx, const DiffOptions& o) {
  const Record p = policy::get_policy(ctx.store(), o.id);
  const std::string key = display_key(policy::kind(), p);
  const auto versions = policy::versions_of(ctx.store(), p);
  const std::int64_t latest = versions.empty() ? 0 : versions.back().integer(policy_version::version);
  std::optional<std::int64_t> from, to;
  if (o.v1.empty()) {
    // The version in force (or the last published) against the one in progress (or the newest).
    for (const auto& v : versions) {
      if (!v.is_null(policy_version::published)) {
        from = v.integer(policy_version::version);
      }
    }
    to = policy::open_version(p).value_or(latest);
    if (from && *from == *to) {
      from = *to > 1 ? std::optional<std::int64_t>(*to - 1) : std::nullopt;  // what the version in force changed
    }
  } else {
    from = policy_version::parse_number(o.v1, "V1");
    to = o.v2.empty() ? latest : policy_version::parse_number(o.v2, "V2");
  }
  const std::string before = from ? policy::get_version(ctx.store(), p, *from).text(policy_version::body) : "";
  const std::string after = policy::get_version(ctx.store(), p, *to).text(policy_version::body);
  ctx.out << unified_diff(before, after, from ? fmt::format("{} v{}", key, *from) : "/dev/null",
                          fmt::format("{} v{}", key, *to));
}

}  // namespace

void setup_policy_diff(CLI::App* policy, Context& ctx) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* d = add_command(*policy, "diff",
                            "unified diff of two versions' bodies (default: the version in force against the one in "
                            "progress; V1 alone: V1 against the newest)");
  d->add_option("ID", o->id, "POL-n or n")->required();
  d->add_option("V1", o->v1, "the older version: N or vN (default: the one in force)");
  d->add_option("V2", o->v2, "the newer version (default: the one in progress, or the newest)");
  d->callback([&ctx, o] { run_diff(ctx, *o); });
}

}  // namespace cso::cli
