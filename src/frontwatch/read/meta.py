"""Page metadata from HTML: JSON-LD first, then <meta> tags, then <time> and <title>.

Each value comes back with where it came from ("json-ld", "html-meta", "html-time",
"html-title"), which the reader records in `Document.provenance`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
    "webpage", "liveblogposting", "backgroundnewsarticle", "opinionnewsarticle",
}
META_KEYS = {
    "published": (
        "article:published_time", "og:article:published_time", "datepublished",
        "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date",
        "parsely-pub-date", "publication_date",
    ),
    "title": ("og:title", "twitter:title", "dc.title", "headline"),
    "url": ("og:url",),
    "site": ("og:site_name", "application-name"),
}


def parse_date(value: object) -> date | None:
    text = str(value or "").strip()
    if len(text) < 8:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for cut in (19, 16, 10):  # "2022-10-01T12:00:00+0300" and other near-ISO forms
        try:
            return datetime.fromisoformat(text[:cut].replace(" ", "T")).date()
        except ValueError:
            continue
    return None


def _jsonld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [])
                yield item


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).casefold() for k in kinds}


def page_metadata(tree: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """(values, provenance) for published, title, url and site from a parsed page."""
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}

    def put(key: str, value: Any, where: str) -> None:
        if key not in values and value not in (None, ""):
            values[key] = value
            origin[key] = where

    for obj in _jsonld_objects(tree):
        if not _types(obj) & ARTICLE_TYPES:
            continue
        put("published", parse_date(obj.get("datePublished") or obj.get("dateCreated")),
            "json-ld")
        headline = obj.get("headline") or obj.get("name")
        put("title", headline.strip() if isinstance(headline, str) else None, "json-ld")
        url = obj.get("url") or obj.get("mainEntityOfPage")
        if isinstance(url, dict):
            url = url.get("@id")
        put("url", url if isinstance(url, str) and url.startswith("http") else None, "json-ld")
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            put("site", publisher["name"].strip(), "json-ld")
    metas: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").casefold()
        if key and key not in metas and meta.get("content"):
            metas[key] = meta.get("content").strip()
    for field, keys in META_KEYS.items():
        for key in keys:
            if key in metas:
                value = parse_date(metas[key]) if field == "published" else metas[key]
                put(field, value, "html-meta")
    for link in tree.iterfind('.//link[@rel="canonical"]'):
        href = link.get("href") or ""
        put("url", href if href.startswith("http") else None, "html-meta")
    for node in tree.iterfind(".//time"):
        put("published", parse_date(node.get("datetime")), "html-time")
    title = tree.findtext(".//title")
    put("title", title.strip() if title else None, "html-title")
    return values, origin
