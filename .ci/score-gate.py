#!/usr/bin/env python3
"""Fails when newsarc's corpus scores fall below the lines the issues set.

usage: score-gate.py BIN CORPUS_DIR
Runs ../shared/corpus/score.py --json and compares each field with its floor.
"""
import json
import subprocess
import sys

FLOORS = {
    # issue 2: the parser
    "headline": ("accuracy", 0.98), "section": ("accuracy", 0.98), "agency": ("accuracy", 0.98),
    "dateline": ("accuracy", 0.98), "published": ("accuracy", 0.98), "modified": ("accuracy", 0.98),
    "paragraphs": ("accuracy", 0.98), "byline": ("f1", 0.98), "related": ("f1", 0.98),
    # issue 3: the extractor
    "people": ("f1", 0.95), "countries": ("f1", 0.97), "quotes": ("f1", 0.93), "quote speakers": ("f1", 0.88),
}

def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    out = subprocess.run([sys.executable, f"{corpus}/score.py", "--bin", binary, "--json", corpus],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    failed = []
    for field, (kind, floor) in FLOORS.items():
        got = scores.get(field, {}).get(kind, 0.0)
        mark = "ok " if got >= floor else "LOW"
        print(f"{mark} {field:<16} {kind:<8} {got:.3f} (floor {floor:.2f})")
        if got < floor:
            failed.append(field)
    print(f"{scores['articles']} articles, {scores['failed']} failed")
    if failed or scores["failed"]:
        sys.exit(f"score gate: below the line: {', '.join(failed) or 'failed articles'}")

if __name__ == "__main__":
    main()
