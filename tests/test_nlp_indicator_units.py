"""An indicator asked by the unit of its target (培训多少人 → a target in 人), through the real parsers on
the national disclosures and the real question service (targets read off the printed page)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def test_an_indicator_asked_by_its_targets_unit(ask_national) -> None:
    """国家信访局 2026 p.32 信访业务培训绩效目标表: 信访业务主体培训班次 ≥3次 (6), 信访业务主体培训人数 ≥290人 (6),
    培养实践锻炼、跟班学习干部人数 ≥110人 (6), 受训学员满意率 ≥95% (10). ``培训多少人`` beside ``主体培训班`` is
    the 主体培训人数, not every target in 人."""
    reply = ask_national("国家信访局的信访业务培训项目，绩效目标里要求办几期主体培训班、培训多少人？学员满意率要到多少？")
    got = {a["label"]: (a.get("target"), a.get("weight")) for a in reply["answers"]}
    assert got == {"信访业务主体培训班次": (">=3次", "6"), "信访业务主体培训人数": (">=290人", "6"),
                   "受训学员满意率": (">=95%", "10")}
