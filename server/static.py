# static.py: the built page from --root. Only files inside the root are served (no "..", no encoded dots that
# decode to "..", no backslashes, no absolute paths, no symlinks that lead outside, no dotfiles or dot
# directories such as .git or .env that a build might leave behind), with exact MIME types and
# revalidation caching (Cache-Control: no-cache + ETag/Last-Modified, 304 when unchanged).
import email.utils
import os
import posixpath
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
    st = os.stat(path)
    etag = etag_for(st)
    last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
    headers = {"Content-Type": mime_type(path), "Cache-Control": "no-cache", "ETag": etag,
               "Last-Modified": last_modified}
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
    with open(path, "rb") as f:
        return 200, headers, f.read()
