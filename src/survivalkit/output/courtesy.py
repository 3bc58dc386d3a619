"""French (and English) letter conventions, from the recipient's kind and civility.

« Madame la Préfète, » at the head of the letter, a closing formula that repeats it with « haute
considération » for a prefect or an elected head and « considération distinguée » otherwise, and
« du / de la / de l' / des » before a title in « Note à l'attention de … ».
"""

from __future__ import annotations

import re

KINDS = ("prefect", "mayor", "president", "director", "service", "dpo", "company", "association", "person")
"""Who a letter is written to: a prefect, a mayor, an elected head (president of a département or a
region, of an intercommunal body), a director, a service, a data protection officer, a company, an
association, private persons (users, residents, people invited)."""

# kind → (title for a woman, title for a man), French; None: the person is not addressed by a title.
_TITLES_FR: dict[str, tuple[str, str] | None] = {
    "prefect": ("la Préfète", "le Préfet"),
    "mayor": ("la Maire", "le Maire"),
    "president": ("la Présidente", "le Président"),
    "director": ("la Directrice", "le Directeur"),
    "dpo": ("la Déléguée à la protection des données", "le Délégué à la protection des données"),
    "association": ("la Présidente", "le Président"),
    "service": None,
    "company": None,
    "person": None,
}
_TITLES_EN = {"prefect": "Prefect", "mayor": "Mayor", "president": "President", "director": "Director",
              "dpo": "Data Protection Officer"}
HIGH = ("prefect", "mayor", "president")
"""Recipients owed « haute considération »: the State's representative and elected heads."""
PRIVATE = ("company", "association", "person")

_WOMAN = {"madame", "mme", "mme.", "f", "femme", "ms", "ms.", "mrs", "mrs.", "miss", "woman"}
_MAN = {"monsieur", "m", "m.", "mr", "mr.", "homme", "man", "h"}


def civility(value: object) -> str:
    """``"f"``, ``"m"`` or ``""`` from an answer such as « Madame », « M. », « mr », ``madame``."""
    word = str(value or "").strip().split(" ", 1)[0].lower()
    return "f" if word in _WOMAN else "m" if word in _MAN else ""


def civility_from_text(text: str) -> str:
    """The civility a recipient line starts with (« Monsieur le préfet de l'Ardèche » → ``"m"``)."""
    found = re.match(r"\s*(Madame|Mme\.?|Monsieur|M\.)(?=[\s\u00a0])", text)
    return civility(found.group(1)) if found else ""


def kind_of(value: object) -> str:
    """A known recipient kind, or ``""`` (nothing is generated then)."""
    word = str(value or "").strip().lower()
    return word if word in KINDS else ""


def appellation(kind: str, civ: str, lang: str) -> str:
    """« Monsieur le Préfet », « Madame », « Madame, Monsieur »; English « Dear Prefect »."""
    if lang == "en":
        title = _TITLES_EN.get(kind)
        if title and civ:
            return f"Dear {title}"
        return {"f": "Dear Madam", "m": "Dear Sir"}.get(civ, "Dear Sir or Madam")
    if not civ:
        return "Madame, Monsieur"
    person = "Madame" if civ == "f" else "Monsieur"
    titles = _TITLES_FR.get(kind)
    return f"{person} {titles[0] if civ == 'f' else titles[1]}" if titles else person


def formula(kind: str, civ: str, lang: str) -> str:
    """The closing formula, repeating the appellation (French), or the English complimentary close."""
    called = appellation(kind, civ, lang)
    if lang == "en":
        return "Yours faithfully," if called.startswith(("Dear Sir", "Dear Madam")) else "Yours sincerely,"
    if kind in HIGH:
        regard = "l'expression de ma haute considération"
    elif kind in PRIVATE:
        regard = "l'expression de mes salutations distinguées"
    else:
        regard = "l'expression de ma considération distinguée"
    return f"Je vous prie d'agréer, {called}, {regard}."


_ARTICLE = re.compile(r"(?:(les|le|la)\s+|(l['’]))", re.IGNORECASE)
_VOWEL = "aâàeéèêëiîïoôuùûüyhAÂÀEÉÈÊËIÎÏOÔUÙÛÜYH"
_ELIDED = "aâàeéèêëiîïoôuùûüAÂÀEÉÈÊËIÎÏOÔUÙÛÜ"
"""Before a name: « d'Éric Vidal », « d'Hélène Garnier » (the h of first names is mute), but « de Yann »."""


def of_title(who: str, civ: str) -> str:
    """« de » and the recipient, contracted: « du directeur », « de la directrice », « de l'adjoint »,
    « des services »; a name or « Madame … » takes « de » as it is."""
    found = _ARTICLE.match(who)
    if found:
        article, rest = (found.group(1) or found.group(2)).lower(), who[found.end():]
        joined = {"le": "du ", "les": "des ", "la": "de la "}.get(article, "de " + article)
        return joined + rest
    first = who.split(" ", 1)[0] if who else ""
    if not who or re.match(r"(Madame|Monsieur|Mme|M\.|Mlle)\b", who) or _is_name(who):
        # « d'Éric Vidal », « d'Anne Leroy », « d'Hélène Garnier »: elided before a vowel, and before
        # the h of a first name (mute: « d'Hugo », « d'Hervé »); never before an acronym or a title.
        mute_h = who[:1] == "H" and who[1:2] in _ELIDED and _is_name(who) and not who[:2].isupper()
        vowel = who[:1] in _ELIDED and not who[:2].isupper()
        return f"d'{who}" if vowel or mute_h else f"de {who}".rstrip()
    # A title without its article: « Délégué à la protection des données » → « du délégué … ».
    lowered = first[0].lower() + first[1:] if first[1:2].islower() else first
    rest = lowered + who[len(first):]
    if who[0] in _VOWEL:
        return f"de l'{rest}"
    return f"de la {rest}" if civ == "f" else f"du {rest}"


def _is_name(who: str) -> bool:
    """« Sophie Garnier, … »: two capitalised words in a row, or capitals only (an acronym)."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", who)
    if words and len(words[0]) > 1 and words[0].isupper():
        return True
    return len(words) >= 2 and words[0][0].isupper() and words[1][0].isupper()


def capitalise_lines(lines: list[str]) -> list[str]:
    """Each line of an address starts with a capital (« le FabLab de la Cité » → « Le FabLab … »)."""
    out = []
    for line in lines:
        found = re.search(r"[^\W\d_]", line)
        if found is not None and found.start() <= 2:
            i = found.start()
            line = line[:i] + line[i].upper() + line[i + 1 :]
        out.append(line)
    return out
