#!/usr/bin/env python3
"""Drop from the event lexicon (python/rasid/data/gazetteer/events.csv) the rows the loader
makes by rule: the ه-for-final-ة spellings of another row of the same entry
(rasid.events.lexicon.teh_variants), and rows that differ from another row of the same entry
only by harakat, shadda or tatweel (the gazetteer folds those away). Run it after adding rows.

    python3 tools/lexicon_dedupe.py [--check]

--check: change nothing, exit 1 when a row would be dropped (the test suite runs this).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))

from rasid.events.lexicon import LEXICON_KINDS, teh_variants  # noqa: E402
from rasid.text import normalize  # noqa: E402

LEXICON = ROOT / "python" / "rasid" / "data" / "gazetteer" / "events.csv"


def redundant_rows(rows: list[dict[str, str]]) -> list[int]:
    """Indexes of the rows the loader would make anyway, or that fold into another row."""

    def entry(r: dict[str, str]) -> tuple:
        return tuple((k, v) for k, v in r.items() if k != "name")

    names: dict[tuple, set[str]] = {}
    folded: dict[tuple, dict[str, str]] = {}
    for r in rows:
        if r["kind"] not in LEXICON_KINDS:
            continue
        names.setdefault(entry(r), set()).add(r["name"])
        # per entry, the row a folded name keeps: the one written without marks
        f = normalize(r["name"])
        keep = folded.setdefault(entry(r), {})
        if f not in keep or r["name"] == f:
            keep[f] = r["name"]
    out = []
    for i, r in enumerate(rows):
        if r["kind"] not in LEXICON_KINDS:
            continue
        key, name = entry(r), r["name"]
        made = any(name in teh_variants(other) for other in names[key] if other != name)
        if made or folded[key][normalize(name)] != name:
            out.append(i)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="report only; exit 1 if any")
    args = ap.parse_args()
    text = LEXICON.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    drop = redundant_rows(rows)
    if args.check:
        for i in drop:
            print(f"{LEXICON.name}:{i + 2}: {rows[i]['name']} is made by rule", file=sys.stderr)
        return 1 if drop else 0
    lines = text.split("\n")
    dropped = {i + 1 for i in drop}  # line index: row i is line i + 1 (header first)
    LEXICON.write_text("\n".join(x for j, x in enumerate(lines) if j not in dropped), "utf-8")
    print(f"dropped {len(drop)} of {len(rows)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
