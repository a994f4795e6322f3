"""``rasid explain``: the events of one text, with the rules behind each and what was voided."""

from __future__ import annotations

import json
import sys

import click

from ..errors import RasidError
from . import main


@main.command("explain")
@click.argument("text", required=False)
@click.option(
    "--file", "path", type=click.Path(exists=True, dir_okay=False),
    help="Read the text from this UTF-8 file (TEXT omitted or -: stdin).",
)  # fmt: skip
@click.option("--published", help="Publication date (ISO), for «أمس», «مساء الأربعاء» …")
@click.option("--json", "as_json", is_flag=True, help="Write the trace as one JSON object.")
def explain_command(text: str | None, path: str | None, published: str | None, as_json: bool):
    """Explain how rasid reads TEXT: for each event, the rules that fired on which
    characters and where each slot's value comes from; for each attack word that made no
    event, the rule that voided it."""
    from ..events import explain

    if text is not None and path is not None:
        raise click.UsageError("give TEXT or --file, not both")
    if path is not None:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    elif text is None or text == "-":
        text = sys.stdin.read()
    try:
        ex = explain(text, published=published)
    except RasidError as exc:
        raise click.BadParameter(str(exc), param_hint="'--published'") from None
    if as_json:
        click.echo(json.dumps(ex.to_dict(), ensure_ascii=False))
    else:
        click.echo(str(ex))
