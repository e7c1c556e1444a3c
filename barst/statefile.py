"""State files (replay progress, board saves) that may be cut off, edited by hand or from another version.

The rule: a state file that cannot be read is never read as empty and then overwritten. It is kept
aside under a name with the date (`progress.unreadable-20261203-0915.json`), the player shows one calm
sentence naming that file, and play goes on. What can be read is checked against the types the code
will use (`conforms`), so a wrong type is found here and not as an error screen later.
"""

from __future__ import annotations

import json
import math
import shutil
import time
import types
from dataclasses import MISSING, fields, is_dataclass
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from barst.safefile import read_bounded

MAX_STATE_BYTES = 16 * 1024 * 1024


class Unreadable(Exception):
    """The file exists but is not a state this version can use (the reason is for the log, not the screen)."""


def read_json(path: Path) -> Any | None:
    """The JSON in `path`; None when there is no file; Unreadable when it exists but cannot be used."""
    try:
        data = read_bounded(path, MAX_STATE_BYTES)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise Unreadable(str(exc)) from None


def keep_aside(path: Path, copy: bool = False) -> Path | None:
    """Move (or copy) `path` to a dated name beside it; None when that is not possible (then the caller
    must not overwrite `path` either)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        target = path.with_name(f"{path.stem}.unreadable-{stamp}{suffix}{path.suffix}")
        if target.exists():
            continue
        try:
            if copy:
                shutil.copyfile(path, target)
            else:
                path.rename(target)
        except OSError:
            return None
        return target
    return None


def conforms(value: Any, tp: Any) -> bool:
    """Whether JSON `value` has the type `tp` (str, int, float, bool, None, list[…], dict[str, …], unions,
    Any, or a dataclass written as a mapping of its fields). bool is not an int here, NaN not a float."""
    if tp is Any:
        return True
    if tp is type(None) or tp is None:
        return value is None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return any(conforms(value, arg) for arg in get_args(tp))
    if origin is list:
        (item,) = get_args(tp) or (Any,)
        return isinstance(value, list) and all(conforms(v, item) for v in value)
    if origin is dict:
        key, item = get_args(tp) or (str, Any)
        return isinstance(value, dict) and all(conforms(k, key) and conforms(v, item) for k, v in value.items())
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if tp is str:
        return isinstance(value, str)
    if isinstance(tp, type) and is_dataclass(tp):
        return not dataclass_problems(value, tp, ignore_unknown=False)
    return False


def dataclass_problems(value: Any, cls: type, ignore_unknown: bool = True) -> list[str]:
    """What keeps the mapping `value` from becoming `cls(**value)`, for a dataclass or a NamedTuple:
    missing or mistyped fields, and (unless ignored) unknown keys. Empty when it can be built."""
    if not isinstance(value, dict):
        return [f"{cls.__name__} is not a mapping"]
    hints = get_type_hints(cls)
    if is_dataclass(cls):
        known = {f.name: f.default is not MISSING or f.default_factory is not MISSING for f in fields(cls)}
    else:
        defaults: dict[str, Any] = getattr(cls, "_field_defaults", {})
        known = {name: name in defaults for name in getattr(cls, "_fields", ())}
    problems = [] if ignore_unknown else [f"unknown key {k!r}" for k in value if k not in known]
    for name, optional in known.items():
        if name not in value:
            if not optional:
                problems.append(f"missing {name!r}")
            continue
        if not conforms(value[name], hints[name]):
            problems.append(f"{name!r} has the wrong type")
    return problems


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number")


def plausible_time(seconds: float) -> float:
    """A save's time as written, or 0 (shown as unknown) when no clock could have written it: a file
    from elsewhere must not break the resume panel (time.localtime overflows on 1e30)."""
    return seconds if 0 < seconds <= time.time() + 86_400 else 0.0
