"""The session report: periods, the record folder (append-only, foreign files skipped), CSV for Excel with
Belgian settings, JSON merge, the PDF's text, the CLI, and the "<5" rule in every export."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from barst.cli import main
from barst.report import record as R
from barst.report.export import to_csv, to_json
from barst.report.pdf import write_pdf
from barst.report.summary import period, period_of, span, summarise
from barst.report.words import word


def make(day: date, participants: int | None = 24, audience: str | None = "pupils", endings: int = 20,
         exits: int = 0, mode: str = "class-solo", themes: tuple[str, ...] = ("child-abuse",),
         feedback: dict[str, tuple[int, float]] | None = None) -> R.SessionRecord:
    return R.SessionRecord(R.new_id(datetime(day.year, day.month, day.day, 10)), day, 50, "barst", "nl", "flanders",
                           mode, {"fight-at-home": 20}, list(themes), endings, endings * 4, exits, [],
                           feedback or {}, R.Trainer(participants, audience, "secondary-2" if audience == "pupils"
                                                     else None, None, None, "NIS-44021"))


# --- periods ---


def test_periods_are_named_after_the_year_they_end_in() -> None:
    t1, t2, t3 = (period(f"2026-T{n}") for n in (1, 2, 3))
    assert (t1.start, t1.end) == (date(2025, 10, 25), date(2026, 2, 24))
    assert (t2.start, t2.end) == (date(2026, 2, 25), date(2026, 6, 24))
    assert (t3.start, t3.end) == (date(2026, 6, 25), date(2026, 10, 24))
    assert period_of(date(2026, 2, 25)).name == "2026-T2"  # a boundary day starts the next period
    assert period_of(date(2025, 10, 25)).name == "2026-T1" and period_of(date(2025, 10, 24)).name == "2025-T3"
    assert period_of(date(2025, 12, 31)).name == "2026-T1"
    with pytest.raises(ValueError, match="2026-T1"):
        period("2026-T4")


# --- the folder of records ---


def test_records_round_trip_and_a_new_one_never_replaces_another(data: Path) -> None:
    first = make(date(2025, 11, 3))
    path = R.write(first)
    again = R.write(first)  # the same id: a new file, the first kept
    assert path != again and path.is_file() and again.is_file()
    assert [r.trainer for r in R.load_all().records] == [first.trainer, first.trainer]


def test_a_corrupt_or_foreign_file_is_skipped_by_name_and_kept(data: Path) -> None:
    R.write(make(date(2025, 11, 3)))
    folder = R.sessions_dir()
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "other.json").write_text('{"format": "something-else"}', encoding="utf-8")
    tampered = make(date(2025, 11, 4)).to_json()
    tampered["trainer"]["project"] = "Jan Peeters, 3A"  # free text is never a project code
    (folder / "tampered.json").write_text(json.dumps(tampered), encoding="utf-8")
    loaded = R.load_all()
    assert len(loaded.records) == 1
    assert len(loaded.skipped) == 3 and all(str(folder) in s for s in loaded.skipped)
    assert any("broken.json" in s and "JSON" in s for s in loaded.skipped)
    assert any("tampered.json" in s and "project" in s for s in loaded.skipped)
    assert (folder / "broken.json").exists() and (folder / "other.json").exists()


def test_a_record_with_free_text_is_refused_before_it_is_written(data: Path) -> None:
    bad = make(date(2025, 11, 3))
    bad = R.SessionRecord(**{**{f: getattr(bad, f) for f in R.SessionRecord.__dataclass_fields__},
                             "themes": ["Sarah told us about her father"]})
    with pytest.raises(R.RecordError):
        R.write(bad)
    assert not R.sessions_dir().exists() or not list(R.sessions_dir().iterdir())


# --- exports ---


def test_the_csv_opens_with_semicolons_after_the_bom_and_belgian_dates() -> None:
    records = [make(date(2025, 11, 3)), make(date(2026, 1, 12), participants=31, audience="professionals")]
    text = to_csv(summarise(records, period("2026-T1")), "nl")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:3] == ["id", "date", "minutes"] and "Deelnemers" in header
    assert [r[1] for r in rows[1:3]] == ["03/11/2025", "12/01/2026"]
    totals = {r[0]: r[1] for r in rows if len(r) >= 2}
    assert totals["Sessies"] == "2" and totals["Deelnemers"] == "55"
    assert totals["Totalen"].startswith("2026-T1")


def test_with_no_session_every_format_still_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.csv"
    assert main(["report", "--period", "2026-T1", "-o", str(out)]) == 0
    assert "No session recorded in 2026-T1" in capsys.readouterr().err
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "id" and rows[1] == []
    assert main(["report", "--period", "2026-T1", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == []
    pdf = tmp_path / "r.pdf"
    assert main(["report", "--period", "2026-T1", "--format", "pdf", "--lang", "en", "-o", str(pdf)]) == 0
    text = PdfReader(pdf).pages[0].extract_text()
    assert "No sessions in this period." in text and "2026-T1" in text


def test_the_pdf_holds_the_totals_and_the_period(tmp_path: Path) -> None:
    records = [make(date(2025, 11, 3), feedback={"liked": (22, 4.25)}),
               make(date(2025, 12, 8), participants=19, endings=12, exits=2, themes=("sexting", "harassment"))]
    path = tmp_path / "r.pdf"
    write_pdf(summarise(records, period("2026-T1")), "nl", path, date(2026, 2, 26))
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "2026-T1 (25/10/2025 – 24/02/2026)" in text
    assert "Sessierapport" in text and "43" in text and "32" in text  # participants 24+19, endings 20+12
    assert "leerlingen" in text and "sexting" in text and "4,3" in text
    assert re.search(r"Nooduitgang gebruikt", text) and "<5" in text  # two exits are not shown as 2


def test_themes_are_named_in_the_trainers_language_in_csv_and_pdf_and_kept_as_ids_in_json(tmp_path: Path) -> None:
    records = [make(date(2025, 11, 3), themes=("partner-violence", "elder-abuse")),
               make(date(2025, 12, 8), themes=("partner-violence", "a-theme-of-our-own"))]
    summary = summarise(records, period("2026-T1"))
    for lang, label in (("nl", "partnergeweld"), ("fr", "violence entre partenaires"), ("en", "partner violence")):
        rows = list(csv.reader(io.StringIO(to_csv(summary, lang).removeprefix("\ufeff")), delimiter=";"))
        themes_column = rows[0].index("themes")
        assert label in rows[1][themes_column] and "partner-violence" not in rows[1][themes_column]
        assert [label, "<5"] in rows  # the breakdown: two sessions covered it (a small count)
        assert ["a-theme-of-our-own", "<5"] in rows  # a theme the vocabulary lacks keeps its id
        path = tmp_path / f"r-{lang}.pdf"
        write_pdf(summary, lang, path, date(2026, 2, 26))
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
        assert label in text and "partner-violence" not in text
    data = json.loads(to_json(summary, "fr"))
    assert set(data["breakdowns"]["Types of violence covered (sessions)"]) == {
        "partner-violence", "elder-abuse", "a-theme-of-our-own"}
    assert data["sessions"][0]["themes"] == ["partner-violence", "elder-abuse"]


def test_every_theme_a_shipped_pack_uses_has_a_label_in_every_report_language() -> None:
    from support import ROOT

    from barst.loader import load_pack
    from barst.report.words import LANGUAGES, _themes

    labels = _themes()
    missing = set()
    for folder in ("barst", "achter-de-voordeur"):
        pack = load_pack(ROOT / "scenarios" / folder).pack
        used = {*pack.themes, *(t for s in pack.situations for t in s.themes),
                *(t for c in pack.cards for t in c.themes)}
        missing |= {(t, lang) for t in used for lang in LANGUAGES if not labels.get(t, {}).get(lang)}
    assert missing == set()


def test_the_trainers_setting_and_how_it_went_reach_the_csv_and_the_pdf(tmp_path: Path) -> None:
    records = [R.SessionRecord(R.new_id(datetime(2025, 11, d, 9)), date(2025, 11, d), 50, "barst", "nl", "flanders",
                               "story", {"fight-at-home": 1}, [], 1, 3, 0, [], {},
                               R.Trainer(20, "pupils", setting="classroom", went=went))
               for d, went in ((3, 4), (4, 5), (5, None))]
    summary = summarise(records, period("2026-T1"))
    rows = list(csv.reader(io.StringIO(to_csv(summary, "fr").removeprefix("\ufeff")), delimiter=";"))
    header = rows[0]
    assert header[-2:] == ["setting", "went"] and rows[1][-2:] == ["classroom", "4"] and rows[3][-1] == ""
    assert ["classe", "3"] not in rows and ["classe", "<5"] in rows  # three sessions in a class: a small count
    assert [word("went", "fr"), "4,5"] in rows
    path = tmp_path / "r.pdf"
    write_pdf(summary, "fr", path, date(2026, 2, 26))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "Séances par lieu" in text and "4,5 (2 séances)" in text


def test_merge_adds_up_laptops_and_counts_a_session_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    shared = make(date(2025, 11, 3))
    a.write_text(to_json(summarise([shared, make(date(2025, 11, 5))], span(None, None)), "nl"), encoding="utf-8")
    b.write_text(to_json(summarise([shared, make(date(2026, 1, 7))], span(None, None)), "nl"), encoding="utf-8")
    assert main(["report", "--merge", str(a), str(b), "--period", "2026-T1", "--format", "json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert len(merged["sessions"]) == 3 and merged["totals"]["Participants"] == "72"
    (tmp_path / "c.json").write_text("[]", encoding="utf-8")
    assert main(["report", "--merge", str(tmp_path / "c.json")]) == 1
    assert "c.json is not a report" in capsys.readouterr().err


def test_list_edit_and_delete(capsys: pytest.CaptureFixture[str]) -> None:
    record = make(date(2025, 11, 3), participants=None, audience=None)
    R.write(record)
    assert main(["report", "--list"]) == 0
    assert record.id in capsys.readouterr().out
    assert main(["report", "--edit", record.id, "--participants", "23", "--audience", "professionals",
                 "--sector", "police"]) == 0
    [edited] = R.load_all().records
    assert edited.trainer.participants == 23 and edited.trainer.sector == "police"
    assert edited.endings == record.endings  # only the trainer's entries change
    assert main(["report", "--edit", record.id, "--setting", "youth-work", "--went", "3"]) == 0
    [edited] = R.load_all().records
    assert (edited.trainer.setting, edited.trainer.went, edited.trainer.sector) == ("youth-work", 3, "police")
    assert main(["report", "--edit", record.id, "--project", "Jan en Piet"]) == 1
    assert main(["report", "--delete", record.id]) == 0 and R.load_all().records == []
    assert main(["report", "--delete", record.id]) == 1
    assert "no session" in capsys.readouterr().err
    assert main(["report", "--period", "2026-T9"]) == 1


# --- the "<5" rule ---

counts = st.integers(0, 60)
sessions = st.lists(st.builds(
    make, st.dates(date(2025, 10, 25), date(2026, 2, 24)), counts, st.sampled_from(R.AUDIENCES), counts, counts,
    st.sampled_from(R.MODES), st.lists(st.sampled_from(("child-abuse", "sexting", "neglect")), max_size=3).map(tuple),
    st.dictionaries(st.sampled_from(("liked", "safe")), st.tuples(st.integers(1, 30), st.floats(1, 5)))),
    min_size=5, max_size=9)
SMALL = {"1", "2", "3", "4"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions)
def test_no_count_from_one_to_four_is_shown_in_csv_or_json(records: list[R.SessionRecord]) -> None:
    summary = summarise(records, period("2026-T1"))
    rows = list(csv.reader(io.StringIO(to_csv(summary, "en").removeprefix("\ufeff")), delimiter=";"))
    header = rows[0]
    counted = [header.index(c) for c in ("Endings reached", "Choices made", "Emergency exit used", "Participants")]
    for row, record in zip(rows[1:1 + len(records)], summary.records, strict=True):
        assert not SMALL & {row[i] for i in counted}
        assert not SMALL & {part.split()[-1] for part in row[header.index("played")].split(", ")}
        shown = dict(part.split() for part in row[header.index("feedback")].split(", ") if part)
        for question, (answers, _) in record.feedback.items():
            assert (shown[question] == "<5") == (answers < 5)
    for row in rows[1 + len(records):]:
        if len(row) >= 2 and row[0] not in ("Sessions", "Sessions not counted", "Hours"):
            assert row[1] not in SMALL, row
        if len(row) == 3:  # feedback: the number of answers
            assert row[2].split()[0] not in SMALL
    payload = json.loads(to_json(summary, "en"))
    shown = [v for k, v in payload["totals"].items() if k not in ("Sessions", "Sessions not counted")]
    shown += [v for part in payload["breakdowns"].values() for v in part.values()]
    assert not SMALL & set(shown)


@settings(max_examples=8, deadline=None)
@given(sessions)
def test_no_count_from_one_to_four_is_printed_in_the_pdf(records: list[R.SessionRecord]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        write_pdf(summarise(records, period("2026-T1")), "en", path, date(2026, 3, 1))
        text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert word("small_rule", "en") in text
    text = text.replace(word("small_rule", "en"), "")  # "Counts from 1 to 4 are shown as ..."
    words = set(text.split()) - {str(len(records))}  # the number of sessions is the trainer's, shown as it is
    assert not SMALL & words, sorted(SMALL & words)
