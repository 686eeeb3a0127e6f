"""Dividers: words that make Pagefind cut a bundle's word index into chunks of even size.

A search downloads the chunk of the word index that holds each word of its query. Pagefind
(1.5) closes a chunk once the words in it hold :data:`CHUNK_LOCATIONS` locations, but it counts
only the locations of a word's unaccented spelling (and of the metadata that holds it): the
accented spellings ("quyết", "quyệt") are kept beside that word, as variants, and not counted.
Most Vietnamese words carry marks, so a chunk held up to eight times the locations Pagefind
means it to (measured at 10,000 notices: 100-220 kB a chunk of words against 25-30 kB a chunk
of numbers), and a query of three common words downloaded half a megabyte of index.

The archive therefore counts the words of a bundle's records as Pagefind does, and where a
chunk, counted with every spelling, grows past :data:`TARGET_LOCATIONS`, it places a divider: a
word that sorts between two neighbouring words of the index, written into every record often
enough for Pagefind to close the chunk at it. The dividers are written in a metadata field of
their own, which Pagefind indexes but the search page never shows: they do not lengthen the
text of a notice, which Pagefind's ranking weighs, and repeated in the same place of every
record they add about 130 bytes to each record's compressed fragment.

Pagefind matches a word of a query with every word of the index it begins ("thu" finds "thuc"),
so a divider, which every record holds, must begin no word anyone searches for: it is two or
three letters ending with a letter that Vietnamese does not use (f, j, w or z), it begins no
word of the bundle, none of its beginnings longer than a letter is a word of the bundle, and
it begins with a consonant. Vietnamese words of one letter are vowels ("y" of "y tế", "ô" of
"ô nhiễm"); a consonant alone is a list marker ("điểm b") or an initial, hardly a query.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

CHUNK_LOCATIONS = 20_000
"""Pagefind (1.5) closes a chunk of its word index once the chunk's words hold this many
locations. It counts, for each page that holds a word's unaccented spelling, the times the word
occurs there (in the text and in the metadata), plus two."""

TARGET_LOCATIONS = 20_000
"""The locations a chunk should hold at most, every spelling counted, where the words allow a
divider: what Pagefind means a chunk to hold (about 30 kB compressed). Each divider costs
Pagefind memory while it indexes (see :data:`.search.OLDER_CHUNKS`)."""

MOST_REPEATS = 100
"""A word is written at most this many times a record to fill a chunk (see
:func:`repeats_to_fill`)."""

QUIET_LETTERS = "fjwz"
"""Letters no Vietnamese word holds: a divider ends with one."""
SHORTEST_DIVIDER = 2
"""A divider of one letter ("f") would match any query word that begins with it but begins no
word of the bundle ("facebook"): Pagefind, finding no word that a query word begins, falls
back on the longest word of the index that begins the query word."""
LONGEST_DIVIDER = 3
VOWELS = "aeiouy"
"""A divider begins with a consonant: the Vietnamese words of one letter are vowels ("ở",
"y" of "y tế"), and a query word that begins a divider matches it in every notice."""
NOT_DIVIDERS = frozenset({"tw"})
"""Abbreviations of official writing made with a quiet letter: TW (trung ương, "NQ/TW")."""

_WORD_PART = re.compile(r"\w+")


def spelling_base(word: str) -> str:
    """The word as Pagefind files it: lower case, marks removed, but đ kept (it has no Unicode
    decomposition)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@lru_cache(maxsize=1 << 16)
def words_of(run: str) -> tuple[tuple[str, str], ...]:
    """The words Pagefind indexes for a run of text between spaces, each as (its unaccented
    spelling, itself): the run without its punctuation and, when punctuation joins several
    parts ("211/qđ-ubnd"), each part. Cached: the bundles of an archive share most runs."""
    parts = _WORD_PART.findall(run)
    words = ["".join(parts)] + (parts if len(parts) > 1 else [])
    return tuple((spelling_base(w), w) for w in words if w)


