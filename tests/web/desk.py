"""A desk database built in tests: the Lyman example, the repo's examples, and a few
reports written here (one of them hostile: markup that must stay text)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from frontwatch import api
from frontwatch.read import Defaults
from frontwatch.store import Store, ingest

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = 'Shelling <b>report</b> <script>window.__pwned = "title"</script>'
HOSTILE_TEXT = (
    "Russian forces shelled Kharkiv on October 6, 2022, Ukrainian officials said, killing "
    '4 people. <script>window.__pwned = "script"</script> '
    '<img src="x" onerror="window.__pwned = \'img\'"> was written on a wall.\n'
)
WRITTEN = {
    "hostile": {"outlet": "Hostile Outlet <i>", "published": "2022-10-07",
                "title": HOSTILE_TITLE, "url": "javascript:alert(1)", "text": HOSTILE_TEXT},
    "kherson": {"outlet": "Test Wire", "published": "2022-11-12",
                "text": "Ukrainian troops retook Kherson on November 11, 2022, the General "
                        "Staff said.\n"},
    "izium": {"outlet": "Test Wire", "published": "2022-09-11",
              "text": "Ukrainian forces entered Izium on September 10, 2022, the Ukrainian "
                      "army said.\n"},
}


def write_reports(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "written.jsonl").open("w", encoding="utf-8") as out:
        for name, doc in WRITTEN.items():
            out.write(json.dumps({"source": name, **doc}, ensure_ascii=False) + "\n")
    return folder / "written.jsonl"


def build_desk_db(url: str, lyman: Path, tmp: Path) -> str:
    written = write_reports(tmp)
    with Store.open(url) as store:
        ingest(store, [str(lyman)], Defaults(date(2022, 10, 1), "RT"), api.build_pipeline())
        ingest(store, [str(ROOT / "examples"), str(written)], Defaults(), api.build_pipeline())
    return url
