// Projects and the policy documents they rest on: positions computed by networkx on the server,
// drawn by ECharts; node size grows with the number of projects citing a document.
(function () {
  "use strict";
  var el = document.getElementById("network");
  if (!el || !window.echarts) return;
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,  // drawn at once: what a screenshot or a click sees is the final picture
    tooltip: { formatter: function (p) {
      return p.dataType === "node" ? echarts.format.encodeHTML(p.data.label) + (p.data.kind === "policy" ? "<br>依据它的项目：" + p.data.degree : "") : "";
    } },
    legend: [{ data: ["项目", "政策文件"] }],
    series: [{
      type: "graph", layout: "none", roam: true, draggable: false,
      categories: [{ name: "项目", itemStyle: { color: "#2e7d32" } }, { name: "政策文件", itemStyle: { color: "#b3261e" } }],
      label: { show: false }, emphasis: { focus: "adjacency", label: { show: true } },
      lineStyle: { color: "source", opacity: 0.4, width: 1 },
      data: data.nodes.map(function (n) {
        return { name: n.id, label: n.label, iri: n.iri, url: n.url, kind: n.kind, degree: n.degree, x: n.x, y: n.y,
                 category: n.kind === "policy" ? 1 : 0, symbol: n.kind === "policy" ? "rect" : "circle",
                 symbolSize: n.kind === "policy" ? 10 + 5 * Math.sqrt(n.degree) : 9,
                 label: { show: n.kind === "policy" && n.degree >= 2, position: "right",
                          formatter: n.label.length > 18 ? n.label.slice(0, 17) + "…" : n.label } };
      }),
      links: data.edges.map(function (e) { return { source: e.source, target: e.target }; })
    }]
  });
  window.budgetkgWireChart(el, chart);
})();
