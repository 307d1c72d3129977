// Moving a program between files and machines: `cso export`, `cso import`, `cso backup`.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/atomic_file.h"
#include "cli/commands.h"
#include "cli/export_json.h"
#include "cli/import_json.h"
#include "cli/journal_view.h"
#include "cli/values.h"
#include "core/error.h"
#include "core/wording.h"

namespace cso::cli {
namespace {

void run_export(Context& ctx, const std::string& output) {
  Store& store = ctx.store();
  const int schema = storage::current_schema_version();
  ExportCounts counts;
  if (output.empty()) {
    counts = write_export(store, schema, ctx.out);
    flush_or_throw(ctx.out);
  } else {
    produce_file_atomically(output, "export", [&](const std::string& temporary) {
      const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0) {
        throw runtime_error("export: cannot write {}: {}", output, std::strerror(errno));
      }
      ::fchmod(fd, 0600);  // whatever the umask: an export holds the whole program
      ::close(fd);
      std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
      counts = write_export(store, schema, file);
      file.close();
      if (!file) {
        throw runtime_error("export: cannot write {}: {}", output, std::strerror(errno));
      }
      sync_file(temporary, "export", output);
    });
  }
  ctx.info(fmt::format("exported {} and {}{}", counted(counts.records, "record"),
                       counted(counts.entries, "journal entry", "journal entries"),
                       output.empty() ? "" : " to " + output));
}

void run_import(Context& ctx, const std::string& path, bool force) {
  std::ifstream file;
  if (path != "-") {
    file = open_input(path, "FILE");
  }
  std::istream& in = path == "-" ? std::cin : file;
  const std::string source = path == "-" ? "stdin" : path;

  Store& store = ctx.store();
  const auto bulk = store.bulk_load();
  auto restore = store.restore();
  const ImportSummary summary = read_export(in, source, storage::current_schema_version(), *restore);
  const VerifyReport report = restore->verify();
  std::vector<std::string> problems = report.problems;
  const std::string head = head_text(report.head);
  if (problems.empty() && summary.head && *summary.head != head) {
    problems.push_back(fmt::format("the journal's head is {}, but the export says {}: entries were removed or changed",
                                   head, *summary.head));
  }
  if (!problems.empty() && !force) {
    for (std::size_t i = 1; i < problems.size(); ++i) {
      ctx.err << "cso: error: " << sanitize(problems[i]) << '\n';
    }
    throw integrity_error(
        "import: {}: the journal does not verify: {}; nothing was imported (--force imports it as it is)", source,
        problems.front());
  }
  for (const std::string& p : problems) {
    ctx.warn(fmt::format("import --force: {}: {}", source, p));
  }
  restore->commit();
  ctx.out << head << '\n';
  flush_or_throw(ctx.out);
  ctx.info(fmt::format("imported {} and {} from {}", counted(summary.records, "record"),
                       counted(summary.entries, "journal entry", "journal entries"), source));
}

void run_backup(Context& ctx, const std::string& path, bool force) {
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(path, ec);
  if (std::filesystem::is_directory(status)) {
    throw usage_error("backup: {} is a directory; give the path of the file to write", path);
  }
  if (std::filesystem::exists(status)) {
    if (std::filesystem::equivalent(path, ctx.db_path(), ec)) {
      throw usage_error("backup: {} is the database itself; give another path", path);
    }
    if (!force) {
      throw conflict_error("backup: {} already exists; --force replaces it", path);
    }
  }
  Store& store = ctx.store();
  produce_file_atomically(path, "backup", [&](const std::string& temporary) {
    store.backup_to(temporary);
    // A -wal left beside the file being replaced would be read as the copy's own.
    for (const char* companion : {"-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path + companion, ec);
    }
  });

  const VerifyReport report = storage::open_store(path, storage::OpenFor::verify)->verify();
  if (!report.problems.empty()) {
    for (std::size_t i = 1; i < report.problems.size(); ++i) {
      ctx.err << "cso: error: " << sanitize(report.problems[i]) << '\n';
    }
    throw integrity_error("backup: the copy at {} does not verify: {}", path, report.problems.front());
  }
  const std::string head = head_text(report.head);
  ctx.out << head << '\n';
  flush_or_throw(ctx.out);
  ctx.info(fmt::format("backed up {} to {} and verified the copy ({} and {}); journal head {}", ctx.db_path(), path,
                       counted(report.entries, "journal entry", "journal entries"), counted(report.records, "record"),
                       head));
}

}  // namespace

void setup_export(CLI::App& app, Context& ctx) {
  auto output = std::make_shared<std::string>();
  CLI::App* e = add_command(app, "export", "the whole program as one JSON document (records, counters, journal)");
  e->add_option("--output,-o", *output, "write to FILE (0600, written beside and renamed into place); default stdout");
  e->footer(
      "The document holds every record of every kind, the last ID number given per kind, the schema\n"
      "version and every journal entry with its hash, so that 'cso import' into a new database gives\n"
      "the same records, the same 'cso log' and the same 'cso verify' head. It is written as it is\n"
      "read, from one snapshot, while other processes go on writing.");
  e->callback([&ctx, output] { run_export(ctx, *output); });
}

void setup_import(CLI::App& app, Context& ctx) {
  auto file = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  CLI::App* i = add_command(app, "import", "restore a 'cso export' document into an empty database");
  i->add_option("FILE", *file, "the export ('-' reads stdin)")->required();
  i->add_flag("--force", *force, "import even when the export's journal does not verify");
  i->footer(
      "Into a database just made with 'cso init' (no record, no journal entry): anything else exits 4.\n"
      "The records and the journal are restored as they are, in one transaction: the import is not\n"
      "journalled as new entries, because it restores the journal itself; the head it prints is the\n"
      "exported database's. The restored journal is verified before anything is committed: one that\n"
      "does not verify (an edited export) exits 5 unless --force. A file that is not a cso export\n"
      "(malformed, truncated, another format or version, a wrong field) exits 2 naming the JSON path.\n"
      "In every failure nothing is written.");
  i->callback([&ctx, file, force] { run_import(ctx, *file, *force); });
}

void setup_backup(CLI::App& app, Context& ctx) {
  auto path = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  CLI::App* b = add_command(app, "backup", "a verified copy of the database file, taken while others write");
  b->add_option("PATH", *path, "the file to write")->required();
  b->add_flag("--force", *force, "replace PATH if it exists");
  b->footer(
      "Copies the database through SQLite's online backup API into a temporary file beside PATH,\n"
      "syncs it, renames it into place (mode 0600), then verifies the copy as 'cso verify' does and\n"
      "prints its journal head. An existing PATH exits 4 unless --force; a copy that does not verify\n"
      "exits 5.");
  b->callback([&ctx, path, force] { run_backup(ctx, *path, *force); });
}

}  // namespace cso::cli
