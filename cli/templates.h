#pragma once
// Report templates (SPEC §5 report): Mustache files NAME.FORMAT.mustache, looked up in
// .cso/templates/, then $XDG_CONFIG_HOME/cso/templates/, then the built-in set compiled from
// templates/. Partials resolve the same way. Rendering escapes every interpolated value for
// the format it lands in; a template that does not parse is a usage Error naming file and line.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/report_data.h"

namespace cso::cli {

/// The formats templates are written in ("json" and "pdf" are not: json prints the data, pdf
/// prints the html).
bool is_template_format(std::string_view format);

struct TemplateFile {
  std::string name;    ///< "risk-register.md"
  std::string origin;  ///< "built-in", or the file's path
  std::string text;
};

class Templates {
 public:
  /// `dirs`: the user's template folders, the first found first (missing ones are skipped).
  explicit Templates(std::vector<std::string> dirs);

  /// NAME.FORMAT from the first place that has it; nullopt when none does.
  std::optional<TemplateFile> find(std::string_view name, std::string_view format) const;

 private:
  std::vector<std::string> m_dirs;
};

/// What a template's text holds that Mustache cannot parse: "line 3: section 'risks' is not
/// closed"; nullopt when it parses. `partials` receives the names of the partials it includes.
std::optional<std::string> template_problem(std::string_view text, std::vector<std::string>* partials = nullptr);

/// Renders `text` with `data`, escaping values for `format` (md, html, txt or csv); partials
/// come from `partials` by name (the part before ".FORMAT").
std::string render(const std::string& text, const Data& data, std::string_view format,
                   const std::map<std::string, std::string>& partials);

/// Renders the template NAME.FORMAT found in `templates`, with the partials it includes (each
/// checked, as the template is: a usage Error naming the file and line when one does not parse).
std::string render_template(const Templates& templates, const TemplateFile& file, const Data& data,
                            std::string_view format);

/// The value escaped for `format`: HTML entities; Markdown's table and block characters; CSV's
/// quoting and formula guard; control characters neutralised in all but csv.
std::string escape_for(std::string_view format, std::string_view value);

}  // namespace cso::cli
