#include "cli/import_json.h"

#include <istream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "cli/export_json.h"
#include "core/error.h"
#include "core/kinds.h"

namespace cso::cli {
namespace {

using nlohmann::json;

/// Where in the document the parser is: the containers it is inside, outermost first.
enum class Where { top, counters, records, kind_array, record, journal, entry };

struct Frame {
  explicit Frame(Where w, bool is_array = false) : where(w), array(is_array) {}
  Where where;
  bool array = false;
  std::string key;          ///< an object's key being read
  std::int64_t index = -1;  ///< an array's element being read
};

constexpr std::string_view k_entry_fields[] = {"seq", "at", "actor", "action", "record", "data", "note", "hash"};

const KindDef* kind_named(std::string_view name) {
  for (const KindDef* kind : all_kinds()) {
    if (kind->name == name) {
      return kind;
    }
  }
  return nullptr;
}

/// A JSON scalar as the handler receives it.
struct Scalar {
  enum class Type { null, boolean, integer, floating, string };
  explicit Scalar(Type t) : type(t) {}
  Type type;
  std::int64_t integer = 0;
  std::string text;
  bool out_of_range = false;
};

class Reader final : public nlohmann::json_sax<json> {
 public:
  Reader(std::string source, int schema_version, Restore& sink)
      : m_source(std::move(source)), m_schema_version(schema_version), m_sink(sink) {}

  const ImportSummary& summary() const { return m_summary; }

  bool null() override { return scalar(Scalar{Scalar::Type::null}); }
  bool boolean(bool /*val*/) override { return scalar(Scalar{Scalar::Type::boolean}); }
  bool number_integer(number_integer_t val) override {
    Scalar s{Scalar::Type::integer};
    s.integer = val;
    return scalar(std::move(s));
  }
  bool number_unsigned(number_unsigned_t val) override {
    Scalar s{Scalar::Type::integer};
    s.out_of_range = val > static_cast<number_unsigned_t>(std::numeric_limits<std::int64_t>::max());
    s.integer = s.out_of_range ? 0 : static_cast<std::int64_t>(val);
    return scalar(std::move(s));
  }
  bool number_float(number_float_t /*val*/, const string_t& /*s*/) override {
    return scalar(Scalar{Scalar::Type::floating});
  }
  bool string(string_t& val) override {
    Scalar s{Scalar::Type::string};
    s.text = std::move(val);
    return scalar(std::move(s));
  }
  bool binary(binary_t& /*val*/) override { fail(value_path(), "binary values are not JSON"); }

  bool start_object(std::size_t /*elements*/) override {
    next_element();
    if (m_frames.empty()) {
      m_frames.push_back(Frame{Where::top});
      return true;
    }
    const Frame& f = m_frames.back();
    switch (f.where) {
      case Where::top:
        if (f.key == "counters") {
          return open(Where::counters, false);
        }
        if (f.key == "records") {
          return open(Where::records, false);
        }
        break;
      case Where::kind_array:
        m_record = empty_record(*m_kind);
        m_seen.assign(m_kind->fields.size(), false);
        return open(Where::record, false);
      case Where::journal:
        m_entry = JournalEntry{};
        m_entry_seen.assign(std::size(k_entry_fields), false);
        return open(Where::entry, false);
      default:
        break;
    }
    fail(value_path(), expected());
  }

  bool key(string_t& val) override {
    Frame& f = m_frames.back();
    f.key = std::move(val);
    switch (f.where) {
      case Where::top:
        top_key(f.key);
        break;
      case Where::counters: {
        const KindDef* kind = kind_named(f.key);
        if (kind == nullptr || kind->prefix.empty()) {
          fail(value_path(), fmt::format("'{}' is not a kind of record with numbered IDs", f.key));
        }
        break;
      }
      case Where::records:
        m_kind = kind_named(f.key);
        if (m_kind == nullptr) {
          fail(value_path(), fmt::format("unknown kind of record '{}'", f.key));
        }
        if (!m_kinds_seen.insert(m_kind).second) {
          fail(value_path(), "this kind appears twice");
        }
        break;
      case Where::record: {
        const auto i = m_kind->index_of(f.key);
        if (!i || m_kind->fields[*i].has(k_derived)) {
          fail(value_path(), fmt::format("unknown field '{}' of a {}", f.key, m_kind->name));
        }
        if (m_seen[*i]) {
          fail(value_path(), "this field appears twice");
        }
        m_seen[*i] = true;
        m_field = *i;
        break;
      }
      case Where::entry: {
        std::size_t i = 0;
        while (i < std::size(k_entry_fields) && k_entry_fields[i] != f.key) {
          ++i;
        }
        if (i == std::size(k_entry_fields)) {
          fail(value_path(), fmt::format("unknown field '{}' of a journal entry", f.key));
        }
        if (m_entry_seen[i]) {
          fail(value_path(), "this field appears twice");
        }
        m_entry_seen[i] = true;
        m_field = i;
        break;
      }
      default:
        break;
    }
    return true;
  }

