// The replay's script, inlined in report.html: it reads the replay data (a JSON script element)
// and, for the time on the slider, recolours and relabels each node of the drawing, shows each
// client group's target and the links faults have cut or made lossy, prints the event then in
// effect (its `sim explain` sentence) and moves a cursor over the timeline chart. The slider
// moves over ticks whose times come written in words with the data (the page formats no time
// itself). Play steps from event to event; previous/next jump between events. Plain ES2017 with no library and no
// network: the page stays self-contained. Keyboard: the buttons are buttons (Tab, Enter, Space)
// and the slider is a native range input (arrow keys, Page Up/Down, Home, End).

export const replayScript = String.raw`
(function () {
  "use strict";
  // The timeline chart comes after the replay on the page: start once the document is parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  function start() {
  var root = document.getElementById("replay");
  var source = document.getElementById("replay-data");
  if (!root || !source) return;
  var data = JSON.parse(source.textContent);
  var slider = root.querySelector("input[type=range]");
  var clock = root.querySelector("output");
  var sentence = root.querySelector(".replay-sentence");
  var primariesLine = root.querySelector(".replay-primaries");
  var playButton = root.querySelector("[data-action=play]");
  var svgNs = "http://www.w3.org/2000/svg";
  var worst = { "cut": 3, "one-way": 2, "lossy": 1 };
  var timer = null;
  // The event told now: stepping moves through events one by one, even several at one time;
  // moving the slider tells the last event at or before its time.
  var stepIndex = 0;

  function stateAt(intervals, t) {
    if (!intervals || intervals.length === 0) return "";
    for (var i = 0; i < intervals.length; i++)
      if (intervals[i][0] <= t && t < intervals[i][1]) return intervals[i][2];
    return t < intervals[0][0] ? intervals[0][2] : intervals[intervals.length - 1][2];
  }

  function stepIndexAt(t) {
    var index = 0;
    for (var i = 0; i < data.steps.length; i++) if (data.steps[i].tUs <= t) index = i;
    return index;
  }

  function cursor() {
    var figure = document.querySelector("figure[data-plot]");
    if (!figure) return null;
    var svg = figure.querySelector("svg");
    var plot = figure.getAttribute("data-plot").split(" ").map(Number);
    var line = document.createElementNS(svgNs, "line");
    line.setAttribute("class", "replay-cursor");
    line.setAttribute("y1", String(plot[1]));
    line.setAttribute("y2", String(plot[1] + plot[3]));
    line.setAttribute("stroke", "#d53f8c");
    line.setAttribute("stroke-width", "2");
    svg.appendChild(line);
    return function (t) {
      var x = plot[0] + (plot[2] * Math.min(t, data.endUs)) / data.endUs;
      line.setAttribute("x1", String(x));
      line.setAttribute("x2", String(x));
    };
  }
  var moveCursor = cursor();

  function render(t, index) {
    stepIndex = index === undefined ? stepIndexAt(t) : index;
    var primaries = [];
    root.querySelectorAll("g.endpoint").forEach(function (group) {
      var name = group.getAttribute("data-name");
      var label = group.querySelector("text.state");
      if (group.classList.contains("clients")) {
        var target = stateAt(data.targets[name], t);
        label.textContent = target ? "clients · writes to " + target : "clients";
        return;
      }
      var state = stateAt(data.states[name], t);
      var look = data.palette[state] || data.palette[""];
      group.setAttribute("data-state", state);
      group.querySelector("rect").setAttribute("fill", look.fill);
      group.querySelectorAll("text").forEach(function (text) { text.setAttribute("fill", look.text); });
      label.textContent = group.classList.contains("monitor") ? "monitor · " + state : state;
      if (state === "primary") primaries.push(name);
    });
    root.querySelectorAll("g.link").forEach(function (group) {
      var a = group.getAttribute("data-a");
      var b = group.getAttribute("data-b");
      var trouble = "";
      data.links.forEach(function (link) {
        var same = (link.a === a && link.b === b) || (link.a === b && link.b === a);
        if (same && link.startUs <= t && t < link.endUs && (worst[link.trouble] || 0) > (worst[trouble] || 0))
          trouble = link.trouble;
      });
      group.setAttribute("visibility", trouble ? "visible" : "hidden");
      group.setAttribute("data-trouble", trouble);
      group.querySelector("text").textContent = trouble;
    });
    var step = data.steps[stepIndex];
    var time = data.ticks[Number(slider.value)][1];
    clock.textContent = time;
    slider.setAttribute("aria-valuetext", time);
    sentence.textContent = step ? step.time + " — " + step.text : "";
    primariesLine.textContent =
      primaries.length === 0 ? "No primary now." :
      primaries.length === 1 ? "One primary now: " + primaries[0] + "." :
      primaries.length + " primaries now: " + primaries.join(", ") + " — split brain.";
    primariesLine.setAttribute("data-primaries", String(primaries.length));
    if (moveCursor) moveCursor(t);
  }

  // The slider moves over ticks: [tUs, time as words], every step's time among them.
  function go(tick, index) {
    slider.value = String(tick);
    render(data.ticks[tick][0], index);
  }

  function current() { return data.ticks[Number(slider.value)][0]; }

  function tickOf(t) {
    for (var i = 0; i < data.ticks.length; i++) if (data.ticks[i][0] === t) return i;
    return 0;
  }

  function next() {
    if (stepIndex + 1 >= data.steps.length) return false;
    go(tickOf(data.steps[stepIndex + 1].tUs), stepIndex + 1);
    return true;
  }

  function previous() {
    if (stepIndex === 0) go(0, 0);
    else go(tickOf(data.steps[stepIndex - 1].tUs), stepIndex - 1);
  }

  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playButton.textContent = "▶ Play";
    playButton.setAttribute("aria-pressed", "false");
  }

  function play() {
    if (timer !== null) { stop(); return; }
    if (!next()) go(0, 0);
    playButton.textContent = "❚❚ Pause";
    playButton.setAttribute("aria-pressed", "true");
    timer = setInterval(function () { if (!next()) stop(); }, 1500);
  }

  slider.addEventListener("input", function () { render(current()); });
  root.querySelector("[data-action=next]").addEventListener("click", function () { stop(); next(); });
  root.querySelector("[data-action=prev]").addEventListener("click", function () { stop(); previous(); });
  playButton.addEventListener("click", play);
  render(0);
  }
})();
`;
