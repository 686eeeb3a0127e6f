"""Machine-readable output: Atom feeds of the lists, and the whole archive as CSV and JSON.

Journalists subscribe to a body's or a topic's feed, and take the archive into a spreadsheet or
a script. Everything here is written from the archive's own objects, in a stable order, so that
two builds of the same sources give the same files.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .archive import Archive
from .crossref import CrossReferences, Status
from .model import Notice
from .urls import Urls

FEED_SIZE = 50
"""Entries in each feed: the newest notices of the list."""
DATA_FOLDER = "du-lieu/"
FEED_FILE = "feed.xml"
_NAMESPACE = uuid.UUID("6f1c4d52-6a59-4f53-9d3c-2b1f0f6f4a11")
"""Fixed namespace of the entries' ids, so that an entry keeps its id from build to build."""

# The columns of the CSV file and the keys of the JSON records, with what they hold; the data
# page shows this table as the data dictionary.
FIELDS: tuple[tuple[str, str], ...] = (
    ("url", "Địa chỉ trang văn bản, tính từ gốc trang web"),
    ("number", "Số, ký hiệu"),
    ("type", "Loại văn bản (mã trong types.yml)"),
    ("type_name", "Tên loại văn bản"),
    ("title", "Trích yếu"),
    ("agency", "Cơ quan ban hành (mã trong agencies.yml)"),
    ("agency_name", "Tên cơ quan ban hành"),
    ("parent_agency", "Cơ quan cấp trên (mã), nếu có"),
    ("date", "Ngày ban hành, YYYY-MM-DD"),
    ("effective", "Ngày có hiệu lực, YYYY-MM-DD, nếu có"),
    ("place", "Nơi ban hành"),
    ("topics", "Lĩnh vực (mã, cách nhau bởi dấu ;)"),
    ("signer_authority", "Thẩm quyền ký (TM., KT., TL., TUQ., Q.), nếu có"),
    ("signer_position", "Chức vụ người ký"),
    ("signer_name", "Họ tên người ký"),
    ("recipients", "Nơi nhận (cách nhau bởi dấu ;)"),
    ("summary", "Tóm tắt, nếu có"),
    ("status", "Tình trạng: in-force, amended, corrected, not-yet, replaced, repealed"),
    ("relations", "Quan hệ với văn bản khác: loại quan hệ và địa chỉ (trong JSON: danh sách)"),
    ("source", "Tệp nguồn trong kho mã"),
)


def notice_record(
    archive: Archive, urls: Urls, links: CrossReferences | None, notice: Notice
) -> dict[str, Any]:
    """One notice as a flat record (lists stay lists; the CSV joins them)."""
    parent = notice.agency.parent_id
    status = links.status_of(notice) if links is not None else Status.IN_FORCE
    relations = (
        [
            {"kind": r.kind.value, "url": "/" + urls.notice(r.target)}
            for r in links.relations_from.get(notice, ())
        ]
        if links is not None
        else []
    )
    return {
        "url": "/" + urls.notice(notice),
        "number": notice.number,
        "type": notice.doc_type.id,
        "type_name": notice.doc_type.name,
        "title": notice.title,
        "agency": notice.agency.id,
        "agency_name": notice.agency.name,
        "parent_agency": parent,
        "date": notice.date.isoformat(),
        "effective": notice.effective_date.isoformat() if notice.effective_date else None,
        "place": notice.place,
        "topics": [t.id for t in notice.topics],
        "signer_authority": notice.signer.authority,
        "signer_position": notice.signer.position,
        "signer_name": notice.signer.name,
        "recipients": list(notice.recipients),
        "summary": notice.summary,
        "status": status.slug,
        "relations": relations,
        "source": notice.source,
    }


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(
            f"{v['kind']} {v['url']}" if isinstance(v, dict) else str(v) for v in value
        )
    return str(value)


def archive_csv(records: Iterable[dict[str, Any]]) -> str:
    """The archive as CSV with a header row; UTF-8 with a byte-order mark, which is what
    spreadsheet programs need to read Vietnamese correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in FIELDS])
    for record in records:
        writer.writerow([_csv_value(record[name]) for name, _ in FIELDS])
    return "\ufeff" + out.getvalue()


def archive_json(records: Iterable[dict[str, Any]], *, generated: date) -> str:
    data = {"generated": generated.isoformat(), "notices": list(records)}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def full_text_lines(records: Iterable[tuple[dict[str, Any], str]]) -> Iterator[str]:
    """JSON Lines: each notice's record with its text ("body", Markdown)."""
    for record, body in records:
        yield json.dumps({**record, "body": body}, ensure_ascii=False) + "\n"


