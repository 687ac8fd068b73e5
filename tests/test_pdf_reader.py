"""The PDF reader: characters, lines, ruled tables, continuations, bad files.

Small PDFs are drawn here with reportlab (a CJK TrueType font where the test needs real glyphs,
e.g. Kangxi radicals; the built-in CID font STSong-Light otherwise); the realdocs tests at the end
read the published PDFs of ``../shared/realdocs``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.errors import ExtractionError
from kg.extract.pdf_reader import is_page_number, read_pdf
from kg.extract.source import Line

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


# --- drawing helpers ----------------------------------------------------------------------

def _canvas(path: Path, font: str = "STSong-Light"):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    if font == "STSong-Light":
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    else:
        from reportlab.pdfbase.ttfonts import TTFont

        if not WQY.exists():
            pytest.skip(f"{WQY} not installed (scripts/install-system-deps.sh installs fonts-wqy-zenhei)")
        pdfmetrics.registerFont(TTFont("WQY", str(WQY), subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font if font == "STSong-Light" else "WQY", 10)
    return c


def _grid(c, x: float, y_top: float, widths: list[float], rows: list[list[str | None]], height: float = 20,
          merged: dict[tuple[int, int], int] | None = None) -> float:
    """Draw a ruled table from its top-left corner (PDF coordinates, y upwards); return its
    bottom. ``merged`` maps (row, col) to the number of rows that cell spans downwards."""
    merged = merged or {}
    covered = {(r + k, col) for (r, col), span in merged.items() for k in range(1, span)}
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    for r, row in enumerate(rows):
        top = y_top - r * height
        for col, text in enumerate(row):
            if (r, col) in covered:
                continue
            span = merged.get((r, col), 1)
            cell_bottom = top - span * height
            c.rect(xs[col], cell_bottom, xs[col + 1] - xs[col], top - cell_bottom)
            if text:
                c.drawString(xs[col] + 3, top - 14, text)
    return y_top - len(rows) * height


def _lines(doc) -> list[Line]:
    return [line for line in doc.lines]


# --- characters and text lines ------------------------------------------------------------

def test_kangxi_radicals_are_mapped_and_cjk_spaces_removed(tmp_path: Path) -> None:
    path = tmp_path / "kangxi.pdf"
    c = _canvas(path, font="WQY")
    c.drawString(72, 780, "\u2f00般公共预算支出")  # ⼀ (KANGXI RADICAL ONE) as some fonts map it
    c.drawString(72, 760, "部 门 预 算 2024 年")
    c.save()
    texts = [line.text for line in read_pdf(str(path)).lines]
    assert texts == ["一般公共预算支出", "部门预算 2024 年"]


def test_wide_gap_between_cjk_words_is_kept(tmp_path: Path) -> None:
    """``编制部门：X`` and ``单位：元`` far apart on one line stay two words."""
    path = tmp_path / "gap.pdf"
    c = _canvas(path)
    c.drawString(72, 780, "编制部门：某某局")
    c.drawString(400, 780, "单位：元")
    c.save()
    assert [line.text for line in read_pdf(str(path)).lines] == ["编制部门：某某局 单位：元"]


def test_figure_set_lower_joins_its_line(tmp_path: Path) -> None:
    """A year printed a few points below the words around it stays in their line."""
    path = tmp_path / "offset.pdf"
    c = _canvas(path)
    c.drawString(72, 780, "纳入某某局")
    c.drawString(125, 776, "2024")
    c.drawString(150, 780, "年度部门决算")
    c.drawString(72, 740, "下一行")
    c.save()
    texts = [line.text.replace(" ", "") for line in read_pdf(str(path)).lines]
    assert texts == ["纳入某某局2024年度部门决算", "下一行"]


def test_page_numbers() -> None:
    assert is_page_number("- 12 -") and is_page_number("12") and is_page_number("第 3 页")
    assert not is_page_number("2024年") and not is_page_number("12.50万元")


# --- ruled tables ---------------------------------------------------------------------------

def test_table_rows_keep_empty_cells_and_text(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    c = _canvas(path)
    c.drawString(72, 800, "部门支出总体情况表")
    _grid(c, 72, 780, [60, 140, 80, 80], [
        ["科目编码", "科目名称", "基本支出", "项目支出"],
        ["2010101", "行政运行", "100.00", None],
        ["2010102", "一般行政管理事务", None, "20.50"],
    ])
    c.drawString(72, 700, "注：本表为测试表。")
    c.save()
    lines = read_pdf(str(path)).lines
    assert [line.text for line in lines if line.cells is None] == ["部门支出总体情况表", "注：本表为测试表。"]
    rows = [line for line in lines if line.cells is not None]
    assert [row.cells for row in rows] == [
        ("科目编码", "科目名称", "基本支出", "项目支出"),
        ("2010101", "行政运行", "100.00", None),
        ("2010102", "一般行政管理事务", None, "20.50"),
    ]
    assert rows[1].text == "2010101 行政运行 100.00"
    assert {row.table for row in rows} == {1}
    assert [line.lineno for line in lines] == [1, 2, 3, 4, 5]
    assert {line.page for line in lines} == {1}


def test_vertically_merged_label_is_filled_down(tmp_path: Path) -> None:
    path = tmp_path / "merged.pdf"
    c = _canvas(path)
    _grid(c, 72, 780, [80, 80, 140, 60], [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "站点维护数量", "160"],
        [None, None, "设备数量", "12"],
        [None, "质量指标", "数据有效率", "90"],
    ], merged={(1, 0): 3, (1, 1): 2})
    c.save()
    rows = [line.cells for line in read_pdf(str(path)).lines if line.cells]
    assert rows[1:] == [
        ("产出指标", "数量指标", "站点维护数量", "160"),
        ("产出指标", "数量指标", "设备数量", "12"),
        ("产出指标", "质量指标", "数据有效率", "90"),
    ]


def test_table_continued_on_next_page_keeps_its_number_and_drops_repeated_header(tmp_path: Path) -> None:
    path = tmp_path / "continued.pdf"
    c = _canvas(path)
    header = ["科目编码", "科目名称", "金额"]
    c.drawString(72, 810, "一般公共预算支出情况表")
    body = [[f"20101{i:02d}", f"科目{i}", f"{i}.00"] for i in range(1, 38)]
    bottom = _grid(c, 72, 800, [80, 160, 80], [header, *body])
    assert bottom < 60  # the table runs to the foot of the page
    c.drawString(290, 30, "1")  # a page number under it does not end the table
    c.showPage()
    c.setFont("STSong-Light", 10)
    _grid(c, 72, 800, [80, 160, 80], [header, ["2010199", "其他支出", "5.00"], ["合计", None, "708.00"]])
    c.drawString(72, 700, "二、政府性基金预算支出情况表")
    _grid(c, 72, 680, [80, 160, 80], [header, ["2120801", "征地拆迁补偿", "9.00"]])
    c.save()
    doc = read_pdf(str(path))
    rows = [line for line in doc.lines if line.cells]
    first = [row for row in rows if row.table == 1]
    assert len(first) == 1 + 37 + 2  # one header, every body row, no repeated header
    assert first[0].cells == tuple(header) and first[-1].cells == ("合计", None, "708.00")
    assert first[-2].page == 2 and first[-2].cells == ("2010199", "其他支出", "5.00")
    second = [row for row in rows if row.table == 2]
    assert [row.cells for row in second] == [tuple(header), ("2120801", "征地拆迁补偿", "9.00")]


def test_caption_rows_inside_the_grid_become_text_and_split_tables(tmp_path: Path) -> None:
    """Spreadsheet exports draw titles and ``部门：… 单位：…`` inside the grid."""
    path = tmp_path / "captions.pdf"
    c = _canvas(path)
    y = _grid(c, 72, 800, [120, 120, 80], [
        ["支出预算总表", None, None],
        ["部门：某某厅", None, "单位：万元"],
        ["合计", "基本支出", "项目支出"],
        ["30.00", "10.00", "20.00"],
        ["收入预算总表", None, None],
        ["项目名称", None, "金额"],
        ["收入总计", None, "30.00"],
    ])
    assert y > 0
    c.save()
    lines = read_pdf(str(path)).lines
    assert [(line.text, line.table) for line in lines] == [
        ("支出预算总表", None),
        ("部门：某某厅 单位：万元", None),
        ("合计 基本支出 项目支出", 1),
        ("30.00 10.00 20.00", 1),
        ("收入预算总表", None),
        ("项目名称 金额", 2),
        ("收入总计 30.00", 2),
    ]


def test_unruled_table_is_read_into_cells_by_word_positions(tmp_path: Path) -> None:
    """No ruling lines: the columns come from the words' positions (``pdf_unruled``), so the
    second row's 20.50 stays under the third column and its blank fourth cell stays ``None``."""
    path = tmp_path / "unruled.pdf"
    c = _canvas(path)
    for y, row in ((780, ("2010101", "行政运行", "100.00", "100.00")), (760, ("2010102", "一般行政管理事务", "20.50", ""))):
        for x, text in zip((72, 150, 330, 420), row):
            if text:
                c.drawString(x, y, text)
    c.save()
    lines = read_pdf(str(path)).lines
    assert [(line.text, line.cells, line.table) for line in lines] == [
        ("2010101 行政运行 100.00 100.00", ("2010101", "行政运行", "100.00", "100.00"), 1),
        ("2010102 一般行政管理事务 20.50", ("2010102", "一般行政管理事务", "20.50", None), 1)]