  bool end_object() override {
    const Where where = m_frames.back().where;
    if (where == Where::record) {
      end_record();
    } else if (where == Where::entry) {
      end_entry();
    } else if (where == Where::top) {
      for (const std::string_view k : {"version", "schema_version", "counters", "records", "journal"}) {
        if (m_top_seen.count(std::string(k)) == 0) {
          fail(container_path(), fmt::format("missing \"{}\"", k));
        }
      }
    }
    m_frames.pop_back();
    return true;
  }

  bool start_array(std::size_t /*elements*/) override {
    next_element();
    if (m_frames.empty()) {
      fail("$", "not a cso export: expected an object");
    }
    {
      const Frame& f = m_frames.back();
      if (f.where == Where::records) {
        return open(Where::kind_array, true);
      }
      if (f.where == Where::top && f.key == "journal") {
        return open(Where::journal, true);
      }
    }
    fail(value_path(), expected());
  }

  bool end_array() override {
    m_frames.pop_back();
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    if (const auto end = what.find("] "); what.rfind("[json.exception", 0) == 0 && end != std::string::npos) {
      what.erase(0, end + 2);
    }
    fail(m_frames.empty() ? "$" : value_path(), "malformed JSON: " + what);
  }

 private:
  bool open(Where where, bool array) {
    m_frames.push_back(Frame{where, array});
    return true;
  }

  /// Counts the element about to be read when the parser is inside an array.
  void next_element() {
    if (!m_frames.empty() && m_frames.back().array) {
      ++m_frames.back().index;
    }
  }

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw usage_error("import: {}: {}: {}", m_source, path, message);
  }

  std::string path(bool with_last) const {
    std::string out = "$";
    for (std::size_t i = 0; i < m_frames.size(); ++i) {
      if (i + 1 == m_frames.size() && !with_last) {
        break;
      }
      const Frame& f = m_frames[i];
      if (f.array && f.index >= 0) {
        out += "[" + std::to_string(f.index) + "]";
      } else if (!f.array && !f.key.empty()) {
        out += "." + f.key;
      }
    }
    return out;
  }
  /// The path of the value being read.
  std::string value_path() const { return path(true); }
  /// The path of the innermost container.
  std::string container_path() const { return path(false); }

  /// What the value being read should have been.
  std::string expected() const {
    const Frame& f = m_frames.back();
    switch (f.where) {
      case Where::top:
        if (f.key == "format" || f.key == "head") {
          return "expected a string";
        }
        if (f.key == "counters" || f.key == "records") {
          return "expected an object";
        }
        if (f.key == "journal") {
          return "expected an array";
        }
        return "expected an integer";
      case Where::counters:
        return "expected an integer";
      case Where::records:
        return "expected an array of records";
      case Where::kind_array:
        return fmt::format("expected a {} record (an object)", m_kind->name);
      case Where::journal:
        return "expected a journal entry (an object)";
      case Where::record:
        return field_expectation(m_kind->fields[m_field]);
      case Where::entry:
        return m_field == 0 ? "expected an integer" : "expected a string";
    }
    return "unexpected value";
  }

  std::string field_expectation(const FieldDef& f) const {
    if (f.type == FieldType::id) {
      return fmt::format("expected an ID like \"{}-1\"", m_kind->prefix);
    }
    if (f.type == FieldType::integer) {
      return "expected an integer";
    }
    return "expected a string";
  }

  void top_key(const std::string& key) {
    if (m_top_seen.empty() && key != "format") {
      fail("$", fmt::format("not a cso export: it does not begin with \"format\": \"{}\"", k_export_format));
    }
    static const std::set<std::string, std::less<>> k_known{
        "format", "version", "schema_version", "counters", "records", "journal", "head"};
    if (k_known.count(key) == 0) {
      fail(value_path(), fmt::format("unknown key '{}' of a cso export", key));
    }
    if (!m_top_seen.insert(key).second) {
      fail(value_path(), "this key appears twice");
    }
  }

  bool scalar(Scalar s) {
    next_element();
    if (m_frames.empty()) {
      fail("$", "not a cso export: expected an object");
    }
    const Frame& f = m_frames.back();
    switch (f.where) {
      case Where::top:
        top_value(f.key, s);
        return true;
      case Where::counters:
        if (s.type != Scalar::Type::integer || s.out_of_range || s.integer < 0) {
          fail(value_path(), "expected a non-negative integer");
        }
        m_sink.last_number(*kind_named(f.key), s.integer);
        return true;
      case Where::record:
        record_value(s);
        return true;
      case Where::entry:
        entry_value(s);
        return true;
      default:
        fail(value_path(), expected());
    }
  }

