"""Placeholders such as `{team}` or `{n}`: a translation must keep exactly the source's."""

from __future__ import annotations

import re

# `{name}` as str.format fills it in; `{{` and `}}` are literal braces, not placeholders.
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}(?!\})")


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))
