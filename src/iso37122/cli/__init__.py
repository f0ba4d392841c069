"""The ``iso37122`` command line.

``iso37122 catalogue``, ``template``, ``validate``, ``compute``, ``report``, ``readiness``,
``schema`` and ``demo``; ``iso37122 COMMAND --help`` lists each command's options. The exit
status is 0 on success, 1 for a problem with the data, 2 for a usage error (a wrong argument,
a file that does not exist). An error is one clear message on stderr; ``--debug`` shows the
traceback, and an unexpected error (a bug) is one line asking for a report, never a traceback.
Text printed is stripped of control characters, so that a city name in a file cannot move the
cursor or rewrite the terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import TextIO

from iso37122.cli._commands import COMMANDS
from iso37122.cli._files import UsageError
from iso37122.cli._parser import build_parser, help_pages
from iso37122.errors import ArgumentError, Iso37122Error

__all__ = ["help_pages", "main", "printable"]


def printable(text: str) -> str:
    r"""Strip control and bidirectional-formatting characters, keeping newlines and tabs.

    Examples
    --------
    >>> printable("Kota\x1b[2J Baru\u202e\n")
    'Kota[2J Baru\n'
    """
    return "".join(
        c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")
    )


class _PrintableStream:
    """A text stream that writes through :func:`printable`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def flush(self) -> None:
        self._stream.flush()

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return self._stream.isatty()


@contextmanager
def _printable_stdout() -> Iterator[None]:
    original = sys.stdout
    sys.stdout = _PrintableStream(original)
    try:
        yield
    finally:
        sys.stdout = original


def _internal_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Report an unexpected error (a bug) in one line instead of a traceback."""
    print(
        printable(
            f"iso37122: internal error ({kind.__name__}: {error}); please report it, with the "
            "output of the same command run with --debug"
        ),
        file=sys.stderr,
    )


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
    if argv is None and not args.debug:  # run as a command, not called from Python
        sys.excepthook = _internal_error
    try:
        with _printable_stdout():
            return COMMANDS[args.command](args)
    except BrokenPipeError:
        # The reader went away (``iso37122 catalogue | head``): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (UsageError, ArgumentError, FileNotFoundError, IsADirectoryError) as error:
        return _fail(args, error, 2)
    except (Iso37122Error, OSError, UnicodeError) as error:
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
    print(printable(f"iso37122: {message}"), file=sys.stderr)
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
