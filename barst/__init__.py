"""barst: scenario engine, projector games and printable kits against family violence."""

__version__ = "0.1.0"