@dataclass(slots=True)
class WordCount:
    """The words of a bundle's records, counted as Pagefind counts them."""

    occurrences: Counter[str] = field(default_factory=Counter)
    """How many times each run of text between spaces (in lower case) occurs."""
    pages: Counter[str] = field(default_factory=Counter)
    """How many records hold each run."""

    def add(self, text: str) -> None:
        """Count the words of one record (its text and its metadata). Runs are counted, not
        words, as the runs of a bundle's records are mostly the same few thousand: a run is
        read once for the whole bundle (see :meth:`by_word`)."""
        runs = text.lower().split()
        self.occurrences.update(runs)
        self.pages.update(set(runs))

    def by_word(self) -> tuple[Counter[str], Counter[str]]:
        """For each word (its unaccented spelling), what Pagefind counts toward closing a
        chunk, and the same with every spelling counted (what the word adds to its chunk).
        A page that holds a word in two runs ("định" and "định,") is counted twice here, a
        little more than Pagefind counts."""
        counted: Counter[str] = Counter()
        size: Counter[str] = Counter()
        for run, times in self.occurrences.items():
            locations = times + 2 * self.pages[run]
            for base, word in words_of(run):
                size[base] += locations
                if base == word:
                    counted[base] += locations
        return counted, size


def repeats_to_fill(pages: int) -> int | None:
    """How many times each record of a bundle of ``pages`` must hold a word for the word to
    fill a chunk of the index alone (at least once); ``None`` if that is more than
    :data:`MOST_REPEATS`."""
    needed = max(1, -(-CHUNK_LOCATIONS // max(1, pages)) - 2)
    return needed if needed <= MOST_REPEATS else None


@dataclass(frozen=True, slots=True)
class Dividers:
    """The dividers of a bundle, in the order of the index."""

    words: tuple[str, ...]
    repeats: int
    """How many times each record holds each of them."""

    def text(self) -> str:
        return " ".join(" ".join([word] * self.repeats) for word in self.words)


def divider_between(word: str, following: str, words: set[str]) -> str | None:
    """A divider that sorts between two neighbouring words of an index (``words``), if there
    is one (see the module's documentation); a word between two neighbours begins no word of
    the index, since that word would sort between them too."""
    same = 0
    while same < min(len(word), len(following)) and word[same] == following[same]:
        same += 1
    candidates = []
    if same < len(word) and same < len(following):
        # The first letter that differs, replaced by a quiet letter between the two.
        candidates += [word[:same] + c for c in QUIET_LETTERS if word[same] < c < following[same]]
    if same + 1 < len(word):
        # Or, after that letter, a quiet letter sorting after the word's next one.
        candidates += [word[: same + 1] + c for c in QUIET_LETTERS if c > word[same + 1]]
    for divider in candidates:
        beginnings = (divider[:n] for n in range(2, len(divider)))
        if (
            SHORTEST_DIVIDER <= len(divider) <= LONGEST_DIVIDER
            and divider not in NOT_DIVIDERS
            and divider[0] not in VOWELS
            and divider.isalpha()
            and word < divider < following
            and not any(b in words for b in beginnings)
        ):
            return divider
    return None


def plan_dividers(count: WordCount, pages: int, target: int = TARGET_LOCATIONS) -> Dividers:
    """The dividers of a bundle of ``pages`` records whose words are ``count``: one wherever a
    chunk would grow past ``target`` locations and a divider fits. Each divider fills a chunk
    alone (see :func:`repeats_to_fill`), so that Pagefind closes the chunk at it whatever the
    count of the words before it, which the archive follows closely but not exactly. A bundle
    of fewer than about 200 notices gets none: each record would repeat them too often, and
    such an index is small anyway."""
    repeats = repeats_to_fill(pages)
    if repeats is None:
        return Dividers((), 0)
    counted_by_word, size_by_word = count.by_word()
    words = sorted(size_by_word)
    known = set(words)
    dividers: list[str] = []
    counted = size = 0
    for word, following in pairwise(words):
        counted += counted_by_word[word]
        size += size_by_word[word]
        if counted >= CHUNK_LOCATIONS:
            counted = size = 0  # Pagefind closes the chunk at this word by itself
        elif size >= target and (divider := divider_between(word, following, known)):
            dividers.append(divider)
            counted = size = 0
    return Dividers(tuple(dividers), repeats)
