"""``python -m tools`` is ``policy-archive``."""

from tools.cli import run

run()
