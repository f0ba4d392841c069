"""``python -m iso37122``: the same as the ``iso37122`` command."""

from iso37122.cli import main

raise SystemExit(main())
