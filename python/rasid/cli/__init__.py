"""The ``rasid`` command line: Unix filters over files or stdin.

Each group of commands lives in its own module, which attaches its commands to :data:`main`.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasid")
def main() -> None:
    """rasid: political-violence events from Arabic news."""


# Each module registers its commands with `@main.command()` on import.
from . import (  # noqa: E402, F401
    archive_commands,
    explain_command,
    match_command,
    report_command,
    text_commands,
)
