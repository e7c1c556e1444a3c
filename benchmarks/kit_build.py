"""Benchmark: a 100-sheet kit (900 poker cards with QR backs and fitted text). Prints `name: value` lines."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from barst.kit.build import Options, build_kit  # noqa: E402

WORDS = ["samen", "praten", "helpt", "wie", "luistert", "naar", "jou", "vandaag", "thuis", "school", "vriend", "hulp"]


def kit_text(cards: int) -> str:
    lines = ["id: bench", "title: {nl: Bench}", "audience: adults", "languages: [nl]", "decks:",
             "  - id: d", "    title: {nl: Vragen}", "    size: poker", "    icon: card", "    colour: '#009E73'",
             "    back: {qr: ['1712', awel]}", "    cards:"]
    for i in range(cards):
        text = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(8 + i % 30))
        lines.append(f"      - {{id: c{i}, text: {{nl: '{text}'}}}}")
    return "\n".join(lines) + "\n"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        kit = Path(folder) / "bench.yaml"
        kit.write_text(kit_text(900), encoding="utf-8")
        out = Path(folder) / "bench.pdf"
        started = time.perf_counter()
        result = build_kit(kit, Options(output=out))
        seconds = time.perf_counter() - started
        if result.path is None:
            for d in result.report.sorted():
                print(d.format(), file=sys.stderr)
            return 1
        data = out.read_bytes()
        print(f"pages: {result.pages}")
        print(f"seconds: {seconds:.2f}")
        print(f"pages_per_second: {result.pages / seconds:.1f}")
        print(f"file_size_bytes: {len(data)}")
        print(f"distinct_images: {data.count(b'/Subtype /Image')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
