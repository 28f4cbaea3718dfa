// Byline media library: an enhancement only; the upload form works without this file.
// Files chosen or dropped are uploaded one request each, one after another, each with its own progress bar and
// the server's answer (stored, or refused and why) as it comes. POST /admin/media answers JSON when asked for it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-media-upload]");
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var input = form.querySelector("input[type=file]");
  var zone = form.querySelector("[data-drop-zone]");
  var list = form.parentNode.querySelector("[data-upload-list]");
  var done = form.parentNode.querySelector("[data-upload-done]");
  var token = form.querySelector("input[name=csrf]").value;
  var maxBytes = parseInt(form.getAttribute("data-max-bytes") || "0", 10);
  var queue = [];
  var busy = false;
  var stored = 0;

  zone.hidden = false;
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add("is-over");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () {
      zone.classList.remove("is-over");
    });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    add(event.dataTransfer.files);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.files.length === 0) {
      input.focus();
      return;
    }
    add(input.files);
    input.value = "";
  });

  function add(files) {
    for (var i = 0; i < files.length; i++) {
      queue.push({ file: files[i], row: row(files[i]) });
    }
    next();
  }

  function row(file) {
    var item = document.createElement("li");
    var name = document.createElement("span");
    name.className = "upload-name";
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", "Uploading " + file.name);
    var message = document.createElement("p");
    message.className = "upload-message";
    message.textContent = "Waiting…";
    item.appendChild(name);
    item.appendChild(bar);
    item.appendChild(message);
    list.appendChild(item);
    return { item: item, bar: bar, message: message };
  }

  function next() {
    if (busy) {
      return;
    }
    var job = queue.shift();
    if (!job) {
      finished();
      return;
    }
    busy = true;
    if (maxBytes > 0 && job.file.size > maxBytes) {
      refuse(job.row, "“" + job.file.name + "” is " + (job.file.size / 1048576).toFixed(1) + " MB; the limit is "
        + Math.round(maxBytes / 1048576) + " MB a file.");
      busy = false;
      next();
      return;
    }
    job.row.message.textContent = "Uploading…";
    var data = new FormData();
    data.append("csrf", token);
    data.append("files", job.file, job.file.name);
    var request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action"));
    request.setRequestHeader("Accept", "application/json");
    request.setRequestHeader("X-CSRF-Token", token);
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        job.row.bar.value = Math.round(event.loaded * 100 / event.total);
      }
    });
    request.addEventListener("load", function () {
      answered(job, request);
      busy = false;
      next();
    });
    request.addEventListener("error", function () {
      refuse(job.row, "“" + job.file.name + "” was not uploaded: the connection failed. Try again.");
      busy = false;
      next();
    });
    request.send(data);
  }

  function answered(job, request) {
    var answer = null;
    try {
      answer = JSON.parse(request.responseText);
    } catch (notJson) {
      answer = null;
    }
    if (!answer || request.responseURL.indexOf("/admin/login") !== -1) {
      refuse(job.row, "“" + job.file.name + "” was not uploaded: your session may have ended. Sign in again, then upload.");
      return;
    }
    if (answer.items && answer.items.length > 0) {
      stored++;
      job.row.bar.value = 100;
      job.row.item.classList.add("is-stored");
      job.row.message.textContent = "Uploaded. ";
      var link = document.createElement("a");
      link.href = "/admin/media/" + answer.items[0].id;
      link.textContent = "Add alt text and a caption";
      job.row.message.appendChild(link);
      return;
    }
    var errors = answer.errors || [];
    refuse(job.row, errors.length > 0 ? errors[0].message : (answer.message || "“" + job.file.name + "” was not uploaded."));
  }

  function refuse(row, text) {
    row.item.classList.add("is-refused");
    row.bar.value = 0;
    row.bar.hidden = true;
    row.message.textContent = text;
  }

  function finished() {
    if (stored > 0) {
      done.hidden = false;
    }
  }
})();
