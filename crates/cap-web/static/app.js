// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce it after a failed submit.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
  // Ask before irreversible actions marked with data-confirm.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();

// Saves each answer as soon as it changes, shows « Enregistré à … », and tells when the answer
// was changed elsewhere (the server refuses stale saves and says what is stored).
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var base = form.getAttribute("data-autosave");
  var timers = {};

  function valueOf(fieldset, code) {
    var checked = fieldset.querySelector('input[type="radio"][name="v_' + CSS.escape(code) + '"]:checked');
    var typed = fieldset.querySelector('[id="v-' + code + '"]');
    if (typed && typed.value.trim() !== "") return typed.value;
    return checked ? checked.value : (typed ? typed.value : "");
  }

  function save(fieldset) {
    var code = fieldset.getAttribute("data-code");
    var version = fieldset.querySelector('input[name="ver_' + CSS.escape(code) + '"]');
    var comment = fieldset.querySelector('[name="c_' + CSS.escape(code) + '"]');
    var state = fieldset.querySelector("[data-state]");
    var body = new URLSearchParams();
    body.set("value", valueOf(fieldset, code));
    body.set("comment", comment ? comment.value : "");
    body.set("version", version.value);
    state.textContent = form.getAttribute("data-saving") || "…";
    fetch(base + encodeURIComponent(code), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (typeof result.data.version === "number") version.value = String(result.data.version);
      state.textContent = result.data.message || "";
      fieldset.classList.toggle("field--error", !result.ok);
    }).catch(function () {
      state.textContent = form.getAttribute("data-offline") || "!";
      fieldset.classList.add("field--error");
    });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-code]");
    if (fieldset) save(fieldset);
  });
  form.addEventListener("input", function (event) {
    if (event.target.tagName !== "TEXTAREA" && event.target.type !== "text") return;
    var fieldset = event.target.closest("fieldset[data-code]");
    if (!fieldset) return;
    var code = fieldset.getAttribute("data-code");
    clearTimeout(timers[code]);
    timers[code] = setTimeout(function () { save(fieldset); }, 900);
  });
})();

// Workshops: pages marked data-live follow the room through server-sent events. The console
// refreshes its live part on every event, the projector when the room moves on and its count
// from a vote's event itself; a phone only when the room moves on (a new version), and votes as
// soon as a choice is tapped.
(function () {
  "use strict";
  var live = document.querySelector("[data-live]");
  if (!live || !window.EventSource) return;
  var phone = live.hasAttribute("data-phone");
  function refresh() {
    // Marked as a background read, so it never takes the one-shot message meant for the page.
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Cap-Live": "1" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-live]");
        // The room closed (or the page is no longer live): show what the server shows now.
        if (!fresh) {
          window.location.reload();
          return;
        }
        // Keyboard users keep their place: the control that had focus gets it back after the
        // swap (the same form and button, found by position among the live part's controls).
        var controls = "a[href], button, input, select, textarea";
        var focused = live.contains(document.activeElement)
          ? Array.prototype.indexOf.call(live.querySelectorAll(controls), document.activeElement)
          : -1;
        live.innerHTML = fresh.innerHTML;
        live.setAttribute("data-version", fresh.getAttribute("data-version") || "");
        if (focused >= 0) {
          var again = live.querySelectorAll(controls)[focused];
          if (again) again.focus();
        }
      });
  }
  // When the server restarts it says « reconnect »: follow the room again a little later (spread
  // over a few seconds so a full room does not come back at once); the first event of the new
  // stream is the room's current version, so the page catches up.
  var retries = 0;
  function follow() {
    var source = new EventSource(live.getAttribute("data-live"));
    var left = false;
    function later() {
      if (left) return;
      left = true;
      source.close();
      retries += 1;
      var wait = Math.min(30, 2 * retries) * 1000 + Math.floor(Math.random() * 3000);
      setTimeout(follow, wait);
    }
    source.addEventListener("open", function () { retries = 0; });
    source.addEventListener("update", function (event) {
      if (phone && event.data === live.getAttribute("data-version")) return;
      refresh();
    });
    // A vote on the wall: the event carries the new count, drawn by the server; nothing to fetch.
    source.addEventListener("tally", function (event) {
      var count = live.querySelector("[data-tally]");
      if (count) count.innerHTML = event.data;
      else refresh();
    });
    source.addEventListener("reconnect", later);
    source.addEventListener("error", function () {
      if (source.readyState === EventSource.CLOSED) later();
    });
  }
  follow();
  if (phone) {
    live.addEventListener("change", function (event) {
      if (event.target.type === "radio") event.target.form.submit();
    });
  }
})();

