"""Issue 18, causes 5 and 11 in the player: a picture bomb is never decoded, and the image cache stays
bounded however often the window is resized."""

from __future__ import annotations

from pathlib import Path

import pygame
from hostile import png_claiming, real_png

from barst.play.widgets import Images


def test_a_png_claiming_forty_thousand_pixels_square_is_not_decoded(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_claiming(40_000, 40_000))
    decoded: list[object] = []
    monkeypatch.setattr(pygame.image, "load", lambda *a, **k: decoded.append(a) or pygame.Surface((1, 1)))
    assert Images().get(bomb, 400, 300) is None and decoded == []


def test_the_image_cache_stays_bounded_across_resizes(tmp_path: Path) -> None:
    pygame.init()
    picture = tmp_path / "p.png"
    picture.write_bytes(real_png(64))
    images = Images()
    for width in range(400, 4000, 20):  # a window dragged wider and wider
        assert images.get(picture, width, width) is not None
    assert images.pixels <= Images.MAX_PIXELS + 4000 * 4000
    assert sum(s.get_width() * s.get_height() for s in images.cache.values() if s) == images.pixels
    assert images.get(picture, 3980, 3980) is images.get(picture, 3980, 3980)  # the newest stay cached
