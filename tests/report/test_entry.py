"""The trainer's end-of-session form (pure): rows, fixed choices, the clicker's digit wheels, the code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from barst.report import record as R
from barst.report.entry import CHOICES, MAX_PARTICIPANTS, Form


def test_the_audience_decides_which_detail_rows_appear() -> None:
    form = Form()
    assert form.rows() == ["participants", "audience", "setting", "went", "project", "save", "skip"]
    form.choices["audience"] = "pupils"
    assert form.rows()[2:4] == ["grade", "school_type"]
    form.choices["audience"] = "professionals"
    assert form.rows()[2] == "sector"


def test_a_clicker_sets_the_count_digit_by_digit() -> None:
    form = Form()
    form.press()  # F5 on the count: the hundreds
    assert form.digit == 0 and form.participants == 0
    form.press()  # on to the tens
    form.move(1)
    form.move(1)  # PageDown twice: 2
    form.press()  # the units
    for _ in range(5):
        form.move(1)
    form.press()  # done: the focus is free again
    assert (form.participants, form.digit, form.focus) == (25, None, 0)
    form.move(1)
    assert form.row == "audience"


def test_a_digit_wraps_and_page_up_turns_it_down() -> None:
    form = Form()
    form.press()
    form.press()
    form.press()  # the units
    form.move(-1)
    assert form.participants == 9


def test_typed_digits_make_the_count_and_backspace_erases() -> None:
    form = Form()
    for digit in (2, 0, 7):
        form.type_digit(digit)
    assert form.participants == 207
    form.type_digit(1)  # a fourth digit would pass the form's limit
    assert form.participants == 207 <= MAX_PARTICIPANTS
    form.erase()
    assert form.participants == 20
    form.erase()
    form.erase()
    assert form.participants is None


def test_f5_cycles_a_choice_through_not_entered() -> None:
    form = Form()
    form.focus_on("audience")
    seen = []
    for _ in range(len(CHOICES["audience"])):
        form.press()
        seen.append(form.choices["audience"])
    assert seen == ["pupils", "professionals", "citizens", None]


def test_only_the_chosen_audience_s_details_reach_the_record() -> None:
    form = Form()
    form.choices.update(audience="pupils", grade="secondary-2", school_type="vocational", sector="police",
                        setting="classroom", went=4)
    form.participants = 23
    assert form.entries() == R.Trainer(23, "pupils", "secondary-2", "vocational", None, None, "classroom", 4)
    form.choices["audience"] = "professionals"
    entries = form.entries()
    assert (entries.sector, entries.grade, entries.school_type) == ("police", None, None)


def test_the_project_code_is_prefilled_and_only_safe_characters_are_typed() -> None:
    form = Form(saved_project="44021")
    assert form.project == "44021"
    form.focus_on("project")
    assert not form.type_char(" ") and not form.type_char("/") and not form.type_char("é")
    assert form.type_char("-") and form.type_char("B")
    assert form.project == "44021-B"
    form.clear()
    assert not form.type_char("-")  # a code starts with a letter or digit
    assert form.project is None and form.project_to_keep() is None


def test_f5_leaves_the_saved_code_out_this_time_but_keeps_it() -> None:
    form = Form(saved_project="GENT-IP")
    form.focus_on("project")
    form.press()
    assert form.project is None and form.project_to_keep() == "GENT-IP"
    form.press()
    assert form.project == "GENT-IP"


def test_a_settings_code_that_is_not_a_code_is_dropped() -> None:
    assert Form(saved_project="rm -rf /").project is None


@pytest.mark.parametrize("result", ["save", "skip"])
def test_save_and_skip_end_the_form(result: str) -> None:
    form = Form()
    form.focus_on(result)
    form.press()
    assert form.result == {"save": "saved", "skip": "skipped"}[result]


@given(st.lists(st.one_of(st.sampled_from(["move+", "move-", "press", "left", "right", "erase", "clear",
                                           "leave"]), st.integers(0, 9), st.characters()), max_size=80))
def test_any_keys_give_entries_a_record_accepts(keys: list[object]) -> None:
    form = Form(saved_project="P1")
    for k in keys:
        if form.result is not None:
            break
        if isinstance(k, int):
            form.type_digit(k)
        elif k == "move+":
            form.move(1)
        elif k == "move-":
            form.move(-1)
        elif k == "press":
            form.press()
        elif k in ("left", "right"):
            form.change(form.row, 1 if k == "right" else -1)
        elif k == "erase":
            form.erase()
        elif k == "clear":
            form.clear()
        elif k == "leave":
            form.leave_digits()
        else:
            form.type_char(str(k))
        assert 0 <= form.focus < len(form.rows())
    entries = form.entries()
    data = R.trainer_from_json({k: getattr(entries, k) for k in R.Trainer.__dataclass_fields__})
    assert data == entries
