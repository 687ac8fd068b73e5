"""``budgetkg``: the command line. Each command lives in ``kg/commands/<name>.py`` with
``register(subparsers)`` and ``run(args) -> int``; this module only wires them.

Exit codes: 0 success, 1 a document or query failed, 2 usage error.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# Command modules, in the order ``--help`` lists them. A module that fails to import (an
# optional dependency missing) is reported when its command is used, not at start-up.
COMMANDS = ["extract", "audit", "ingest", "sparql", "export", "stats", "drop", "validate",
            "ask", "serve", "synth", "flows", "trace", "deps", "compare"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command ``only`` alone: a command run imports its
    own module and not the fifteen others (``budgetkg ask`` then imports no extractor, no PDF
    generator), which is most of a short command's start-up."""
    parser = _Parser(prog="budgetkg",
                     description="budgetkg: read Chinese budget disclosures (部门预算/决算公开) into "
                                 "exact records, a knowledge graph, and a question service.",
                     epilog="Exit codes: 0 success, 1 a document or query failed, 2 usage error.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in ([only] if only in COMMANDS else COMMANDS):
        try:
            module = importlib.import_module(f"kg.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("kg.commands"):
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(only=words[0] if words else None)  # budgetkg --help and errors: every command
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    from kg.commands.common import CommandFailed

    try:
        return int(args.run(args) or 0)
    except CommandFailed as exc:
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
