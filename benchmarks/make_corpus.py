"""Generate a benchmark corpus from the seed fixtures: N files × M declarations.

Declarations are copied from fixtures/seed with their names varied (项目名称
gets a serial), so the corpus has the real mix of values and defects.

    python benchmarks/make_corpus.py OUT_DIR --files 500 --per-file 20
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "shanghai-hrss-2023-performance-targets.yaml"
_NAME = re.compile(r"^(项目名称: )(.*)$", re.M)


def seed_documents() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [doc.strip("\n") + "\n" for doc in re.split(r"^---\s*$", text, flags=re.M) if doc.strip()]


def make_corpus(out: Path, files: int, per_file: int) -> int:
    documents = seed_documents()
    out.mkdir(parents=True, exist_ok=True)
    serial = 0
    for file_index in range(files):
        parts = []
        for _ in range(per_file):
            document = documents[serial % len(documents)]
            parts.append(
                _NAME.sub(lambda m, serial=serial: f"{m.group(1)}{m.group(2)}（第{serial}号）", document, count=1)
            )
            serial += 1
        (out / f"batch-{file_index:05d}.yaml").write_text("---\n".join(parts), encoding="utf-8")
    return serial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--per-file", type=int, default=20)
    args = parser.parse_args()
    count = make_corpus(args.out, args.files, args.per_file)
    print(f"{count} declarations in {args.files} files under {args.out}")


if __name__ == "__main__":
    main()
