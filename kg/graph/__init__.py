"""Operations on a store that holds budgets' graphs: ingesting documents, committing records with
the graphs derived from them, Dask shards, the analyst queries, statistics, flow rows and the Fiscal
Data Package export. Why a layer of its own: ``kg.rdf`` turns records into RDF and knows no store,
``kg.store`` keeps quads and knows no records; this layer is where the two meet."""
