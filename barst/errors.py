"""The one exception a user sees as a sentence. Its own module, so a command can catch it without loading
the checker's diagnostics (the projector's start-up path)."""


class BarstError(Exception):
    """A user-facing error: printed as one plain sentence, never as a traceback."""
