"""What the board game's end screen lists to remember: the key messages of the edition being played.

The services differ by Community (a professional in Liège does not call 1712), so the lines come from
the pack (`key_messages` of the edition, then the pack's shared ones), and every number from the
help-line data, never from the text. A pack that writes none gets the help lines of its region. Pure: no
pygame.
"""

from __future__ import annotations

from barst.helplines import HelpLines
from barst.model import KeyMessage, Pack
from barst.text import fallback_chain

NUMBER_JOIN = " · "
NUMBER_DASH = " — "


def key_message_lines(pack: Pack, lang: str, helplines: HelpLines) -> list[str]:
    """One line per key message in `lang` (with the pack's fallback order), each prefixed with the
    numbers of the help lines it names; without key messages, the region's lines as the emergency exit
    chooses them."""
    fallback = fallback_chain(lang, pack.fallback_order())
    if not pack.key_messages:
        return [f"{line.number}{NUMBER_DASH}{line.name.get(lang, fallback)}"
                for line in helplines.for_exit(pack.region, lang)]
    return [key_message_line(message, lang, fallback, helplines) for message in pack.key_messages]


def key_message_line(message: KeyMessage, lang: str, fallback: list[str] | tuple[str, ...],
                     helplines: HelpLines) -> str:
    text = message.text.get(lang, fallback)
    numbers = [line.number for line_id in message.helplines if (line := helplines.by_id(line_id)) is not None]
    return f"{NUMBER_JOIN.join(numbers)}{NUMBER_DASH}{text}" if numbers else text
