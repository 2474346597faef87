// boot.js: starts the page and exposes window.wfadmin.
//  [X] Reads ?domain= and ?lang= (else navigator.language), and fetches /wfadmin/config.json (404 or any
//      failure = not demo mode) while the wasm downloads; main() starts only when both are there
//      (a run dependency), and reads the result from Module.wfadminConfig.
//  [X] The loading indicator stays until the first frame; fatal errors (no WebGL2, wasm failure) replace it.
//  [X] window.wfadmin: itemRect(id), state(), frames(), fontsReady(), missingGlyphs(), atlas(), firstFrameMs,
//      ready(), config.
'use strict';
(function () {
  var params = new URLSearchParams(window.location.search);
  var isMac = /Mac|iPhone|iPad|iPod/.test(navigator.platform || '') ||
              /Mac OS X/.test(navigator.userAgent || '');
  var config = {
    domain: params.get('domain') || '',
    lang: params.get('lang') || (navigator.languages && navigator.languages[0]) || navigator.language || 'en',
    demo: false,
    demoDomain: '',
    version: '',
    mac: isMac,
  };

  var configReady = fetch('/wfadmin/config.json', { cache: 'no-store', credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .catch(function () { return null; })
    .then(function (c) {
      if (c && c.demo === true) {
        config.demo = true;
        config.demoDomain = typeof c.demoDomain === 'string' ? c.demoDomain : 'demo';
      }
      if (c && typeof c.version === 'string') config.version = c.version;
    });

  function showFailure(message) {
    var loading = document.getElementById('loading');
    if (!loading) return;
    loading.classList.add('failed');
    document.getElementById('loading-text').textContent = message;
  }

  var ready = false;
  var Module = window.Module = {
    canvas: document.getElementById('canvas'),
    wfadminConfig: config,
    preRun: [function () {
      Module.addRunDependency('wfadmin-config');
      configReady.then(function () { Module.removeRunDependency('wfadmin-config'); });
    }],
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) { showFailure('The page failed to start: ' + what); },
    wfadminFirstFrame: function () {
      ready = true;
      window.wfadmin.firstFrameMs = Math.round(performance.now());
      var loading = document.getElementById('loading');
      if (loading) loading.remove();
    },
    wfadminFatal: showFailure,
  };

  function call(name, returnType, argTypes, args) {
    if (!ready) return null;
    return Module.ccall(name, returnType, argTypes, args);
  }

  window.wfadmin = {
    ready: function () { return ready; },
    firstFrameMs: null,
    config: config,
    // {x, y, w, h} in CSS pixels relative to the viewport, or null.
    itemRect: function (id) {
      var json = call('wfadmin_item_rect', 'string', ['string'], [String(id)]);
      return json ? JSON.parse(json) : null;
    },
    state: function () {
      var json = call('wfadmin_state', 'string', [], []);
      return json ? JSON.parse(json) : null;
    },
    frames: function () { return ready ? Module._wfadmin_frames() : 0; },
    // Every wanted character is in the atlas; missingGlyphs(): those that cannot be drawn (boxes) or not yet.
    fontsReady: function () { return ready && Module._wfadmin_fonts_ready() === 1; },
    missingGlyphs: function () { return call('wfadmin_missing_glyphs', 'string', [], []) || ''; },
    atlas: function () {
      var json = call('wfadmin_atlas', 'string', [], []);
      return json ? JSON.parse(json) : null;
    },
  };

  document.addEventListener('visibilitychange', function () {
    if (ready && !document.hidden) Module._wfadmin_wake();
  });
  document.getElementById('canvas').addEventListener('contextmenu', function (e) { e.preventDefault(); });
})();
