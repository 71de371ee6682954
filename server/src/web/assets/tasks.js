// A task page (ingest, verification) follows its task live: it polls the task's JSON every
// second, shows the progress, and reloads itself once the task is finished to show the
// report. Without this script the page refreshes itself (a meta refresh in <noscript>).
(function () {
  var section = document.getElementById("task");
  if (!section || section.dataset.finished === "true") {
    return;
  }
  var url = section.dataset.api;
  var states = { queued: "Đang chờ", running: "Đang chạy", done: "Xong", failed: "Thất bại" };

  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return "—";
    }
    if (seconds < 60) {
      return seconds + " giây";
    }
    if (seconds < 3600) {
      return Math.floor(seconds / 60) + " phút " + (seconds % 60) + " giây";
    }
    return Math.floor(seconds / 3600) + " giờ " + Math.floor((seconds % 3600) / 60) + " phút";
  }

  function show(task) {
    var p = task.progress;
    var values = {
      pages_done: p.pages_done,
      pages_total: p.pages_total,
      failures: p.failures.length + p.failures_not_listed,
      withheld: p.withheld,
      objects_done: p.objects_done,
      objects_total: p.objects_total,
      bytes_done: p.bytes_done,
      bytes_total: p.bytes_total,
      damage: p.damage,
      eta: duration(p.eta_seconds),
    };
    section.querySelectorAll("[data-progress]").forEach(function (el) {
      var value = values[el.dataset.progress];
      if (value !== undefined) {
        el.textContent = String(value);
      }
    });
    var state = document.getElementById("task-state");
    if (state) {
      state.textContent = states[task.state] || task.state;
      state.className = "state state-" + task.state;
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error(String(r.status));
        }
        return r.json();
      })
      .then(function (task) {
        show(task);
        if (task.state === "done" || task.state === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }
  window.setTimeout(poll, 1000);
})();
