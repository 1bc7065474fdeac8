"""Refresh the README's screenshots of the analyst's desk (docs/desk-map.png,
docs/desk-event.png).

    python scripts/screenshots.py

Builds a database from the Lyman example, the repo's examples and the test reports
(tests/web/desk.py), runs `frontwatch serve` on a free port and photographs the page in
headless Chromium: the map with the timeline, then the Lyman event with both ministries'
claims side by side.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

from browser import chromium, missing, serve  # noqa: E402
from desk import build_desk_db  # noqa: E402

LYMAN_RT = ROOT.parent / "shared" / "examples" / "lyman-rt-fr.txt"
LYMAN_EVENT = "UKR-8204d5542b"
DOCS = ROOT / "docs"


def main() -> None:
    why = missing()
    if why:
        sys.exit(f"screenshots need a browser: {why}")
    with tempfile.TemporaryDirectory() as tmp:
        db = build_desk_db(str(Path(tmp) / "desk.db"), LYMAN_RT, Path(tmp))
        with serve(db) as url, chromium() as browser:
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(f"{url}/#map=48.6,35.2,6")
            page.wait_for_selector("body[data-outlines=true]")
            page.wait_for_timeout(300)
            page.screenshot(path=DOCS / "desk-map.png")
            page.goto(f"{url}/#event={LYMAN_EVENT}&map=49.0,37.8,8")
            page.reload()
            page.wait_for_selector(".claimants .claimant")
            page.wait_for_selector("body[data-outlines=true]")
            page.wait_for_timeout(300)
            page.screenshot(path=DOCS / "desk-event.png")
    for name in ("desk-map.png", "desk-event.png"):
        print(DOCS / name)


if __name__ == "__main__":
    main()
