"""budgetkg test suite (a package so ``tests.fixtures`` is importable: ``python -m tests.fixtures.render_samples``)."""
