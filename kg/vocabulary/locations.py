"""Which IRIs of the scheme name a SourceLocation (where a fact is printed: file, page, line, table,
row, unit). Shared by the mapping that makes them (``kg.rdf.iris.source_location``, ``own_location``)
and by the store's union rule (``kg.store.union_rule``), which keeps them out of the union: a store
must recognise them without knowing what a record is."""
from __future__ import annotations

import re

from kg.vocabulary.namespaces import ID

# The IRIs ``kg.rdf.iris.source_location`` and ``own_location`` make, and no other IRI of the scheme: a document's
# ``{document/yyyy/digest}/source/{digest}`` (``document/source/{digest}`` is a document's own IRI,
# not a location), a fact's own ``…/source%2F{i}``. One pattern for Python and for SPARQL's REGEX.
SOURCE_LOCATION_PATTERN = f"^{re.escape(str(ID))}(document/[^/]+/[^/]+/source/[^/]+|[^#?]+/source%2F[0-9]+)$"
_SOURCE_LOCATION = re.compile(SOURCE_LOCATION_PATTERN)


def is_source_location(iri: str) -> bool:
    """Whether ``iri`` names a SourceLocation (``source_location`` or ``own_location``)."""
    return _SOURCE_LOCATION.match(iri) is not None
