"""Screens: each draws itself with a `Painter` and reacts to `Input`s; the app keeps them on a stack."""
