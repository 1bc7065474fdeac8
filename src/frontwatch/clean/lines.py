"""Line-based clutter removal for text scraped with its page furniture.

Each line of the raw text is kept or dropped. Drops come from three kinds of evidence:
- the language packs' boilerplate rules (follow-us lines, consent banners, credits...);
  all packs apply, because a French page often carries an English consent banner and the
  language is not known yet at this stage;
- layout: a title repeated under itself, a caption right under a photo credit, short
  lines after the last paragraph of the article (site slogans, menus);
- neighbourhood: a line that only weakly looks like clutter ("OK", one mention of cookies)
  is dropped when it sits inside a block of strong clutter of the same kind.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import pairwise

from frontwatch.clean.recurring import LineStore, default_store_path, line_hash
from frontwatch.langpack import FLAGS, load_langpacks
from frontwatch.model import Document, RemovedSpan
from frontwatch.pipeline import Resources, register

BODY_MIN_WORDS = 12
HEADING_MAX_WORDS = 20
CAPTION_MAX_WORDS = 25
ARTICLE_GAP = 6
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
SENTENCE_END = re.compile(r"[.!?…»\"”)]\s*$")


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]
    part: bool = False
    min_hits: int = 1
    weak_only: bool = False


@dataclass
class Line:
    start: int
    end: int
    text: str
    keep_from: int = 0  # offset within the line where kept text starts (after a part drop)
    keep_to: int | None = None
    drops: list[RemovedSpan] = field(default_factory=list)
    weak: str | None = None  # reason this line would have if its neighbours confirm it

    @property
    def kept(self) -> str:
        return self.text[self.keep_from : self.keep_to].strip()

    @property
    def dropped(self) -> bool:
        return not self.kept


def _rules() -> list[Rule]:
    rules: list[Rule] = []
    for pack in load_langpacks():
        for raw in pack.get("boilerplate", "rule", []):
            rules.append(
                Rule(
                    reason=raw["reason"],
                    pattern=re.compile(raw["pattern"], FLAGS),
                    part=bool(raw.get("part", False)),
                    min_hits=int(raw.get("min_hits", 1)),
                    weak_only=bool(raw.get("weak_only", False)),
                )
            )
    return rules


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


class CleanLines:
    name = "clean.lines.v1"  # the v2 factory renames its instance
    requires = frozenset({"raw_text"})
    assigns = frozenset({"text", "removed", "paragraphs", "title"})

    def __init__(
        self, rules: list[Rule], *, article_block: bool = False, store: LineStore | None = None
    ) -> None:
        self.rules = rules
        self.article_block = article_block  # v2: keep the article's block of paragraphs
        self.store = store  # v2: drop lines the outlet repeats across many documents

    def __call__(self, doc: Document) -> Document:
        lines = _split_lines(doc.raw_text)
        title_idx = next((i for i, ln in enumerate(lines) if ln.text.strip()), None)
        title = _norm(doc.title) if doc.title else None
        if title_idx is not None and title is None and _words(lines[title_idx].text) <= 40:
            title = _norm(lines[title_idx].text)
            doc.title = lines[title_idx].text.strip().translate(SPACES)
            doc.provenance.setdefault("title", "first line")
        previous_credit = False
        for i, line in enumerate(lines):
            if not line.text.strip():
                continue
            if i != title_idx and title and _norm(line.text).startswith(title):
                cut = _prefix_length(line.text, title)
                _drop(line, 0, cut, "repeated-title")
            self._apply_rules(line)
            credit = any(d.reason == "photo-credit" for d in line.drops)
            if (
                previous_credit
                and not line.dropped
                and _words(line.kept) <= CAPTION_MAX_WORDS
                and i != title_idx
            ):
                _drop(line, line.keep_from, line.keep_to, "photo-caption")
            previous_credit = credit
        _confirm_weak(lines)
        if self.store is not None and doc.outlet:
            self._drop_recurring(doc, lines, title_idx)
        if doc.provenance.get("text") != "trafilatura":  # an extractor already chose the block
            if self.article_block:
                _drop_outside_article(lines, title_idx)
            _drop_footer(lines, title_idx)
        return _assemble(doc, lines, title_idx)

    def _drop_recurring(self, doc: Document, lines: list[Line], title_idx: int | None) -> None:
        assert self.store is not None and doc.outlet
        norms = {i: _norm(ln.text) for i, ln in enumerate(lines) if ln.text.strip()}
        counts = self.store.observe(doc.outlet, doc.id, list(norms.values()))
        for i, norm in norms.items():
            line = lines[i]
            if i == title_idx or line.dropped:
                continue
            if counts.get(line_hash(norm), 0) >= self.store.min_documents:
                _drop(line, line.keep_from, line.keep_to, "recurring-line")

    def _apply_rules(self, line: Line) -> None:
        for rule in self.rules:
            if line.dropped:
                return
            text = line.text[line.keep_from : line.keep_to]
            hits = {m.group(0).casefold() for m in rule.pattern.finditer(text)}
            if not hits:
                continue
            if rule.part:
                m = rule.pattern.search(text)
                assert m is not None
                _drop(line, line.keep_from + m.start(), line.keep_from + m.end(), rule.reason)
            elif len(hits) >= rule.min_hits and not rule.weak_only:
                _drop(line, line.keep_from, line.keep_to, rule.reason)
            elif line.weak is None:
                line.weak = rule.reason


def _split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for chunk in raw.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(chunk)
    return lines


def _prefix_length(text: str, prefix_norm: str) -> int:
    """Length of the raw prefix of `text` whose normalised form is `prefix_norm`."""
    for cut in range(len(prefix_norm), len(text) + 1):
        if _norm(text[:cut]) == prefix_norm:
            return cut
    return len(text)


def _drop(line: Line, start: int, end: int | None, reason: str) -> None:
    end = len(line.text) if end is None else end
    piece = line.text[start:end]
    if not piece.strip():
        return
    line.drops.append(RemovedSpan(line.start + start, line.start + end, piece, reason))
    if start <= line.keep_from:
        line.keep_from = end
    else:
        line.keep_to = start
    if not line.kept:
        line.keep_from, line.keep_to = len(line.text), len(line.text)


def _confirm_weak(lines: list[Line]) -> None:
    """Drop weak lines that sit in a run of clutter holding a strong line of their kind."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if not line.text.strip():
            continue
        if line.dropped or line.weak:
            current.append(line)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs:
        strong = {d.reason for ln in run for d in ln.drops}
        for line in run:
            if line.weak and not line.dropped and line.weak in strong:
                _drop(line, line.keep_from, line.keep_to, line.weak)


