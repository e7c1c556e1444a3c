"""The kit builder: printable PDF kits (cards, wallet cards, trainer pages) from kit files."""
