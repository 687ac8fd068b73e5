// The SPARQL editor: YASGUI (served from /static/vendor, no CDN) on this server's /sparql,
// the project's prefixes preloaded, example queries one click away, entity links rewritten to
// the app's entity pages, CSV/JSON downloads and a permalink for the current query.
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("editor-config").textContent);
  var status = document.getElementById("status");
  var initial = cfg.initial || (cfg.prologue + "\nSELECT ?class (COUNT(?s) AS ?n) WHERE {\n  ?s a ?class\n} GROUP BY ?class ORDER BY DESC(?n)\nLIMIT 50\n");

  function withPrologue(q) {
    // preload every project prefix the query does not declare itself
    var missing = Object.keys(cfg.prefixes).filter(function (p) {
      return !new RegExp("PREFIX\\s+" + p + ":", "i").test(q);
    });
    return missing.map(function (p) { return "PREFIX " + p + ": <" + cfg.prefixes[p] + ">\n"; }).join("") + q;
  }

  if (window.Yasgui && window.Yasgui.Yasqe) {
    // no autocompleter that fetches from the internet (prefix.cc, LOV): this app works offline
    window.Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  }
  var yasgui = new window.Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: cfg.endpoint, method: "POST",
                     acceptHeaderSelect: "application/sparql-results+json",
                     acceptHeaderGraph: "text/turtle" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: cfg.endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false,
    autofocus: false,
    yasr: { prefixes: cfg.prefixes }
  });
  var tab = yasgui.getTab();
  tab.setEndpoint && tab.setEndpoint(cfg.endpoint);
  tab.setQuery(withPrologue(initial.replace(cfg.prologue, "")));

  function current() { return yasgui.getTab().getQuery(); }
  function refreshLinks() {
    var q = current();
    document.getElementById("download-csv").href = cfg.endpoint + "?format=csv&download=1&query=" + encodeURIComponent(q);
    document.getElementById("download-json").href = cfg.endpoint + "?format=json&download=1&query=" + encodeURIComponent(q);
    document.getElementById("permalink").href = location.pathname + "?query=" + encodeURIComponent(q);
  }
  function run() { status.textContent = "查询中…"; yasgui.getTab().query(); }

  yasgui.on("query", function () { status.textContent = "查询中…"; });
  yasgui.on("queryResponse", function (_y, tab) {
    var r = tab.getYasr && tab.getYasr().results;
    var err = r && r.getError && r.getError();
    status.textContent = err ? ("出错：" + (err.text || err.statusText || err.status)) : "完成";
    document.getElementById("yasgui").dataset.done = String(Date.now());
  });
  var tabYasqe = tab.getYasqe && tab.getYasqe();
  if (tabYasqe) tabYasqe.on("change", refreshLinks);
  refreshLinks();
  document.getElementById("run-query").addEventListener("click", run);
  document.querySelectorAll(".example-query").forEach(function (b) {
    b.addEventListener("click", function () {
      var ex = cfg.examples.filter(function (e) { return e.name === b.dataset.name; })[0];
      if (!ex) return;
      yasgui.getTab().setQuery(withPrologue(ex.query));
      refreshLinks();
      run();
    });
  });

  // Result cells: IRIs of the graph open the app's entity page instead of the (unresolvable) IRI.
  function rewrite(root) {
    root.querySelectorAll("a[href^='" + cfg.entityBase + "']").forEach(function (a) {
      a.href = "/entity/" + a.getAttribute("href").slice(cfg.entityBase.length);
      a.removeAttribute("target");
      a.classList.add("entity-link");
    });
  }
  new MutationObserver(function () { rewrite(document.getElementById("yasgui")); })
    .observe(document.getElementById("yasgui"), { childList: true, subtree: true });
  if (cfg.initial) run();
})();
