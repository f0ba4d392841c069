"""The ``iso37122`` command line.

``iso37122 catalogue``, ``template``, ``validate``, ``compute``, ``report``, ``readiness``,
``schema`` and ``demo``; ``iso37122 COMMAND --help`` lists each command's options. The exit
status is 0 on success, 1 for a problem with the data, 2 for a usage error (a wrong argument,
a file that does not exist). An error is one clear message on stderr; ``--debug`` shows the
traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from iso37122.cli._commands import COMMANDS
from iso37122.cli._files import UsageError
from iso37122.cli._parser import build_parser, help_pages
from iso37122.errors import Iso37122Error

__all__ = ["help_pages", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status (0 ok, 1 data problem, 2 usage).

    Examples
    --------
    >>> main(["catalogue", "--theme", "recreation"])
    Clause  Key element  Title                                                               Unit
    14.1    Digital      Percentage of public recreation services that can be booked online  %
    0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else 2
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        # The reader went away (``iso37122 catalogue | head``): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (UsageError, FileNotFoundError, IsADirectoryError) as error:
        return _fail(args, error, 2)
    except (Iso37122Error, OSError, UnicodeDecodeError) as error:
        return _fail(args, error, 1)
    except KeyboardInterrupt:
        print("iso37122: interrupted", file=sys.stderr)
        return 130


def _fail(args: argparse.Namespace, error: BaseException, status: int) -> int:
    if args.debug:
        traceback.print_exception(error)
    message = str(error) or type(error).__name__
    if isinstance(error, FileNotFoundError) and error.filename:
        message = f"no such file: {error.filename}"
    print(f"iso37122: {message}", file=sys.stderr)
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
