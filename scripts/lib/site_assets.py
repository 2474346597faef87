#!/usr/bin/env python3
"""scripts/lib/site_assets.py SITE_DIR: the last step of the web build, in place in the built site.

  1. Content-hashed copies of the page's scripts, stylesheet, wasm and fonts (wfadmin.0123456789ab.wasm): a name
     that changes with the content can be cached for a year (serve.py and deploy/nginx send them immutable).
  2. index.html points at those names, and lists them in <meta name="wfadmin-assets"> for boot.js (the wasm is
     found through Module.locateFile, the fonts the wasm fetches through Module.wfadminAssetUrl).
  3. config.json: the deployment config with every field absent (today's defaults), for static hosts to edit.
  4. Precompressed siblings (x.gz, and x.br when Debian's brotli is installed) of every compressible file, written
     only when smaller, so that servers send them without compressing on every request.
Idempotent: hashed copies of older builds are removed, and compressed files are rewritten only when their source
is newer. Python standard library only (brotli is the Debian command-line tool).
"""
import gzip
import hashlib
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys

# Names the page loads by itself: (file in the site, attribute in index.html that names it, or None when another
# file asks for it by name: the wasm from wfadmin.js, fonts from the wasm).
HASHED = ("boot.js", "text-input.js", "wfadmin.js", "wfadmin.css", "wfadmin.wasm")
FONT_EXTENSIONS = (".otf", ".ttf", ".woff", ".woff2")
COMPRESSIBLE = (".html", ".js", ".css", ".wasm", ".json", ".svg", ".txt", ".otf", ".ttf", ".map")
HASH_LENGTH = 12   # server/static.py HASHED_NAME and deploy/nginx/wfadmin.conf match this length
_HASHED_NAME = re.compile(r"^(.+)\.[0-9a-f]{%d}(\.[a-z0-9]+)(\.gz|\.br)?$" % HASH_LENGTH)


def content_hash(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:HASH_LENGTH]


def hashed_name(rel, digest):
    stem, ext = os.path.splitext(rel)
    return "%s.%s%s" % (stem, digest, ext)


def assets(site):
    """The site-relative paths that get hashed names."""
    found = [name for name in HASHED if os.path.isfile(os.path.join(site, name))]
    fonts = os.path.join(site, "fonts")
    if os.path.isdir(fonts):
        for name in sorted(os.listdir(fonts)):
            if name.endswith(FONT_EXTENSIONS) and not _HASHED_NAME.match(name):
                found.append("fonts/" + name)
    return found


def write_hashed(site, rels):
    """{original: hashed} with each hashed copy in place; hashed copies of other contents removed."""
    mapping = {}
    for rel in rels:
        mapping[rel] = hashed_name(rel, content_hash(os.path.join(site, rel)))
        target = os.path.join(site, mapping[rel])
        if not os.path.isfile(target):
            shutil.copyfile(os.path.join(site, rel), target)
    current = set(mapping.values())
    originals = set(rels)
    for folder, _, files in os.walk(site):
        for name in files:
            m = _HASHED_NAME.match(name)
            if not m:
                continue
            rel = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
            base = rel[:-len(m.group(3))] if m.group(3) else rel
            original = posixpath.join(posixpath.dirname(rel), m.group(1) + m.group(2))
            if original in originals and base not in current:
                os.remove(os.path.join(folder, name))
    return mapping


def rewrite_index(site, mapping, source):
    """index.html from the pristine copy `source` (web/index.html), with hashed names and the asset list."""
    with open(source, encoding="utf-8") as f:
        page = f.read()
    for rel, hashed in mapping.items():
        page = re.sub(r'((?:src|href)=")%s(")' % re.escape(rel), r"\g<1>%s\g<2>" % hashed, page)
    listed = {rel: hashed for rel, hashed in mapping.items() if not rel.endswith((".js", ".css"))}
    meta = '<meta name="wfadmin-assets" content="%s">' % html.escape(json.dumps(listed, sort_keys=True), quote=True)
    page, count = re.subn(r"(<meta charset=\"utf-8\">)", r"\1\n  " + meta.replace("\\", "\\\\"), page, count=1)
    if count != 1:
        raise SystemExit("site_assets.py: %s has no <meta charset=\"utf-8\"> to put the asset list after" % source)
    missing = [rel for rel in ("boot.js", "wfadmin.js") if rel in mapping and mapping[rel] not in page]
    if missing:
        raise SystemExit("site_assets.py: %s does not load %s by src=\"...\"" % (source, ", ".join(missing)))
    write_if_changed(os.path.join(site, "index.html"), page)


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def compress(site, skip):
    """x.gz (and x.br) beside every compressible file but those in `skip` (site-relative), when smaller and older
    than x."""
    brotli = shutil.which("brotli")
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            if not name.endswith(COMPRESSIBLE) or os.path.relpath(path, site).replace(os.sep, "/") in skip:
                continue
            with open(path, "rb") as f:
                data = f.read()
            mtime = os.stat(path).st_mtime_ns
            gz = path + ".gz"
            if fresh(gz, mtime) is None:
                keep_if_smaller(gz, gzip.compress(data, 9, mtime=0), len(data))
            br = path + ".br"
            if brotli and fresh(br, mtime) is None:
                subprocess.run([brotli, "-q", "11", "-f", "-o", br + ".tmp", path], check=True)
                with open(br + ".tmp", "rb") as f:
                    packed = f.read()
                os.remove(br + ".tmp")
                keep_if_smaller(br, packed, len(data))


def fresh(path, source_mtime):
    """True when `path` exists and is newer than its source; None when it must be (re)written."""
    try:
        return True if os.stat(path).st_mtime_ns >= source_mtime else None
    except FileNotFoundError:
        return None


def keep_if_smaller(path, packed, size):
    if len(packed) < size * 0.95:
        with open(path, "wb") as f:
            f.write(packed)
    elif os.path.exists(path):
        os.remove(path)


def main(argv):
    if len(argv) != 3:
        raise SystemExit("usage: site_assets.py SITE_DIR web/index.html")
    site, source = argv[1], argv[2]
    mapping = write_hashed(site, assets(site))
    rewrite_index(site, mapping, source)
    write_if_changed(os.path.join(site, "config.json"), "{}\n")
    compress(site, set(mapping))   # the unhashed originals stay for the build's own bookkeeping; the page
    #                                 never asks for them
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