// Workshop timer: counts down to the end the server set (the page shows the end time without JS).
(function () {
  "use strict";
  function tick() {
    var timers = document.querySelectorAll("[data-timer-end]");
    for (var i = 0; i < timers.length; i += 1) {
      var left = Math.max(0, Number(timers[i].getAttribute("data-timer-end")) - Math.floor(Date.now() / 1000));
      timers[i].textContent = "⏱ " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    }
  }
  tick();
  setInterval(tick, 1000);
})();

// Projector shortcuts: on the wall, the facilitator moves the room with the keyboard (N or →
// next, P or ← previous, R reveal, M hide, ? the list). Each shortcut submits its form in the
// background; the wall then follows the room like every page.
(function () {
  "use strict";
  var keys = document.querySelector("[data-shortcuts]");
  if (!keys) return;
  var forms = {};
  var list = keys.querySelectorAll("form[data-key]");
  for (var i = 0; i < list.length; i += 1) {
    var names = list[i].getAttribute("data-key").split(" ");
    for (var j = 0; j < names.length; j += 1) forms[names[j]] = list[i];
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) return;
    if (event.key === "?") {
      keys.open = !keys.open;
      return;
    }
    var form = forms[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!form) return;
    event.preventDefault();
    // getAttribute: the form has a field named « action », which hides the form.action property.
    fetch(form.getAttribute("action"), { method: "POST", credentials: "same-origin", body: new URLSearchParams(new FormData(form)) });
  });
})();

// On a phone the site's menu folds behind one button; Escape closes it and gives focus back.
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var toggle = header && header.querySelector(".site-menu-toggle");
  if (!toggle) return;
  header.classList.add("has-menu");
  function set(open) {
    header.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  toggle.addEventListener("click", function () { set(toggle.getAttribute("aria-expanded") !== "true"); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("is-open")) {
      set(false);
      toggle.focus();
    }
  });
})();

// Answering on a phone: each level's meaning folds under its name (the chosen one stays open)
// so the question and its choices fit the screen; a button under each question shows them all
// again (the folded meanings are still read by screen readers).
(function () {
  "use strict";
  var form = document.querySelector("form[data-fold-levels]");
  if (!form || !form.querySelector(".choice__descriptor")) return;
  var toggles = form.querySelectorAll(".levels-toggle");
  var shown = false;
  form.classList.add("can-fold");
  form.classList.add("choices-folded");
  function flip(event) {
    shown = !shown;
    form.classList.toggle("choices-folded", !shown);
    for (var i = 0; i < toggles.length; i += 1) {
      toggles[i].textContent = toggles[i].getAttribute(shown ? "data-hide" : "data-show");
    }
    event.currentTarget.focus();
  }
  for (var i = 0; i < toggles.length; i += 1) toggles[i].addEventListener("click", flip);
})();

// The restitution's screens: the arrow keys, Page Up/Down and the space bar follow the
// « Suivant » and « Précédent » links, as a presenter's remote does.
(function () {
  "use strict";
  var slides = document.querySelector("[data-slides]");
  if (!slides) return;
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) return;
    var forward = event.key === "ArrowRight" || event.key === "PageDown" || event.key === " ";
    var back = event.key === "ArrowLeft" || event.key === "PageUp";
    var link = forward ? slides.querySelector("[data-next]") : back ? slides.querySelector("[data-prev]") : null;
    if (!link) return;
    event.preventDefault();
    window.location.assign(link.getAttribute("href"));
  });
})();
