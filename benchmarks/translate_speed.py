"""`barst translate` extract, merge and status on generated story packs of about 10,000 and 40,000 texts,
side by side with reading the same pack (the loader, which every step runs first). Prints `name: value`
lines in CPU seconds of this process (the machine is shared).

Targets: linear growth (each `*_growth_40k_over_10k` close to 4), and extract within a few times the load.
Every text is different (numbered, of varying length), so no step can pass by remembering an earlier text.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import polib  # noqa: E402

from barst.loader import load_pack  # noqa: E402
from barst.translate.catalog import pack_catalog  # noqa: E402
from barst.translate.merge import merge  # noqa: E402
from barst.translate.po import to_po  # noqa: E402
from barst.translate.status import pack_status  # noqa: E402

SCENES_PER_FILE = 200  # 199 scenes of 5 texts, an ending of 3, the title and summary: 1,000 texts a file
WORDS = ["samen", "praten", "helpt", "wie", "luistert", "naar", "jou", "vandaag", "thuis", "school", "vriend",
         "hulp", "vertrouwen", "ruzie", "deur", "avond", "bellen", "zeggen", "stil", "moeder", "broer", "bang"]


def words(seed: int, count: int) -> str:
    return " ".join(WORDS[(seed * 7 + k * 3) % len(WORDS)] for k in range(count))


def write_pack(folder: Path, files: int) -> None:
    (folder / "situations").mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "id: bench\nkind: story\ntitle: {nl: Bench, fr: Bench}\nlanguages: [nl, fr]\naudience: {group: pupils}\n"
        "variables:\n  - {id: trust, min: 0, max: 10, start: 5}\n", encoding="utf-8")
    for part in range(files):
        lines = [f"id: s{part}", f"title: {{nl: Titel {part}, fr: Titre {part}}}",
                 f"summary: {{nl: 'Samenvatting {part}: {words(part, 12)}', fr: Résumé {part}}}", "scenes:"]
        for i in range(SCENES_PER_FILE - 1):
            n = part * SCENES_PER_FILE + i
            lines += [
                f"  - id: n{i}", "    text:", f"      nl: 'Scène {n}: {words(n, 6 + n % 40)}.'",
                f"      fr: 'Scène {n}.'", "    choices:",
                f"      - id: a\n        label: {{nl: 'Ja {n} {words(n + 1, n % 5)}', fr: Oui {n}}}\n"
                f"        target: n{i + 1}\n        effects: [trust += 1]\n"
                f"        feedback: {{nl: 'Goed zo {n}: {words(n + 2, 3 + n % 20)}.', fr: Bien {n}.}}",
                f"      - id: b\n        label: {{nl: 'Nee {n} {words(n + 3, n % 7)}', fr: Non {n}}}\n"
                f"        target: n{i + 1}\n        effects: [trust -= 1]\n        condition: trust >= 1\n"
                f"        feedback: {{nl: 'Jammer {n}: {words(n + 4, 2 + n % 9)}.', fr: Dommage {n}.}}",
            ]
        lines += [f"  - id: n{SCENES_PER_FILE - 1}", f"    text: {{nl: Einde {part}, fr: Fin {part}}}", "    ending:",
                  "      score: 50", f"      verdict: {{nl: Klaar {part}, fr: Fini {part}}}",
                  f"      helps: {{nl: 'Praat erover {part}: {words(part, 10)}', fr: Parlez-en {part}}}"]
        (folder / "situations" / f"s{part}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cpu(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def measure(files: int) -> dict[str, float]:
    """CPU seconds of each step on a fresh pack of `files` thousand texts, in the order a translator runs them."""
    with tempfile.TemporaryDirectory() as tmp:
        folder, po_path = Path(tmp) / "bench", Path(tmp) / "de.po"
        write_pack(folder, files)
        texts = 0

        def extract() -> None:
            nonlocal texts
            catalog = pack_catalog(folder, "de")
            po_path.write_text(to_po(catalog).__unicode__(), encoding="utf-8")
            texts = len(catalog.entries)

        def merge_all() -> None:
            result = merge(po_path, str(folder))
            assert not result.report.errors and result.merged == translated, result.report.errors[:3]

        figures = {"load": cpu(lambda: load_pack(folder)), "extract": cpu(extract)}
        po = polib.pofile(str(po_path))
        for entry in po[::4]:  # a quarter translated: all of them would pass the loader's 4 MiB a file at 40k
            entry.msgstr = f"DE {entry.msgid}"
        po.save(str(po_path))
        translated = len(po[::4])
        figures["merge"] = cpu(merge_all)
        figures["status"] = cpu(lambda: pack_status(folder))
        figures["texts"] = texts
        return figures


def main() -> None:
    small, large = measure(10), measure(40)
    for size, figures in (("10k", small), ("40k", large)):
        print(f"texts_{size}: {figures['texts']:.0f}")
        for step in ("load", "extract", "merge", "status"):
            print(f"{step}_{size}_s: {figures[step]:.2f}")
        print(f"extract_vs_load_{size}: {figures['extract'] / figures['load']:.1f}")
    for step in ("load", "extract", "merge", "status"):
        print(f"{step}_growth_40k_over_10k: {large[step] / small[step]:.2f}")


if __name__ == "__main__":
    main()