def test_a_grid_that_cannot_be_read_leaves_the_page_as_text(tmp_path: Path, monkeypatch) -> None:
    import kg.extract.pdf_reader as reader

    path = tmp_path / "table.pdf"
    c = _canvas(path)
    _grid(c, 72, 780, [60, 140, 80], [["科目编码", "科目名称", "金额"], ["2010101", "行政运行", "100.00"]])
    c.save()

    def broken(_table):
        raise IndexError("odd grid")

    monkeypatch.setattr(reader, "read_table", broken)
    lines = read_pdf(str(path)).lines
    assert [(line.text.split(), line.cells) for line in lines] == [
        (["科目编码", "科目名称", "金额"], None), (["2010101", "行政运行", "100.00"], None)]


# --- bad files ---------------------------------------------------------------------------------

def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    c = _canvas(path)
    c.rect(72, 600, 300, 100, fill=1)  # a drawing, no text: what a scan looks like to us
    c.showPage()
    c.rect(72, 600, 300, 100, fill=1)
    c.save()
    with pytest.raises(ExtractionError, match="no text layer"):
        read_pdf(str(path))


def test_image_only_page_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    c = _canvas(path)
    c.rect(72, 600, 300, 100, fill=1)
    c.showPage()
    c.setFont("STSong-Light", 10)
    c.drawString(72, 780, "部门预算")
    c.save()
    lines = read_pdf(str(path)).lines
    assert [(line.page, line.text) for line in lines] == [(2, "部门预算")]


