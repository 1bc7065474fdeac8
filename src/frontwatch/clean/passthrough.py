"""A clean stage that removes nothing: for text that is already clean, and for benchmarks
whose gold offsets index the input itself."""

from __future__ import annotations

import re

from frontwatch.model import Document
from frontwatch.pipeline import Resources, register

PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


class CleanPassthrough:
    name = "clean.passthrough.v1"
    requires = frozenset({"raw_text"})
    assigns = frozenset({"text", "removed", "paragraphs", "title"})

    def __call__(self, doc: Document) -> Document:
        doc.text = doc.raw_text
        doc.removed, doc.paragraphs, doc.headings = [], [], []
        start = 0
        for m in [*PARAGRAPH_BREAK.finditer(doc.text), None]:
            end = m.start() if m else len(doc.text)
            if doc.text[start:end].strip():
                doc.paragraphs.append((start, end))
            start = m.end() if m else end
        return doc


@register("clean.passthrough.v1")
def make_passthrough(resources: Resources) -> CleanPassthrough:
    return CleanPassthrough()
