/* stancegraph view: draw the network described by the JSON block #stancegraph-data, with search and filters.
   Strings from documents only ever become text nodes (textContent) or input values, never markup. When the
   layout has settled and been drawn, <html> gets data-sg-ready="1", data-sg-nodes and data-sg-edges (what the
   network holds); the filters set data-sg-shown-nodes and data-sg-shown-edges, the search data-sg-found (the
   found node's iri). window.stancegraphView = {nodes, edges, network, data: {nodes, edges}, tooltip(id),
   apply(), find(text)} (counts, the vis Network, its DataSets, a node's or edge's tooltip element, the filters
   and the search). */
(function () {
  "use strict";
  var root = document.documentElement;
  var data = JSON.parse(document.getElementById("stancegraph-data").textContent);
  var container = document.getElementById("stancegraph-network");
  var panel = document.getElementById("stancegraph-panel");
  var status = document.getElementById("stancegraph-status");
  var hint = panel.firstElementChild;
  var network = null;
  var nodes = null;
  var edges = null;

  function element(tag, className, text) {
    var el = document.createElement(tag);
    el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function plural(n, noun) {
    return n.toLocaleString("en") + " " + noun + (n === 1 ? "" : "s");
  }

  function tooltip(tip) {
    var box = element("div", "sg-tip");
    box.appendChild(element("div", "sg-tip-head", tip.head));
    (tip.lines || []).forEach(function (line) {
      box.appendChild(element("div", "sg-tip-line", line));
    });
    (tip.evidence || []).forEach(function (evidence) {
      var item = element("div", "sg-ev");
      item.appendChild(element("div", "sg-ev-meta", evidence[0]));
      item.appendChild(element("div", "sg-ev-text", evidence[1]));
      box.appendChild(item);
    });
    if (tip.more) box.appendChild(element("div", "sg-ev-more", "and " + plural(tip.more, "more sentence")));
    return box;
  }

  function report(nodeCount, edgeCount) {
    window.stancegraphView = {
      nodes: nodeCount, edges: edgeCount, network: network, data: { nodes: nodes, edges: edges },
      tooltip: fill, apply: apply, find: find
    };
    root.setAttribute("data-sg-nodes", String(nodeCount));
    root.setAttribute("data-sg-edges", String(edgeCount));
    root.setAttribute("data-sg-ready", "1");
  }

  if (!data.nodes.length) {
    report(0, 0);
    return;
  }

  // Tooltips are built when first needed: a page of thousands of edges would otherwise build them all at once.
  // vis-network shows an Element title as it is; a string title would depend on the vis version.
  var tips = {};
  var titles = {};
  [data.nodes, data.edges].forEach(function (items) {
    items.forEach(function (item) {
      tips[item.id] = item.tip;
      delete item.tip;
      item.title = titles[item.id] = document.createElement("div");
    });
  });
  function fill(id) {
    var box = titles[id];
    if (box && !box.firstChild) box.appendChild(tooltip(tips[id]));
    return box;
  }
  function show(id) {
    panel.replaceChildren(id === null ? hint : fill(id).cloneNode(true));
  }

  var shownNodes = {};
  var shownEdges = {};
  data.nodes.forEach(function (node) { shownNodes[node.id] = true; });
  data.edges.forEach(function (edge) { shownEdges[edge.id] = true; });
  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (node) { return shownNodes[node.id] === true; } });
  var edgeView = new vis.DataView(edges, { filter: function (edge) { return shownEdges[edge.id] === true; } });
  network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  network.on("hoverNode", function (params) { fill(params.node); });
  network.on("hoverEdge", function (params) { fill(params.edge); });
  network.on("showPopup", function (id) { fill(id); });
  network.on("click", function (params) {
    if (params.nodes.length) show(params.nodes[0]);
    else if (params.edges.length) show(params.edges[0]);
    else show(null);
  });
  network.on("stabilizationProgress", function (progress) {
    status.hidden = false;
    status.textContent = "laying out\u2026 " + Math.round((100 * progress.iterations) / progress.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    status.hidden = true;
    network.setOptions({ physics: { enabled: false } });
    network.once("afterDrawing", function () {
      var ids = Object.keys(network.getPositions());
      var drawnEdges = new Set();
      ids.forEach(function (id) {
        network.getConnectedEdges(id).forEach(function (edgeId) {
          drawnEdges.add(edgeId);
        });
      });
      report(ids.length, drawnEdges.size);
    });
    network.redraw();
  });

  // Filters: edges by polarity class and minimum weight, actors by type, nodes that have no edge at all; a node
  // whose edges are all hidden is hidden with them.
  var degree = {};
  data.edges.forEach(function (edge) {
    degree[edge.from] = (degree[edge.from] || 0) + 1;
    degree[edge.to] = (degree[edge.to] || 0) + 1;
  });
  var minWeight = document.getElementById("stancegraph-min-weight");
  var shownText = document.getElementById("stancegraph-shown");

  function checked(name) {
    var boxes = document.querySelectorAll('input[type="checkbox"][name="' + name + '"]');
    if (!boxes.length) return null;
    var values = new Set();
    boxes.forEach(function (box) { if (box.checked) values.add(box.value); });
    return values;
  }

  function apply() {
    var polarities = checked("polarity");
    var types = checked("actor-type");
    var isolated = checked("isolated");
    var alone = isolated === null || isolated.size > 0;
    var least = parseFloat(minWeight.value);
    if (!(least > 0)) least = 0;
    var nodeOk = {};
    data.nodes.forEach(function (node) {
      nodeOk[node.id] = node.group === "topic" || types === null || types.has(node.group);
    });
    var hasEdge = {};
    var edgeCount = 0;
    shownEdges = {};
    data.edges.forEach(function (edge) {
      if (nodeOk[edge.from] && nodeOk[edge.to] && Math.abs(edge.weight) >= least &&
          (polarities === null || polarities.has(String(edge.polarity)))) {
        shownEdges[edge.id] = true;
        hasEdge[edge.from] = hasEdge[edge.to] = true;
        edgeCount += 1;
      }
    });
    var nodeCount = 0;
    shownNodes = {};
    data.nodes.forEach(function (node) {
      if (nodeOk[node.id] && (hasEdge[node.id] || (alone && !degree[node.id]))) {
        shownNodes[node.id] = true;
        nodeCount += 1;
      }
    });
    nodeView.refresh();
    edgeView.refresh();
    shownText.textContent = nodeCount === data.nodes.length && edgeCount === data.edges.length ? "" :
      "showing " + nodeCount + " of " + plural(data.nodes.length, "node") + ", " +
      edgeCount + " of " + plural(data.edges.length, "edge");
    root.setAttribute("data-sg-shown-nodes", String(nodeCount));
    root.setAttribute("data-sg-shown-edges", String(edgeCount));
  }

  document.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
    box.addEventListener("change", apply);
  });
  minWeight.addEventListener("input", apply);
  document.getElementById("stancegraph-reset").addEventListener("click", function () {
    document.querySelectorAll('input[type="checkbox"]').forEach(function (box) { box.checked = true; });
    minWeight.value = "0";
    apply();
  });

  // Search: the node whose label is the text, else those containing it; pressing Enter again goes to the next.
  var search = document.getElementById("stancegraph-search");
  var datalist = document.getElementById("stancegraph-labels");
  var seen = new Set();
  data.nodes.forEach(function (node) {
    if (seen.has(node.label)) return;
    seen.add(node.label);
    var option = document.createElement("option");
    option.value = node.label;
    datalist.appendChild(option);
  });
  var lastQuery = null;
  var matches = [];
  var at = -1;

  function find(text) {
    var query = String(text === undefined ? search.value : text).trim().toLowerCase();
    if (!query) return null;
    if (query !== lastQuery) {
      var exact = [];
      var partial = [];
      data.nodes.forEach(function (node) {
        var label = node.label.toLowerCase();
        if (label === query) exact.push(node);
        else if (label.indexOf(query) >= 0) partial.push(node);
      });
      matches = exact.concat(partial);
      lastQuery = query;
      at = -1;
    }
    var visible = matches.filter(function (node) { return shownNodes[node.id]; });
    if (!visible.length) {
      shownText.textContent = matches.length ? "the nodes matching \u201c" + query + "\u201d are hidden by the filters"
        : "no node matches \u201c" + query + "\u201d";
      root.removeAttribute("data-sg-found");
      return null;
    }
    at = (at + 1) % visible.length;
    var node = visible[at];
    network.selectNodes([node.id]);
    network.focus(node.id, { scale: 1.2, animation: false });
    show(node.id);
    shownText.textContent = visible.length > 1 ? "match " + (at + 1) + " of " + visible.length : "";
    root.setAttribute("data-sg-found", node.iri);
    return node.id;
  }

  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      find();
    }
  });
  search.addEventListener("input", function (event) {
    if (event.inputType === "insertReplacementText") find();  // a label picked from the list
  });
  document.getElementById("stancegraph-find").addEventListener("click", function () { find(); });
})();
