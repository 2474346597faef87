// text-input.js: the hidden <textarea id="text-input">, the JavaScript half of src/web/text_input.cpp.
//  [X] Holds the keyboard focus while the page has it (refocused on every press on the canvas and when the
//      window regains focus), so typed text arrives as `input` events even before ImGui's next frame.
//  [X] Committed text -> Module._wfadmin_text_input; text being composed by an IME stays in the textarea,
//      shown at ImGui's text cursor, until `compositionend` (keydowns during composition are ignored by input.cpp).
//  [X] paste -> wfadmin_paste (ImGui's clipboard, then ImGui's own paste); copy/cut -> wfadmin_copy, whose text
//      goes into the event's clipboardData; writeClipboard() for copies ImGui makes on its own.
//  [X] update(): ImGui wants text or not (inputmode "text"/"none": mobile keyboards only for text fields), and
//      the caret position for the IME candidate window.
'use strict';
(function () {
  var Module = window.Module;
  var area = document.getElementById('text-input');
  var canvas = document.getElementById('canvas');
  var api = Module.wfadminTextInput = { composing: false };
  var lastKeyUnidentified = false;

  function running() { return !!Module.calledRun; }

  function feed(text) {
    if (text && running()) Module.ccall('wfadmin_text_input', null, ['string'], [text]);
  }

  function focus() {
    if (document.activeElement !== area) area.focus({ preventScroll: true });
  }

  canvas.addEventListener('mousedown', focus);
  canvas.addEventListener('touchstart', focus, { passive: true });
  window.addEventListener('focus', focus);
  document.addEventListener('DOMContentLoaded', focus);

  area.addEventListener('keydown', function (e) {
    lastKeyUnidentified = e.keyCode === 229 || e.key === 'Unidentified';
  });
  // The composition is shown in the textarea itself (visible while composing), sized to its text.
  function fitComposition() {
    area.style.width = '2px';
    area.style.width = Math.max(area.scrollWidth + 8, 24) + 'px';
  }
  area.addEventListener('compositionstart', function () {
    api.composing = true;
    area.classList.add('composing');
  });
  area.addEventListener('compositionupdate', function () { setTimeout(fitComposition, 0); });
  area.addEventListener('compositionend', function () {
    api.composing = false;
    area.classList.remove('composing');
    area.style.width = '';
    // Some browsers send one more `input` after compositionend: the value is consumed once, here or there.
    feed(area.value);
    area.value = '';
  });
  area.addEventListener('input', function (e) {
    if (e.isComposing || api.composing) return;
    if (e.inputType === 'deleteContentBackward' && area.value === '' && lastKeyUnidentified) {
      if (running()) Module._wfadmin_backspace();   // a mobile keyboard's backspace
      return;
    }
    feed(area.value);
    area.value = '';
  });

  area.addEventListener('paste', function (e) {
    e.preventDefault();
    var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (text && running()) Module.ccall('wfadmin_paste', null, ['string'], [text]);
  });
  function onCopy(e) {
    if (!running()) return;
    var text = Module.ccall('wfadmin_copy', 'string', [], []);
    if (!text || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  }
  area.addEventListener('copy', onCopy);
  area.addEventListener('cut', onCopy);

  api.writeClipboard = function (text) {
    var fallback = function () {
      // Older permission models: a selected textarea and execCommand, inside the click's user activation.
      var saved = area.value;
      area.value = text;
      area.select();
      try { document.execCommand('copy'); } catch (err) { /* nothing more to try */ }
      area.value = saved;
      focus();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(fallback);
    } else {
      fallback();
    }
  };

  var wanted = null;
  api.update = function (wantText, x, y, lineHeight) {
    if (x >= 0 && y >= 0) {
      area.style.left = Math.round(x) + 'px';
      area.style.top = Math.round(y) + 'px';
      if (lineHeight > 0) area.style.height = Math.round(lineHeight) + 'px';
    }
    if (wantText === wanted) return;
    wanted = wantText;
    area.setAttribute('inputmode', wantText ? 'text' : 'none');
    if (!api.composing) area.value = '';
    if (wantText && document.hasFocus()) {
      // Re-focusing after the inputmode change is what makes mobile browsers show their keyboard.
      area.blur();
      area.focus({ preventScroll: true });
    }
  };
})();
