"""Real formats, built here: WARC, RSS, Atom, HTML with JSON-LD, gzip, mixed encodings."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

from frontwatch.read import Defaults, ReadFailure, read_paths
from frontwatch.read.core import sniff

BODY = (
    "<p>Ukrainian forces said on Monday they had retaken the village of Klishchiivka "
    "after weeks of fighting, the general staff said in its morning report.</p>"
    "<p>Russian officials did not comment on the claim, which could not be verified "
    "independently by reporters who visited the area on Tuesday.</p>"
)
PAGE = f"""<!DOCTYPE html><html><head><title>Klishchiivka retaken | Kyiv Independent</title>
<meta property="og:title" content="Ukraine retakes Klishchiivka">
<meta property="article:published_time" content="2023-09-18T09:00:00+03:00">
<script type="application/ld+json">{json.dumps({
    "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Klishchiivka retaken",
    "datePublished": "2023-09-17T21:40:00Z", "url": "https://kyivindependent.com/klishchiivka",
    "publisher": {"@type": "Organization", "name": "The Kyiv Independent"}})}</script>
</head><body><nav>Home | World | Sport</nav><article><h1>Klishchiivka retaken</h1>{BODY}
</article><footer>Copyright 2023</footer></body></html>"""


def _read(*paths: Path, **kw: object) -> list[object]:
    return list(read_paths([str(p) for p in paths], Defaults(**kw)))  # type: ignore[arg-type]


def test_html_with_json_ld_wins_over_meta_and_options(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    (doc,) = _read(tmp_path / "page.html", published=date(2020, 1, 1), outlet="Option")
    assert not isinstance(doc, ReadFailure)
    assert "retaken the village" in doc.raw_text and "Sport" not in doc.raw_text
    assert doc.published == date(2023, 9, 17)  # JSON-LD, not meta, not the option
    assert doc.title == "Klishchiivka retaken" and doc.url.endswith("/klishchiivka")
    assert doc.outlet == "The Kyiv Independent"
    assert doc.outlet_info["state_controlled"] is False and "wikipedia" in doc.outlet_info["source"]
    assert doc.provenance["published"] == "json-ld" and doc.provenance["title"] == "json-ld"
    assert doc.provenance["outlet"].startswith("outlets.toml")


def test_html_meta_when_no_json_ld(tmp_path: Path) -> None:
    page = PAGE.split("<script")[0] + "</head><body>" + BODY + "</body></html>"
    (tmp_path / "page.htm").write_text(page)
    (doc,) = _read(tmp_path / "page.htm")
    assert doc.published == date(2023, 9, 18) and doc.provenance["published"] == "html-meta"
    assert doc.title == "Ukraine retakes Klishchiivka"


def test_sniffed_by_content_not_extension(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE)
    (doc,) = _read(tmp_path / "page.txt")
    assert doc.provenance["text"] == "trafilatura"
    assert sniff("x", b"WARC/1.0\r\n") == "warc"
    assert sniff("x", b'<?xml version="1.0"?><rss version="2.0">') == "feed"


def test_gzip_of_any_format(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "plain.gz").write_bytes(gzip.compress(b"Kyiv\n\nA plain text report.\n"))
    docs = _read(tmp_path)  # a folder, recursively
    assert [type(d).__name__ for d in docs] == ["Document", "Document"]
    assert "retaken the village" in docs[0].raw_text


def _warc(path: Path, broken: bool = False) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(3):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            page = PAGE.replace("<script", "<!--").replace("</script>", "-->")
            page = page.replace("og:title", "x").replace("Klishchiivka retaken", f"Story {n}")
            rec = writer.create_warc_record(
                f"https://www.ukrinform.net/story-{n}", "response",
                payload=io.BytesIO(page.replace("Monday", f"day {n}").encode()),
                http_headers=http, warc_headers_dict={"WARC-Date": "2023-09-19T10:00:00Z"})
            writer.write_record(rec)
        writer.write_record(writer.create_warc_record("urn:x", "metadata",
                                                      payload=io.BytesIO(b"meta")))
    if broken:
        data = path.read_bytes()
        bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n"
        path.write_bytes(data + bad
                         + b"x" * 20)


def test_warc_response_records_with_url_and_date(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    docs = _read(tmp_path / "crawl.warc.gz")
    assert len(docs) == 3 and all(not isinstance(d, ReadFailure) for d in docs)
    doc = docs[0]
    assert doc.url == "https://www.ukrinform.net/story-0" and doc.provenance["url"] == "warc"
    assert doc.outlet == "Ukrinform" and doc.outlet_info["state_controlled"] is True
    assert doc.published == date(2023, 9, 18)  # the page's meta beats the WARC date
    assert doc.source.startswith(f"{tmp_path / 'crawl.warc.gz'}#")


def test_warc_broken_record_keeps_the_earlier_pages(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz", broken=True)
    items = _read(tmp_path / "crawl.warc.gz")
    assert sum(not isinstance(i, ReadFailure) for i in items) == 3
    assert isinstance(items[-1], ReadFailure) and "crawl.warc.gz" in str(items[-1])


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Strike on Odesa port</title><link>https://www.unian.net/odesa</link>
<pubDate>Tue, 18 Jul 2023 06:00:00 GMT</pubDate>
<description>&lt;p&gt;A missile strike hit the Odesa port overnight, officials said.&lt;/p&gt;
</description>
</item><item><title>Second</title><link>https://meduza.io/x</link>
<description>Another report about shelling near Kherson.</description></item></channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom</title><entry><title>Frappe sur Kharkiv</title><link href="https://fr.news/a"/>
<updated>2023-05-02T10:00:00Z</updated><content type="html">&lt;p&gt;Une frappe a touché
Kharkiv.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_entries(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS)
    (tmp_path / "atom.xml").write_text(ATOM)
    rss = _read(tmp_path / "wire.rss", published=date(2020, 1, 1))
    assert [d.title for d in rss] == ["Strike on Odesa port", "Second"]
    assert rss[0].published == date(2023, 7, 18) and rss[0].provenance["published"] == "feed"
    assert rss[1].published == date(2020, 1, 1) and rss[1].provenance["published"] == "option"
    assert rss[0].outlet == "UNIAN" and "missile strike" in rss[0].raw_text
    assert "<p>" not in rss[0].raw_text
    (atom,) = _read(tmp_path / "atom.xml")
    assert atom.published == date(2023, 5, 2) and "Kharkiv" in atom.raw_text


def test_mixed_encodings_in_one_folder(tmp_path: Path) -> None:
    ru = "Российские войска обстреляли Харьков в понедельник, сообщили местные власти."
    fr = "Les forces ukrainiennes ont repris la ville, a déclaré le ministère à Kyiv."
    (tmp_path / "a-ru.txt").write_bytes(ru.encode("cp1251"))
    (tmp_path / "b-fr.txt").write_bytes(fr.encode("latin-1"))
    (tmp_path / "c-uk.txt").write_text("Сили оборони звільнили село, повідомив Генштаб.")
    ru_doc, fr_doc, uk_doc = _read(tmp_path)
    assert ru_doc.raw_text == ru and "cp1251" in ru_doc.provenance["encoding"]
    assert fr_doc.raw_text == fr and "encoding" in fr_doc.provenance
    assert "encoding" not in uk_doc.provenance
