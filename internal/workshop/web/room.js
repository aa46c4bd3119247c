// The room page: join with the PIN, then poll the state once a second and
// show the current question, the participant's vote, and the spread after
// the reveal. Every path is relative to the join URL, which holds the
// workshop's secret.
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var version = -1, question = "", shownKey = "", joined = false, timer = null, failures = 0;

  function show(id) {
    ["join", "question", "ended"].forEach(function (s) { $(s).hidden = s !== id; });
  }
  function message(text) { $("message").textContent = text || ""; }

  function post(path, body) {
    return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body), credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); });
  }

  $("join-form").addEventListener("submit", function (e) {
    e.preventDefault();
    message("");
    post("api/join", { pin: $("pin").value.trim(), name: $("name").value, agency: $("agency").value })
      .then(function (r) {
        if (r.status !== 200) { message(r.body.error || "Could not join."); return; }
        joined = true; poll();
      })
      .catch(function () { message("Cannot reach the workshop. Check you are on the room's Wi-Fi."); });
  });

  $("vote-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var chosen = document.querySelector("input[name=level]:checked");
    if (!chosen) { message("Choose a level, or Not sure."); return; }
    var level = chosen.value === "" ? null : Number(chosen.value);
    post("api/vote", { question: question, level: level, comment: $("comment").value })
      .then(function (r) {
        if (r.status !== 200) { message(r.body.error || "Your vote was not saved."); poll(); return; }
        message(""); render(r.body);
      })
      .catch(function () { message("Your vote was not sent: cannot reach the workshop."); });
  });

  function levels(state) {
    var box = $("levels"), mine = state.your_vote;
    box.textContent = "";
    var options = state.scale.map(function (l) { return { value: String(l.level), text: l.level + " – " + l.label }; });
    options.push({ value: "", text: "Not sure" });
    options.forEach(function (o, i) {
      var label = document.createElement("label"), input = document.createElement("input");
      input.type = "radio"; input.name = "level"; input.value = o.value; input.id = "level-" + i;
      if (mine && ((mine.level === null && o.value === "") || String(mine.level) === o.value)) input.checked = true;
      label.appendChild(input); label.appendChild(document.createTextNode(o.text));
      box.appendChild(label);
    });
    $("comment").value = mine ? mine.comment : "";
  }

  function spread(state) {
    var list = $("scale"), s = state.spread;
    list.textContent = "";
    state.scale.forEach(function (l) {
      var li = document.createElement("li"), name = document.createElement("span");
      name.className = "lvl"; name.textContent = l.level + " " + l.label; li.appendChild(name);
      s.dots.filter(function (d) { return d.level === l.level; }).forEach(function (d) {
        var dot = document.createElement("span");
        dot.className = "dot"; dot.style.background = d.colour;
        dot.textContent = d.agency + (d.name ? " " + d.name : "");
        dot.title = d.agency_label + (d.name ? ": " + d.name : "");
        dot.setAttribute("aria-label", d.agency_label + (d.name ? ", " + d.name : "") + ", level " + d.level);
        li.appendChild(dot);
      });
      list.appendChild(li);
    });
    var words = [];
    words.push(s.median === null ? "No levels given" : "Median " + s.median);
    if (s.not_sure) words.push(s.not_sure + " not sure");
    words.push(s.divergent ? "Divergent: votes two or more levels apart" : "Not divergent");
    $("summary").textContent = words.join(" · ");
    $("summary").className = s.divergent ? "status divergent" : "status";
  }

  function render(state) {
    if (state.status === "ended") { show("ended"); stop(); return; }
    show("question");
    var q = state.question, fresh = q.id !== question || state.version !== version;
    if (!fresh) return;
    // The choices are drawn afresh only for a new question or round, so a
    // level chosen but not yet sent survives other people's votes.
    var key = q.id + "/" + state.round;
    question = q.id; version = state.version;
    $("where").textContent = q.theme + " · question " + q.position + " of " + q.total + (state.round > 1 ? " · round " + state.round : "");
    $("question-text").textContent = q.text;
    $("section").textContent = q.section;
    if (key !== shownKey) { levels(state); shownKey = key; }
    $("vote-form").hidden = state.revealed;
    $("spread").hidden = !state.revealed;
    var counts = state.voted + " of " + state.expected + " have voted";
    if (state.revealed) { spread(state); $("waiting").textContent = "Votes revealed. " + counts + "."; }
    else if (state.your_vote) { $("waiting").textContent = "Vote saved: waiting for the reveal. " + counts + ". You can change your vote until then."; }
    else { $("waiting").textContent = counts + "."; }
    if (state.still_to_vote && state.still_to_vote.length && !state.revealed) {
      $("waiting").textContent += " Still to vote: " + state.still_to_vote.join(", ") + ".";
    }
  }

  function stop() { if (timer) { clearTimeout(timer); timer = null; } }

  function poll() {
    stop();
    fetch("api/state", { credentials: "same-origin" })
      .then(function (r) {
        if (r.status === 401) { joined = false; show("join"); return null; }
        if (r.status === 429) { return null; }
        return r.json();
      })
      .then(function (state) {
        failures = 0;
        if (state) { joined = true; render(state); if (state.status === "ended") return; }
        if (joined) timer = setTimeout(poll, 1000);
      })
      .catch(function () {
        failures++;
        if (version >= 0 && failures >= 3) { show("ended"); message("The workshop's laptop cannot be reached: it may have ended."); }
        timer = setTimeout(poll, 2000);
      });
  }

  poll();
})();
