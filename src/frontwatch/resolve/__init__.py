"""Resolve stage: dates, actors and places found in the text, tied to reference data."""

from frontwatch.resolve.actors import ResolveActors
from frontwatch.resolve.dates import ResolveDates
from frontwatch.resolve.places import ResolvePlaces

__all__ = ["ResolveActors", "ResolveDates", "ResolvePlaces"]
