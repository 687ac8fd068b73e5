// Projects and the policy documents they rest on, in two columns computed by networkx on the
// server (documents left, projects right); line width grows with the project's money. Every
// node keeps its label on its own line; a click opens the entity page.
(function () {
  "use strict";
  var el = document.getElementById("network");
  if (!el || !window.echarts) return;
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var most = Math.max.apply(null, data.edges.map(function (e) { return Number(e.amount || 0); }).concat([1]));
  var fmt = function (v) { return Number(v || 0).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); };
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,  // drawn at once: what a screenshot or a click sees is the final picture
    tooltip: { formatter: function (p) {
      if (p.dataType === "edge") return fmt(p.data.amount) + " 万元";
      return echarts.format.encodeHTML(p.data.label) + "<br>" + (p.data.kind === "policy" ? "依据它的项目：" + p.data.degree + "，" : "") + fmt(p.data.money) + " 万元";
    } },
    // the legend in a band of its own above the drawing (top 0–28 px), on white, never over a node
    legend: [{ data: ["项目", "政策文件"], top: 4, left: "center", backgroundColor: "rgba(255,255,255,0.92)", padding: [4, 10] }],
    series: [{
      type: "graph", layout: "none", roam: true, draggable: false, left: 230, right: 230, top: 48, bottom: 10,
      categories: [{ name: "项目", itemStyle: { color: "#2e7d32" } }, { name: "政策文件", itemStyle: { color: "#b3261e" } }],
      emphasis: { focus: "adjacency" },
      lineStyle: { color: "#8a8a8a", opacity: 0.5 },
      data: data.nodes.map(function (n) {
        var left = n.kind === "policy";
        return { name: n.id, label: n.label, iri: n.iri, url: n.url, kind: n.kind, degree: n.degree, money: n.money,
                 x: n.x, y: n.y, category: left ? 1 : 0, symbol: left ? "rect" : "circle", symbolSize: left ? 10 : 8,
                 label: { show: true, position: left ? "left" : "right", width: 210, overflow: "truncate",
                          formatter: n.label } };
      }),
      links: data.edges.map(function (e) {
        return { source: e.source, target: e.target, amount: e.amount,
                 lineStyle: { width: 1 + 7 * Math.sqrt(Number(e.amount || 0) / most) } };
      })
    }]
  });
  window.budgetkgWireChart(el, chart);
})();
