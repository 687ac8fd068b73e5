// budgetkg: entity autocomplete for the question box (/api/search). No framework, no network
// beyond this server. Suggestions are built with textContent, so labels are never parsed as HTML.
(function () {
  "use strict";
  document.querySelectorAll("input[data-autocomplete]").forEach(function (input) {
    var list = input.parentElement.querySelector(".suggest");
    if (!list) return;
    var timer = null, seq = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { list.hidden = true; return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch(input.dataset.autocomplete + "?limit=8&q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            if (mine !== seq) return;
            list.replaceChildren();
            items.forEach(function (it) {
              var li = document.createElement("li"), a = document.createElement("a");
              a.href = it.url; a.textContent = it.label;
              if (it.type) { var s = document.createElement("small"); s.textContent = it.type; a.appendChild(s); }
              li.appendChild(a); list.appendChild(li);
            });
            list.hidden = items.length === 0;
          }).catch(function () { list.hidden = true; });
      }, 200);
    });
    document.addEventListener("click", function (e) { if (!list.contains(e.target)) list.hidden = true; });
  });
})();
