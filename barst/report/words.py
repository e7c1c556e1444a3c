"""The report's words in nl, fr and en (the trainer's language; column keys stay the same in every one)."""

from __future__ import annotations

from functools import cache

LANGUAGES = ("nl", "fr", "en")

WORDS: dict[str, dict[str, str]] = {
    "title": {"nl": "Sessierapport", "fr": "Rapport des séances", "en": "Session report"},
    "period": {"nl": "Periode", "fr": "Période", "en": "Period"},
    "made": {"nl": "Gemaakt op", "fr": "Établi le", "en": "Made on"},
    "none": {"nl": "Geen sessies in deze periode.", "fr": "Aucune séance pendant cette période.",
             "en": "No sessions in this period."},
    "totals": {"nl": "Totalen", "fr": "Totaux", "en": "Totals"},
    "sessions": {"nl": "Sessies", "fr": "Séances", "en": "Sessions"},
    "hours": {"nl": "Uren", "fr": "Heures", "en": "Hours"},
    "participants": {"nl": "Deelnemers", "fr": "Participants", "en": "Participants"},
    "not_counted": {"nl": "Sessies zonder telling", "fr": "Séances sans comptage", "en": "Sessions not counted"},
    "endings": {"nl": "Eindes bereikt", "fr": "Fins atteintes", "en": "Endings reached"},
    "choices": {"nl": "Keuzes gemaakt", "fr": "Choix faits", "en": "Choices made"},
    "exits": {"nl": "Nooduitgang gebruikt", "fr": "Sortie de secours utilisée", "en": "Emergency exit used"},
    "by_audience": {"nl": "Deelnemers per publiek", "fr": "Participants par public", "en": "Participants by audience"},
    "by_grade": {"nl": "Leerlingen per graad", "fr": "Élèves par degré", "en": "Pupils by grade"},
    "by_sector": {"nl": "Professionals per sector", "fr": "Professionnels par secteur",
                  "en": "Professionals by sector"},
    "by_month": {"nl": "Sessies per maand", "fr": "Séances par mois", "en": "Sessions per month"},
    "by_mode": {"nl": "Sessies per vorm", "fr": "Séances par format", "en": "Sessions by format"},
    "themes": {"nl": "Behandelde vormen van geweld (sessies)", "fr": "Formes de violence abordées (séances)",
               "en": "Types of violence covered (sessions)"},
    "feedback": {"nl": "Feedback van de leerlingen (gemiddelde op 5)", "fr": "Avis des élèves (moyenne sur 5)",
                 "en": "Pupils' feedback (average out of 5)"},
    "answers": {"nl": "antwoorden", "fr": "réponses", "en": "answers"},
    "small_rule": {"nl": "Aantallen van 1 tot 4 staan als \"<5\": zo valt geen kleine groep op.",
                   "fr": "Les nombres de 1 à 4 sont notés \"<5\" : aucun petit groupe n'est repérable.",
                   "en": "Counts from 1 to 4 are shown as \"<5\", so no small group is singled out."},
    "privacy": {"nl": "Alleen totalen: geen namen, geen vrije tekst, geen toestel- of IP-gegevens.",
                "fr": "Uniquement des totaux : ni noms, ni texte libre, ni données d'appareil ou d'IP.",
                "en": "Aggregates only: no names, no free text, no device or IP data."},
    # audiences, grades, sectors, modes
    "pupils": {"nl": "leerlingen", "fr": "élèves", "en": "pupils"},
    "professionals": {"nl": "professionals", "fr": "professionnels", "en": "professionals"},
    "citizens": {"nl": "burgers", "fr": "citoyens", "en": "citizens"},
    "unknown": {"nl": "niet ingevuld", "fr": "non renseigné", "en": "not entered"},
    "primary": {"nl": "lager onderwijs", "fr": "primaire", "en": "primary"},
    "secondary-1": {"nl": "1e graad", "fr": "1er degré", "en": "1st grade"},
    "secondary-2": {"nl": "2e graad", "fr": "2e degré", "en": "2nd grade"},
    "secondary-3": {"nl": "3e graad", "fr": "3e degré", "en": "3rd grade"},
    "higher": {"nl": "hoger onderwijs", "fr": "supérieur", "en": "higher education"},
    "story": {"nl": "verhaal op projector", "fr": "histoire au projecteur", "en": "story on the projector"},
    "class-vote": {"nl": "klas stemt", "fr": "la classe vote", "en": "class vote"},
    "class-solo": {"nl": "elk op eigen gsm", "fr": "chacun sur son GSM", "en": "each on their phone"},
    "board": {"nl": "bordspel", "fr": "jeu de plateau", "en": "board game"},
    "welfare": {"nl": "welzijn", "fr": "aide sociale", "en": "welfare"},
    "health": {"nl": "gezondheidszorg", "fr": "santé", "en": "health care"},
    "education": {"nl": "onderwijs", "fr": "enseignement", "en": "education"},
    "police": {"nl": "politie", "fr": "police", "en": "police"},
    "justice": {"nl": "justitie", "fr": "justice", "en": "justice"},
    "youth": {"nl": "jeugdwerk en jeugdhulp", "fr": "jeunesse", "en": "youth work"},
    "childcare": {"nl": "kinderopvang", "fr": "accueil de l'enfance", "en": "childcare"},
    "elderly-care": {"nl": "ouderenzorg", "fr": "soins aux aînés", "en": "elderly care"},
    "local-government": {"nl": "lokaal bestuur", "fr": "pouvoir local", "en": "local government"},
    "other": {"nl": "andere", "fr": "autre", "en": "other"},
    "classroom": {"nl": "klaslokaal", "fr": "classe", "en": "classroom"},
    "school-hall": {"nl": "aula of refter", "fr": "salle polyvalente", "en": "school hall"},
    "youth-work": {"nl": "jeugdhuis of jeugdwerking", "fr": "maison de jeunes", "en": "youth centre"},
    "training-room": {"nl": "vormingslokaal", "fr": "salle de formation", "en": "training room"},
    "community": {"nl": "buurt- of ontmoetingscentrum", "fr": "centre de quartier", "en": "community centre"},
    "by_setting": {"nl": "Sessies per plaats", "fr": "Séances par lieu", "en": "Sessions by setting"},
    "went": {"nl": "Hoe het ging (gemiddelde op 5, volgens de trainer)",
             "fr": "Déroulement (moyenne sur 5, selon l'animateur)",
             "en": "How it went (average out of 5, trainer's view)"},
    # feedback questions (barst/classroom/solo.py FEEDBACK_QUESTIONS)
    "liked": {"nl": "Vond het goed", "fr": "A aimé", "en": "Liked it"},
    "learned": {"nl": "Iets geleerd", "fr": "A appris", "en": "Learned something"},
    "safe": {"nl": "Voelde zich veilig", "fr": "S'est senti en sécurité", "en": "Felt safe"},
    "talk": {"nl": "Durft erover praten", "fr": "Ose en parler", "en": "Dares to talk about it"},
}


def theme_label(theme: str, lang: str) -> str:
    """A theme id from a pack (partner-violence, …) as the trainer's language names it (assets/themes.yaml);
    an id the vocabulary lacks is shown as it is."""
    entry = _themes().get(theme, {})
    return entry.get(lang) or entry.get("en") or theme


@cache
def _themes() -> dict[str, dict[str, str]]:
    from barst import paths
    from barst.yamlload import load_data

    try:
        data = load_data((paths.assets_dir() / "themes.yaml").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # the report still works, with the ids
    if not isinstance(data, dict):
        return {}
    return {str(k): {str(lang): str(label) for lang, label in v.items()}
            for k, v in data.items() if isinstance(v, dict)}


def word(key: str, lang: str) -> str:
    entry = WORDS.get(key)
    if entry is None:
        return key  # an id from the pack (a theme, a sector) is shown as it is
    return entry.get(lang) or entry["en"]
