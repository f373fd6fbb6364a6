/* stancegraph view: draw the network described by the JSON block #stancegraph-data.
   Strings from documents only ever become text nodes (textContent), never markup. When the layout has settled and
   been drawn, <html> gets data-sg-ready="1", data-sg-nodes and data-sg-edges (what the network holds), and
   window.stancegraphView = {nodes, edges, network, data: {nodes, edges}} (counts, the vis
   Network, its DataSets). */
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
    return box;
  }

  function report(nodeCount, edgeCount) {
    window.stancegraphView = {
      nodes: nodeCount, edges: edgeCount, network: network, data: { nodes: nodes, edges: edges }
    };
    root.setAttribute("data-sg-nodes", String(nodeCount));
    root.setAttribute("data-sg-edges", String(edgeCount));
    root.setAttribute("data-sg-ready", "1");
  }

  function show(content) {
    panel.replaceChildren(content ? content.cloneNode(true) : hint);
  }

  if (!data.nodes.length) {
    report(0, 0);
    return;
  }
  // vis-network shows an Element title as it is; a string title would depend on the vis version.
  [data.nodes, data.edges].forEach(function (items) {
    items.forEach(function (item) {
      item.title = tooltip(item.tip);
      delete item.tip;
    });
  });
  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  network.on("click", function (params) {
    if (params.nodes.length) show(nodes.get(params.nodes[0]).title);
    else if (params.edges.length) show(edges.get(params.edges[0]).title);
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
})();
