// Keyboard shortcuts for the moderation queue (/admin/comments), an enhancement: every action is a button that
// works without this file. j / k move between comments, x ticks the current one, a approves, u unapproves,
// s marks spam, t trashes, e opens it to edit or reply. Keys typed into a field are left alone.
(function () {
  'use strict';
  var items = Array.prototype.slice.call(document.querySelectorAll('.queue-item'));
  if (items.length === 0) {
    return;
  }
  var current = -1;
  var keys = {a: 'approve', u: 'unapprove', s: 'spam', t: 'trash'};

  function select(index) {
    if (index < 0 || index >= items.length) {
      return;
    }
    if (current >= 0) {
      items[current].classList.remove('is-current');
    }
    current = index;
    items[current].classList.add('is-current');
    items[current].setAttribute('tabindex', '-1');
    items[current].focus();
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey
        || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName) && target.type !== 'checkbox') {
      return;
    }
    var key = event.key;
    if (key === 'j') {
      select(current + 1);
    } else if (key === 'k') {
      select(Math.max(0, current - 1));
    } else if (current >= 0 && key === 'x') {
      var box = items[current].querySelector('input[type=checkbox]');
      box.checked = !box.checked;
    } else if (current >= 0 && key === 'e') {
      window.location.href = items[current].querySelector('.edit-link').href;
    } else if (current >= 0 && keys[key]) {
      var button = items[current].querySelector('button[data-key="' + keys[key] + '"]');
      if (button) {
        button.click();
      }
    } else {
      return;
    }
    event.preventDefault();
  });
}());
