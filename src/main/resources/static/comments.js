// The comment form's enhancements; without this file everything still works (Reply opens ?replytocom=…#respond,
// the form posts and the server answers with a redirect or the form and its messages).
// - Reply moves the form under the comment and Cancel reply moves it back.
// - When the reader starts writing, a fresh form token is fetched, so the minimum time is the reader's own.
// - "Save my name, email, and website in this browser" keeps them in this browser's storage, never on the server.
(function () {
  'use strict';
  var respond = document.getElementById('respond');
  var form = document.getElementById('commentform');
  if (!respond || !form) {
    return;
  }
  var home = document.createElement('div');
  home.hidden = true;
  respond.parentNode.insertBefore(home, respond);
  var parent = document.getElementById('comment_parent');
  var title = document.getElementById('reply-title');
  var cancel = document.getElementById('cancel-comment-reply-link');
  var heading = title.firstChild;
  var originalHeading = 'Leave a Reply';

  function setHeading(text) {
    if (heading && heading.nodeType === 3) {
      heading.nodeValue = text + ' ';
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('.comment-reply-link') : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    var body = link.closest('.comment-body');
    body.parentNode.insertBefore(respond, body.nextSibling);
    parent.value = link.getAttribute('data-comment');
    setHeading('Leave a Reply to ' + link.getAttribute('data-author'));
    cancel.hidden = false;
    document.getElementById('comment').focus();
  });

  cancel.addEventListener('click', function (event) {
    event.preventDefault();
    home.parentNode.insertBefore(respond, home);
    parent.value = '0';
    setHeading(originalHeading);
    cancel.hidden = true;
  });

  var fresh = false;
  form.addEventListener('focusin', function () {
    if (fresh) {
      return;
    }
    fresh = true;
    var article = respond.getAttribute('data-article');
    fetch('/comments/token?article=' + encodeURIComponent(article), {credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (token) {
        if (token) {
          document.getElementById('form_token').value = token;
        }
      })
      .catch(function () { /* the token in the page still works */ });
  });

  var fields = ['author', 'email', 'url'];
  var consent = document.getElementById('wp-comment-cookies-consent');
  try {
    var saved = JSON.parse(window.localStorage.getItem('byline-commenter') || 'null');
    if (saved && consent) {
      fields.forEach(function (name) {
        var input = document.getElementById(name);
        if (input && !input.value && saved[name]) {
          input.value = saved[name];
        }
      });
      consent.checked = true;
    }
  } catch (ignored) { /* storage may be off */ }

  form.addEventListener('submit', function () {
    if (!consent) {
      return;
    }
    try {
      if (consent.checked) {
        var remembered = {};
        fields.forEach(function (name) { remembered[name] = document.getElementById(name).value; });
        window.localStorage.setItem('byline-commenter', JSON.stringify(remembered));
      } else {
        window.localStorage.removeItem('byline-commenter');
      }
    } catch (ignored) { /* storage may be off */ }
  });
}());
