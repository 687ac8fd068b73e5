"""The benchmark corpus: budget disclosures generated with their ground truth (``budgetkg synth``).

A chain of small steps, each its own module:

    places, departments, subjects  the data: real places, kinds of department, subject codes
    generate    departments and their budgets year after year, from a seed (``Budget``, ``budget.py``)
    errors      discrepancies planted on purpose, with the findings they must produce
    templates   a province's layout of a Budget as blocks (``layout.py``), registered by name
    text, pdf   the two back ends: a corpus-style text extraction, a reportlab PDF
    truth       the Record the document promises (records.md layout), ``compare`` checks a reading
    corpus      the streaming writer behind the command
"""
