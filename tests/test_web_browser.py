"""The web app in a real browser: Debian's Chromium, headless, driven by Playwright (no browser
download), against ``budgetkg serve`` on a free loopback port and a real store. Screenshots go to
``tests/output/`` (git-ignored). Every request the pages make to anything but the test server is
blocked and recorded: the app must work with no internet."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

pytest.importorskip("flask")
pytest.importorskip("pyoxigraph")
playwright_api = pytest.importorskip("playwright.sync_api")

from tests.web_support import XSS_PROJECT, build_oxigraph_store  # noqa: E402
from web.server_process import ServerProcess  # noqa: E402

CHROMIUM = os.environ.get("BUDGETKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
# where screenshots go: tests/output, or the folder BUDGETKG_SHOTS names (to look at after a run)
OUTPUT = Path(os.environ.get("BUDGETKG_SHOTS") or Path(__file__).resolve().parent / "output")
VENDOR = Path(__file__).resolve().parent.parent / "web" / "static" / "vendor"

if not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not found at {CHROMIUM} (make system-deps installs Debian's chromium)",
                allow_module_level=True)
if not (VENDOR / "yasgui" / "yasgui.min.js").exists() or not (VENDOR / "echarts" / "echarts.min.js").exists():
    pytest.skip("web/static/vendor is empty: run `make setup` (npm assets)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = ServerProcess(build_oxigraph_store(tmp_path_factory.mktemp("store") / "oxi"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page; requests leaving the test server are aborted and listed in ``page.foreign``."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    foreign: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(server.url) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    pg.foreign = foreign
    pg.errors = errors
    yield pg
    context.close()
    assert not foreign, f"the page tried to reach the network: {foreign}"
    assert not errors, f"JavaScript errors: {errors}"


def shot(page, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"web_{name}.png"), full_page=True)


def nlp_available() -> bool:
    try:
        import nlp

        return callable(getattr(nlp, "answer", None))
    except ImportError:
        return False


def test_home_type_a_question_and_read_the_answer(page, server):
    page.goto(server.url + "/")
    assert page.locator("h2", has_text="图谱概况").is_visible()
    assert page.locator("table.data tbody tr").count() == 2  # the two documents
    shot(page, "home")
    page.fill("#q", "青山市生态环境局2025年的收入总计是多少？")
    page.click("form.askbox button")
    page.wait_for_url(lambda u: "/ask" in u)
    shot(page, "answer")
    assert nlp_available(), "the question pipeline (nlp.answer) must be importable"
    text = page.locator("#answer-text").inner_text()
    assert text.strip()
    assert "1500" in text.replace(",", "")
    assert page.locator("pre.sparql").count() >= 1
    page.locator("a.open-editor").first.click()
    page.wait_for_url(lambda u: "/editor" in u)
    page.wait_for_selector("#yasgui .CodeMirror")
    editor_text = page.evaluate("document.querySelector('#yasgui .CodeMirror').CodeMirror.getValue()")
    assert "bkg:amount" in editor_text
    page.wait_for_selector("#yasgui .yasr table td", timeout=30000)  # it runs on arrival
    shot(page, "editor_from_answer")


def test_answer_in_parts_with_derived_figures_and_understanding(page, server):
    """A question of two parts: each part with what was understood in plain Chinese, the derived
    shares with their formulas and inputs, tables under Chinese column names, no internal codes."""
    page.goto(server.url + "/ask?q=" + "青山市生态环境局2025年基本支出和项目支出各是多少？各占多大比重？")
    shot(page, "answer_parts")
    assert page.locator("section.part").count() == 2
    understood = page.locator("p.understood").all_inner_texts()
    assert all(t.startswith("我的理解") for t in understood) and "基本支出" in understood[0]
    formulas = page.locator("li.formula").all_inner_texts()
    assert any("基本支出占比 = " in f and "÷" in f and "%" in f for f in formulas)
    headers = page.locator("table.part-rows th").all_inner_texts()
    assert "名称" in headers and "数值" in headers
    body = page.locator("#answer-text").inner_text() + "".join(page.locator("section.part").all_inner_texts()) + \
        "".join(page.locator("ul.entities").all_inner_texts())  # everything but the SPARQL itself
    for code in ("dept_total", "basic_expenditure", "label", "department", "lookup", "figures", "None"):
        assert code not in body, code


def test_example_question_is_answered(page, server):
    page.goto(server.url + "/")
    example = page.locator("a.example").first
    question = example.inner_text()
    assert "青山市" in question  # the examples name what this graph holds
    example.click()
    page.wait_for_url(lambda u: "/ask" in u)
    assert nlp_available()
    assert page.locator("h1.question").inner_text() == question
    assert page.locator("#answer-text").inner_text().strip()


def test_autocomplete_and_follow_entity_links(page, server):
    page.goto(server.url + "/")
    page.type("#q", "青山市生态")
    page.wait_for_selector(".suggest li a")
    link = page.locator(".suggest li a", has_text="青山市生态环境局").first
    link.click()
    page.wait_for_url(lambda u: "/entity/department/" in u)
    assert page.locator("#entity-label").inner_text() == "青山市生态环境局"
    page.click("details.raw-facts > summary")  # a department opens on its dashboard; the raw facts are folded
    assert page.locator("table.figures").is_visible()  # its figures by year
    shot(page, "entity_department")
    page.locator("table.edges a.edge", has_text="空气质量自动监测站运维费").first.click()
    page.wait_for_url(lambda u: "/entity/project/" in u)
    assert page.locator("#entity-label").inner_text() == "空气质量自动监测站运维费"
    figures = page.locator("table.figures").inner_text()
    assert "500.00" in figures and "表7" in figures  # the amount and where it was printed
    shot(page, "entity_project")
    page.locator("table.edges a.edge", has_text="青山市大气污染防治行动计划").first.click()
    page.wait_for_url(lambda u: "/entity/policy/" in u)
    assert "青山市大气污染防治行动计划" in page.locator("#entity-label").inner_text()


def test_editor_runs_a_query_and_downloads_csv(page, server):
    page.goto(server.url + "/editor")
    page.wait_for_selector("#yasgui .CodeMirror")
    query = ("SELECT ?project ?label ?amount WHERE { ?project a bkg:Project ; rdfs:label ?label ; "
             "bkg:amount ?amount } ORDER BY DESC(?amount)")
    page.evaluate("q => document.querySelector('#yasgui .CodeMirror').CodeMirror.setValue(q)",
                  "PREFIX bkg: <https://budgetkg.org/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                  + query)
    page.click("#run-query")
    page.wait_for_selector("#yasgui .yasr table td", timeout=30000)
    page.wait_for_function("document.querySelector('#status').textContent === '完成'")
    table = page.locator("#yasgui .yasr table").first.inner_text()
    assert "空气质量自动监测站运维费" in table
    link = page.locator("#yasgui .yasr a.entity-link").first
    assert link.get_attribute("href").startswith("/entity/project/")
    shot(page, "editor")
    with page.expect_download() as info:
        page.click("#download-csv")
    path = info.value.path()
    text = Path(path).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")  # the BOM Excel on Chinese Windows needs to read UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == ["project", "label", "amount"]
    assert rows[1][1] == "空气质量自动监测站运维费" and rows[1][2] in ("500", "500.0", "500.00")
    # the permalink reopens the same query and runs it
    permalink = page.get_attribute("#permalink", "href")
    page.goto(server.url + permalink)
    page.wait_for_selector("#yasgui .yasr table td", timeout=30000)
    assert "空气质量自动监测站运维费" in page.locator("#yasgui .yasr table").first.inner_text()
    link = page.locator("#yasgui .yasr a.entity-link").first
    link.click()
    page.wait_for_url(lambda u: "/entity/project/" in u)


def test_sankey_click_a_node_opens_its_entity(page, server):
    page.goto(server.url + "/flows")
    page.wait_for_selector("#sankey[data-ready='1']")
    page.wait_for_timeout(300)  # let the chart finish its first frame before the screenshot
    shot(page, "flows")
    # where ECharts drew the department node, from the chart's own layout
    box = page.evaluate("""() => {
      const chart = window.budgetkgSankey, data = chart.getModel().getSeriesByIndex(0).getData();
      for (let i = 0; i < data.count(); i++) {
        if (data.getRawDataItem(i).label === '青山市生态环境局') {
          const l = data.getItemLayout(i), r = document.getElementById('sankey').getBoundingClientRect();
          return {x: r.left + l.x + l.dx / 2, y: r.top + l.y + l.dy / 2};
        }
      }
      return null; }""")
    assert box is not None
    page.mouse.click(box["x"], box["y"])
    page.wait_for_url(lambda u: "/entity/department/" in u)
    assert page.locator("#entity-label").inner_text() == "青山市生态环境局"


def test_sankey_for_one_department_and_year(page, server):
    page.goto(server.url + "/flows")
    page.select_option("select[name=department]", label="青山市环境监测站")
    page.select_option("select[name=year]", "2024")
    page.click("form.filters button")
    page.wait_for_selector("#sankey[data-ready='1']")
    nodes = page.locator("details table").text_content()
    assert "青山市环境监测站" in nodes and "青山市生态环境局" not in nodes


def test_dependency_network_and_audit(page, server):
    page.goto(server.url + "/dependencies")
    page.wait_for_selector("#network[data-ready='1']")
    first = page.locator("#ranking tbody tr").first.inner_text()
    assert "青山市大气污染防治行动计划" in first and "3" in first  # three projects rest on it
    page.wait_for_timeout(300)
    shot(page, "dependencies")
    page.goto(server.url + "/audit")
    summary = page.locator("#audit-summary").inner_text()
    assert "四舍五入尾差" in summary and "合计 = 各项之和" in summary  # rules named in Chinese
    page.click("details.rounding > summary")  # a 0.01 difference is rounding: folded under the material ones
    text = page.locator("details.rounding table.audit").inner_text()
    assert "表3 211" in text and "1,500.00" in text and "1,499.99" in text and "-0.01" in text
    shot(page, "audit")


def test_script_tags_are_inert_in_the_browser(page, server):
    page.goto(server.url + "/ask?q=" + "<script>window.__xss=1</script>")
    assert page.evaluate("window.__xss") is None
    page.goto(server.url + "/")
    page.type("#q", "宣传项目")
    page.wait_for_selector(".suggest li a")
    assert XSS_PROJECT in page.locator(".suggest").inner_text()
    page.locator(".suggest li a").first.click()
    page.wait_for_url(lambda u: "/entity/" in u)
    assert page.locator("#entity-label").inner_text() == XSS_PROJECT
    assert page.evaluate("window.__xss") is None
    page.goto(server.url + "/flows")
    page.wait_for_selector("#sankey[data-ready='1']")
    page.goto(server.url + "/dependencies")
    page.wait_for_selector("#network[data-ready='1']")
    assert page.evaluate("window.__xss") is None


def test_phone_layout(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="zh-CN")
    pg = context.new_page()
    pg.goto(server.url + "/")
    width = pg.evaluate("document.documentElement.scrollWidth")
    OUTPUT.mkdir(exist_ok=True)
    pg.screenshot(path=str(OUTPUT / "web_phone_home.png"), full_page=True)
    pg.goto(server.url + "/flows")
    pg.wait_for_selector("#sankey[data-ready='1']")
    pg.screenshot(path=str(OUTPUT / "web_phone_flows.png"), full_page=True)
    context.close()
    assert width <= 390  # no sideways scrolling on a phone


def test_department_dashboard_drills_into_the_treemap(page, server):
    page.goto(server.url + "/flows")
    page.wait_for_selector("#sankey[data-ready='1']")
    page.goto(server.url + "/entity/department/%E9%9D%92%E5%B1%B1%E5%B8%82%E7%94%9F%E6%80%81%E7%8E%AF%E5%A2%83%E5%B1%80")
    summary = page.locator("#summary").inner_text()
    assert "收入总计" in summary and "1,500.00" in summary and "占支出总计 60.00%" in summary and "30" in summary
    assert not page.locator("table.facts").is_visible()  # the raw facts are folded away
    page.wait_for_selector("#treemap[data-ready='1']")
    view_root = "() => window.budgetkgTreemap.getModel().getSeriesByIndex(0).getViewRoot().name"
    page.locator("#treemap").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    for name in ("节能环保支出", "污染防治"):  # 类 → 款: each click drills one level down
        box = page.evaluate(TREEMAP_NODE, name)
        assert box is not None, name
        page.mouse.move(box["x"] - 40, box["y"] - 40)  # ECharts picks the target of a click on mouse moves
        page.mouse.move(box["x"], box["y"], steps=4)
        page.mouse.click(box["x"], box["y"])
        for _ in range(30):  # the zoom is drawn on the next frames
            if page.evaluate(view_root) == name:
                break
            page.wait_for_timeout(100)
        assert page.evaluate(view_root) == name
        page.wait_for_timeout(1200)  # the zoom settles (ECharts lays the new level out over a few frames)
    shown = page.evaluate("() => window.budgetkgTreemap.getModel().getSeriesByIndex(0).getViewRoot()"
                          ".children.map(c => [c.name, c.getValue()])")
    assert shown == [["大气", 700], ["水体", 200]]  # the 项 of 污染防治, as printed
    shot(page, "department_treemap_drilled")
    # the project table filters and sorts
    page.fill("#project-filter", "清单")
    visible = [r for r in page.locator("#project-table tbody tr").all() if r.is_visible()]
    assert [r.locator("td").first.inner_text() for r in visible] == ["大气污染源排放清单编制"]
    page.fill("#project-filter", "")
    page.click("#project-table th:nth-child(2)")  # 金额, largest first
    first = page.locator("#project-table tbody tr").first.inner_text()
    assert "空气质量自动监测站运维费" in first and "500.00" in first
    page.evaluate("() => window.scrollTo(0, 0)")
    shot(page, "department_dashboard")


def test_sankey_shows_one_year_and_a_project_click_opens_it(page, server):
    page.goto(server.url + "/flows")
    page.wait_for_selector("#sankey[data-ready='1']")
    assert "2025 年预算" in page.locator("p.meta").first.inner_text()
    # what the sources bring (this invented budget's 收入总计 1,500 is not covered by its printed sources)
    assert "1,300.00 万元" in page.locator("p.summary").inner_text()
    box = page.evaluate("""() => {
      const chart = window.budgetkgSankey, data = chart.getModel().getSeriesByIndex(0).getData();
      for (let i = 0; i < data.count(); i++) {
        if (data.getRawDataItem(i).label === '河流断面水质监测') {
          const l = data.getItemLayout(i), r = document.getElementById('sankey').getBoundingClientRect();
          return {x: r.left + l.x + l.dx / 2, y: r.top + l.y + l.dy / 2};
        }
      }
      return null; }""")
    assert box is not None
    page.mouse.click(box["x"], box["y"])
    page.wait_for_url(lambda u: "/entity/project/" in u)
    assert page.locator("#entity-label").inner_text() == "河流断面水质监测"


def test_dependency_view_filters_by_document(page, server):
    page.goto(server.url + "/dependencies")
    page.wait_for_selector("#network[data-ready='1']")
    assert "4 个项目，2 个政策文件，5 条依据关系" in page.locator("section").first.inner_text()
    page.select_option("select[name=policy]", label="《青山市水污染防治工作方案》")
    page.click("#dep-filter button")
    page.wait_for_selector("#network[data-ready='1']")
    text = page.locator("section").first.inner_text()
    assert "2 个项目，1 个政策文件，2 条依据关系" in text
    rows = page.locator("#ranking tbody tr")
    assert rows.count() == 1 and "280.00" in rows.first.inner_text()
    page.wait_for_timeout(300)
    shot(page, "dependencies_filtered")


@pytest.fixture(scope="module")
def pdf_server(tmp_path_factory, shared_dir):
    """A server over one real PDF (a 决算 with findings) and ``--documents`` naming its folder."""
    import subprocess

    from web.server_process import budgetkg_command

    pdf = shared_dir / "realdocs" / "shanghai-putuo" / "上海市普陀区财政局2024年度部门决算.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} not present")
    url = f"oxigraph:{tmp_path_factory.mktemp('pdfstore') / 'oxi'}"
    subprocess.run(budgetkg_command("ingest", str(pdf), "--store", url), check=True, capture_output=True, timeout=300)
    srv = ServerProcess(url, "--documents", str(pdf.parent))
    yield srv
    srv.stop()


@pytest.mark.shared
def test_audit_finding_opens_its_pdf_page_with_the_cells_outlined(browser, pdf_server):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(pdf_server.url)
                  else route.abort())
    page = context.new_page()
    page.goto(pdf_server.url + "/audit")
    summary = page.locator("#audit-summary").inner_text()
    assert "实质差异" in summary and "合计 = 各项之和" in summary
    shot(page, "audit_summary")
    page.locator("details.rounding > summary").first.click()  # this 决算's table findings are rounding (≤ 0.10 万元)
    link = page.locator("details.rounding table.audit a.page-link:visible").first
    with context.expect_page() as opened:
        link.click()
    image_page = opened.value
    image_page.wait_for_load_state()
    size = image_page.evaluate("() => { const i = document.images[0]; return [i.naturalWidth, i.naturalHeight]; }")
    assert size[0] > 800 and size[1] > 500  # a whole page drawn by pdfplumber
    OUTPUT.mkdir(exist_ok=True)
    image_page.screenshot(path=str(OUTPUT / "web_audit_pdf_page.png"), full_page=True)
    # outlined in red: the drawn rectangle's colour is on the image
    png = context.request.get(link.get_attribute("href").replace("&amp;", "&") if link.get_attribute("href").startswith("http")
                              else pdf_server.url + link.get_attribute("href")).body()
    from io import BytesIO

    from PIL import Image

    drawn = Image.open(BytesIO(png)).convert("RGB")
    red = sum(1 for x in range(drawn.width) for y in range(0, drawn.height, 2) if drawn.getpixel((x, y)) == (220, 38, 38))
    assert red > 25
    context.close()


# Where ECharts drew a treemap node / a Sankey node (from the chart's own layout), in page pixels.
TREEMAP_NODE = """name => {
  const chart = window.budgetkgTreemap, tree = chart.getModel().getSeriesByIndex(0).getData().tree;
  const r = document.getElementById('treemap').getBoundingClientRect();
  let found = null;
  tree.root.eachNode(n => { const l = n.getLayout();
    if (n.name === name && l && l.isInView !== false && isFinite(l.x) && l.width > 0) found = n; });
  if (!found) return null;
  const l = found.getLayout();
  let x = 4 + l.x + l.width / 2, y = 10 + l.y + l.height / 2;
  for (let up = found.parentNode; up; up = up.parentNode) { const u = up.getLayout(); if (u) { x += u.x; y += u.y; } }
  return {x: r.left + x, y: r.top + y};
}"""
SANKEY_NODE = """label => {
  const chart = window.budgetkgSankey, data = chart.getModel().getSeriesByIndex(0).getData();
  for (let i = 0; i < data.count(); i++) {
    if (data.getRawDataItem(i).label === label) {
      const l = data.getItemLayout(i), r = document.getElementById('sankey').getBoundingClientRect();
      return {x: r.left + l.x + l.dx / 2, y: r.top + l.y + l.dy / 2};
    }
  }
  return null; }"""
# what must never reach a person's screen: IRIs, prefixed names, snake_case keys, raw typed literals
INTERNAL = __import__("re").compile(r"https?://|urn:|\bbkg:|\b[a-z]+_[a-z_]+\b|\^\^xsd")


def visible_text_is_chinese(page) -> None:
    text = page.locator("main").inner_text()
    assert INTERNAL.search(text) is None, INTERNAL.search(text).group(0)


@pytest.mark.shared
def test_journey_dashboard_treemap_sankey_dependencies_audit(page, server, browser, pdf_server):
    """One person's way through the pages, by their own links: a department's dashboard, a drill
    into its treemap, its Sankey (a project clicked), its projects' policy documents filtered to
    one, and an audit finding's page of the PDF with the cells outlined. Every step is screenshot
    (``journey_*``) and speaks Chinese only."""
    page.goto(server.url + "/entity/department/%E9%9D%92%E5%B1%B1%E5%B8%82%E7%94%9F%E6%80%81%E7%8E%AF%E5%A2%83%E5%B1%80")
    page.wait_for_selector("#treemap[data-ready='1']")
    assert "口径：全部资金" in page.locator("#functional").inner_text()
    visible_text_is_chinese(page)
    shot(page, "journey_1_dashboard")
    page.locator("#treemap").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = page.evaluate(TREEMAP_NODE, "节能环保支出")
    page.mouse.move(box["x"] - 40, box["y"] - 40)
    page.mouse.move(box["x"], box["y"], steps=4)
    page.mouse.click(box["x"], box["y"])
    view_root = "() => window.budgetkgTreemap.getModel().getSeriesByIndex(0).getViewRoot().name"
    for _ in range(30):
        if page.evaluate(view_root) == "节能环保支出":
            break
        page.wait_for_timeout(100)
    assert page.evaluate(view_root) == "节能环保支出"
    page.wait_for_timeout(1200)
    page.locator("#treemap").screenshot(path=str(OUTPUT / "web_journey_2_treemap_drilled.png"))
    page.click("text=资金流向图")  # the dashboard's own link: this department, this year
    page.wait_for_selector("#sankey[data-ready='1']")
    assert "2025 年预算" in page.locator("p.meta").first.inner_text()
    visible_text_is_chinese(page)
    page.wait_for_timeout(300)
    shot(page, "journey_3_sankey")
    box = page.evaluate(SANKEY_NODE, "河流断面水质监测")
    page.mouse.click(box["x"], box["y"])
    page.wait_for_url(lambda u: "/entity/project/" in u)
    assert page.locator("#entity-label").inner_text() == "河流断面水质监测"
    shot(page, "journey_4_project")
    page.go_back()
    page.goto(page.url.split("/flows")[0] + "/dependencies")
    page.wait_for_selector("#network[data-ready='1']")
    page.select_option("select[name=policy]", label="《青山市水污染防治工作方案》")
    page.click("#dep-filter button")
    page.wait_for_selector("#network[data-ready='1']")
    assert "2 个项目，1 个政策文件，2 条依据关系" in page.locator("section").first.inner_text()
    visible_text_is_chinese(page)
    page.wait_for_timeout(300)
    shot(page, "journey_5_dependencies_filtered")
    # the audit of a real PDF (a 决算): the summary, then one finding's page with its cells outlined
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(pdf_server.url)
                  else route.abort())
    audit = context.new_page()
    audit.goto(pdf_server.url + "/")
    audit.click("nav >> text=核对")
    assert "实质差异" in audit.locator("#audit-summary").inner_text()
    visible_text_is_chinese(audit)
    shot(audit, "journey_6_audit")
    audit.locator("details.rounding > summary").first.click()
    with context.expect_page() as opened:
        audit.locator("details.rounding table.audit a.page-link:visible").first.click()
    image_page = opened.value
    image_page.wait_for_load_state()
    assert image_page.evaluate("() => document.images[0].naturalWidth") > 800
    image_page.screenshot(path=str(OUTPUT / "web_journey_7_audit_pdf_page.png"), full_page=True)
    context.close()


def test_treemap_switches_between_the_funds_a_table_covers(browser, tmp_path):
    """A budget that prints its 一般公共预算支出表 besides the all-funds table: the treemap opens on
    all funds; the switch redraws it from the 一般公共预算 table, 政府性基金 (not printed) cannot be
    chosen; siblings are drawn in different colours and the tooltip names no subject code."""
    from decimal import Decimal as D

    from kg.extract.model import FunctionalSubject
    from tests.web_support import sample_records

    records = sample_records()
    records[0].scoped_functional["general_public_budget"] = [
        FunctionalSubject("211", "节能环保支出", D("1000.00"), D("600.00"), D("400.00")),
        FunctionalSubject("21103", "污染防治", D("400.00"), None, D("400.00")),
        FunctionalSubject("2110301", "大气", D("300.00"), None, D("300.00")),
        FunctionalSubject("2110302", "水体", D("100.00"), None, D("100.00"))]
    srv = ServerProcess(build_oxigraph_store(tmp_path / "oxi", records))
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(srv.url + "/entity/department/%E9%9D%92%E5%B1%B1%E5%B8%82%E7%94%9F%E6%80%81%E7%8E%AF%E5%A2%83%E5%B1%80")
        page.wait_for_selector("#treemap[data-ready='1']")
        buttons = page.locator(".scope-switch button")
        assert buttons.all_inner_texts() == ["一般公共预算", "政府性基金", "全部资金"]
        assert [b.is_enabled() for b in buttons.all()] == [True, False, True]
        assert page.locator(".scope-switch button[aria-pressed='true']").inner_text() == "全部资金"
        roots = "() => window.budgetkgTreemap.getModel().getSeriesByIndex(0).getData().tree.root.children.map(c => [c.name, c.getValue()])"
        assert page.evaluate(roots) == [["节能环保支出", 1500]]
        page.locator(".scope-switch button", has_text="一般公共预算").click()
        assert page.evaluate(roots) == [["节能环保支出", 1000]]
        assert page.locator("#treemap-scope").inner_text() == "口径：一般公共预算。"
        colours = page.evaluate("() => [...document.querySelectorAll('.scope-switch button')].map(b => "
                                "[getComputedStyle(b).color, getComputedStyle(b).backgroundColor])")
        assert all(fg != bg for fg, bg in colours), colours  # every label readable, pressed or not
        view_root = "() => window.budgetkgTreemap.getModel().getSeriesByIndex(0).getViewRoot().name"
        page.locator("#treemap").scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        for name in ("节能环保支出", "污染防治"):
            box = page.evaluate(TREEMAP_NODE, name)
            assert box is not None, name
            page.mouse.move(box["x"] - 40, box["y"] - 40)
            page.mouse.move(box["x"], box["y"], steps=4)
            if name == "污染防治":  # the tooltip of a subject: its name and amount, no code
                page.wait_for_timeout(300)
                tip = page.evaluate("() => [...document.querySelectorAll('#treemap div')].map(d => d.innerText)"
                                    ".filter(t => t.includes('万元')).join('|')")
                assert "污染防治" in tip and "400.00 万元" in tip and "21103" not in tip, tip
            page.mouse.click(box["x"], box["y"])
            for _ in range(30):
                if page.evaluate(view_root) == name:
                    break
                page.wait_for_timeout(100)
            assert page.evaluate(view_root) == name
            page.wait_for_timeout(1200)
        shown = page.evaluate("() => window.budgetkgTreemap.getModel().getSeriesByIndex(0).getViewRoot()"
                              ".children.map(c => [c.name, c.getValue(), c.getVisual('style').fill])")
        assert [s[:2] for s in shown] == [["大气", 300], ["水体", 100]]  # the 一般公共预算 table's 项
        assert shown[0][2] != shown[1][2]  # two 项 under one 款, two colours
        OUTPUT.mkdir(exist_ok=True)
        page.locator("#treemap").screenshot(path=str(OUTPUT / "web_treemap_general_public_budget.png"))
        page.locator(".scope-switch button", has_text="全部资金").click()
        assert page.evaluate(roots) == [["节能环保支出", 1500]]
        assert not errors, errors
    finally:
        context.close()
        srv.stop()
