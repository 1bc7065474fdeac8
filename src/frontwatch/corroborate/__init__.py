"""Corroborate stage: claims from all documents grouped into events.

Two claims are one event when they tell the same kind of happening (a withdrawal and an
entry are one change of territory, coded once its winner is known) on the same day at the
same place seen at the same scale (in a town, or on its approaches), between the same two
sides. Background, feared and denied claims are kept on their documents but make no event.
The event row is derived from its claims by documented rules: ACLED's most conservative
fatality figure, with the claimant named in `notes`.
"""

from frontwatch.corroborate.events import (
    build_events,
    event_key,
    finish_events,
    partition,
    partition_events,
)

__all__ = ["build_events", "event_key", "finish_events", "partition", "partition_events"]
