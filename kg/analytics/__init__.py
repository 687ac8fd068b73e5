"""Analytics over the budget graph with networkx: each a small function over a *projection*.

A projection is the part of the graph a question needs (one department, one year, one region, or
all), read by SPARQL into a networkx graph — never the whole store copied into memory. The
modules, each with one job:

- ``source``: how analytics read the graph (:class:`Select`, :class:`Scope` filters);
- ``flows``: the money projection (sources → department → functional subjects → projects);
- ``trace``: every path by which money from a source reaches projects;
- ``conservation``: what flows into each node equals what flows out of it;
- ``policy``: projects, departments and money resting on each policy document;
- ``related``: projects sharing documents, subjects, topics or responsible units;
- ``yoy``: year over year for one department (two documents, or the narrative's stated changes);
- ``peers``: departments of a kind compared on totals, shares and per-staff costs;
- ``export``: table/JSON/CSV/GraphML/GEXF writers and the readers that load them back.

Money stays ``Decimal`` everywhere; networkx algorithms that need floats get them only as
weights, never as amounts.
"""
