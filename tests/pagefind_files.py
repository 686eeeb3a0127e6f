"""Reading the files of a Pagefind bundle in tests: its word index chunks are gzip-compressed
CBOR, after Pagefind's signature."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def _cbor(data: bytes, at: int = 0) -> tuple[object, int]:
    """One CBOR item of a Pagefind chunk (integers, text, arrays): the value, and where the
    next item starts."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        n = info
    else:
        width = 1 << (info - 24)
        n, at = int.from_bytes(data[at : at + width], "big"), at + width
    if major == 0:
        return n, at
    if major == 1:
        return -1 - n, at
    if major == 3:
        return data[at : at + n].decode(), at + n
    assert major == 4, f"unexpected CBOR major type {major}"
    items = []
    for _ in range(n):
        item, at = _cbor(data, at)
        items.append(item)
    return items, at


@dataclass(frozen=True)
class IndexedWord:
    """A word of a chunk: its unaccented spelling, and its locations over every page, its
    accented spellings' included (each page's list of locations holds Pagefind's weight
    markers too)."""

    word: str
    locations: int


def _locations(pages: object) -> int:
    assert isinstance(pages, list)
    return sum(len(page[1]) + len(page[2]) for page in pages)


def chunk(path: Path) -> list[IndexedWord]:
    """The words of one chunk of a Pagefind word index, in order."""
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE)
    decoded, _ = _cbor(data[len(SIGNATURE) :])
    assert isinstance(decoded, list) and isinstance(decoded[0], list)
    words = []
    for entry in decoded[0]:
        assert isinstance(entry, list)
        variants = entry[2] if len(entry) > 2 else []
        total = _locations(entry[1]) + sum(_locations(v[1]) for v in variants)
        words.append(IndexedWord(str(entry[0]), total))
    return words


def chunk_words(path: Path) -> list[str]:
    """The words of one chunk of a Pagefind word index."""
    return [w.word for w in chunk(path)]


def chunks(bundle: Path) -> list[list[IndexedWord]]:
    """Every chunk of a bundle's word index, in the order of its words."""
    found = [chunk(p) for p in (bundle / "index").iterdir()]
    return sorted(found, key=lambda words: words[0].word)
