"""What every graph command does the same way: open the store named by ``--store``.

A bad store URL is a usage error (exit 2); a store that cannot be opened (locked, unreachable)
is a failure (exit 1). Both print one line naming the command; ``kg.cli.main`` turns
``CommandFailed`` into the exit code.
"""
from __future__ import annotations

import argparse
import sys


def print_progress(progress) -> None:
    """One line per document as it is read (``--progress``), on stderr so ``--json`` stays clean."""
    print(progress.line(), file=sys.stderr, flush=True)


class CommandFailed(Exception):
    """Stop a command with an exit code after its message has been printed."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def open_store_or_fail(args: argparse.Namespace, command: str, read_only: bool = False):
    """The store of ``args.store`` (or ``$BUDGETKG_STORE``), or CommandFailed with a clear line.
    Commands that only read pass ``read_only=True``: they then run while an ingest holds the
    store's write lock, and never hold it themselves."""
    from kg.store import StoreError, open_store

    try:
        return open_store(args.store, read_only=read_only)
    except ValueError as exc:
        print(f"budgetkg {command}: {exc}", file=sys.stderr)
        raise CommandFailed(2) from None
    except StoreError as exc:
        print(f"budgetkg {command}: {exc}", file=sys.stderr)
        raise CommandFailed(1) from None
