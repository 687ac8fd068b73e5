"""Aliases generated from official names, so that a new corpus needs no hand-written list.

People shorten place names the same way everywhere: 昌吉回族自治州 → 昌吉州 / 昌州,
克孜勒苏柯尔克孜自治州 → 克孜勒苏州 / 克州, 新疆维吾尔自治区 → 新疆, 上海市普陀区 → 普陀区 / 普陀.
Departments are named place + organisation, so their aliases are every short form of the place
followed by the organisation, and the organisation alone (which may match several departments:
the linker then answers for all of them and says so).

The rules live in ``kg.names.department`` — the one definition of department identity that
extraction and the graph use too; this module names them as the question service uses them.
"""
from __future__ import annotations

from kg.names.department import ORG_SYNONYMS, place_forms, short_forms, split_place

__all__ = ["ORG_SYNONYMS", "place_forms", "split_places", "department_aliases"]


# the names the question service has always used for them
split_places = split_place
department_aliases = short_forms
