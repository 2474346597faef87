# location.py: where a redirect from Workfront points, read the way a browser reads it (the WHATWG URL rules for
# http and https: tabs and newlines are dropped, a backslash is a slash, any run of slashes before a host is one
# "//", "%2e" is a dot in a path), so that the proxy can tell a redirect on the upstream's own host from one to
# another host. A Location that a browser could read in more than one way is refused, not guessed at.
import posixpath
import re

DEFAULT_PORTS = {"http": 80, "https": 443}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_STRIP = "".join(map(chr, range(0x21)))   # C0 controls and space, stripped at both ends by browsers
_DOT = re.compile(r"^(?:\.|%2e)$", re.IGNORECASE)
_DOTDOT = re.compile(r"^(?:\.|%2e){2}$", re.IGNORECASE)


class Refused(ValueError):
    """The Location leads off the upstream's host (host is that host) or cannot be read unambiguously."""

    def __init__(self, reason, host=""):
        super().__init__(reason)
        self.reason, self.host = reason, host


def _normalise(location):
    text = location.strip(_STRIP)
    text = text.replace("\t", "").replace("\n", "").replace("\r", "")
    if any(not 0x21 <= ord(c) <= 0x7E for c in text):
        raise Refused("it has spaces, control characters or non-ASCII characters")
    return text.replace("\\", "/")


def _authority(text):
    """(host, port or None, rest) of what follows the slashes before a host."""
    end = min([i for i in (text.find("/"), text.find("?"), text.find("#")) if i >= 0] or [len(text)])
    authority, rest = text[:end], text[end:]
    if "@" in authority or "%" in authority:
        raise Refused("its host part has credentials or percent-encoding")
    if authority.startswith("["):
        close = authority.find("]")
        if close < 0:
            raise Refused("its IPv6 host is not closed")
        host, port_text = authority[:close + 1], authority[close + 1:]
        if port_text and not port_text.startswith(":"):
            raise Refused("its host part is malformed")
        port_text = port_text[1:] if port_text else None
    else:
        host, colon, port_text = authority.partition(":")
        if not colon:
            port_text = None
        elif ":" in port_text:
            raise Refused("its host part is malformed")
    if not host:
        raise Refused("it has no host")
    port = None
    if port_text:   # an empty port ("h:") is the default port, as in a browser
        if not port_text.isdigit() or not port_text.isascii() or int(port_text) > 65535:
            raise Refused("its port %r is not a port number" % port_text[:20], host.lower())
        port = int(port_text)
    return host.lower(), port, rest


def _remove_dots(path):
    out = []
    segments = path.split("/")[1:]
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if _DOTDOT.match(seg):
            if len(out) > 0:
                out.pop()
            if last:
                out.append("")
        elif _DOT.match(seg):
            if last:
                out.append("")
        else:
            out.append(seg)
    return "/" + "/".join(out)


def same_host_path(location, scheme, hostname, port, request_path):
    """The path (with its query) on the upstream's own host that `location` leads to, resolved against the
    request's path; raises Refused when it leads elsewhere or is ambiguous."""
    text = _normalise(location)
    m = _SCHEME.match(text)
    if m:
        loc_scheme = m.group(1).lower()
        if loc_scheme not in DEFAULT_PORTS:
            raise Refused("it is a %s: URL" % loc_scheme[:20])
        text = text[m.end():]
        if not text.startswith("//"):   # "http:x", "http:/x": relative or another host, depending on the base
            raise Refused("it names a scheme without a host")
    else:
        loc_scheme = scheme
    if text.startswith("//"):
        host, loc_port, text = _authority(text.lstrip("/"))
        if (loc_scheme, host, loc_port or DEFAULT_PORTS[loc_scheme]) != \
                (scheme, hostname.lower(), port or DEFAULT_PORTS[scheme]):
            raise Refused("it leads to another host or scheme", host)
        text = text or "/"
    text = text.split("#", 1)[0]
    path, q, query = text.partition("?")
    request_only = request_path.split("?", 1)[0]
    if not path:   # "?x" or "": the request's own path
        path = request_only
    elif not path.startswith("/"):
        path = posixpath.dirname(request_only).rstrip("/") + "/" + path
    path = _remove_dots(path)
    return path + (q + query)
