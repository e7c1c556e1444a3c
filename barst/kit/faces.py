"""Where each element sits on a card, in millimetres: the header band, the picture and its word, the backs.
Pure arithmetic on a card's trim rectangle (no fpdf)."""

from __future__ import annotations

from barst.kit.layout import SAFE, Rect


def header_band(card: Rect) -> tuple[Rect, Rect]:
    """Deck icon and deck title along the top of the safe zone: colour is never alone."""
    safe = card.inset(SAFE)
    height = min(9.0, max(6.0, card.h * 0.09))
    return Rect(safe.x, safe.y, height, height), Rect(safe.x + height + 1.5, safe.y, safe.w - height - 1.5, height)


def picture_card(card: Rect, with_text: bool) -> dict[str, Rect]:
    """Babo-style front: a big picture, the word under it."""
    safe = card.inset(SAFE)
    icon, title = header_band(card)
    top = icon.bottom + 2
    word_h = max(14.0, safe.h * (0.30 if with_text else 0.20))
    picture = Rect(safe.x, top, safe.w, safe.bottom - top - word_h - 1)
    side = min(picture.w, picture.h)
    picture = Rect(safe.x + (safe.w - side) / 2, top, side, side)
    return {"icon": icon, "deck": title, "picture": picture,
            "word": Rect(safe.x, picture.bottom + 1, safe.w, safe.bottom - picture.bottom - 1)}


def text_card(card: Rect) -> dict[str, Rect]:
    """A question card: header band, then the text filling the rest of the safe zone."""
    safe = card.inset(SAFE)
    icon, title = header_band(card)
    return {"icon": icon, "deck": title, "text": Rect(safe.x, icon.bottom + 2, safe.w, safe.bottom - icon.bottom - 2)}


def plain_back(card: Rect) -> dict[str, Rect]:
    """A back: the deck icon large in the middle, its word under it."""
    safe = card.inset(SAFE)
    side = min(safe.w, safe.h) * 0.5
    icon = Rect(safe.x + (safe.w - side) / 2, safe.y + (safe.h - side) / 2 - safe.h * 0.08, side, side)
    return {"icon": icon, "word": Rect(safe.x, icon.bottom + 2, safe.w, safe.bottom - icon.bottom - 2)}


def qr_back(card: Rect, count: int, qr_side: float) -> dict[str, Rect]:
    """One to two QR codes side by side, each with its number and name beside it (underneath)."""
    safe = card.inset(SAFE)
    count = max(1, count)
    cell_w = safe.w / count
    out: dict[str, Rect] = {}
    for i in range(count):
        x = safe.x + i * cell_w
        qr = Rect(x + (cell_w - qr_side) / 2, safe.y, qr_side, qr_side)
        out[f"qr{i}"] = qr
        out[f"caption{i}"] = Rect(x + 1, qr.bottom + 0.5, cell_w - 2, safe.bottom - qr.bottom - 0.5)
    return out


def wallet_front(card: Rect) -> dict[str, Rect]:
    safe = card.inset(SAFE)
    return {"title": Rect(safe.x, safe.y, safe.w, 7.0), "lines": Rect(safe.x, safe.y + 8.0, safe.w, safe.h - 8.0)}
