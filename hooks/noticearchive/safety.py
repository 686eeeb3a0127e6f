"""Finding markup in a notice body that would become HTML if it were passed through.

Notice bodies are plain Markdown. The renderer never lets raw HTML through (it is shown as
text); this module finds it at load time so that staff are told which line held it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A tag, a closing tag (even unfinished, like a scraped "</xml"), a comment or a processing
# instruction. "a < b" and "<3" are text and do not match.
_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9:-]*(?=[\s/>]|$)|!--|!\[CDATA\[|\?[A-Za-z])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data):", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Markup:
    line: int
    """0-based line within the body."""
    snippet: str


def find_markup(body: str) -> list[Markup]:
    """Raw HTML and script-bearing links in a Markdown body, outside code blocks and spans."""
    found: list[Markup] = []
    if "<" not in body and "](" not in body:
        return found  # nearly every notice: neither a tag nor a link can be in it
    in_fence = False
    for index, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or line.startswith(("    ", "\t")):
            continue
        text = _CODE_SPAN.sub("", line)
        for match in _TAG.finditer(text):
            found.append(Markup(index, _snippet(text, match.start())))
        for match in _UNSAFE_LINK.finditer(text):
            found.append(Markup(index, _snippet(text, match.start() + 2)))
    return found


def _snippet(text: str, start: int) -> str:
    end = text.find(">", start)
    end = len(text) if end == -1 or end - start > 40 else end + 1
    return text[start : min(end, start + 40)]
