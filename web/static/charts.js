// What every ECharts picture of the app does the same way: a click on a node with a URL opens
// that entity page, the element is marked ready for the browser tests, and the chart follows
// window resizes once they settle, never to an empty box (ECharts' view transform cannot be
// inverted for a zero-sized area, which a full-page screenshot passes through).
window.budgetkgWireChart = function (el, chart) {
  "use strict";
  chart.on("click", function (p) {
    if (p.dataType === "node" && p.data.url) window.location.href = p.data.url;
  });
  el.dataset.ready = "1";
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      if (el.clientWidth > 0 && el.clientHeight > 0) chart.resize();
    }, 150);
  });
};
