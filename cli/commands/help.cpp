// `cso help [TOPIC|COMMAND]`.
#include <fmt/ranges.h>

#include <ostream>
#include <vector>

#include "cli/commands.h"
#include "cli/commands/help_topics.h"
#include "cli/completion_tree.h"
#include "core/error.h"

namespace cso::cli {
namespace {

/// The subcommand `words` name ("risk", "list"), or null; an unknown word after a command is a
/// usage Error naming it.
const CLI::App* command_named(CLI::App& app, const std::vector<std::string>& words) {
  CLI::App* at = &app;
  for (std::size_t i = 0; i < words.size(); ++i) {
    CLI::App* next = nullptr;
    for (CLI::App* sub : at->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == words[i]) {
        next = sub;
      }
    }
    if (next == nullptr) {
      if (i == 0) {
        return nullptr;
      }
      throw usage_error("help: {}", unknown_command(*at, {words[i]}));
    }
    at = next;
  }
  return at;
}

}  // namespace

void setup_help(CLI::App& app, Context& ctx) {
  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App* help =
      add_command(app, "help", "help on a topic (dates, formats, exit-codes, config, checks, templates) or a command");
  static const std::vector<std::string_view> k_topics = all_topic_names();
  complete_choices(help->add_option("TOPIC", *words, "a topic, or a command and its subcommands: 'cso help risk list'"),
                   k_topics);
  help->callback([&ctx, words, &app] {
    if (words->empty()) {
      // app.help() would describe the selected subcommand (`help` itself): format the root.
      ctx.out << app.get_formatter()->make_help(&app, "cso", CLI::AppFormatMode::Normal);
      ctx.out << fmt::format("\nTopics: cso help {}\n", fmt::join(all_topic_names(), "|"));
      return;
    }
    const std::string& topic = words->front();
    const bool is_topic = words->size() == 1 && (generated_topic(topic, ctx.config) || help_topic(topic));
    if (!is_topic) {
      if (const CLI::App* command = command_named(app, *words)) {
        ctx.out << command->help(command_path(*command->get_parent()));
        return;
      }
      if (words->size() > 1) {
        throw usage_error("help: '{}' is neither a topic nor a command", fmt::join(*words, " "));
      }
    }
    if (const auto text = generated_topic(topic, ctx.config)) {
      ctx.out << *text;
      return;
    }
    if (const auto text = help_topic(topic)) {
      ctx.out << *text;
      return;
    }
    throw usage_error("help: '{}' is neither a topic nor a command; topics: {}", topic,
                      fmt::join(all_topic_names(), ", "));
  });
}

}  // namespace cso::cli