@dataclass(frozen=True, slots=True)
class Feed:
    """An Atom feed of one list of the site."""

    url: str
    """Site-relative address of the feed file."""
    page_url: str
    """The list page it follows."""
    title: str
    notices: Sequence[Notice]


def feeds(archive: Archive, urls: Urls, site_name: str) -> list[Feed]:
    """A feed for the whole archive and for each body, topic and type that has notices."""
    registry = archive.registry
    found = [Feed(FEED_FILE, "", site_name, archive.notices)]
    for agency_id, notices in archive.by_agency.items():
        url = urls.agency(agency_id)
        found.append(Feed(url + FEED_FILE, url, registry.agencies[agency_id].name, notices))
    for topic_id, notices in archive.by_topic.items():
        url = urls.topic(topic_id)
        found.append(Feed(url + FEED_FILE, url, registry.topics[topic_id].name, notices))
    for type_id, notices in archive.by_type.items():
        url = urls.doc_type(type_id)
        found.append(Feed(url + FEED_FILE, url, registry.types[type_id].name, notices))
    return found


def _timestamp(value: date) -> str:
    """Midnight of the day, Vietnam time (UTC+7, no daylight saving)."""
    return f"{value.isoformat()}T00:00:00+07:00"


def atom(feed: Feed, urls: Urls, *, site_url: str | None, site_name: str) -> str:
    """The feed as Atom 1.0. Links are absolute when the site's address is known; otherwise
    relative to the feed, which Atom allows (RFC 4287, xml:base)."""
    # Relative links lead from the feed's folder back to the site's root.
    root = site_url.rstrip("/") + "/" if site_url else "../" * feed.url.count("/") or "./"

    def link(target: str) -> str:
        return target if root == "./" and target else root + target

    entries = feed.notices[:FEED_SIZE]
    updated = _timestamp(entries[0].date) if entries else "1970-01-01T00:00:00Z"
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">\n',
        f"<title>{escape(feed.title)} — {escape(site_name)}</title>\n",
        f"<id>urn:uuid:{uuid.uuid5(_NAMESPACE, 'feed:' + feed.url)}</id>\n",
        f"<updated>{updated}</updated>\n",
        f'<link rel="self" href={quoteattr(link(feed.url))}/>\n',
        f'<link rel="alternate" type="text/html" href={quoteattr(link(feed.page_url))}/>\n',
        f"<author><name>{escape(site_name)}</name></author>\n",
    ]
    for notice in entries:
        identity = "/".join(str(part) for part in notice.key)
        summary = notice.summary or notice.title
        parts += [
            "<entry>\n",
            f"<title>{escape(notice.label)}: {escape(notice.title)}</title>\n",
            f"<id>urn:uuid:{uuid.uuid5(_NAMESPACE, 'notice:' + identity)}</id>\n",
            f'<link rel="alternate" type="text/html" '
            f"href={quoteattr(link(urls.notice(notice)))}/>\n",
            f"<updated>{_timestamp(notice.date)}</updated>\n",
            f"<author><name>{escape(notice.agency.name)}</name></author>\n",
            *(f"<category term={quoteattr(t.name)}/>\n" for t in notice.topics),
            f"<summary>{escape(summary)}</summary>\n",
            "</entry>\n",
        ]
    parts.append("</feed>\n")
    return "".join(parts)


def write_exports(
    archive: Archive,
    urls: Urls,
    links: CrossReferences | None,
    site_dir: Path,
    *,
    site_url: str | None,
    site_name: str,
    generated: date,
) -> int:
    """Write every feed and the data files into the built site; returns the number of feeds."""
    records = [notice_record(archive, urls, links, n) for n in archive.notices]
    data = site_dir / DATA_FOLDER
    data.mkdir(parents=True, exist_ok=True)
    (data / "van-ban.csv").write_text(archive_csv(records), encoding="utf-8")
    (data / "van-ban.json").write_text(archive_json(records, generated=generated), encoding="utf-8")
    with (data / "toan-van.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(
            full_text_lines(zip(records, (n.body for n in archive.notices), strict=True))
        )
    written = feeds(archive, urls, site_name)
    for feed in written:
        path = site_dir / feed.url
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(atom(feed, urls, site_url=site_url, site_name=site_name), encoding="utf-8")
    return len(written)
