#!/usr/bin/env python3
"""Turns bench/run's manifest and hyperfine's JSON exports into the results table.

usage: report.py MANIFEST OUT.md

The manifest is tab-separated, one line per row of the table:
  info  KEY  VALUE                                   (the header of results.md)
  time  NAME  HYPERFINE.json  ratio|faster|under  LIMIT  TARGET_TEXT
  rss   NAME  KILOBYTES  LIMIT_MB  TARGET_TEXT
In a hyperfine export, result 0 is cso and result 1 is the peer. `ratio` rows print
cso/peer (lower is better, met when <= LIMIT); `faster` rows print peer/cso, how many times
faster cso is (met when >= LIMIT); `under` rows print cso/peer and are met when cso's
median is at most LIMIT seconds. Times are medians of wall-clock time.
"""
import json
import sys


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms"


def load(path: str):
    with open(path, encoding="utf-8") as f:
        results = json.load(f)["results"]
    return results[0], results[1]


def rows_from(manifest: str):
    info, rows, cpu = [], [], []
    with open(manifest, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            kind = parts[0]
            if kind == "info":
                info.append((parts[1], parts[2]))
            elif kind == "time":
                name, path, mode, limit, target = parts[1:6]
                cso, peer = load(path)
                c, p = cso["median"], peer["median"]
                if mode == "faster":
                    value = p / c
                    ratio = f"{value:.1f}× faster"
                    met = value >= float(limit)
                elif mode == "under":
                    ratio = f"{c / p:.2f}×"
                    met = c <= float(limit)
                else:
                    value = c / p
                    ratio = f"{value:.2f}×"
                    met = value <= float(limit)
                rows.append([name, fmt_time(c), fmt_time(p), ratio, target, "yes" if met else "MISSED"])
                cc = cso["user"] + cso["system"]
                pc = peer["user"] + peer["system"]
                if mode == "faster":
                    cpu_ratio = f"{pc / cc:.1f}× faster" if cc > 0 else "-"
                else:
                    cpu_ratio = f"{cc / pc:.2f}×" if pc > 0 else "-"
                cpu.append([name, fmt_time(cc), fmt_time(pc), cpu_ratio,
                            str(len(cso["times"])), peer["command"]])
            elif kind == "rss":
                name, kb, limit_mb, target = parts[1:5]
                mb = int(kb) / 1024
                rows.append([name, f"{mb:.1f} MB", "", "", target,
                             "yes" if mb < float(limit_mb) else "MISSED"])
    return info, rows, cpu


def table(header, rows) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return out


def aligned(header, rows) -> list[str]:
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
    return [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def main() -> None:
    info, rows, cpu = rows_from(sys.argv[1])
    header = ["benchmark", "cso", "peer", "ratio", "target", "met"]
    print("\n".join(aligned(header, rows)))
    missed = [r[0] for r in rows if r[5] == "MISSED"]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} targets met" +
          (": missed " + "; ".join(missed) if missed else ""))

    md = ["# cso benchmarks", ""]
    md += [f"- {k}: {v}" for k, v in info]
    md += ["", "Wall-clock medians, cso and its peer measured side by side in one run. `ratio` is",
           "cso / peer (lower is better), except against taskwarrior, where it is how many times",
           "faster cso is.", ""]
    md += table(header, rows)
    md += ["", "## CPU time (user + system, mean per run)", "",
           "Wall time of writing commands includes waiting for fsync; CPU time does not.", ""]
    md += table(["benchmark", "cso", "peer", "ratio", "runs", "peer command"],
                [r[:5] + [f"`{r[5]}`"] for r in cpu])
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
