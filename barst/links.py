"""Is this a link a card may print and a screen may show? It must parse as a real tel:, sms:, https: or
mailto: URI, not merely start like one (`https:javascript:alert(1)`, `tel:call me now`, a bare `tel:`).

Pure: the help-line checker, the kit checker and the kit builder all ask the same function.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_LINK_CHARS = 300  # a QR code on a wallet card stays scannable up to about this much
_PHONE = re.compile(r"\+?[0-9](?:[0-9().-]*[0-9])?", re.ASCII)  # RFC 3966 digits and visual separators
_SMS_QUERY = re.compile(r"\?body=[^\s]*", re.ASCII)
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)", re.ASCII)
_MAILBOX = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", re.ASCII)


def link_problem(link: str) -> str | None:
    """Why `link` is not a printable link, as a phrase; None when it is one."""
    if len(link) > MAX_LINK_CHARS:
        return f"it is longer than {MAX_LINK_CHARS} characters (too long for a QR code on a card)"
    if not link.isascii() or not link.isprintable() or any(ch.isspace() for ch in link):
        return "it holds spaces, control or non-ASCII characters"
    scheme, _, rest = link.partition(":")
    scheme = scheme.lower()
    if scheme == "tel":
        return _phone_problem(rest)
    if scheme == "sms":
        number, _, query = rest.partition("?")
        if query and not _SMS_QUERY.fullmatch("?" + query):
            return "an sms: link takes only ?body=… after the number"
        return _phone_problem(number)
    if scheme == "mailto":
        if _MAILBOX.fullmatch(rest.split("?", 1)[0]):
            return None
        return "a mailto: link needs an address like info@example.be"
    if scheme == "https":
        return _https_problem(link)
    return "only tel:, sms:, https: and mailto: links may be printed"


def _phone_problem(number: str) -> str | None:
    digits = sum(ch.isdigit() for ch in number)
    if not _PHONE.fullmatch(number) or not 3 <= digits <= 15:
        return "a phone link needs a number of 3 to 15 digits, e.g. tel:1712 or tel:+3280030030"
    return None


def _https_problem(link: str) -> str | None:
    try:
        parts = urlsplit(link)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
    except ValueError:
        return "the web address does not parse"
    if not link.lower().startswith("https://") or not host:
        return "a web link looks like https://www.example.be"
    if "@" in parts.netloc:
        return "a web link may not carry a user name or password"
    labels = host.rstrip(".").split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.fullmatch(label) for label in labels) or labels[-1].isdigit():
        return f"'{host}' is not a host name like www.example.be"
    return None
