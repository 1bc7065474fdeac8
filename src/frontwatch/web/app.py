"""The FastAPI application: routes, security headers, the static page.

Read-only unless the operator sets a token (`--token` or $FRONTWATCH_API_TOKEN): then a
request carrying `Authorization: Bearer TOKEN` may ingest documents. The token is compared
in constant time; a missing token is 401, a wrong one 403, writes on a read-only server 403.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from frontwatch.store import Store
from frontwatch.web.mapindex import MapIndex

STATIC = Path(str(files("frontwatch.web") / "static"))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class Static(StaticFiles):
    """Static files; a precompressed `NAME.gz` beside a file is sent to gzip clients."""

    async def get_response(self, path: str, scope: Any) -> Any:
        accepts = dict(scope.get("headers", [])).get(b"accept-encoding", b"")
        gz = STATIC / (path + ".gz")
        if b"gzip" in accepts and not path.endswith(".gz") and gz.is_file() \
                and gz.resolve().is_relative_to(STATIC.resolve()):
            media = "text/javascript" if path.endswith(".js") else "application/json"
            return FileResponse(gz, media_type=media, headers={
                "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return await super().get_response(path, scope)


class Headers:
    """The security headers on every response (plain ASGI: cheap on every request)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.raw = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in self.raw if k not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)


class Desk:
    """What the routes share: the store, the map index, the write token, the pipeline."""

    def __init__(self, store: Store, token: str | None,
                 pipeline: Callable[[], Any] | None = None) -> None:
        self.store, self.token = store, token or None
        self.index = MapIndex(store)
        self._pipeline_factory = pipeline
        self._pipeline: Any = None
        self.write_lock = threading.Lock()

    def pipeline(self) -> Any:
        if self._pipeline is None:
            if self._pipeline_factory is None:
                from frontwatch.api import build_pipeline

                self._pipeline_factory = build_pipeline
            self._pipeline = self._pipeline_factory()
        return self._pipeline


def desk(request: Request) -> Desk:
    return request.app.state.desk  # type: ignore[no-any-return]


def require_token(d: Annotated[Desk, Depends(desk)],
                  authorization: Annotated[str | None, Header()] = None) -> None:
    if d.token is None:
        raise HTTPException(403, "this server is read-only: start it with --token (or "
                                 "$FRONTWATCH_API_TOKEN) to allow writes")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "send Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), d.token.encode()):
        raise HTTPException(403, "wrong token")


def create_app(db: str | Store, token: str | None = None,
               pipeline: Callable[[], Any] | None = None) -> FastAPI:
    """The desk over the store at `db` (a path, a URL or an open `Store`)."""
    from frontwatch.web import routes_documents, routes_events

    store = db if isinstance(db, Store) else Store.open(db)
    app = FastAPI(
        title="Frontwatch", version=_version(),
        description="Conflict events coded from news, every field traced to its sentence and "
                    "every statement kept as a claim by its speaker.",
        docs_url=None, redoc_url=None,  # their pages need a CDN; /openapi.json is the spec
    )
    app.state.desk = Desk(store, token, pipeline)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(Headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")}
                  for e in exc.errors()]
        return JSONResponse({"detail": detail}, status_code=422)

    app.include_router(routes_events.router, prefix="/api")
    app.include_router(routes_documents.router, prefix="/api")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.mount("/static", Static(directory=STATIC), name="static")
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("frontwatch")
    except PackageNotFoundError:
        return "0"
