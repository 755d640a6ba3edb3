/* The link chart: draws what /network/graph returns with Cytoscape.js, grows it with
   /network/expand, exports through /network/export (the server builds the files from the
   node ids shown, checking again what the reader may see). No inline script: strict CSP. */
(function () {
  "use strict";
  var box = document.getElementById("network-chart");
  if (!box || typeof cytoscape === "undefined") { return; }
  var csrf = box.dataset.csrf;
  var start = box.dataset.start;
  var pages = JSON.parse(box.dataset.pages || "{}");
  var statusLine = document.getElementById("network-status");
  var list = document.getElementById("network-nodes");
  var filters = document.getElementById("network-filters");
  var colours = {
    person: "#1f5fa8", organization: "#8a4b08", document: "#5b5b5b", marriage: "#a8326e",
    crossing: "#2e7d32", incident: "#b71c1c", phone: "#6a1b9a", email: "#6a1b9a",
    address: "#00695c", handle: "#6a1b9a", photo: "#37474f", registration: "#5b5b5b"
  };
  var cy = cytoscape({
    container: box,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "font-size": 9, "text-valign": "bottom", "text-margin-y": 3,
        "background-color": "data(colour)", "width": 18, "height": 18 } },
      { selector: "node[!record]", style: { "shape": "diamond", "width": 12, "height": 12 } },
      { selector: "node[?truncated]", style: { "border-width": 2, "border-style": "dashed", "border-color": "#000" } },
      { selector: "node.start", style: { "width": 26, "height": 26 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#f9a825" } },
      { selector: "edge", style: { "width": 1.5, "line-color": "#9e9e9e", "curve-style": "bezier",
        "label": "data(kind)", "font-size": 7, "color": "#616161" } },
      { selector: "edge[kind = 'identifier']", style: { "line-style": "dotted", "label": "" } }
    ]
  });

  function say(text) { statusLine.textContent = text; }

  function shown() {
    say(box.dataset.msgShown.replace("{nodes}", cy.nodes().length).replace("{edges}", cy.edges().length));
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
  }

  function form(extra) {
    var data = new FormData(filters);
    data.append("csrf", csrf);
    Object.keys(extra).forEach(function (k) {
      [].concat(extra[k]).forEach(function (v) { data.append(k, v); });
    });
    return data;
  }

  function post(url, data) {
    say(box.dataset.msgLoading);
    return fetch(url, { method: "POST", body: data, credentials: "same-origin",
                        headers: { "X-CSRF-Token": csrf } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) { throw new Error(body.error || r.statusText); }
          return body;
        });
      });
  }

  function add(graph) {
    var fresh = [];
    graph.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).length) { return; }
      fresh.push({ group: "nodes", data: Object.assign({}, n, { colour: colours[n.kind] || "#444" }) });
    });
    graph.edges.forEach(function (e) {
      if (cy.getElementById(e.id).length) { return; }
      fresh.push({ group: "edges", data: e });
    });
    cy.add(fresh.filter(function (x) { return x.group === "nodes"; }));
    cy.add(fresh.filter(function (x) {
      return x.group === "edges" && cy.getElementById(x.data.source).length && cy.getElementById(x.data.target).length;
    }));
    cy.getElementById(start).addClass("start");
  }

  function layout() {
    var name = document.getElementById("layout").value;
    var options = { name: name, animate: false, fit: true, padding: 20 };
    if (name === "breadthfirst") { options.roots = cy.getElementById(start); }
    cy.layout(options).run();
  }

  function renderList() {
    list.textContent = "";
    cy.nodes().sort(function (a, b) { return a.data("kind").localeCompare(b.data("kind")); }).forEach(function (n) {
      var li = document.createElement("li");
      var check = document.createElement("input");
      check.type = "checkbox";
      check.id = "pick-" + cy.nodes().indexOf(n);
      check.checked = n.selected();
      check.dataset.node = n.id();
      check.addEventListener("change", function () { if (check.checked) { n.select(); } else { n.unselect(); } });
      var label = document.createElement("label");
      label.htmlFor = check.id;
      label.textContent = n.data("kind") + ": " + n.data("label");
      li.appendChild(check);
      li.appendChild(label);
      if (n.data("record")) {
        var a = document.createElement("a");
        a.href = (pages[n.data("kind")] || "/records/") + n.id();
        a.textContent = " ↗";
        a.setAttribute("aria-label", label.textContent);
        li.appendChild(a);
      }
      list.appendChild(li);
    });
  }

  function refresh() { layout(); renderList(); shown(); }

  function fail(err) { say(box.dataset.msgFailed + " " + err.message); }

  function draw() {
    post("/network/graph", form({ start: start })).then(function (graph) {
      cy.elements().remove();
      add(graph);
      refresh();
      box.dataset.ready = "1";
    }).catch(fail);
  }

  function selectedIds() { return cy.nodes(":selected").map(function (n) { return n.id(); }); }

  function expand(ids) {
    if (!ids.length) { say(box.dataset.msgNone); return; }
    box.dataset.ready = "0";
    post("/network/expand", form({ nodes: ids })).then(function (graph) {
      add(graph);
      refresh();
      box.dataset.ready = "1";
    }).catch(fail);
  }

  function collapse() {
    var picked = cy.nodes(":selected");
    if (!picked.length) { say(box.dataset.msgNone); return; }
    picked.forEach(function (n) {
      n.neighborhood("node").forEach(function (m) {
        if (m.id() !== start && !m.selected() && m.degree(false) <= 1) { m.remove(); }
      });
    });
    refresh();
  }

  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function exportAs(format) {
    var out = document.getElementById("network-export");
    out.querySelectorAll("input[name=nodes]").forEach(function (i) { i.remove(); });
    cy.nodes().forEach(function (n) {
      var input = document.createElement("input");
      input.type = "hidden"; input.name = "nodes"; input.value = n.id();
      out.appendChild(input);
    });
    out.elements.format.value = format;
    var positions = {};
    cy.nodes().forEach(function (n) { var p = n.position(); positions[n.id()] = [p.x, p.y]; });
    out.elements.positions.value = format === "svg" ? JSON.stringify(positions) : "";
    out.submit();
  }

  filters.addEventListener("submit", function (ev) { ev.preventDefault(); draw(); });
  document.getElementById("layout").addEventListener("change", layout);
  document.getElementById("expand").addEventListener("click", function () { expand(selectedIds()); });
  document.getElementById("collapse").addEventListener("click", collapse);
  document.getElementById("fit").addEventListener("click", function () { cy.fit(undefined, 20); });
  document.getElementById("export-png").addEventListener("click", function () {
    download(cy.png({ full: true, output: "blob", bg: "#ffffff", scale: 2 }), "network.png");
  });
  document.getElementById("export-svg").addEventListener("click", function () { exportAs("svg"); });
  document.getElementById("export-graphml").addEventListener("click", function () { exportAs("graphml"); });
  document.getElementById("export-csv").addEventListener("click", function () { exportAs("csv"); });
  cy.on("dbltap", "node", function (ev) { expand([ev.target.id()]); });
  cy.on("select unselect", "node", function (ev) {
    var check = list.querySelector("input[data-node='" + CSS.escape(ev.target.id()) + "']");
    if (check) { check.checked = ev.target.selected(); }
  });
  draw();
}());
