"""The budgetkg web app: question box, entity pages, funding flows, SPARQL editor and endpoint.

``create_app(config)`` builds it; ``budgetkg serve`` runs it through waitress.
"""
from __future__ import annotations


def create_app(config=None):
    from web.app import create_app as _create

    return _create(config)


__all__ = ["create_app"]
