#!/usr/bin/env python3
"""Writes a deterministic risk register CSV for the import benchmark.

usage: gen_csv.py ROWS OUT.csv OWNER[,OWNER...]

Columns: title,likelihood,impact,category,owner,description. Titles are ~40 characters and
varied, descriptions ~60; about a third of the rows have no owner, the rest name one of OWNERS.
"""
import random
import sys

ADJ = ["Unpatched", "Exposed", "Misconfigured", "Legacy", "Shared", "Unmonitored", "Weak",
       "Orphaned", "Public", "Unencrypted", "Stale", "Third-party", "Outdated", "Default"]
NOUN = ["VPN gateway", "S3 bucket", "admin console", "CI runner", "payroll database",
        "SSO provider", "backup server", "build cache", "DNS zone", "mail relay",
        "HR laptop fleet", "customer portal", "API token store", "firewall rule set"]
TAIL = ["in staging", "in production", "at the branch office", "for contractors",
        "after the merger", "in the EU region", "on weekends", "during failover"]
VERB = ["could allow", "may lead to", "risks", "might enable", "would expose"]
HARM = ["credential theft by an outside attacker", "loss of customer records and fines",
        "ransomware spreading across the network", "an outage of the ordering process",
        "silent tampering with financial reports", "leakage of source code to competitors"]


def main() -> None:
    rows = int(sys.argv[1])
    out = sys.argv[2]
    owners = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else []
    rnd = random.Random(20261127)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("title,likelihood,impact,category,owner,description\n")
        w = f.write
        for i in range(1, rows + 1):
            title = f"{rnd.choice(ADJ)} {rnd.choice(NOUN)} {rnd.choice(TAIL)} #{i}"
            owner = "" if not owners or rnd.random() < 0.33 else rnd.choice(owners)
            desc = f"{rnd.choice(NOUN).capitalize()} {rnd.choice(VERB)} {rnd.choice(HARM)}"
            w(f"{title},{rnd.randint(1, 5)},{rnd.randint(1, 5)},c{rnd.randint(0, 9)},{owner},{desc}\n")


if __name__ == "__main__":
    main()