def test_garbage_pdf_is_an_extraction_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n" + b"\x00" * 50)
    with pytest.raises(ExtractionError):
        read_pdf(str(path))


# --- the published PDFs -------------------------------------------------------------------------

def _realdoc(shared_dir: Path, relative: str):
    path = shared_dir / "realdocs" / relative
    if not path.exists():
        pytest.skip(f"{path} not present")
    return read_pdf(str(path))


def test_shanghai_rows_read_by_column(shared_dir: Path) -> None:
    doc = _realdoc(shared_dir, "shanghai-putuo/上海市普陀区司法局2026年部门预算.pdf")
    assert doc.lines[1].text == "预算主管部门：上海市普陀区司法局"
    assert any(line.text == "编制部门：上海市普陀区司法局 单位：元" for line in doc.lines)
    row = next(line for line in doc.lines if line.cells and line.cells[:3] == ("204", "06", "04")
               and line.page == 12)
    assert row.cells == ("204", "06", "04", "基层司法业务", "21703947.00", "0.00", "21703947.00")
    # 部门支出预算总表 runs over pages 12-13: one table, the 合计 row on page 13
    total = next(line for line in doc.lines if line.page == 13 and line.cells and line.cells[0] == "合计")
    assert total.table == row.table
    assert total.cells == ("合计", None, None, None, "96282213.44", "25741666.44", "70540547.00")
    three = next(line for line in doc.lines if line.cells and line.cells[0] == "10.81")
    assert three.cells == ("10.81", "0", "0.83", "9.98", "0", "9.98", "217.83")
    # the empty government-fund table keeps its blank columns
    empty = [line for line in doc.lines if line.page == 17 and line.cells]
    assert empty[-1].cells == ("合计", None, None, None, None, None, None)


