// AI Policy Archive: small progressive enhancements. Everything works without them.
(function () {
  "use strict";

  function permalink(el) {
    var url = new URL(el.getAttribute("data-permalink"), document.baseURI);
    // The page lives at .../notices/<id>/<measure>/; its own URL without any #fragment is the permalink.
    return window.location.href.split("#")[0] || url.href;
  }

  // The point the address names ("#para-1-a"), if the page has it: the citation and the link
  // offered are then the point's ("Article 6(1)(a)").
  function namedPoint() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    return el && el.hasAttribute("data-cite") ? el : null;
  }

  function setupCopy() {
    document.querySelectorAll(".cite").forEach(function (box) {
      var base = permalink(box);
      var textEl = box.querySelector(".citation-text");
      var whole = textEl ? textEl.textContent : "";
      var link = base;
      var shown = box.querySelector(".permalink");
      function update() {
        var point = namedPoint();
        link = point ? base + "#" + point.id : base;
        var measure = box.getAttribute("data-citation") || "";
        if (textEl) textEl.textContent = point && measure ? whole.replace(measure, point.getAttribute("data-cite")) : whole;
        if (shown) shown.textContent = link;
      }
      update();
      window.addEventListener("hashchange", update);
      box.querySelectorAll("button[data-copy]").forEach(function (button) {
        button.addEventListener("click", function () {
          var citation = box.querySelector(".citation-text").textContent + " " + link;
          var text = button.getAttribute("data-copy") === "link" ? link : citation;
          var status = box.querySelector(".copy-status");
          var done = function () { if (status) status.textContent = "Copied."; };
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
          } else {
            fallbackCopy(text);
            done();
          }
        });
      });
    });
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) return "";
    var sortKey = cell.querySelector("[data-sort]");
    return sortKey ? sortKey.getAttribute("data-sort") : cell.textContent.trim();
  }

  function setupSortable() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var headers = table.querySelectorAll("thead th");
      headers.forEach(function (th, index) {
        if (th.querySelector("a")) return; // a header that is a link stays a link
        var label = th.innerHTML;
        th.innerHTML = "";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort-button";
        button.innerHTML = label;
        th.setAttribute("aria-sort", "none");
        th.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = cellValue(a, index), y = cellValue(b, index);
            var nx = parseFloat(x.replace(/,/g, "")), ny = parseFloat(y.replace(/,/g, ""));
            var cmp = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
            return ascending ? cmp : -cmp;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  // A table filtered by words typed and by chosen values (status, kind…), each control naming
  // its table; a row stays when every chosen value is among its data-<key> tokens.
  function setupFilters() {
    var controls = document.querySelectorAll("[data-filter-table]");
    var tables = {};
    controls.forEach(function (c) { tables[c.getAttribute("data-filter-table")] = true; });
    Object.keys(tables).forEach(function (id) {
      var table = document.getElementById(id);
      if (!table) return;
      var mine = Array.prototype.filter.call(controls, function (c) { return c.getAttribute("data-filter-table") === id; });
      var count = document.querySelector('[data-count-for="' + id + '"]');
      var apply = function () {
        var shown = 0;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var keep = mine.every(function (c) {
            var value = c.value.trim().toLowerCase();
            if (!value) return true;
            var key = c.getAttribute("data-filter-key");
            if (key) return (row.getAttribute("data-" + key) || "").toLowerCase().split(" ").indexOf(value) !== -1;
            var text = row.textContent.toLowerCase();
            return value.split(/\s+/).every(function (w) { return text.indexOf(w) !== -1; });
          });
          row.hidden = !keep;
          if (keep) shown += 1;
        });
        if (count) count.textContent = shown + " of " + table.tBodies[0].rows.length + " shown";
      };
      mine.forEach(function (c) { c.addEventListener(c.tagName === "SELECT" ? "change" : "input", apply); });
    });
  }

  // Pagefind's filter dropdown triggers are role="combobox" buttons, whose name cannot come
  // from their content: give each the label it shows, so screen readers announce it. Pagefind
  // removes the label again whenever nothing is selected, so watch the attribute too.
  function labelFilterDropdowns() {
    var fix = function () {
      document.querySelectorAll("pagefind-filter-dropdown .pf-dropdown-trigger:not([aria-label])").forEach(function (t) {
        var label = t.querySelector(".pf-dropdown-trigger-label");
        if (label) t.setAttribute("aria-label", label.textContent.trim() + " filter");
      });
    };
    var dropdowns = document.querySelectorAll("pagefind-filter-dropdown");
    if (!dropdowns.length) return;
    fix();
    new MutationObserver(fix).observe(document.querySelector(".search-filters") || document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label"],
    });
  }

  // A filter's menu opens below its trigger, aligned to its left: near the right edge of a wide
  // screen it would run off the page (where it is clipped). Move it left by what overflows.
  function keepFilterMenusOnScreen() {
    var filters = document.querySelector(".search-filters");
    if (!filters) return;
    new MutationObserver(function () {
      filters.querySelectorAll(".pf-dropdown-menu:not([hidden])").forEach(function (menu) {
        menu.style.translate = "";
        var over = menu.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
        if (over > 0) menu.style.translate = -Math.ceil(over) + "px 0";
      });
    }).observe(filters, { subtree: true, attributes: true, attributeFilter: ["hidden"] });
  }

  // WCAG 2.5.3 (label in name): Pagefind labels its search button "Search" while it shows
  // "Search Ctrl K", and names each result option by its title while it shows the title and an
  // excerpt. Let the button be named by its own text (the key hints are aria-hidden), and each
  // option by all it shows, so a speech user can say what they see.
  function nameByVisibleText() {
    document.querySelectorAll(".pf-trigger-btn[aria-label]").forEach(function (button) {
      if (button.querySelector(".pf-trigger-text")) button.removeAttribute("aria-label");
    });
    document.querySelectorAll('[role="option"][aria-labelledby]').forEach(function (option) {
      option.removeAttribute("aria-labelledby");
      option.removeAttribute("aria-describedby");
    });
  }

  // Pagefind's results component lays out every result it lists before showing the first, so
  // the search page lists a few and a button lists more (it shows only when there are more).
  // A result's link appears once its fragment has loaded, which it does when it comes into view
  // (its placeholder is then replaced): bring it into view, then focus its link.
  function focusWhenLoaded(results, index) {
    var tries = 0;
    var placeholder = results.querySelectorAll("li.pf-result")[index];
    if (placeholder) placeholder.scrollIntoView({ block: "center" });
    var look = function () {
      var item = results.querySelectorAll("li.pf-result")[index];
      var link = item && item.querySelector("a[href]");
      if (link) link.focus();
      else if (++tries < 50) setTimeout(look, 100);
    };
    look();
  }

  function setupMoreResults() {
    var manager = window.PagefindComponents && window.PagefindComponents.getInstanceManager();
    if (!manager) return;
    document.querySelectorAll("[data-more-results]").forEach(function (button) {
      var results = document.querySelector(button.getAttribute("data-more-results"));
      if (!results) return;
      var instance = manager.getInstance(results.getAttribute("instance") || "default");
      var step = parseInt(results.getAttribute("max-results"), 10);
      var listed = function () { return parseInt(results.getAttribute("max-results"), 10); };
      // A new search (other words or filters) starts short; the same search run again (as when
      // the filters load, or after "more") keeps the list as long as the reader made it.
      var lengthenedFor = null;
      var searchKey = function (term, filters) { return JSON.stringify([term || "", filters || {}]); };
      instance.on("search", function (term, filters) {
        if (searchKey(term, filters) !== lengthenedFor) {
          lengthenedFor = null;
          results.setAttribute("max-results", String(step));
        }
      });
      // After "more", the reader goes on where the new results begin (focus and view), not at
      // the button that the longer list pushed down.
      var firstNew = -1;
      instance.on("results", function (found) {
        button.hidden = !found.results || found.results.length <= listed();
        var first = firstNew;
        firstNew = -1;
        if (first >= 0) focusWhenLoaded(results, first);
      });
      button.addEventListener("click", function () {
        firstNew = listed();
        lengthenedFor = searchKey(instance.searchTerm, instance.searchFilters);
        results.setAttribute("max-results", String(listed() + step));
        instance.triggerSearch(instance.searchTerm);
      });
    });
  }

  // A search can be linked to: the search page runs ?q=… when it opens and keeps its address in
  // step with what is typed; the links to it from the dialog and the home box carry the words.
  function setupSearchAddress() {
    var manager = window.PagefindComponents && window.PagefindComponents.getInstanceManager();
    if (!manager) return;
    var input = document.querySelector("pagefind-input[instance=page] input");
    if (input) {
      var asked = new URLSearchParams(window.location.search).get("q");
      manager.getInstance("page").on("search", function (term) {
        var url = new URL(window.location.href);
        if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
        history.replaceState(history.state, "", url.href);
      });
      if (asked) {
        input.value = asked;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
    document.querySelectorAll("a.carry-search").forEach(function (link) {
      var box = link.closest(".home-search, pagefind-modal");
      var named = box && box.querySelector("[instance]");
      var from = manager.getInstance(named ? named.getAttribute("instance") : "default");
      link.addEventListener("click", function () {
        var url = new URL(link.href);
        if (from.searchTerm) url.searchParams.set("q", from.searchTerm); else url.searchParams.delete("q");
        link.href = url.href;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupMoreResults();
    setupSearchAddress();
    nameByVisibleText();
    new MutationObserver(nameByVisibleText).observe(document.body, { childList: true, subtree: true });
    labelFilterDropdowns();
    keepFilterMenusOnScreen();
    setupCopy();
    setupSortable();
    setupFilters();
  });
})();

// The language switch keeps the reader's place: a link to the same page in another language
// carries the anchor of the unit in view (both texts use the original's anchors).
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".text-switch a[href]");
  if (!link || link.hash) return;
  var place = window.location.hash;
  if (!place) {
    var headings = document.querySelectorAll("[id].measure-heading, [id].part-heading, h2[id], h3[id], h4[id]");
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top >= 0) { place = "#" + headings[i].id; break; }
    }
  }
  if (place && place !== "#full-text") link.href = link.href.split("#")[0] + place;
});
