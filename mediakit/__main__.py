"""Allow ``python -m mediakit``."""

from mediakit.cli import main

raise SystemExit(main())
