# static.py: the built page from --root. Only files inside the root are served (no "..", no encoded dots that
# decode to "..", no backslashes, no absolute paths, no symlinks that lead outside, no dotfiles or dot
# directories such as .git or .env that a build might leave behind), with exact MIME types and
# revalidation caching (Cache-Control: no-cache + ETag/Last-Modified, 304 when unchanged). Files whose names
# carry a content hash (wfadmin.0123456789ab.wasm: the build writes them) never change, so browsers keep them a
# year without asking; a precompressed sibling the build wrote (x.br, x.gz) goes out instead of x when the
# browser accepts that encoding.
import email.utils
import os
import posixpath
import re
from urllib.parse import unquote

MIME = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm", ".css": "text/css; charset=utf-8", ".json": "application/json",
    ".map": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/x-icon",
    ".otf": "font/otf", ".ttf": "font/ttf", ".woff": "font/woff", ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json",
    ".data": "application/octet-stream",
}


# The content-hashed names of scripts/lib/site_assets.py (deploy/nginx/wfadmin.conf uses the same pattern).
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.(?:js|wasm|css|otf|ttf|woff2?)$")
IMMUTABLE = "public, max-age=31536000, immutable"
# Preferred first: brotli is about a fifth smaller than gzip on the wasm.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted(header, coding):
    """True when an Accept-Encoding value accepts `coding` (named or by "*", with a q above 0)."""
    named = star = None
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        m = re.search(r"(?:^|;)\s*q\s*=\s*([0-9.]+)", params)
        if m:
            try:
                q = float(m.group(1))
            except ValueError:
                q = 0.0
        name = name.strip().lower()
        if name == coding:
            named = q
        elif name == "*":
            star = q
    q = named if named is not None else star
    return q is not None and q > 0


def precompressed(path, request_headers):
    """(encoding, sibling path, whether any sibling exists) for the best precompressed copy the browser takes."""
    any_sibling = False
    for coding, suffix in ENCODINGS:
        sibling = path + suffix
        if os.path.isfile(sibling) and os.path.realpath(sibling) == sibling:
            any_sibling = True
            if accepted(request_headers.get("Accept-Encoding"), coding):
                return coding, sibling, True
    return None, path, any_sibling


def resolve(root, url_path):
    """The real file for a URL path, or None when it is missing or not inside `root`."""
    try:
        path = unquote(url_path.split("?", 1)[0].split("#", 1)[0], errors="strict")
    except UnicodeDecodeError:
        return None
    if "\\" in path or "\x00" in path or not path.startswith("/") or path.startswith("//"):
        return None
    segments = path.split("/")[1:]
    if any(s.startswith(".") for s in segments):   # ".", ".." and every dotfile
        return None
    real_root = os.path.realpath(root)
    candidate = os.path.join(real_root, *[s for s in segments if s])
    if path.endswith("/") or os.path.isdir(candidate):
        candidate = os.path.join(candidate, "index.html")
    real = os.path.realpath(candidate)
    # realpath resolves symlinks: a link inside the root that points outside it is refused here.
    if os.path.commonpath([real_root, real]) != real_root or not os.path.isfile(real):
        return None
    return real


def mime_type(path):
    return MIME.get(posixpath.splitext(path)[1].lower(), "application/octet-stream")


def etag_for(st):
    return '"%x-%x"' % (st.st_size, st.st_mtime_ns)


def respond(path, request_headers):
    """(status, headers, body) for a resolved file; 304 when the client's copy is current."""
    coding, sent, varies = precompressed(path, request_headers)
    st = os.stat(sent)
    etag = etag_for(st)   # the sent file's own: a gzip copy and the plain file are different representations
    if coding:
        etag = etag[:-1] + "-" + coding + '"'
    last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
    cache = IMMUTABLE if HASHED_NAME.search(os.path.basename(path)) else "no-cache"
    headers = {"Content-Type": mime_type(path), "Cache-Control": cache, "ETag": etag, "Last-Modified": last_modified}
    if coding:
        headers["Content-Encoding"] = coding
    if varies:
        headers["Vary"] = "Accept-Encoding"
    inm = request_headers.get("If-None-Match")
    if inm is not None:
        if etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*":
            return 304, headers, b""
    else:
        ims = request_headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
                if int(st.st_mtime) <= since:
                    return 304, headers, b""
            except (TypeError, ValueError):
                pass
    with open(sent, "rb") as f:
        return 200, headers, f.read()
