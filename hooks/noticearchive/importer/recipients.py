"""The recipients: the lines under "Nơi nhận:", printed at the left of the signature.

In text exports the block comes just before the signature (or, from some PDFs, just after
it). Each recipient starts with a dash; a line without one continues the recipient above it,
and a scraper may join the last recipient to the first words of the signature block, which
the signature reader has already told apart. A "Nơi nhận" elsewhere belongs to a form in an
appendix, not to the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .position import Position
from .signature import HINT, SignatureBlock, take_name
from .vocabulary import APPENDIX, RECIPIENTS_LABEL, SIGNED_MARK, is_upper_text

_ITEM = re.compile(r"^[-–—+•*]\s*")
_INLINE_ITEM = re.compile(r"(?<=[;.])\s+(?=[-–—+•]\s)")
"""Between recipients a scraper joined on one line: "- Như trên; - Lưu: VT."."""
_MAX_BEFORE = 80
"""Lines between "Nơi nhận" and the signature beyond which they are not one block."""
_MAX_CONTINUATION = 100
"""A line without a dash longer than this is prose, not the continuation of a recipient."""
_MAX_SIDE_BY_SIDE = 20
"""Lines over which recipients and signature may be printed side by side."""
_MAX_AFTER = 4
"""Non-empty lines after the signer's name within which a following "Nơi nhận" belongs to it."""


@dataclass(frozen=True, slots=True)
class Recipients:
    items: tuple[str, ...]
    start: Position | None
    """Where "Nơi nhận" starts when it comes before the signature: the content ends there."""


NONE = Recipients((), None)


def find_recipients(
    lines: Sequence[str], body_start: Position, signature: SignatureBlock | None
) -> Recipients:
    """The recipients of the document whose signature is ``signature``."""
    if signature is None:
        return _first_after(lines, body_start.line)
    found = _before(lines, body_start, signature.start)
    if found.items:
        return found
    return _after(lines, signature.name_line + 1)


def _before(lines: Sequence[str], body_start: Position, end: Position) -> Recipients:
    first = max(body_start.line, end.line - _MAX_BEFORE)
    for index in range(end.line, first - 1, -1):
        label = RECIPIENTS_LABEL.match(lines[index]) if index < len(lines) else None
        if label is None or (index == end.line and end.col <= 0):
            continue
        if index == end.line:
            texts = [lines[index][label.end() : end.col]]
        else:
            between = [lines[i] for i in range(index + 1, min(end.line, len(lines)))]
            if not all(_recipient_like(line) for line in between):
                return NONE  # prose between them: a form's "Nơi nhận", not this block
            texts = [lines[index][label.end() :], *between]
            if end.line < len(lines):
                texts.append(lines[end.line][: end.col])
        return Recipients(_items(texts), Position(index, 0))
    return NONE


def _recipient_like(line: str) -> bool:
    return not line or bool(_ITEM.match(line)) or len(line) <= _MAX_CONTINUATION


def _first_after(lines: Sequence[str], start: int) -> Recipients:
    """Without a signature: the first "Nơi nhận" after the start of the content."""
    for index in range(start, len(lines)):
        label = RECIPIENTS_LABEL.match(lines[index])
        if label is not None:
            texts = [lines[index][label.end() :], *_following_items(lines, index + 1)]
            return Recipients(_items(texts), Position(index, 0))
    return NONE


def _after(lines: Sequence[str], start: int) -> Recipients:
    seen = 0
    for index in range(start, len(lines)):
        if not lines[index]:
            continue
        label = RECIPIENTS_LABEL.match(lines[index])
        if label is not None:
            texts = [lines[index][label.end() :], *_following_items(lines, index + 1)]
            return Recipients(_items(texts), None)
        seen += 1
        if seen >= _MAX_AFTER:
            break
    return NONE


def _following_items(lines: Sequence[str], start: int) -> list[str]:
    """The recipient lines after a label: dashed lines and their continuations."""
    texts: list[str] = []
    for line in lines[start:]:
        if not line:
            if texts:
                break
            continue
        if not _ITEM.match(line) and (not texts or is_upper_text(line) or APPENDIX.match(line)):
            break
        texts.append(line)
    return texts


def _items(texts: Sequence[str]) -> tuple[str, ...]:
    """One entry per dash; lines without one continue the entry above them."""
    items: list[str] = []
    for line in texts:
        for text in _INLINE_ITEM.split(line.strip()):
            if not text:
                continue
            if _ITEM.match(text) or not items:
                items.append(_ITEM.sub("", text))
            else:
                items[-1] = f"{items[-1]} {text}"
    return tuple(item for item in items if item)


def unfold_columns(lines: Sequence[str], start: int) -> list[str]:
    """The lines with recipients and signature one after the other, where a PDF exported with
    its layout printed them side by side ("Nơi nhận: KT. GIÁM ĐỐC" / "- Như trên; PHÓ GIÁM
    ĐỐC" / …): the left column first, then the right one. Only the first "Nơi nhận" after
    ``start`` is looked at; later ones belong to forms."""
    for index in range(start, len(lines)):
        label = RECIPIENTS_LABEL.match(lines[index])
        if label is None:
            continue
        beside = lines[index][label.end() :]
        if not HINT.match(beside):
            break
        left, right, end = _columns(lines, index, label.end())
        return [*lines[:index], *left, *right, *lines[end:]]
    return list(lines)


def _columns(lines: Sequence[str], index: int, at: int) -> tuple[list[str], list[str], int]:
    left, right = [lines[index][:at].strip()], [lines[index][at:].strip()]
    end = index + 1
    while end < len(lines) and end < index + _MAX_SIDE_BY_SIDE:
        line = lines[end]
        end += 1
        if _ITEM.match(line):
            cut = _right_column(line)
            left.append(line[:cut].strip())
            right.append(line[cut:].strip())
        elif line and (is_upper_text(line) or SIGNED_MARK.fullmatch(line)):
            right.append(line)
        elif line and take_name(line.split()) == " ".join(line.split()):
            right.append(line)
            break
        else:
            left.append(line)
    return [x for x in left if x], [x for x in right if x], end


def _right_column(line: str) -> int:
    """Where the signature's column starts in a recipient's line: a mark or position in
    capitals to the end of the line, or a name after the recipient's last punctuation."""
    for hint in HINT.finditer(line):
        tail = line[hint.start() :]
        # "KT. GIÁM ĐỐC" or "PHÓ GIÁM ĐỐC", not the "KT." ending "- Lưu: VT, KT."
        if hint.start() > 0 and is_upper_text(tail) and len(tail.split()) > 1:
            return hint.start()
    words = line.split(" ")
    for count in range(2, 6):
        tail = " ".join(words[-count:])
        after_punctuation = len(words) > count and words[-count - 1][-1:] in ";.,)"
        if after_punctuation and take_name(tail.split()) == tail:
            return len(line) - len(tail)
    return len(line)
