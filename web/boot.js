// boot.js: starts the page and exposes window.wfadmin.
//  [X] Reads ?domain= and ?lang= (else navigator.language), and fetches config.json beside the page (the
//      deployment config: allowed tenants, default domain, API version; demo mode from serve.py; 404 or any
//      failure = today's defaults) while the wasm downloads; main() starts only when both are there
//      (a run dependency), and reads the result from Module.wfadminConfig.
//  [X] The build gives the wasm and fonts content-hashed names (scripts/lib/site_assets.py), listed in
//      <meta name="wfadmin-assets">: Module.locateFile and Module.wfadminAssetUrl map the plain names to them.
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
    tenants: '',      // comma-separated allowed tenants; empty: any Workfront tenant
    apiVersion: '',   // empty: the page's built-in default
    mac: isMac,
  };

  var assets = {};
  var assetList = document.querySelector('meta[name="wfadmin-assets"]');
  try {
    if (assetList) assets = JSON.parse(assetList.getAttribute('content')) || {};
  } catch (e) { assets = {}; }
  function assetUrl(path) {
    return Object.prototype.hasOwnProperty.call(assets, path) ? assets[path] : path;
  }

  var TENANT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
  function tenantName(value) {
    if (typeof value !== 'string') return '';
    var name = value.trim().toLowerCase();
    return TENANT.test(name) && name.indexOf('xn--') !== 0 ? name : '';
  }

  // Untrusted like any answer: only well-formed values are taken, the rest keeps today's defaults.
  function applyConfig(c) {
    if (!c || typeof c !== 'object') return;
    if (c.demo === true) {
      config.demo = true;
      config.demoDomain = tenantName(c.demoDomain) || 'demo';
    }
    if (typeof c.version === 'string') config.version = c.version.slice(0, 40);
    if (Array.isArray(c.tenants)) {
      var tenants = [];
      c.tenants.slice(0, 100).forEach(function (t) {
        var name = tenantName(t);
        if (name && tenants.indexOf(name) < 0) tenants.push(name);
      });
      config.tenants = tenants.join(',');
    }
    if (!config.domain && tenantName(c.defaultDomain)) config.domain = tenantName(c.defaultDomain);
    if (typeof c.apiVersion === 'string' && /^v?[0-9]{1,3}(\.[0-9]{1,3})?$/.test(c.apiVersion)) {
      config.apiVersion = c.apiVersion;
    }
  }

  var configReady = fetch('config.json', { cache: 'no-cache', credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .catch(function () { return null; })
    .then(applyConfig);

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
    locateFile: function (path, prefix) { return prefix + assetUrl(path); },
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
