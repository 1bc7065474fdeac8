"""Who published a document: the registered domain of its URL and, for outlets in
`data/outlets.toml`, their name, country, ownership and whether a public designation puts
them under state control, each with its source. Shown, never used to hide or weigh.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlsplit

from frontwatch.langpack import load_data


def registered_domain(url: str | None) -> str | None:
    """`https://francais.rt.com/x` -> `rt.com`, from the public suffix list bundled in `tld`."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    from tld import get_fld

    found = get_fld(host, fix_protocol=True, fail_silently=True)
    return str(found) if found else host.removeprefix("www.")


@cache
def _registry() -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for entry in load_data("outlets").get("outlet", []):
        info = {k: v for k, v in entry.items() if k != "domains"}
        for domain in entry["domains"]:
            table[domain] = {"domain": domain, **info}
    return table


def lookup(domain: str | None) -> dict[str, Any] | None:
    return dict(_registry()[domain]) if domain and domain in _registry() else None


def describe(url: str | None, outlet: str | None = None) -> dict[str, Any] | None:
    """Outlet facts for a document: the registry entry for its URL's domain, or just the
    domain when the outlet is not in the registry; None without a URL."""
    domain = registered_domain(url)
    if domain is None:
        return None
    return lookup(domain) or {"domain": domain}
