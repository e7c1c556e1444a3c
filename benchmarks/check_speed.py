"""`barst check` speed against parsing the same YAML with PyYAML's C loader, at two sizes.

Prints `name: value` lines. Targets: check at most 1.5x the C-loader parse time, and linear in size
(the 10k/1k time ratio close to 10). Also confirms the text commands import neither pygame nor fpdf2.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from barst.check import check_paths  # noqa: E402

SCENES_PER_FILE = 200
CARDS_PER_FILE = 200


def write_story(folder: Path, scenes: int) -> None:
    (folder / "situations").mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "id: bench\nkind: story\ntitle: {nl: Bench, fr: Bench}\nlanguages: [nl, fr]\naudience: {group: pupils}\n"
        "variables:\n  - {id: trust, min: 0, max: 10, start: 5}\n", encoding="utf-8")
    for part in range(max(1, scenes // SCENES_PER_FILE)):
        lines = [f"id: s{part}", "title: {nl: Titel, fr: Titre}", "summary: {nl: Samenvatting, fr: Résumé}",
                 "scenes:"]
        for i in range(SCENES_PER_FILE - 1):
            lines += [
                f"  - id: n{i}", "    text:", "      nl: Dit is de tekst van een scène met wat woorden erin.",
                "      fr: Voici le texte d'une scène avec quelques mots.", "    choices:",
                f"      - id: a\n        label: {{nl: Ja, fr: Oui}}\n        target: n{i + 1}\n"
                "        effects: [trust += 1]\n        feedback: {nl: Goed zo., fr: Bien.}",
                f"      - id: b\n        label: {{nl: Nee, fr: Non}}\n        target: n{i + 1}\n"
                "        effects: [trust -= 1]\n        condition: trust >= 1\n"
                "        feedback: {nl: Jammer., fr: Dommage.}",
            ]
        lines += [f"  - id: n{SCENES_PER_FILE - 1}", "    text: {nl: Einde, fr: Fin}", "    ending:",
                  "      score: 50", "      verdict: {nl: Klaar, fr: Fini}",
                  "      helps: {nl: Praat erover, fr: Parlez-en}"]
        (folder / "situations" / f"s{part}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_board(folder: Path, cards: int) -> None:
    (folder / "cards").mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "id: benchboard\nkind: board\ntitle: {nl: B, fr: B}\nlanguages: [nl, fr]\naudience: {group: professionals}\n"
        "decks:\n  - {id: tf, type: true_false, title: {nl: WN, fr: VF}}\n"
        "board:\n  square_kinds:\n    - {id: start, label: S, special: start}\n    - {id: tf, label: T, deck: tf}\n"
        "    - {id: door, label: D, special: finish}\n  squares: [start, tf, tf, door]\n", encoding="utf-8")
    for part in range(max(1, cards // CARDS_PER_FILE)):
        lines = ["deck: tf", "cards:"]
        for i in range(CARDS_PER_FILE):
            lines += [f"  - id: c{part}-{i}", "    prompt:", "      nl: Een stelling over signalen van geweld.",
                      "      fr: Une affirmation sur les signaux de violence.", "    answer: true",
                      "    explanation: {nl: Omdat het zo is., fr: Parce que c'est ainsi.}", "    source: 1712.be"]
        (folder / "cards" / f"c{part}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def best_of(runs: int, action: object) -> float:
    """CPU seconds of this process (best of `runs`): the machine is shared, and wall-clock time
    measured the other agents' load more than barst."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def write_loops(folder: Path, scenes: int) -> None:
    """One large situation with loops, `once` detours, flags and three meters: many states per scene."""
    (folder / "situations").mkdir(parents=True)
    (folder / "pack.yaml").write_text(
        "id: loops\nkind: story\ntitle: {nl: Lussen}\nlanguages: [nl]\naudience: {group: pupils}\n"
        "variables:\n  - {id: trust, min: 0, max: 6, start: 3}\n  - {id: safety, min: 0, max: 6, start: 3}\n"
        "  - {id: told, kind: flag, min: 0, max: 1}\n", encoding="utf-8")
    lines = ["id: big", "title: {nl: Groot}", "summary: {nl: Lussen}", "scenes:"]
    for i in range(scenes - 2):
        back = max(0, i - 3)
        told = f"n{i + 1}" if i < scenes - 3 else f"n{scenes - 1}"  # the last scene leads to either ending
        lines += [f"  - id: n{i}", "    text: {nl: Tekst}", "    choices:",
                  f"      - {{id: on, label: {{nl: Verder}}, target: n{i + 1}, effects: [trust += 1], points: 1,"
                  " feedback: {nl: Goed}}",
                  f"      - {{id: back, label: {{nl: Terug}}, target: n{back}, effects: [safety -= 1], once: true,"
                  " feedback: {nl: Terug}}",
                  f"      - {{id: tell, label: {{nl: Vertel}}, target: {told}, effects: [told = true, trust -= 2],"
                  " condition: trust >= 2 and not told, feedback: {nl: Verteld}}"]
    for name, score in ((f"n{scenes - 2}", 80), (f"n{scenes - 1}", 20)):
        lines += [f"  - id: {name}", "    text: {nl: Einde}", "    ending:", f"      score: {score}",
                  "      verdict: {nl: Klaar}", "      helps: {nl: Praat erover}"]
    (folder / "situations" / "big.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def analysis_figures(folder: Path) -> tuple[float, int, bool]:
    """CPU seconds of the exact analysis alone (best of 3), the states it explored, and whether exact."""
    from barst.check.analysis import analyse
    from barst.check.explore import explore
    from barst.engine.story import StoryEngine
    from barst.loader import load_pack

    pack = load_pack(folder).pack
    assert pack is not None
    engine = StoryEngine(pack)
    states = 0
    exact = True

    def run() -> None:
        nonlocal states, exact
        states, exact = 0, True
        for situation in pack.situations:
            found = explore(engine, situation)
            if found is not None:
                states += found.size
                exact = exact and found.complete
                if found.complete:
                    analyse(found)

    return best_of(3, run), states, exact


def measure(scenes: int, cards: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        story, board = Path(tmp) / "story", Path(tmp) / "board"
        write_story(story, scenes)
        write_board(board, cards)
        files = sorted(story.rglob("*.yaml")) + sorted(board.rglob("*.yaml"))

        def parse_only() -> None:
            for f in files:
                yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)

        def check() -> None:
            result = check_paths([story, board])
            assert not result.report.has_errors(), result.report.errors[:3]

        return best_of(3, parse_only), best_of(3, check)


def heavy_imports(args: list[str]) -> list[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "barst", *args], capture_output=True,
                            text=True, cwd=ROOT)
    return sorted({line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines()
                   if line.split("|")[-1].strip().split(".")[0] in ("pygame", "fpdf")})


