"""``python -m dyad.cli`` runs the command line (used by the tests)."""

from dyad.cli.main import main

main()
