"""Data functions: each view's one source of data, shared by its HTML, JSON and CSV renderers.

Every function takes the app's :class:`web.context.WebContext` and plain arguments and returns
plain dicts (money as ``Decimal`` in 万元), so it can be tested without a request.
"""
