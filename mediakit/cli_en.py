"""English texts of the command line (``MEDIAKIT_LANG=en``), by their French source."""

from __future__ import annotations

EN: dict[str, str] = {}