def _is_body(text: str) -> bool:
    return _words(text) >= BODY_MIN_WORDS and bool(SENTENCE_END.search(text))


def _drop_outside_article(lines: list[Line], title_idx: int | None) -> None:
    """Keep the article's block: the run of body paragraphs holding the most words, where
    runs are split by more than ARTICLE_GAP lines of non-body text. Lines before it (menus,
    teasers) and body-like lines in other runs (comments, related stories) are dropped."""
    body = [i for i, ln in enumerate(lines) if not ln.dropped and _is_body(ln.kept)]
    if not body:
        return
    runs: list[list[int]] = [[body[0]]]
    for prev, cur in pairwise(body):
        gap = sum(1 for ln in lines[prev + 1 : cur] if ln.text.strip() and not ln.dropped)
        if gap > ARTICLE_GAP:
            runs.append([cur])
        else:
            runs[-1].append(cur)
    best = max(runs, key=lambda run: sum(_words(lines[i].kept) for i in run))
    first, last = best[0], best[-1]
    for i, line in enumerate(lines):
        if first <= i <= last or i == title_idx or not line.text.strip() or line.dropped:
            continue
        reason = "header" if i < first else "outside-article"
        if i > last and not _is_body(line.kept):
            continue  # left to the footer rule, which names it
        _drop(line, line.keep_from, line.keep_to, line.weak or reason)


def _drop_footer(lines: list[Line], title_idx: int | None) -> None:
    """After the article's last paragraph, short lines are site furniture, not content."""
    last_body = max(
        (i for i, ln in enumerate(lines) if not ln.dropped and _is_body(ln.kept)), default=None
    )
    if last_body is None:
        return
    for i in range(last_body + 1, len(lines)):
        line = lines[i]
        if line.text.strip() and not line.dropped and i != title_idx:
            _drop(line, line.keep_from, line.keep_to, line.weak or "footer")


def _assemble(doc: Document, lines: list[Line], title_idx: int | None) -> Document:
    parts: list[str] = []
    doc.paragraphs, doc.headings, doc.removed = [], [], []
    pos = 0
    for i, line in enumerate(lines):
        doc.removed.extend(line.drops)
        kept = line.kept
        if not kept:
            continue
        if parts:
            pos += 2
        start = pos
        parts.append(kept)
        pos += len(kept)
        if i == title_idx or (_words(kept) <= HEADING_MAX_WORDS and not _is_body(kept)):
            doc.headings.append(len(doc.paragraphs))
        doc.paragraphs.append((start, pos))
    # No-break and thin spaces (French typography puts them inside guillemets) become plain
    # spaces, so that every language-pack pattern can write a space as a space.
    doc.text = "\n\n".join(parts).translate(SPACES)
    return doc


@register("clean.lines.v1")
def make_clean(resources: Resources) -> CleanLines:
    return CleanLines(_rules())


@register("clean.lines.v2")
def make_clean_v2(resources: Resources) -> CleanLines:
    """v1 plus the article block (for scraped text) and the recurring-line store."""
    path = resources.options.get("line_store", default_store_path())
    stage = CleanLines(_rules(), article_block=True, store=LineStore(path) if path else None)
    stage.name = "clean.lines.v2"
    return stage
