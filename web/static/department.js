// The department dashboard: the functional-classification treemap (类 → 款 → 项, click to drill
// down, the breadcrumb to go back) and the project table (filter box, click a header to sort).
(function () {
  "use strict";
  var fmt = function (v) { return Number(v || 0).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); };
  var el = document.getElementById("treemap");
  if (el && window.echarts) {
    var tree = JSON.parse(document.getElementById("treemap-data").textContent);
    var convert = function (n) {
      var out = { name: n.name, code: n.code, value: Number(n.value) };
      if (n.children) out.children = n.children.map(convert);
      return out;
    };
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { formatter: function (p) { return echarts.format.encodeHTML((p.data.code || "") + " " + p.name) + "<br>" + fmt(p.value) + " 万元"; } },
      series: [{
        type: "treemap", name: "全部科目", data: tree.map(convert), leafDepth: 1, roam: false,
        colorMappingBy: "index",  // sibling subjects in different colours, also under a single 类
        nodeClick: "zoomToNode", top: 10, bottom: 40, left: 4, right: 4,
        breadcrumb: { show: true, bottom: 6, emptyItemWidth: 40 },
        label: { show: true, formatter: function (p) { return p.name + "\n" + fmt(p.value); } },
        upperLabel: { show: true, height: 22 },
        levels: [{ itemStyle: { borderWidth: 2, borderColor: "#fff", gapWidth: 2 } },
                 { itemStyle: { borderWidth: 1, borderColor: "#fff", gapWidth: 1 } }]
      }]
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
