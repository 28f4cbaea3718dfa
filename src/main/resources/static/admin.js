// Byline admin: enhancements only; every page works without this file.
// Buttons with data-confirm ask before a destructive action (disable an account, remove the demo content).
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var message = (button && button.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// ---- The article editor (/admin/articles/…): the toolbar, paste conversion, word count, autosave, presence,
// the preview beside the form and the figure picker. Without this the form still saves, previews in a new tab and
// takes figures typed as Markdown.
(function () {
  var form = document.getElementById("editor");
  var body = document.getElementById("body");
  if (!form || !body) {
    return;
  }
  var csrf = form.querySelector("input[name=csrf]").value;

  function post(url, data, json) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: json ? {"Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json"}
        : {"X-CSRF-Token": csrf, "Accept": "application/json"},
      body: json ? JSON.stringify(data) : data
    });
  }

  function insert(text, before, after) {
    var start = body.selectionStart, end = body.selectionEnd, value = body.value;
    var chosen = value.slice(start, end) || text;
    body.value = value.slice(0, start) + (before || "") + chosen + (after || "") + value.slice(end);
    body.selectionStart = start + (before || "").length;
    body.selectionEnd = body.selectionStart + chosen.length;
    body.focus();
    body.dispatchEvent(new Event("input", {bubbles: true}));
  }

  // what a paste does: the text replaces the selection, the caret after it
  function replaceSelection(text) {
    var start = body.selectionStart, value = body.value;
    body.value = value.slice(0, start) + text + value.slice(body.selectionEnd);
    body.selectionStart = body.selectionEnd = start + text.length;
    body.focus();
    body.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function linePrefix(prefix) {
    var start = body.value.lastIndexOf("\n", body.selectionStart - 1) + 1;
    var end = body.selectionEnd;
    var lines = body.value.slice(start, end).split("\n").map(function (line, i) {
      return (typeof prefix === "function" ? prefix(i) : prefix) + line;
    }).join("\n");
    body.value = body.value.slice(0, start) + lines + body.value.slice(end);
    body.selectionStart = start;
    body.selectionEnd = start + lines.length;
    body.focus();
    body.dispatchEvent(new Event("input", {bubbles: true}));
  }

  // the toolbar
  var tools = [
    ["Heading", function () { linePrefix("## "); }],
    ["Subheading", function () { linePrefix("### "); }],
    ["Bold", function () { insert("bold text", "**", "**"); }],
    ["Italic", function () { insert("italic text", "*", "*"); }],
    ["Link", function () {
      var url = window.prompt("Address of the link (https://…)");
      if (url) { insert("link text", "[", "](" + url + ")"); }
    }],
    ["Quote", function () { linePrefix("> "); }],
    ["Bulleted list", function () { linePrefix("- "); }],
    ["Numbered list", function () { linePrefix(function (i) { return (i + 1) + ". "; }); }],
    ["Figure", function () { openFigures(); }]
  ];
  var bar = document.createElement("div");
  bar.className = "toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Formatting");
  bar.setAttribute("aria-controls", "body");
  tools.forEach(function (tool) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = tool[0];
    button.addEventListener("click", tool[1]);
    bar.appendChild(button);
  });
  body.parentNode.insertBefore(bar, body);

  // paste from a word processor or a web page: the server turns its HTML into Markdown
  body.addEventListener("paste", function (event) {
    var html = event.clipboardData && event.clipboardData.getData("text/html");
    if (!html) {
      return;
    }
    event.preventDefault();
    var plain = event.clipboardData.getData("text/plain");
    post(form.dataset.paste, {html: html}, true)
      .then(function (response) { return response.ok ? response.json() : {markdown: plain}; })
      .then(function (answer) { replaceSelection(answer.markdown); })
      .catch(function () { replaceSelection(plain); });
  });

  // words and reading time, as the public page counts them (230 words a minute)
  var counter = document.getElementById("word-count");
  function count() {
    var text = body.value.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[#>*_`~|-]/g, " ").trim();
    var words = text ? text.split(/\s+/).length : 0;
    counter.textContent = words + (words === 1 ? " word" : " words") + " · about "
      + Math.max(1, Math.round(words / 230)) + " min read";
  }
  body.addEventListener("input", count);

  // autosave every few seconds when something changed; the first one of a new article creates it as a draft
  var status = document.getElementById("autosave-status");
  var idField = form.querySelector("input[name=id]");
  var changed = false, saving = false, inFlight = null, queued = false;
  form.addEventListener("input", function () { changed = true; });
  form.addEventListener("change", function () { changed = true; });
  form.addEventListener("submit", function (event) {
    // the preview submits the form into its frame and the page stays: what is typed is still not saved
    if (event.submitter && event.submitter.id === "preview-button") { return; }
    if (inFlight) {
      // an autosave still on its way would land after this save (or, for a new article, create a second one):
      // the save goes once it is back, to the draft it made
      event.preventDefault();
      if (!queued) { // a second press while waiting sends nothing more: one save, not a second one that conflicts
        queued = true;
        var submitter = event.submitter;
        inFlight.then(function () { queued = false; form.requestSubmit(submitter); });
      }
      return;
    }
    changed = false;
    saving = true;
  });
  function autosave() {
    if (!changed || saving) {
      return;
    }
    changed = false;
    saving = true;
    inFlight = post(form.dataset.autosave, new URLSearchParams(new FormData(form)), false)
      .then(function (response) { return response.json().then(function (answer) { return [response.ok, answer]; }); })
      .then(function (result) {
        var answer = result[1];
        if (!result[0]) {
          status.textContent = answer.error || "Not autosaved.";
          return;
        }
        if (idField.value === "0") {
          idField.value = String(answer.articleId);
          form.querySelector("input[name=version]").value = String(answer.version); // the draft it created
          form.action = "/admin/articles/" + answer.articleId;
          form.dataset.here = "/admin/articles/" + answer.articleId + "/here";
          window.history.replaceState(null, "", "/admin/articles/" + answer.articleId);
        }
        status.textContent = "Autosaved at " + answer.at + ".";
        showOthers(answer.others);
      })
      .catch(function () { status.textContent = "Not autosaved: no connection."; changed = true; })
      .finally(function () { saving = false; inFlight = null; });
  }
  window.setInterval(autosave, 8000);

  // someone else in the same article
  var presence = document.getElementById("presence");
  function showOthers(others) {
    if (!others || others.length === 0) {
      presence.hidden = true;
      presence.textContent = "";
      return;
    }
    presence.hidden = false;
    presence.textContent = "Also editing this now: " + others.join(", ")
      + ". Saving over their changes is refused; you will see both versions.";
  }
  window.setInterval(function () {
    if (form.dataset.here) {
      post(form.dataset.here, new URLSearchParams({csrf: csrf}), false)
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) { if (answer) { showOthers(answer.others); } })
        .catch(function () {});
    }
  }, 20000);

  // the preview beside the form, redrawn a moment after typing stops
  var panel = document.getElementById("preview-panel");
  var previewButton = document.getElementById("preview-button");
  if (panel && previewButton) {
    previewButton.setAttribute("formtarget", "byline-preview");
    previewButton.addEventListener("click", function () { panel.hidden = false; });
    var timer = null;
    form.addEventListener("input", function () {
      if (panel.hidden) {
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { form.requestSubmit(previewButton); }, 1500);
    });
  }

  // figures: choose from the media library or upload, with alt text (required) and a caption
  var dialog = null;
  function openFigures() {
    if (!dialog) {
      dialog = buildDialog();
      document.body.appendChild(dialog);
    }
    dialog.showModal();
    dialog.querySelector("input[type=search]").focus();
    search("");
  }
  function buildDialog() {
    var d = document.createElement("dialog");
    d.className = "figure-dialog";
    d.setAttribute("aria-labelledby", "figure-heading");
    d.innerHTML = '<h2 id="figure-heading">Insert a figure</h2>'
      + '<div class="field"><label for="figure-search">Search the library</label>'
      + '<input id="figure-search" type="search"></div>'
      + '<div class="field"><label for="figure-upload">Or upload an image</label>'
      + '<input id="figure-upload" type="file" accept="image/jpeg,image/png,image/webp,image/gif"></div>'
      + '<p class="figure-message" role="status"></p>'
      + '<ul class="figure-grid plain"></ul>'
      + '<div class="field"><label for="figure-alt">Alt text (required): what the image shows</label>'
      + '<input id="figure-alt" type="text"></div>'
      + '<div class="field"><label for="figure-caption">Caption</label><input id="figure-caption" type="text"></div>'
      + '<div class="editor-actions"><button type="button" class="figure-insert">Insert</button>'
      + '<button type="button" class="secondary figure-cancel">Cancel</button></div>';
    var chosen = null;
    var message = d.querySelector(".figure-message");
    var grid = d.querySelector(".figure-grid");
    function choose(item, button) {
      chosen = item;
      grid.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
      if (button) { button.setAttribute("aria-pressed", "true"); }
      d.querySelector("#figure-alt").value = item.alt || "";
      d.querySelector("#figure-caption").value = item.caption || "";
      message.textContent = "Chosen: " + (item.alt || item.url);
    }
    function show(items) {
      grid.innerHTML = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "figure-tile";
        button.setAttribute("aria-pressed", "false");
        var img = document.createElement("img");
        img.src = item.thumbUrl || item.url;
        img.alt = item.alt || "";
        button.appendChild(img);
        var label = document.createElement("span");
        label.className = "visually-hidden";
        label.textContent = "Choose " + (item.alt || item.url);
        button.appendChild(label);
        button.addEventListener("click", function () { choose(item, button); });
        li.appendChild(button);
        grid.appendChild(li);
      });
      if (!items.length) { message.textContent = "No images found."; }
    }
    search = function (q) {
      fetch("/admin/media.json?q=" + encodeURIComponent(q) + "&page=1", {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {items: []}; })
        .then(function (answer) { show(answer.items || []); })
        .catch(function () { message.textContent = "The library could not be read."; });
    };
    var searchTimer = null;
    d.querySelector("#figure-search").addEventListener("input", function (event) {
      window.clearTimeout(searchTimer);
      searchTimer = window.setTimeout(function () { search(event.target.value); }, 300);
    });
    d.querySelector("#figure-upload").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) { return; }
      var data = new FormData();
      data.append("csrf", csrf);
      data.append("files", file);
      message.textContent = "Uploading " + file.name + "…";
      post("/admin/media", data, false)
        .then(function (response) { return response.json(); })
        .then(function (answer) {
          if (answer.items && answer.items.length) {
            choose(answer.items[0], null);
            message.textContent = "Uploaded " + file.name + ". Now describe it.";
          } else {
            message.textContent = (answer.errors && answer.errors.length ? answer.errors[0].message : "Not uploaded.");
          }
        })
        .catch(function () { message.textContent = "Not uploaded: no connection."; });
    });
    d.querySelector(".figure-cancel").addEventListener("click", function () { d.close(); });
    d.querySelector(".figure-insert").addEventListener("click", function () {
      var alt = d.querySelector("#figure-alt").value.trim();
      var caption = d.querySelector("#figure-caption").value.trim();
      if (!chosen) { message.textContent = "Choose or upload an image first."; return; }
      if (!alt) { message.textContent = "Alt text is required: say what the image shows."; d.querySelector("#figure-alt").focus(); return; }
      d.close();
      body.selectionStart = body.selectionEnd; // a figure goes in beside what was selected, never over it
      var markdown = "![" + alt.replace(/[\[\]]/g, "") + "](" + chosen.url
        + (caption ? ' "' + caption.replace(/"/g, '\\"') + '"' : "") + ")";
      insert(markdown, "\n\n", "\n\n");
    });
    return d;
  }
  var search = function () {};
})();
