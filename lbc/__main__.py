"""``python -m lbc``: the same as the ``lbc`` console script."""

from lbc.cli import main

main()
