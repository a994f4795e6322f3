"""The ``rasid`` command line: Unix filters over files or stdin.

Each group of commands lives in its own module and is added to :func:`main` here.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasid")
def main() -> None:
    """rasid: political-violence events from Arabic news."""


def _add_commands() -> None:
    # Imported here so each command module can import `main`-free helpers freely.
    from . import text_commands  # noqa: F401  (normalize, digits)


_add_commands()