def main() -> None:
    results = {}
    for scenes, cards in [(1_000, 200), (10_000, 2_000)]:
        parse, check = measure(scenes, cards)
        results[scenes] = check
        print(f"yaml_c_parse_seconds_{scenes // 1000}k: {parse:.3f}")
        print(f"check_seconds_{scenes // 1000}k: {check:.3f}")
        print(f"check_vs_parse_ratio_{scenes // 1000}k: {check / parse:.2f}")
    print(f"check_growth_10k_over_1k: {results[10_000] / results[1_000]:.1f}")
    seconds, states, exact = analysis_figures(ROOT / "scenarios" / "barst")
    print(f"analysis_seconds_shipped_barst: {seconds:.3f}")
    print(f"analysis_states_shipped_barst: {states}{'' if exact else ' (budget reached)'}")
    with tempfile.TemporaryDirectory() as tmp:
        write_story(Path(tmp) / "chain", SCENES_PER_FILE)
        seconds, states, exact = analysis_figures(Path(tmp) / "chain")
        print(f"analysis_seconds_generated_situation_{SCENES_PER_FILE}_scenes: {seconds:.3f}")
        print(f"analysis_states_generated_situation_{SCENES_PER_FILE}_scenes: {states}")
        write_loops(Path(tmp) / "loops", 400)
        seconds, states, exact = analysis_figures(Path(tmp) / "loops")
    print(f"analysis_seconds_largest_generated_400_scenes_with_loops: {seconds:.3f}")
    print(f"analysis_states_largest_generated_400_scenes_with_loops: {states}"
          f"{'' if exact else ' (budget reached: figures are a sound bound)'}")
    for command in (["check", "tests/packs/mini-story"], ["packs"], ["helplines"],
                    ["run", "tests/packs/mini-story", "--auto"]):
        print(f"heavy_imports_{command[0]}: {','.join(heavy_imports(command)) or 'none'}")


if __name__ == "__main__":
    main()
