// `cso risk matrix [--residual]`: the heat map in the terminal, or its cells as data.
#include "core/risk_matrix.h"

#include <ostream>

#include "cli/commands.h"
#include "cli/commands/risk_view.h"
#include "core/risk.h"
#include "core/selectors.h"
#include "core/wording.h"

namespace cso::cli {
namespace {

Style band_style(std::string_view level) {
  if (level == "critical") {
    return Style::magenta;
  }
  if (level == "high") {
    return Style::red;
  }
  return level == "medium" ? Style::yellow : Style::green;
}

void print_grid(Context& ctx, const risk::Matrix& m) {
  const bool color = ctx.output.color;
  ctx.out << (m.residual ? "Residual risk" : "Risk") << " matrix (" << counted(m.total(), "risk") << " not closed)\n\n";
  ctx.out << "likelihood\n";
  for (std::int64_t l = m.size; l >= 1; --l) {
    ctx.out << fmt::format("{:>6}  ", l);
    for (std::int64_t i = 1; i <= m.size; ++i) {
      const auto level = risk::level_of(l * i, ctx.config.risk_bands);
      const std::int64_t n = m.at(l, i);
      const std::string text = fmt::format("{:>5}", n == 0 ? std::string("·") : std::to_string(n));
      ctx.out << ' ' << paint(text, band_style(level), color);
    }
    ctx.out << '\n';
  }
  ctx.out << "        ";
  for (std::int64_t i = 1; i <= m.size; ++i) {
    ctx.out << fmt::format(" {:>5}", i);
  }
  ctx.out << "  impact\n\n";
  for (const auto* level : {"low", "medium", "high", "critical"}) {
    const auto [lo, hi] = risk::score_range(level, ctx.config);
    ctx.out << "  " << paint(padded(level, 8), band_style(level), color) << " score " << lo << "–" << hi << '\n';
  }
}

void print_cells(Context& ctx, const risk::Matrix& m) {
  RowWriter writer(ctx.out, ctx.output, {"likelihood", "impact", "score", "level", "count"});
  for (std::int64_t l = m.size; l >= 1; --l) {
    for (std::int64_t i = 1; i <= m.size; ++i) {
      writer.row({Cell{l}, Cell{i}, Cell{l * i}, Cell{std::string(risk::level_of(l * i, ctx.config.risk_bands))},
                  Cell{m.at(l, i)}});
    }
  }
  writer.finish();
}

}  // namespace

void setup_risk_matrix(CLI::App* risk, Context& ctx) {
  auto residual = std::make_shared<bool>(false);
  CLI::App* m = add_command(*risk, "matrix", "the heat map: risks per likelihood × impact, coloured by band");
  m->add_flag("--residual", *residual, "use the residual ratings");
  m->callback([&ctx, residual] {
    risk::Matrix matrix(ctx.config.risk_matrix, *residual);
    ctx.store().each(risk::kind(), select::risks_not_closed(), [&](const Record& r) { matrix.add(r); });
    if (ctx.output.format == Format::table) {
      print_grid(ctx, matrix);
    } else {
      print_cells(ctx, matrix);
    }
    if (!matrix.outside.empty()) {
      std::vector<std::string> named;
      for (const auto& o : matrix.outside) {
        named.push_back(fmt::format("{} ({}×{})", o.id, o.likelihood, o.impact));
      }
      ctx.warn(
          fmt::format("{} rated outside the {}×{} matrix (risk.matrix = {}), counted but not in a cell: {}; "
                      "re-assess {} on this matrix",
                      counted(static_cast<std::int64_t>(named.size()), "risk is", "risks are"), matrix.size,
                      matrix.size, matrix.size, fmt::join(named, ", "), named.size() == 1 ? "it" : "them"));
    }
  });
}

}  // namespace cso::cli
