"""The vocabulary every layer shares: the graph's namespaces and the ontology files shipped in
``ontology/``. Why its own package: the mapping (``kg.rdf``), the stores (``kg.store``) and the
graph operations (``kg.graph``) all need it, and none of them may import another for it."""
