"""Issue 18, causes 1, 5 and 9 for kits: a kit copies nothing from outside its folder and the shipped
assets into a PDF, refuses picture bombs and broken pictures at `barst check` already, and every link
it prints parses as a real URI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile import png_claiming, real_png, svg_with_image

from barst.kit.build import Options, build_kit
from barst.kit.check import check_kit_file

KIT = """\
id: c
title: {nl: Kaarten}
audience: adults
languages: [nl]
decks:
  - id: d
    title: {nl: Gevoelens}
    size: poker
    cards:
      - {id: a, word: {nl: blij}, link: LINK}
      - {id: b, word: {nl: verdrietig}, picture: PICTURE}
"""
SECRET = b"SECRET-OUTSIDE-THE-KIT"


def kit(folder: Path, picture: str = "icons/star.svg", link: str = "https://www.awel.be") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kit.yaml"
    path.write_text(KIT.replace("PICTURE", f"'{picture}'").replace("LINK", f"'{link}'"), encoding="utf-8")
    return path


def secret_png(tmp_path: Path) -> Path:
    """A valid picture outside the kit's folder whose bytes must never reach a PDF."""
    path = tmp_path / "private" / "secret.png"
    path.parent.mkdir()
    path.write_bytes(real_png() + SECRET)
    return path


def refused(path: Path, code: str, tmp_path: Path) -> str:
    """The kit check and the build both refuse `path` with `code`, and no PDF is written."""
    report = check_kit_file(path)
    assert [d.code for d in report.errors] == [code], [d.format() for d in report.sorted()]
    out = tmp_path / "out.pdf"
    result = build_kit(path, Options(output=out))
    assert [d.code for d in result.report.errors] == [code]
    assert not out.exists()
    return report.errors[0].format()


@pytest.mark.parametrize("how", ["absolute", "dotdot"])
def test_a_picture_path_outside_the_kit_is_refused(tmp_path: Path, how: str) -> None:
    secret = secret_png(tmp_path)
    picture = str(secret) if how == "absolute" else "../private/secret.png"
    message = refused(kit(tmp_path / "kit", picture), "K019", tmp_path)
    assert "kit.yaml:11:" in message and "decks/d/b.picture" in message


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_picture_linking_outside_the_kit_is_refused(tmp_path: Path) -> None:
    secret = secret_png(tmp_path)
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "mine.png").symlink_to(secret)
    refused(kit(folder, "mine.png"), "K019", tmp_path)


def test_an_svg_naming_a_file_outside_is_refused(tmp_path: Path) -> None:
    secret = secret_png(tmp_path)
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "face.svg").write_text(svg_with_image(secret.as_uri()), encoding="utf-8")
    assert "outside itself" in refused(kit(folder, "face.svg"), "K020", tmp_path)
    (folder / "face.svg").write_text(svg_with_image(str(secret)), encoding="utf-8")
    refused(kit(folder, "face.svg"), "K020", tmp_path)


def test_a_picture_beside_the_kit_is_printed(tmp_path: Path) -> None:
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "mine.png").write_bytes(real_png(16))
    out = tmp_path / "out.pdf"
    result = build_kit(kit(folder, "mine.png"), Options(output=out))
    assert not result.report.has_errors(), [d.format() for d in result.report.sorted()]
    assert out.stat().st_size > 1000


def test_a_picture_claiming_forty_thousand_pixels_square_is_refused_before_decoding(tmp_path: Path) -> None:
    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "bomb.png").write_bytes(png_claiming(40_000, 40_000))
    assert "40000x40000" in refused(kit(folder, "bomb.png"), "K020", tmp_path)


@pytest.mark.parametrize("content", [real_png(64)[:60], b"<svg xmlns='http://www.w3.org/2000/svg'><path d='M0"])
def test_a_broken_picture_is_found_by_the_check_not_the_build(tmp_path: Path, content: bytes) -> None:
    folder = tmp_path / "kit"
    folder.mkdir()
    name = "cut.svg" if content.startswith(b"<") else "cut.png"
    (folder / name).write_bytes(content)
    refused(kit(folder, name), "K020", tmp_path)


def test_a_bidi_override_in_a_card_word_is_flagged(tmp_path: Path) -> None:
    path = kit(tmp_path / "kit")
    path.write_text(path.read_text(encoding="utf-8").replace("word: {nl: blij}", 'word: {nl: "bl\\u202eij"}'),
                    encoding="utf-8")
    report = check_kit_file(path)
    assert [(d.code, d.pos.line) for d in report.warnings] == [("B071", 10)] and not report.errors


@pytest.mark.parametrize("link", ["https:javascript:alert(1)", "tel:call me now", "tel:", "sms:", "mailto:",
                                  "https://", "https://user:pw@evil.example/", "https://localhost", "javascript:x",
                                  "tel:12", "tel:+3280030030\u202e", "https://www.awel.be/" + "a" * 400,
                                  "https://www.aw el.be", "mailto:nobody", "sms:1712?cc=x", "https://1.2.3.4"])
def test_links_must_parse_as_real_uris(tmp_path: Path, link: str) -> None:
    report = check_kit_file(kit(tmp_path / "kit", link=link))
    assert [d.code for d in report.errors] == ["K008"], [d.format() for d in report.sorted()]


@pytest.mark.parametrize("link", ["tel:1712", "tel:+32-800-30-030", "sms:+32470123456?body=hallo",
                                  "mailto:info@awel.be", "https://www.awel.be/chat?x=1#top"])
def test_real_links_are_printed(tmp_path: Path, link: str) -> None:
    result = build_kit(kit(tmp_path / "kit", link=link), Options(output=tmp_path / "o.pdf"))
    assert not result.report.has_errors(), [d.format() for d in result.report.sorted()]


@pytest.mark.parametrize("offset", ["nan,nan", "inf,0", "1,nan", "x,y", "1"])
def test_a_back_offset_that_is_not_two_numbers_is_refused_by_check_and_build(tmp_path: Path, offset: str) -> None:
    path = kit(tmp_path / "kit")
    path.write_text(path.read_text(encoding="utf-8") + f"back_offset: '{offset}'\n", encoding="utf-8")
    refused(path, "K012", tmp_path)
