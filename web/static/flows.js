// The funding-flow Sankey (ECharts, served locally): node values in 万元; a click on a node
// opens its entity page.
(function () {
  "use strict";
  var el = document.getElementById("sankey");
  if (!el || !window.echarts) return;
  var data = JSON.parse(document.getElementById("flow-data").textContent);
  var colours = { funding: "#e0a800", department: "#b3261e", subject: "#0b57d0", project: "#2e7d32", share: "#8a8a8a", other: "#777" };
  // A label (name and amount: two lines) is centred on its node, and a small flow's node is a
  // sliver, so two small neighbours' labels would overlap: the gap between nodes is one label's
  // height, and the chart grows with its busiest column so the amounts keep their room.
  var LABEL_HEIGHT = 28;
  var perColumn = {};
  data.nodes.forEach(function (n) { perColumn[n.kind] = (perColumn[n.kind] || 0) + 1; });
  var most = Math.max.apply(null, Object.keys(perColumn).map(function (k) { return perColumn[k]; }).concat([1]));
  el.style.height = Math.max(el.clientHeight, (LABEL_HEIGHT + 4) * most + 200) + "px";
  var chart = echarts.init(el, null, { renderer: "canvas" });
  chart.setOption({
    animation: false,  // drawn at once: what a screenshot or a click sees is the final picture
    tooltip: { trigger: "item", formatter: function (p) {
      var v = Number(p.value).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      var name = p.dataType === "edge" ? data.nodes[p.data.source_index].label + " → " + data.nodes[p.data.target_index].label
                                        : p.data.label;
      return echarts.format.encodeHTML(name) + "<br>" + v + " 万元";
    } },
    series: [{
      type: "sankey", left: 8, right: 190, top: 16, bottom: 16, nodeGap: LABEL_HEIGHT, draggable: false,
      emphasis: { focus: "adjacency" }, layoutIterations: 32,
      label: { width: 170, overflow: "truncate", lineHeight: 13, formatter: function (p) { return p.data.label + "\n" + Number(p.value).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); } },
      lineStyle: { color: "gradient", opacity: 0.35 },
      data: data.nodes.map(function (n) {
        return { name: n.id, label: n.label, iri: n.iri, url: n.url, value: Number(n.value || 0),
                 itemStyle: { color: colours[n.kind] || colours.other } };
      }),
      links: data.links.map(function (l) {
        return { source: data.nodes[l.source].id, target: data.nodes[l.target].id, value: Number(l.value),
                 source_index: l.source, target_index: l.target };
      })
    }]
  });
  window.budgetkgWireChart(el, chart);
  window.budgetkgSankey = chart;
})();
