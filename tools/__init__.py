"""AI Policy Archive build tools.

The pipeline, one module per stage:
``load`` (corpus files) → ``parse`` (structure) → ``agencies`` / ``targets`` / ``themes``
(enrich) → ``validate`` → ``export`` (open data) → ``site`` (Markdown, MkDocs, Pagefind).
``pipeline`` wires the stages together; ``cli`` is the ``policy-archive`` command.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
