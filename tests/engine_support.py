"""Drive an engine through actions, optionally saving to JSON and loading back between every step
(as ink's runtime tests do), so every engine test also proves resume-after-crash."""

from __future__ import annotations

import json
from typing import Any

ROUND_TRIP = [False, True]


def drive(engine: Any, state: Any, actions: list[Any], round_trip: bool) -> tuple[Any, list[Any]]:
    events: list[Any] = []
    state_type = type(state)
    for action in actions:
        if round_trip:
            state = state_type.from_json(json.loads(json.dumps(state.to_json())))
        state, new_events = engine.step(state, action)
        events.extend(new_events)
    if round_trip:
        state = state_type.from_json(json.loads(json.dumps(state.to_json())))
    return state, events


def kinds(events: list[Any]) -> list[str]:
    return [type(event).__name__ for event in events]
