# deployment.py: the deployment config the page reads at start (config.json beside index.html): which tenants
# the page (and the proxy) work with, the domain to pre-fill and the API version. Every field is optional; an
# absent field means the page's own default (any tenant, an empty domain, its built-in API version). The same
# rules are written down for people in deploy/config.schema.json and checked on the page again (web/boot.js).
import json
import re

from . import proxy

FIELDS = ("defaultDomain", "tenants", "apiVersion", "oauth2ClientId")
MAX_TENANTS = 100
_VERSION = re.compile(r"^v?[0-9]{1,3}(?:\.[0-9]{1,3})?$")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,200}$")


def check(config, origin="config.json"):
    """The config with tenant names normalised; ValueError naming the field when something is wrong."""
    if not isinstance(config, dict):
        raise ValueError("%s must hold a JSON object" % origin)
    unknown = sorted(set(config) - set(FIELDS))
    if unknown:
        raise ValueError("%s: unknown field %s (known: %s)" % (origin, ", ".join(unknown), ", ".join(FIELDS)))
    out = {}
    if "tenants" in config:
        tenants = config["tenants"]
        if not isinstance(tenants, list) or not all(isinstance(t, str) for t in tenants):
            raise ValueError("%s: tenants must be a list of tenant names" % origin)
        if len(tenants) > MAX_TENANTS:
            raise ValueError("%s: at most %d tenants" % (origin, MAX_TENANTS))
        out["tenants"] = unique(proxy.tenant_name(t) for t in tenants)
    if "defaultDomain" in config:
        domain = config["defaultDomain"]
        if not isinstance(domain, str):
            raise ValueError("%s: defaultDomain must be a tenant name" % origin)
        out["defaultDomain"] = proxy.tenant_name(domain)
        if out.get("tenants") and out["defaultDomain"] not in out["tenants"]:
            raise ValueError("%s: defaultDomain %s is not one of the tenants" % (origin, out["defaultDomain"]))
    if "apiVersion" in config:
        version = config["apiVersion"]
        if not isinstance(version, str) or not _VERSION.match(version):
            raise ValueError("%s: apiVersion looks like \"21.0\"" % origin)
        out["apiVersion"] = version
    if "oauth2ClientId" in config:
        client_id = config["oauth2ClientId"]
        if not isinstance(client_id, str) or not _CLIENT_ID.match(client_id):
            raise ValueError("%s: oauth2ClientId is the client ID of the tenant's OAuth2 application" % origin)
        out["oauth2ClientId"] = client_id
    return out


def unique(names):
    seen = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen


def load(path, required):
    """The checked config in `path`; {} when the file is absent and not `required`."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        if required:
            raise ValueError("%s does not exist" % path) from None
        return {}
    except OSError as e:
        raise ValueError("cannot read %s (%s)" % (path, e.strerror)) from None
    try:
        data = json.loads(text)
    except ValueError as e:
        raise ValueError("%s is not JSON (%s)" % (path, e)) from None
    return check(data, path)


def build(path, required, tenants):
    """The deployment config serve.py serves: the file's, with --tenant values (when given) as the tenants."""
    config = load(path, required)
    if tenants:
        config["tenants"] = unique(proxy.tenant_name(t) for t in tenants)
        if config.get("defaultDomain") and config["defaultDomain"] not in config["tenants"]:
            raise ValueError("defaultDomain %s in %s is not one of the --tenant values" % (config["defaultDomain"],
                                                                                         path))
    return config
