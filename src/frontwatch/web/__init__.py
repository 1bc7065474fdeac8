"""The analyst's desk: a read-mostly REST API over the store and an offline web page.

`create_app(db)` builds the FastAPI application that `frontwatch serve` runs; the static
page (vanilla JS modules, Leaflet and Natural Earth outlines built from npm into `static/`)
is served by the same process.
"""

from frontwatch.web.app import create_app

__all__ = ["create_app"]
