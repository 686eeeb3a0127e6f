"""Suggesting topics (lĩnh vực) for an imported notice from the words of the topic registry.

A document does not print its topics; staff choose them. To spare them the usual cases, each
topic's name and description are cut into phrases of two words or more ("Lao động, việc làm"
→ "lao động", "việc làm"). A topic is suggested when one of its phrases is in the title, or
when the text uses two different ones more than twice in all. The report says the topics were
suggested, so that they are checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Topic

_SPLIT = re.compile(r"[,.;:()/]|\s+(?:và|hoặc|vì)\s+")
_MIN_WORDS = 2
_TEXT_PHRASES = 2
"""Different phrases of a topic found in the text that suggest it."""
_MAX_TOPICS = 3


@dataclass(frozen=True, slots=True)
class _Scored:
    score: int
    order: int
    topic: Topic


def _phrases(topic: Topic) -> list[str]:
    """The topic's phrases of two words or more: one word ("phòng") says too little."""
    text = f"{topic.name}. {topic.description or ''}"
    parts = {_lowered(p) for p in _SPLIT.split(text)}
    return sorted(p for p in parts if len(p.split()) >= _MIN_WORDS)


def _lowered(text: str) -> str:
    """Small letters, one space; diacritics kept, since folding would make "phòng" (to
    prevent) match "xung phong" (volunteer)."""
    return " ".join(text.lower().split())


def suggest_topics(title: str, body: str, topics: Mapping[str, Topic]) -> tuple[Topic, ...]:
    """Topics whose phrases the document uses, best first (at most three)."""
    small_title, small_body = _lowered(title), _lowered(body)
    scored: list[_Scored] = []
    for order, topic in enumerate(topics.values()):
        score = _score(_phrases(topic), small_title, small_body)
        if score:
            scored.append(_Scored(score, order, topic))
    scored.sort(key=lambda s: (-s.score, s.order))
    return tuple(s.topic for s in scored[:_MAX_TOPICS])


def _score(phrases: Sequence[str], title: str, body: str) -> int:
    """One phrase in the title is enough. In the text one common phrase ("kế hoạch") is not,
    nor is a list that names each field once ("giáo dục và đào tạo, y tế"): it takes two
    different phrases and more than two mentions."""
    in_title = sum(1 for p in phrases if _count(title, p))
    counts = [_count(body, p) for p in phrases]
    distinct, total = sum(1 for c in counts if c), sum(counts)
    if in_title or (distinct >= _TEXT_PHRASES and total > _TEXT_PHRASES):
        return 3 * in_title + distinct
    return 0


def _count(text: str, phrase: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text))
