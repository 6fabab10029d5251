// conflictdesk events map: wheel to zoom, drag to pan. The page works without this script (the
// links above the map do the same); after a zoom or pan the server redraws the clusters for the
// new view (GET /events/map?...&view=west,south,east,north), and the address keeps the view.
"use strict";
(function () {
  var figure = document.querySelector("figure.map[data-fragment]");
  if (!figure) { return; }
  var timer = null, drag = null;

  function svg() { return figure.querySelector("svg.map"); }
  function box(el) { return el.getAttribute("viewBox").split(" ").map(Number); }

  function lonlat(el, b) {   // the view box's corners as west, south, east, north
    var full = [0, 0].concat(box(el).slice(2)), d = el.dataset;
    if (el.dataset.full) { full = el.dataset.full.split(" ").map(Number); }
    var w = Number(d.west), e = Number(d.east), n = Number(d.north), s = Number(d.south);
    var kx = (e - w) / full[2], ky = (n - s) / full[3];
    return [w + b[0] * kx, n - (b[1] + b[3]) * ky, w + (b[0] + b[2]) * kx, n - b[1] * ky]
      .map(function (v) { return v.toFixed(4); }).join(",");
  }

  function redraw() {
    var el = svg();
    var view = lonlat(el, box(el));
    fetch(figure.dataset.fragment + (figure.dataset.fragment.indexOf("?") < 0 ? "?" : "&") + "view=" + view)
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var parsed = new DOMParser().parseFromString(html, "text/html");
        figure.replaceChildren.apply(figure, Array.prototype.slice.call(parsed.body.childNodes));
        var url = new URL(window.location.href);
        url.searchParams.set("view", view);
        window.history.replaceState(null, "", url.toString());
      })
      .catch(function () { /* the links still work */ });
  }

  function later() { window.clearTimeout(timer); timer = window.setTimeout(redraw, 450); }

  function setBox(el, b) {
    if (!el.dataset.full) { el.dataset.full = box(el).join(" "); }
    el.setAttribute("viewBox", b.join(" "));
  }

  figure.addEventListener("wheel", function (ev) {
    var el = svg();
    if (!el || !el.contains(ev.target)) { return; }
    ev.preventDefault();
    var b = box(el), rect = el.getBoundingClientRect();
    var f = ev.deltaY > 0 ? 1.25 : 0.8;
    var px = b[0] + (ev.clientX - rect.left) / rect.width * b[2];
    var py = b[1] + (ev.clientY - rect.top) / rect.height * b[3];
    setBox(el, [px - (px - b[0]) * f, py - (py - b[1]) * f, b[2] * f, b[3] * f]);
    later();
  }, { passive: false });

  figure.addEventListener("pointerdown", function (ev) {
    var el = svg();
    if (!el || !el.contains(ev.target) || ev.target.closest("a")) { return; }
    drag = { x: ev.clientX, y: ev.clientY, b: box(el) };
    el.setPointerCapture(ev.pointerId);
  });
  figure.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var el = svg(), rect = el.getBoundingClientRect();
    var dx = (ev.clientX - drag.x) / rect.width * drag.b[2], dy = (ev.clientY - drag.y) / rect.height * drag.b[3];
    setBox(el, [drag.b[0] - dx, drag.b[1] - dy, drag.b[2], drag.b[3]]);
  });
  figure.addEventListener("pointerup", function () { if (drag) { drag = null; later(); } });
}());
