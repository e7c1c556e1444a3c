"""Pure game engines: take an action, return the new state and the events to show.

No pygame, no fpdf2, no printing: the projector player, the text runner and the tests all drive the
same engines.
"""
