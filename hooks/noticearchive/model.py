"""The archive's domain model: immutable, validated once when the sources are loaded.

Nothing here knows about MkDocs or HTML; pages are derived from these objects elsewhere.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .vietnamese import slugify

_EMPTY: Mapping[str, int] = MappingProxyType({})


@dataclass(frozen=True, kw_only=True, slots=True)
class DocumentType:
    """A kind of document from Decree 30/2020/NĐ-CP, Phụ lục III (or a legal normative type)."""

    id: str
    """Registry id, used in front matter and URLs: ``thong-bao``."""
    name: str
    """Name in sentence case: ``Thông báo``."""
    abbr: str | None
    """Abbreviation used in document numbers: ``TB``; None for Công văn, which has none."""
    plural: str | None = None
    """Heading for lists of this type, when it differs from the name."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Agency:
    """An issuing body, placed under its parent body."""

    id: str
    """Registry id: ``vp-ubnd-tinh``."""
    name: str
    """Full name: ``Văn phòng Ủy ban nhân dân tỉnh Hậu Giang``."""
    short_name: str
    """Name used in lists and breadcrumbs: ``Văn phòng UBND tỉnh``."""
    parent_id: str | None
    """Id of the body it belongs to, or None for a top-level body."""
    header: tuple[str, ...] = ()
    """The issuing-body lines as the body prints them on its documents, top to bottom."""
    aliases: tuple[str, ...] = ()
    """Other names the body is known by, for matching imported documents."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Topic:
    """A subject area (lĩnh vực) that notices are filed under."""

    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Signer:
    """The signature block: authority (TM., KT., TL., TUQ., Q.), position and name."""

    authority: str | None
    """``KT. CHÁNH VĂN PHÒNG``; None when the head of the body signs in their own name."""
    position: str
    """``Phó Chánh Văn phòng``."""
    name: str
    """``Phạm Thanh Tuyền``."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Attachment:
    """A file kept beside the notice source, published beside its page."""

    path: str
    """File name relative to the folder of the notice source: ``405-tb-vp-ubnd.pdf``."""
    title: str
    """What a reader sees: ``Bản gốc (PDF)``."""


class RelationKind(enum.Enum):
    """How one notice acts on another. Values are the front-matter keys."""

    AMENDS = "amends"
    REPLACES = "replaces"
    REPEALS = "repeals"
    IMPLEMENTS = "implements"
    CORRECTS = "corrects"
    BASED_ON = "based_on"


@dataclass(frozen=True, kw_only=True, slots=True)
class RelationRef:
    """A relation as written in front matter, before it is resolved to a notice."""

    kind: RelationKind
    number: str
    """The target's number with its ký hiệu: ``12/QĐ-UBND``."""
    year: int | None = None
    """The target's year, needed when the number alone is ambiguous."""
    agency_id: str | None = None
    """The target's issuing body, when the number alone is ambiguous."""
    line: int | None = None
    """Line of the reference in the source file."""


_NUMBER_RE = re.compile(
    r"^(?P<seq>\d+[A-Za-z]?)(?:/(?P<year>\d{4}))?/(?P<symbol>[^\s/]+(?:/[^\s/]+)*)$"
)


@dataclass(frozen=True, slots=True)
class DocumentNumber:
    """A document number split into its parts: ``405/TB-VP.UBND`` or ``12/2018/NĐ-CP``."""

    text: str
    sequence: str | None
    year: int | None
    symbol: str | None
    """The ký hiệu after the slash: ``TB-VP.UBND``."""

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        match = _NUMBER_RE.match(text.strip())
        if not match:
            return cls(text, None, None, None)
        year = match["year"]
        return cls(text, match["seq"], int(year) if year else None, match["symbol"])

    @property
    def type_abbr(self) -> str | None:
        """The first part of the ký hiệu, which names the type for all but Công văn."""
        if not self.symbol:
            return None
        return self.symbol.split("-", 1)[0]

    @property
    def slug(self) -> str:
        return slugify(self.text)


@dataclass(frozen=True, kw_only=True, slots=True, eq=False)
class Notice:
    """One notice, as validated from its source file.

    Notices compare by identity: each source file yields one object, which is used as a key
    in the archive's tables."""

    source: str
    """Path of the source relative to the archive's root: ``notices/2013/405-tb-vp-ubnd.md``."""
    number: str
    doc_type: DocumentType
    title: str
    """The subject (trích yếu) on one line."""
    agency: Agency
    date: dt.date
    """Issuing date."""
    place: str
    topics: tuple[Topic, ...]
    signer: Signer
    recipients: tuple[str, ...]
    body: str
    """The content in Markdown, without the signature and recipients blocks."""
    body_line: int = 1
    """Line of the source file on which the body starts (for messages about the body)."""
    summary: str | None = None
    effective_date: dt.date | None = None
    attachments: tuple[Attachment, ...] = ()
    relations: tuple[RelationRef, ...] = ()
    field_lines: Mapping[str, int] = field(default_factory=lambda: _EMPTY, compare=False)
    """Line of each front-matter key in the source file."""

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def parsed_number(self) -> DocumentNumber:
        return DocumentNumber.parse(self.number)

    @property
    def number_slug(self) -> str:
        return slugify(self.number)

    @property
    def key(self) -> tuple[str, int, str]:
        """Identity: a number is unique within one issuing body and one year (Decree 30)."""
        return (self.agency.id, self.year, self.number_slug)

    @property
    def label(self) -> str:
        """``Thông báo 405/TB-VP.UBND``: how a notice is named in links and messages."""
        return f"{self.doc_type.name} {self.number}"

    def line_of(self, key: str) -> int | None:
        return self.field_lines.get(key)
