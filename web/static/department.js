// The department dashboard: the functional-classification treemap (类 → 款 → 项, click to drill
// down, the breadcrumb to go back; a switch between the funds a table covers) and the project table (filter box, click a header to sort).
(function () {
  "use strict";
  var fmt = function (v) { return Number(v || 0).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); };
  var el = document.getElementById("treemap");
  if (el && window.echarts) {
    // one tree per table of funds: the main table ("main") and the 一般公共预算 / 政府性基金 tables
    var scopes = JSON.parse(document.getElementById("treemap-data").textContent);
    var palette = ["#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"];
    // siblings in different colours at every level: the treemap shows one level at a time, so a
    // budget with a single 类 (or a 款 with a single 项 above several) is never drawn in one colour
    var convert = function (n, i) {
      var out = { name: n.name, value: Number(n.value), itemStyle: { color: palette[i % palette.length] } };
      if (n.children) out.children = n.children.map(convert);
      return out;
    };
    var treeOf = function (key) {
      var s = scopes.filter(function (x) { return x.key === key; })[0];
      return s ? s.tree.map(convert) : [];
    };
    var chart = echarts.init(el);
    var show = function (key) {
      chart.setOption({
        animation: false,
        tooltip: { formatter: function (p) { return echarts.format.encodeHTML(p.name) + "<br>" + fmt(p.value) + " 万元"; } },
        series: [{
          type: "treemap", name: "全部科目", data: treeOf(key), leafDepth: 1, roam: false,
          nodeClick: "zoomToNode", top: 10, bottom: 40, left: 4, right: 4,
          breadcrumb: { show: true, bottom: 6, emptyItemWidth: 40 },
          label: { show: true, formatter: function (p) { return p.name + "\n" + fmt(p.value); } },
          upperLabel: { show: true, height: 22 },
          levels: [{ itemStyle: { borderWidth: 2, borderColor: "#fff", gapWidth: 2 } },
                   { itemStyle: { borderWidth: 1, borderColor: "#fff", gapWidth: 1 } }]
        }]
      }, { replaceMerge: ["series"] });
      el.dataset.scope = key;
    };
    show("main");
    var caption = document.getElementById("treemap-scope");
    Array.prototype.forEach.call(document.querySelectorAll(".scope-switch button"), function (b) {
      b.addEventListener("click", function () {
        Array.prototype.forEach.call(document.querySelectorAll(".scope-switch button"), function (o) {
          o.setAttribute("aria-pressed", o === b ? "true" : "false");
        });
        show(b.dataset.scope);
        if (caption) caption.textContent = "口径：" + b.textContent.trim() + "。";
      });
    });
    el.dataset.ready = "1";
    window.budgetkgTreemap = chart;
    window.addEventListener("resize", function () { if (el.clientWidth > 0) chart.resize(); });
  }
  var table = document.getElementById("project-table");
  if (!table) return;
  var body = table.tBodies[0];
  var filter = document.getElementById("project-filter");
  filter.addEventListener("input", function () {
    var q = filter.value.trim();
    Array.prototype.forEach.call(body.rows, function (r) { r.hidden = q !== "" && r.textContent.indexOf(q) < 0; });
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.style.cursor = "pointer";
    th.addEventListener("click", function () {
      var desc = th.dataset.dir !== "desc";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { delete o.dataset.dir; });
      th.dataset.dir = desc ? "desc" : "asc";
      var key = function (r) {
        var c = r.cells[col];
        return th.dataset.sort === "num" ? Number(c.dataset.value || 0) : c.textContent;
      };
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) { var x = key(a), y = key(b); var s = x < y ? -1 : x > y ? 1 : 0; return desc ? -s : s; });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
