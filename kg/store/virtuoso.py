"""``virtuoso:URL#isql=HOST:PORT&dir=DIR``: a Virtuoso server as a ``sparql:`` store that also
takes N-Quads through Virtuoso's bulk loader.

Why: SPARQL UPDATE moves a large corpus through the HTTP endpoint 400 triples at a time (its SQL
text limit); Virtuoso's own loader (``ld_add`` + ``rdf_loader_run``) reads files from a folder the
server may read (its ``DirsAllowed``) at its own speed. ``DIR`` is that folder (on the server's
machine, or shared with it); ``HOST:PORT`` its SQL port, reached with ``isql-vt`` as ``dba`` (the
password in ``$BUDGETKG_VIRTUOSO_PASSWORD``, default ``dba``). Triples of the N-Quads without a
graph go to the store's union graph (``UNION_GRAPH``), as ``load_nquads`` of the oxigraph store
sends them to its default graph. The part after ``#`` is never sent to the server.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import urllib.parse
import uuid

from kg.store.base import UNION_GRAPH, StoreError, refuse_write
from kg.store.sparql import SparqlStore

PASSWORD_ENV = "BUDGETKG_VIRTUOSO_PASSWORD"


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class VirtuosoStore(SparqlStore):
    def __init__(self, query_url: str, isql: str, load_dir: str, read_only: bool = False) -> None:
        super().__init__(query_url, read_only=read_only)
        self.url = f"virtuoso:{query_url}#isql={isql}&dir={load_dir}"
        self.isql = isql
        self.load_dir = os.path.abspath(load_dir)
        self.isql_bin = shutil.which("isql-vt") or shutil.which("isql")

    @classmethod
    def from_url(cls, rest: str, read_only: bool = False) -> "VirtuosoStore":
        """``URL#isql=HOST:PORT&dir=DIR`` -> a store; ValueError naming what is missing."""
        query_url, _, fragment = rest.partition("#")
        options = dict(urllib.parse.parse_qsl(fragment))
        if not query_url.startswith(("http://", "https://")) or "isql" not in options or "dir" not in options:
            raise ValueError("virtuoso store needs virtuoso:http(s)://HOST:PORT/sparql#isql=HOST:PORT&dir=DIR")
        return cls(query_url, options["isql"], options["dir"], read_only=read_only)

    def sql(self, statements: str, timeout: float = 3600) -> str:
        """Run SQL statements through ``isql-vt``; StoreError with its message when one fails."""
        if not self.isql_bin:
            raise StoreError("isql-vt is not installed (the Virtuoso bulk loader needs it)")
        password = os.environ.get(PASSWORD_ENV, "dba")
        proc = subprocess.run([self.isql_bin, self.isql, "dba", password, f"exec={statements}"],
                              capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0 or "*** Error" in proc.stdout + proc.stderr:
            detail = " ".join((proc.stdout + proc.stderr).split())[-300:]
            raise StoreError(f"virtuoso bulk load via {self.isql} failed: {detail}")
        return proc.stdout

    def load_nquads(self, data: bytes | str, bulk: bool = False) -> None:  # noqa: ARG002 - always the loader
        """Write ``data`` to a file in the load folder and have the server's bulk loader read it
        (``bulk`` or not: Virtuoso's loader is the fast way in either case); the file is removed
        afterwards. Errors the loader records (``DB.DBA.load_list``) are raised."""
        refuse_write(self)
        os.makedirs(self.load_dir, exist_ok=True)
        path = os.path.join(self.load_dir, f"budgetkg-{uuid.uuid4().hex}.nq")
        with open(path, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        try:
            out = self.sql(f"ld_add({_sql_string(path)}, {_sql_string(UNION_GRAPH)}); rdf_loader_run(); "
                           f"SELECT 'LOAD-ERROR: ' || ll_error FROM DB.DBA.load_list WHERE ll_file = "
                           f"{_sql_string(path)} AND ll_error IS NOT NULL; "
                           f"DELETE FROM DB.DBA.load_list WHERE ll_file = {_sql_string(path)};")
            errors = [line.strip() for line in out.splitlines() if line.strip().startswith("LOAD-ERROR: ")]
            if errors:
                raise StoreError(f"virtuoso bulk loader refused {path}: {errors[0][:300]}")
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass

    def optimize(self) -> None:
        """A checkpoint: the server writes what it loaded into its database file."""
        self.sql("checkpoint;")


__all__ = ["PASSWORD_ENV", "VirtuosoStore"]
