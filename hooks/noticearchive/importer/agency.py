"""Which registered body issued a document, from the issuing-body lines of its header.

A body prints its name as it likes: "UBND TỈNH TRÀ VINH" over "VĂN PHÒNG", or "ỦY BAN NHÂN DÂN
TỈNH TRÀ VINH" in full. Names are compared folded (no diacritics, capitals, no punctuation,
"UBND" spelt out) against each agency's ``header`` lines, ``name``, ``short`` and ``aliases``.
An unknown body is never given a new id silently: the importer proposes a registry entry for
staff to review and add.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml

from ..model import Agency
from ..vietnamese import fold, slugify
from .vocabulary import UNIT_START

_ABBREVIATIONS = {
    "UBND": "UY BAN NHAN DAN",
    "HDND": "HOI DONG NHAN DAN",
    "TP": "THANH PHO",
    "TW": "TRUNG UONG",
}
_MAX_ID = 48
_UNIT = re.compile(UNIT_START + r"\b")
_BEFORE_PLACE = frozenset(("tỉnh", "thành phố", "phố", "huyện", "quận", "thị xã", "xã", "phường"))


@dataclass(frozen=True, slots=True)
class AgencyMatch:
    """The result of looking an issuing body up in the registry."""

    agency: Agency | None
    """The body, when exactly one matches."""
    candidates: tuple[Agency, ...] = ()
    """The bodies that match equally well, when more than one does."""
    proposal: str | None = None
    """A YAML entry to add to agencies.yml, when none matches."""

    @property
    def problem(self) -> str | None:
        """Why the document cannot be filed under a body, or None."""
        if self.agency is not None:
            return None
        if self.candidates:
            ids = ", ".join(a.id for a in self.candidates)
            return f"the issuing body matches several agencies ({ids}): choose one"
        return "the issuing body is not in agencies.yml (a proposed entry is printed)"


def key(text: str) -> str:
    """A name for comparison: folded capitals, single spaces, abbreviations spelt out."""
    words = re.sub(r"[^\w]+", " ", fold(text).upper()).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


def resolve_agency(
    issuer_lines: Sequence[str], agencies: Mapping[str, Agency], *, body_text: str = ""
) -> AgencyMatch:
    """The registered body whose printed header or name the issuing-body lines give."""
    if not issuer_lines:
        return AgencyMatch(None)
    for rule in (_by_header, _by_name, _by_body_and_parent):
        found = rule(issuer_lines, agencies)
        if len(found) == 1:
            return AgencyMatch(found[0])
        if found:
            return AgencyMatch(None, tuple(found))
    return AgencyMatch(None, proposal=propose_entry(issuer_lines, agencies, body_text))


def _names(agency: Agency) -> set[str]:
    names = {agency.name, agency.short_name, *agency.aliases}
    if agency.header:
        names.add(" ".join(agency.header))
    return {key(n) for n in names}


def _by_header(lines: Sequence[str], agencies: Mapping[str, Agency]) -> list[Agency]:
    wanted = [key(line) for line in lines]
    return [a for a in agencies.values() if a.header and [key(h) for h in a.header] == wanted]


def _by_name(lines: Sequence[str], agencies: Mapping[str, Agency]) -> list[Agency]:
    """All the lines together name the body: a long name wrapped over two lines."""
    wanted = key(" ".join(lines))
    return [a for a in agencies.values() if wanted in _names(a)]


def _by_body_and_parent(lines: Sequence[str], agencies: Mapping[str, Agency]) -> list[Agency]:
    """The last line names the body and the lines above name its parent ("UBND TỈNH X" over
    "SỞ Y TẾ"): the body must have that parent, since many bodies share a short name."""
    if len(lines) < 2:
        return []
    body, parent = key(lines[-1]), key(" ".join(lines[:-1]))
    found = []
    for agency in agencies.values():
        last = key(agency.header[-1]) if agency.header else None
        if body not in _names(agency) and body != last:
            continue
        above = agencies.get(agency.parent_id) if agency.parent_id else None
        if above is not None and parent in _names(above):
            found.append(agency)
    return found


def propose_entry(
    issuer_lines: Sequence[str], agencies: Mapping[str, Agency], body_text: str = ""
) -> str:
    """A registry entry for an unknown body, as YAML to review and add to agencies.yml.

    The name is taken from the document's own text when the body is named there in ordinary
    case ("Bộ Tài chính"), since capitals lose the case a name is written in."""
    unit = _has_parent(issuer_lines)
    printed = issuer_lines[-1] if unit else " ".join(issuer_lines)
    name = _cased_name(" ".join(issuer_lines), body_text) or _cased_name(printed, body_text)
    name = name or _sentence_case(printed)
    record: dict[str, object] = {"name": name, "short": name, "header": list(issuer_lines)}
    parent = _by_name(issuer_lines[:-1], agencies) if unit else []
    if len(parent) == 1:
        record["parent"] = parent[0].id
    text = yaml.safe_dump(
        {_new_id(issuer_lines, agencies): record},
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=1000,
    )
    return text.rstrip("\n")


def _has_parent(issuer_lines: Sequence[str]) -> bool:
    """Two lines that are a unit under its parent ("UBND TỈNH X" / "SỞ Y TẾ"), rather than one
    long name wrapped ("BỘ LAO ĐỘNG -" / "THƯƠNG BINH VÀ XÃ HỘI")."""
    return len(issuer_lines) > 1 and bool(_UNIT.match(issuer_lines[-1]))


def _cased_name(printed: str, body_text: str) -> str | None:
    """The name as the text writes it in ordinary case; of several spellings, the one with the
    most capitals ("Văn phòng Quốc hội" rather than "văn phòng quốc hội")."""
    if not body_text or not printed:
        return None
    words = [re.escape(w) for w in printed.split()]
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
    found = {" ".join(m.group().split()) for m in pattern.finditer(body_text)}
    cased = [name for name in found if not name.isupper() and name[0].isupper()]
    return max(sorted(cased), key=lambda n: sum(c.isupper() for c in n), default=None)


def _sentence_case(printed: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ" → "Ủy ban nhân dân tỉnh Quảng Trị": small letters but for
    the first word and the place named after tỉnh, huyện and the like."""
    words = printed.lower().split()
    result = [words[0].capitalize()] if words else []
    proper = False
    for word in words[1:]:
        result.append(word.capitalize() if proper else word)
        proper = proper or word in _BEFORE_PLACE
    return " ".join(result)


def _new_id(issuer_lines: Sequence[str], agencies: Mapping[str, Agency]) -> str:
    """An id from the printed name, shortened, that no agency has yet: the unit first, then
    its parent ("so-y-te-ubnd-tinh-hau-giang")."""
    lines = reversed(issuer_lines) if _has_parent(issuer_lines) else issuer_lines
    base = slugify(" ".join(lines))[:_MAX_ID].strip("-") or "co-quan"
    candidate, number = base, 2
    while candidate in agencies:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
