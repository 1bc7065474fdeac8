"""Extract stage: claims (one event as stated in one sentence) from analysed documents."""

from frontwatch.extract.claims import ExtractClaims

__all__ = ["ExtractClaims"]
