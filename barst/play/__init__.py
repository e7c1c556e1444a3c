"""The projector player (pygame-ce). Only `barst play` and `barst shots` import this package."""
