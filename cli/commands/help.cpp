// `cso help [TOPIC|COMMAND]`.
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/help_topics.h"
#include "core/error.h"

namespace cso::cli {

void setup_help(CLI::App& app, Context& ctx) {
  auto topic = std::make_shared<std::string>();
  CLI::App* help =
      add_command(app, "help", "help on a topic (dates, formats, exit-codes, config, checks) or a command");
  help->add_option("TOPIC", *topic, "a topic or a command");
  help->callback([&ctx, topic, &app] {
    if (topic->empty()) {
      // app.help() would describe the selected subcommand (`help` itself): format the root.
      ctx.out << app.get_formatter()->make_help(&app, "cso", CLI::AppFormatMode::Normal);
      ctx.out << "\nTopics: cso help dates|formats|exit-codes|config|checks\n";
      return;
    }
    if (*topic == "checks") {
      ctx.out << checks_help(ctx.config);
      return;
    }
    if (const auto text = help_topic(*topic)) {
      ctx.out << *text;
      return;
    }
    for (const auto& c : all_commands()) {
      if (c.name == *topic) {
        ctx.out << app.get_subcommand(std::string(c.name))->help("cso");
        return;
      }
    }
    std::string topics = "checks";
    for (const auto name : help_topic_names()) {
      topics += ", " + std::string(name);
    }
    throw usage_error("help: '{}' is neither a topic nor a command; topics: {}", *topic, topics);
  });
}

}  // namespace cso::cli
