"""The printed report: totals, participants by audience, sessions per month, themes and feedback, with
bar charts drawn as PDF rectangles (vectors; no plotting library). Andika, as the kits."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from barst import atomic
from barst.kit.fonts import font_path
from barst.report.summary import SMALL, Summary, average, small, went_average
from barst.report.words import theme_label, word

logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # Andika's "Silt" table: see barst/kit/pdf.py

INK = (30, 30, 40)
MUTED = (95, 95, 110)
BAR = (0, 114, 178)  # the kits' blue (Okabe-Ito, safe for colour-blind readers)
BAR_LIGHT = (200, 222, 238)
LEFT, WIDTH = 18.0, 174.0


def write_pdf(summary: Summary, lang: str, path: Path, made: date) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(LEFT, 16, LEFT)
    pdf.set_auto_page_break(True, 16)
    pdf.add_font("Andika", "", str(font_path(False)))
    pdf.add_font("Andika", "B", str(font_path(True)))
    pdf.set_title(f"{word('title', lang)} {summary.period.name}")
    pdf.set_lang(lang)
    pdf.set_creator("barst")
    pdf.add_page()
    pdf.set_text_color(*INK)
    pdf.set_font("Andika", "B", 20)
    pdf.cell(0, 10, word("title", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Andika", "", 11)
    pdf.cell(0, 6, f"{word('period', lang)}: {summary.period.label()}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*MUTED)
    pdf.set_font("Andika", "", 9)
    pdf.cell(0, 5, f"{word('made', lang)} {made:%d/%m/%Y} · {word('privacy', lang)}", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, word("small_rule", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(3)
    if not summary.sessions:
        pdf.set_font("Andika", "B", 13)
        pdf.cell(0, 10, word("none", lang), new_x="LMARGIN", new_y="NEXT")
        _save(pdf, path)
        return
    _totals(pdf, summary, lang)
    _chart(pdf, word("by_audience", lang), [(word(k, lang), n) for k, n in sorted(summary.audiences.items())])
    months = [(f"{m[5:]}/{m[:4]}", n) for m, n in sorted(summary.months.items())]
    _chart(pdf, word("by_month", lang), months)
    _chart(pdf, word("by_mode", lang), [(word(k, lang), n) for k, n in sorted(summary.modes.items())])
    if summary.grades:
        _chart(pdf, word("by_grade", lang), [(word(k, lang), n) for k, n in sorted(summary.grades.items())])
    if summary.sectors:
        _chart(pdf, word("by_sector", lang), [(word(k, lang), n) for k, n in sorted(summary.sectors.items())])
    if summary.settings:
        _chart(pdf, word("by_setting", lang), [(word(k, lang), n) for k, n in sorted(summary.settings.items())])
    _chart(pdf, word("themes", lang), [(theme_label(k, lang), n) for k, n in summary.themes.most_common()])
    if summary.feedback:
        _feedback(pdf, summary, lang)
    _save(pdf, path)


def _save(pdf: object, path: Path) -> None:
    with atomic.replacing(path) as temp:
        pdf.output(str(temp))  # type: ignore[attr-defined]


def _totals(pdf: object, summary: Summary, lang: str) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    figures = [(word("sessions", lang), str(summary.sessions)),
               (word("hours", lang), f"{summary.minutes / 60:.1f}".replace(".", ",")),
               (word("participants", lang), small(summary.participants)),
               (word("endings", lang), small(summary.endings)), (word("choices", lang), small(summary.choices)),
               (word("exits", lang), small(summary.exits))]
    _heading(pdf, word("totals", lang))
    box = WIDTH / 3
    top = pdf.get_y()
    for index, (label, value) in enumerate(figures):
        x, y = LEFT + (index % 3) * box, top + (index // 3) * 20
        pdf.set_fill_color(*BAR_LIGHT)
        pdf.rect(x, y, box - 3, 17, style="F")
        pdf.set_xy(x + 3, y + 1)
        pdf.set_font("Andika", "B", 15)
        pdf.cell(box - 9, 8, value)
        pdf.set_xy(x + 3, y + 9)
        pdf.set_font("Andika", "", 9)
        pdf.cell(box - 9, 6, label)
    pdf.set_xy(LEFT, top + 42)
    if summary.went:
        pdf.set_font("Andika", "", 9)
        rated = f"{len(summary.went)} {word('sessions', lang).lower()}"
        pdf.cell(0, 5, f"{word('went', lang)}: {went_average(summary.went)} ({rated})", new_x="LMARGIN", new_y="NEXT")
    if summary.unknown_participants:
        pdf.set_font("Andika", "", 9)
        pdf.set_text_color(*MUTED)
        pdf.cell(0, 5, f"{word('not_counted', lang)}: {summary.unknown_participants}",
                 new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*INK)


def _heading(pdf: object, text: str) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    pdf.ln(2)
    pdf.set_font("Andika", "B", 13)
    pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")


def _chart(pdf: object, title: str, rows: Sequence[tuple[str, int]]) -> None:
    """A horizontal bar per row; a bar below five is drawn at the same length as five (and says "<5")."""
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    if not rows:
        return
    if pdf.get_y() + 12 + 7 * len(rows) > pdf.h - 16:
        pdf.add_page()
    _heading(pdf, title)
    label_w, value_w = 58.0, 16.0
    bar_w = WIDTH - label_w - value_w
    top = max(max(n for _, n in rows), SMALL)
    for label, count in rows:
        y = pdf.get_y()
        pdf.set_xy(LEFT, y)
        pdf.cell(label_w - 2, 6, _fitted(pdf, label, label_w - 3))
        pdf.set_font("Andika", "", 10)
        shown = SMALL if 0 < count < SMALL else count  # a small bar would tell the exact count
        pdf.set_fill_color(*(BAR_LIGHT if shown != count else BAR))
        if shown:
            pdf.rect(LEFT + label_w, y + 1, max(0.8, bar_w * shown / top), 4.2, style="F")
        pdf.set_xy(LEFT + label_w + bar_w + 1, y)
        pdf.cell(value_w, 6, small(count), align="R")
        pdf.set_xy(LEFT, y + 7)


def _fitted(pdf: object, label: str, width: float) -> str:
    """The label at 10 pt, or smaller down to 7.5 pt, or cut with "…": a theme's name never runs into its bar."""
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    size = 10.0
    pdf.set_font("Andika", "", size)
    while pdf.get_string_width(label) > width and size > 7.5:
        size -= 0.5
        pdf.set_font("Andika", "", size)
    while pdf.get_string_width(label) > width and len(label) > 1:
        label = label[:-2].rstrip() + "…"
    return label


def _feedback(pdf: object, summary: Summary, lang: str) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    if pdf.get_y() + 12 + 7 * len(summary.feedback) > pdf.h - 16:
        pdf.add_page()
    _heading(pdf, word("feedback", lang))
    label_w, bar_w = 58.0, 66.0
    for question, (answers, value) in sorted(summary.feedback.items()):
        y = pdf.get_y()
        pdf.set_font("Andika", "", 10)
        pdf.set_xy(LEFT, y)
        pdf.cell(label_w - 2, 6, word(question, lang))
        pdf.set_fill_color(*BAR_LIGHT)
        pdf.rect(LEFT + label_w, y + 1, bar_w, 4.2, style="F")
        if answers >= SMALL:
            pdf.set_fill_color(*BAR)
            pdf.rect(LEFT + label_w, y + 1, bar_w * value / 5, 4.2, style="F")
        pdf.set_xy(LEFT + label_w + bar_w + 2, y)
        pdf.cell(0, 6, f"{average(answers, value)} / 5 · {small(answers)} {word('answers', lang)}")
        pdf.set_xy(LEFT, y + 7)
