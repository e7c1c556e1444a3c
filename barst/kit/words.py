"""Words the kit prints around the content. The player's interface files (assets/ui) already hold the
group rules, the names of the 5 A's and "true/false": reuse them so a correction reaches both."""

from __future__ import annotations

from functools import cache

from barst import paths
from barst.yamlload import load_data

# Only words that exist nowhere else in barst.
KIT_WORDS: dict[str, dict[str, str]] = {
    "nl": {"sheet": "vel", "front": "voorkant", "back": "achterkant", "cards": "kaarten", "answer": "Antwoord",
           "source": "Bron", "minutes": "min", "total": "Totaal", "practised_in": "Geoefend in:",
           "situation": "Situatie", "calibration": "Kalibratievel", "calib_front": "Druk dit vel dubbelzijdig af "
           "zonder te schalen. Houd het tegen het licht: lees op de achterkant af waar de lijnen van de voorkant "
           "de schaal kruisen. Dat getal (x en y, in mm) is je --back-offset.",
           "calib_back": "Lees hier af waar de lijn van de voorkant doorschijnt.", "points": "Aandachtspunten",
           "example": "Een goed antwoord", "backs_only": "alleen achterkanten", "square": "vak",
           "helplines": "Hulplijnen", "model_answer": "Voorbeeld", "fold": "vouwen",
           "scale_check": "Deze balk moet 5 cm meten. Zo niet: druk af op 100 % / werkelijke grootte."},
    "fr": {"sheet": "feuille", "front": "recto", "back": "verso", "cards": "cartes", "answer": "Réponse",
           "source": "Source", "minutes": "min", "total": "Total", "practised_in": "À exercer dans :",
           "situation": "Situation", "calibration": "Feuille de calibrage", "calib_front": "Imprimez cette feuille "
           "en recto verso, sans mise à l'échelle. Regardez-la à contre-jour : lisez au verso où les lignes du "
           "recto croisent l'échelle. Ce nombre (x et y, en mm) est votre --back-offset.",
           "calib_back": "Lisez ici où la ligne du recto transparaît.", "points": "Points d'attention",
           "example": "Une bonne réponse", "backs_only": "versos seulement", "square": "case",
           "helplines": "Lignes d'aide", "model_answer": "Exemple", "fold": "plier",
           "scale_check": "Cette barre doit mesurer 5 cm. Sinon : imprimez à 100 % / taille réelle."},
    "en": {"sheet": "sheet", "front": "front", "back": "back", "cards": "cards", "answer": "Answer",
           "source": "Source", "minutes": "min", "total": "Total", "practised_in": "Practised in:",
           "situation": "Situation", "calibration": "Calibration sheet", "calib_front": "Print this sheet "
           "double-sided without scaling. Hold it against the light and read on the back where the front's "
           "lines cross the scale. That number (x and y, in mm) is your --back-offset.",
           "calib_back": "Read here where the line from the front shows through.", "points": "Points to touch",
           "example": "A good answer", "backs_only": "backs only", "square": "square",
           "helplines": "Help lines", "model_answer": "Example", "fold": "fold",
           "scale_check": "This bar must measure 5 cm. If not, print at 100 % / actual size."},
}


@cache
def _ui_file(name: str) -> dict[str, str]:
    path = paths.assets_dir() / "ui" / name
    if not path.is_file():
        return {}
    data = load_data(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the keys `true:` and `false:` as booleans; the files mean the words.
    return {(str(k).lower() if isinstance(k, bool) else str(k)): str(v) for k, v in data.items()} \
        if isinstance(data, dict) else {}


def words(lang: str) -> dict[str, str]:
    """Interface words for `lang`, English where a language has no interface file yet."""
    merged: dict[str, str] = {}
    for code in ("en", lang):
        merged.update(_ui_file(f"{code}.yaml"))
        merged.update({k: v for k, v in _ui_file(f"board-{code}.yaml").items() if k not in merged or code == lang})
        merged.update(KIT_WORDS.get(code, {}))
    return merged
