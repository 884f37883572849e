"""The ``newsledger`` command line: thin, calls the pipeline and the query side only."""

from __future__ import annotations

import click

from newsledger import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsledger")
def cli() -> None:
    """newsledger: business news in, a source-linked record of what companies did and said out."""


# --- eval commands ---
# (end of eval commands)

# --- serve command ---
# (end of serve command)


def main() -> None:
    cli()