def test_final_account_year_set_apart_is_read_in_its_line(shared_dir: Path) -> None:
    doc = _realdoc(shared_dir, "shanghai-putuo/上海市普陀区财政局2024年度部门决算.pdf")
    assert [line.text for line in doc.lines[:2]] == ["上海市普陀区财政局", "2024年度部门决算"]
    three = [line for line in doc.lines if line.page == 18 and line.cells]
    assert three[-1].cells == ("0.95", None, None, None, None, None, None, None, None, None, "0.95", None)
    # the two-column 基本支出 table: both halves in one row
    row = next(line for line in doc.lines if line.cells and line.cells[:2] == ("301", "01"))
    assert row.cells == ("301", "01", "基本工资", "262.33", "302", "01", "办公费", "21.21")


def test_jiangsu_sheet_beyond_the_page_edge_is_not_read(shared_dir: Path) -> None:
    """Page 11 of the 人大 PDF carries the rest of a spreadsheet below the page: not shown, not read."""
    doc = _realdoc(shared_dir, "jiangsu/江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf")
    page11 = [line for line in doc.lines if line.page == 11]
    assert page11[0].text == "财政拨款支出预算表"
    assert page11[-1].cells == ("2210202", "提租补贴", "1,018.01")
    assert not any("30101" in line.text for line in page11)
    # a label cut by the page break between pages 7 and 8 is one row again
    assert any(line.cells and "八、社会保障和就业支出" in line.cells and "1,608.51" in line.cells
               for line in doc.lines if line.page == 7)
    assert not any(line.cells and "业支出" in line.cells for line in doc.lines if line.page == 8)
    three = next(line for line in doc.lines if line.cells and line.cells[0] == "2,542.60")
    assert three.cells == ("2,542.60", "833.60", "222.50", "183.60", "0", "183.60", "427.50", "1,305.25", "403.75")


def test_jiangsu_split_grid_columns_are_compacted(shared_dir: Path) -> None:
    """The 法院 sheets split one printed column over several grid columns."""
    doc = _realdoc(shared_dir, "jiangsu/江苏省高级人民法院/江苏省高级人民法院2019年度部门预算公开.pdf")
    rows = {line.cells[0]: line.cells for line in doc.lines if line.page == 12 and line.cells}
    assert rows["204"] == ("204", "公共安全支出", "27,488.23")
    assert rows["2040501"] == ("2040501", "行政运行", "17,279.29")
    # page 17 starts with a row whose top border is missing: still a row of the 采购 table
    first17 = next(line for line in doc.lines if line.page == 17)
    last16 = [line for line in doc.lines if line.page == 16 and line.cells][-1]
    assert first17.cells is not None and first17.table == last16.table
    assert first17.cells[-1] == "110.05" and "会议费" in first17.cells


def test_jiangsu_tables_pdf_captions(shared_dir: Path) -> None:
    doc = _realdoc(shared_dir, "jiangsu/江苏省政协办公厅/江苏省政协办公厅2019年预算公开表.pdf")
    assert [line.text for line in doc.lines[:3]] == ["公开01表", "收支预算总表", "部门：江苏省政协办公厅 单位：万元"]
    total = next(line for line in doc.lines if line.cells and line.cells[0] == "收入合计")
    assert total.cells == ("收入合计", "13,377.11", "支出合计", None, None, "13,377.11")
