"""`frontwatch serve`: the analyst's desk (REST API and web page) over a store."""

from __future__ import annotations

import os

import click

from frontwatch.cli_store import _open, db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="FRONTWATCH_API_TOKEN", metavar="SECRET",
              help="Allow writes (POST /api/documents) to requests that send "
                   "'Authorization: Bearer SECRET' ($FRONTWATCH_API_TOKEN). Read-only without.")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the REST API (/api, OpenAPI at /openapi.json) and the map page (/) over a store.

    Example: frontwatch serve --db news.db --port 8000
    """
    import uvicorn

    from frontwatch.web import create_app

    store = _open(db)
    app = create_app(store, token=token or os.environ.get("FRONTWATCH_API_TOKEN"))
    index = app.state.desk.index.current()  # built before the first request
    click.echo(f"{store.url}: {index['count']} events; "
               f"{'read-write (token set)' if token else 'read-only'}; "
               f"http://{host}:{port}/", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()


COMMANDS = (serve,)