  void top_value(const std::string& key, const Scalar& s) {
    if (key == "format") {
      if (s.type != Scalar::Type::string) {
        fail(value_path(), "expected a string");
      }
      if (s.text != k_export_format) {
        fail(value_path(), fmt::format("\"{}\" is not a cso export (expected \"{}\")", s.text, k_export_format));
      }
    } else if (key == "version") {
      if (s.type != Scalar::Type::integer) {
        fail(value_path(), "expected an integer");
      }
      if (s.out_of_range || s.integer != k_export_version) {
        fail(value_path(),
             fmt::format("version {} of {} is not known to this cso (it reads version {})",
                         s.out_of_range ? "?" : std::to_string(s.integer), k_export_format, k_export_version));
      }
    } else if (key == "schema_version") {
      if (s.type != Scalar::Type::integer) {
        fail(value_path(), "expected an integer");
      }
      if (s.out_of_range || s.integer != m_schema_version) {
        fail(value_path(),
             fmt::format("the export is of database schema {}; this cso has schema {} (import it with the cso "
                         "that exported it, or a cso of the same schema)",
                         s.integer, m_schema_version));
      }
    } else if (key == "head") {
      if (s.type == Scalar::Type::null) {
        return;
      }
      if (s.type != Scalar::Type::string || !hash_from_hex(s.text)) {
        fail(value_path(), "expected 64 hex digits or null");
      }
      m_summary.head = s.text;
    } else {
      fail(value_path(), expected());
    }
  }

  void record_value(const Scalar& s) {
    const FieldDef& f = m_kind->fields[m_field];
    if (s.type == Scalar::Type::null) {
      if (f.has(k_key)) {
        fail(value_path(), field_expectation(f));
      }
      m_record.set_null(m_field);
      return;
    }
    if (f.type == FieldType::id) {
      if (s.type != Scalar::Type::string) {
        fail(value_path(), field_expectation(f));
      }
      std::int64_t n = 0;
      try {
        n = parse_id(*m_kind, s.text, "ID");
      } catch (const Error&) {
        fail(value_path(), field_expectation(f));
      }
      if (s.text != display_id(*m_kind, n)) {
        fail(value_path(), field_expectation(f));
      }
      m_record.set(m_field, n);
    } else if (f.type == FieldType::integer) {
      if (s.type != Scalar::Type::integer || s.out_of_range) {
        fail(value_path(), "expected an integer");
      }
      m_record.set(m_field, s.integer);
    } else {
      if (s.type != Scalar::Type::string) {
        fail(value_path(), "expected a string");
      }
      m_record.set(m_field, s.text);
    }
  }

  void entry_value(const Scalar& s) {
    const std::string_view name = k_entry_fields[m_field];
    if (name == "seq") {
      if (s.type != Scalar::Type::integer || s.out_of_range || s.integer < 1) {
        fail(value_path(), "expected a positive integer");
      }
      m_entry.seq = s.integer;
      return;
    }
    const bool nullable = name == "data" || name == "note";
    if (s.type == Scalar::Type::null && nullable) {
      (name == "data" ? m_entry.data : m_entry.note).reset();
      return;
    }
    if (s.type != Scalar::Type::string) {
      fail(value_path(), nullable ? "expected a string or null" : "expected a string");
    }
    if (name == "hash") {
      const auto h = hash_from_hex(s.text);
      if (!h) {
        fail(value_path(), "expected 64 hex digits");
      }
      m_entry.hash = *h;
    } else if (name == "at") {
      m_entry.at = s.text;
    } else if (name == "actor") {
      m_entry.actor = s.text;
    } else if (name == "action") {
      m_entry.action = s.text;
    } else if (name == "record") {
      m_entry.record = s.text;
    } else if (name == "data") {
      m_entry.data = s.text;
    } else {
      m_entry.note = s.text;
    }
  }

  void end_record() {
    for (std::size_t i = 0; i < m_kind->fields.size(); ++i) {
      if (!m_seen[i] && !m_kind->fields[i].has(k_derived)) {
        fail(container_path(), fmt::format("missing field '{}'", m_kind->fields[i].name));
      }
    }
    handed_over([&] { m_sink.record(*m_kind, m_record); });
    ++m_summary.records;
  }

  void end_entry() {
    for (std::size_t i = 0; i < m_entry_seen.size(); ++i) {
      if (!m_entry_seen[i]) {
        fail(container_path(), fmt::format("missing field '{}'", k_entry_fields[i]));
      }
    }
    handed_over([&] { m_sink.entry(m_entry); });
    ++m_summary.entries;
  }

  /// A record the store refuses (a duplicate key, a required field null) is bad input at its path.
  template <typename F>
  void handed_over(F&& f) {
    try {
      f();
    } catch (const Error& e) {
      if (e.code() != ExitCode::usage && e.code() != ExitCode::conflict) {
        throw;
      }
      fail(container_path(), e.what());
    }
  }

  std::string m_source;
  int m_schema_version;
  Restore& m_sink;
  ImportSummary m_summary;
  std::vector<Frame> m_frames;
  std::set<std::string, std::less<>> m_top_seen;
  std::set<const KindDef*> m_kinds_seen;
  const KindDef* m_kind = nullptr;
  Record m_record;
  std::vector<bool> m_seen;
  JournalEntry m_entry;
  std::vector<bool> m_entry_seen;
  std::size_t m_field = 0;
};

}  // namespace

ImportSummary read_export(std::istream& in, const std::string& source, int schema_version, Restore& sink) {
  Reader reader(source, schema_version, sink);
  json::sax_parse(in, &reader);
  return reader.summary();
}

}  // namespace cso::cli
