"""The trainer's end-of-session form as a pure model (no pygame): rows, their fixed choices, validation and
where the focus goes. The closing screen (barst/play/screens/closing.py) only draws it and feeds it keys.

Every entry is a count or a choice from a fixed list, so nothing typed about a pupil can reach a record;
the one typed field is the trainer's own project or municipality code, held to `record.PROJECT` (short,
letters, digits, '.', '_' and '-') at every keystroke.

A presenter clicker has four keys (PageUp, PageDown, F5, B). PageUp/PageDown move between rows; F5 changes
the focused row: the next choice, or, on the count, sets it digit by digit like a watch (F5 starts on the
hundreds, PageDown/PageUp turn the digit, F5 goes to the next digit and, after the units, leaves the count).
A keyboard types the count's digits directly; a mouse clicks a row's arrows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from barst.report.record import AUDIENCES, GRADES, PROJECT, SCHOOL_TYPES, SECTORS, SETTINGS, WENT, Trainer

COUNT_DIGITS = 3  # the clicker's digit wheels: 0 to 999 people (a larger room: `barst report --edit`)
MAX_PARTICIPANTS = 10**COUNT_DIGITS - 1
PROJECT_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")
PROJECT_MAX = 32

# the rows a choice row cycles through; None ("not entered") comes first, so skipping a row is the default
CHOICES: dict[str, tuple[str | int | None, ...]] = {
    "audience": (None, *AUDIENCES),
    "grade": (None, *GRADES),
    "school_type": (None, *SCHOOL_TYPES),
    "sector": (None, *SECTORS),
    "setting": (None, *SETTINGS),
    "went": (None, *WENT),
}
ACTIONS = ("save", "skip")


@dataclass(slots=True)
class Form:
    """One session's entries while the trainer fills them in. `result` is None until Save or Skip."""

    saved_project: str | None = None  # the code from the trainer's settings (pre-filled)
    participants: int | None = None
    choices: dict[str, str | int | None] = field(default_factory=lambda: dict.fromkeys(CHOICES))
    project: str | None = None
    project_changed: bool = False  # typed or cleared here: the settings take the new code on Save
    focus: int = 0
    digit: int | None = None  # the count's digit being set by the clicker (0: hundreds … 2: units)
    result: str | None = None  # "saved" or "skipped"

    def __post_init__(self) -> None:
        if self.saved_project is not None and not PROJECT.fullmatch(self.saved_project):
            self.saved_project = None  # a hand-edited settings file: a code that is not a code is dropped
        if self.project is None:
            self.project = self.saved_project

    # --- what is shown ---

    def rows(self) -> list[str]:
        """The rows in order; the audience decides which of grade, school type and sector appear."""
        audience = self.choices["audience"]
        detail = ["grade", "school_type"] if audience == "pupils" else ["sector"] if audience == "professionals" else []
        return ["participants", "audience", *detail, "setting", "went", "project", *ACTIONS]

    @property
    def row(self) -> str:
        return self.rows()[self.focus]

    def value(self, row: str) -> str | int | None:
        if row == "participants":
            return self.participants
        if row == "project":
            return self.project
        return self.choices.get(row)

    def digits(self) -> list[int]:
        shown = self.participants or 0
        return [shown // 10**place % 10 for place in reversed(range(COUNT_DIGITS))]

    def entries(self) -> Trainer:
        """What goes into the record: only the details that belong to the chosen audience."""
        c = self.choices
        pupils, professionals = c["audience"] == "pupils", c["audience"] == "professionals"
        went = c["went"]
        return Trainer(participants=self.participants, audience=_text(c["audience"]),
                       grade=_text(c["grade"]) if pupils else None,
                       school_type=_text(c["school_type"]) if pupils else None,
                       sector=_text(c["sector"]) if professionals else None,
                       project=self.project, setting=_text(c["setting"]),
                       went=went if isinstance(went, int) else None)

    # --- moving ---

    def move(self, step: int) -> None:
        """PageDown/PageUp (and the arrow keys up/down): the next or previous row, wrapping."""
        if self.digit is not None:
            self.turn(step)
            return
        self.focus = (self.focus + step) % len(self.rows())

    def focus_on(self, row: str) -> None:
        if row in self.rows():
            self.focus = self.rows().index(row)
            self.digit = None

    # --- changing ---

    def press(self) -> None:
        """F5 or Enter on the focused row."""
        row = self.row
        if row == "participants":
            self.digit = 0 if self.digit is None else self.digit + 1
            if self.digit >= COUNT_DIGITS:
                self.digit = None
            elif self.participants is None:
                self.participants = 0
        elif row in CHOICES:
            self.change(row, 1)
        elif row == "project":
            self.project = None if self.project else self.saved_project  # leave the code out this time, or not
        elif row == "save":
            self.result = "saved"
        elif row == "skip":
            self.result = "skipped"

    def turn(self, step: int) -> None:
        """The clicker turns the count's current digit (wrapping 9 to 0)."""
        if self.digit is None:
            return
        digits = self.digits()
        digits[self.digit] = (digits[self.digit] + step) % 10
        self.participants = int("".join(map(str, digits)))

    def change(self, row: str, step: int) -> None:
        """Left/right arrows, the mouse's arrows, F5: the next or previous choice, or the count ±1."""
        if row == "participants":
            self.participants = max(0, min(MAX_PARTICIPANTS, (self.participants or 0) + step))
            return
        options = CHOICES.get(row)
        if options is None:
            return
        current = options.index(self.choices[row]) if self.choices[row] in options else 0
        self.choices[row] = options[(current + step) % len(options)]
        if row == "audience" and self.focus >= len(self.rows()):
            self.focus = len(self.rows()) - 1

    def type_digit(self, digit: int) -> None:
        """A digit key: the count is typed (anywhere on the form: no other row takes digits)."""
        if not 0 <= digit <= 9:
            return
        if self.row == "project":
            self.type_char(str(digit))
            return
        if self.digit is not None:
            digits = self.digits()
            digits[self.digit] = digit
            self.participants = int("".join(map(str, digits)))
            self.press()  # on to the next digit, as the clicker's F5
            return
        typed = (self.participants or 0) * 10 + digit
        if typed <= MAX_PARTICIPANTS:
            self.participants = typed

    def type_char(self, char: str) -> bool:
        """A printable key on the project row; False when the character cannot be part of a code."""
        if self.row != "project" or len(char) != 1 or char not in PROJECT_CHARS:
            return False
        code = (self.project or "") + char
        if len(code) > PROJECT_MAX or not PROJECT.fullmatch(code):
            return False
        self.project, self.project_changed = code, True
        return True

    def erase(self) -> bool:
        """Backspace: the count's last digit, or the code's last character; False when there is nothing."""
        if self.row == "project" and self.project:
            self.project, self.project_changed = self.project[:-1] or None, True
            return True
        if self.row == "participants" and self.participants is not None:
            self.digit = None
            self.participants = self.participants // 10 or None
            return True
        return False

    def clear(self) -> bool:
        """Delete: the focused row back to "not entered" (a cleared code is forgotten on Save)."""
        row = self.row
        if row == "project":
            self.project, self.project_changed = None, True
        elif row == "participants":
            self.participants, self.digit = None, None
        elif row in CHOICES:
            self.choices[row] = None
        else:
            return False
        return True

    def leave_digits(self) -> bool:
        """Esc while the clicker sets the count: stop setting it (and nothing else)."""
        if self.digit is None:
            return False
        self.digit = None
        return True

    def project_to_keep(self) -> str | None:
        """The code the trainer's settings keep after Save: the new one if it was typed or cleared here."""
        return self.project if self.project_changed else self.saved_project


def _text(value: str | int | None) -> str | None:
    return value if isinstance(value, str) else None
