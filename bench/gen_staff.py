#!/usr/bin/env python3
"""Writes a deterministic staff CSV for the large-program benchmark (bench/run section 4b).

usage: gen_staff.py ROWS OUT.csv OWNER[,OWNER...]

Columns: handle,name,email,role,team,started. The OWNERS come first (team security, so that the
risk CSV's owners exist), then ROWS people s000001, s000002, … in teams t1, t2, … of 5000 each
(cso-bench-seed gives each of those teams a course).
"""
import sys

TEAM_SIZE = 5000


def main() -> None:
    rows = int(sys.argv[1])
    out = sys.argv[2]
    owners = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else []
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("handle,name,email,role,team,started\n")
        for h in owners:
            f.write(f"{h},{h.title()},{h}@example.com,security-engineer,security,2020-01-06\n")
        for i in range(1, rows + 1):
            team = (i - 1) // TEAM_SIZE + 1
            f.write(f"s{i:06d},Person {i},s{i:06d}@example.com,engineer,t{team},2021-03-01\n")


if __name__ == "__main__":
    main()
