"""Records -> RDF: namespaces, stable IRIs, the mapping of one Record to the quads of its named
graph, the topic scheme and the privacy filter applied to every literal."""
