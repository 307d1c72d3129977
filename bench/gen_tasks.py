#!/usr/bin/env python3
"""Turns the benchmark's risk CSV into a taskwarrior 2.6 import file (one JSON task per line).

usage: gen_tasks.py RISKS.csv OUT.json

Each risk becomes a pending task: description = title, project = category, so that
`task status:pending project:c3 count` asks the same question as
`cso risk list --status open --category c3`.
"""
import csv
import json
import sys
import uuid


def main() -> None:
    src, out = sys.argv[1], sys.argv[2]
    with open(src, newline="", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for i, row in enumerate(csv.DictReader(f)):
            task = {
                "uuid": str(uuid.UUID(int=i + 1, version=4)),
                "description": row["title"],
                "project": row["category"],
                "status": "pending",
                "entry": "20261101T000000Z",
                "modified": "20261101T000000Z",
            }
            o.write(json.dumps(task) + "\n")


if __name__ == "__main__":
    main()
