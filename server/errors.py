# errors.py: Workfront-shaped errors. Every failure the demo or the proxy reports is a WFError, rendered as
# {"error":{"class","message","title","msgKey","attributes","code"}} with the HTTP status Workfront would use.


class WFError(Exception):
    def __init__(self, status, wf_class, message, msg_key="", title="", attributes=None):
        super().__init__(message)
        self.status = status
        self.wf_class = wf_class
        self.message = message
        self.msg_key = msg_key
        self.title = title
        # Attributes are text: a value from the request (a NaN, a nested list) never reaches the JSON as itself.
        self.attributes = [str(a) for a in attributes or []]

    def body(self):
        return {"error": {"class": self.wf_class, "message": self.message, "title": self.title,
                          "msgKey": self.msg_key, "attributes": self.attributes, "code": self.status}}


AUTH = "com.attask.common.AuthenticationException"
SECURITY = "com.attask.common.SecurityException"
NOT_FOUND = "com.attask.common.NotFoundException"
VALIDATION = "com.attask.common.ValidationException"
ILLEGAL_ARG = "java.lang.IllegalArgumentException"
VERSION = "com.attask.common.UnsupportedVersionException"
UNSUPPORTED_OPERATION = "java.lang.UnsupportedOperationException"
RATE_LIMIT = "com.attask.common.RateLimitException"
SERVER = "com.attask.common.ServerException"
# serve.py's own classes: the proxy, and requests that never got as far as the demo or the proxy.
PROXY_REFUSED = "wfadmin.ProxyRefused"
PROXY_UNREACHABLE = "wfadmin.ProxyUnreachable"
BAD_REQUEST = "wfadmin.BadRequest"
REQUEST_TOO_LARGE = "wfadmin.RequestTooLarge"
REQUEST_TIMEOUT = "wfadmin.RequestTimeout"
INTERNAL = "wfadmin.InternalError"

ADMIN_EMAIL_MESSAGE = ("The Admin Email user cannot be deactivated. "
                       "Choose another Admin Email user in Setup first.")


def auth_error(message, msg_key="exception.authentication"):
    return WFError(401, AUTH, message, msg_key, "Authentication failed")


def http_error(status, wf_class, message):
    """An answer to a request that broke HTTP itself (framing, size, time): still Workfront's error shape."""
    return WFError(status, wf_class, message, "wfadmin.http", "Bad request")


def bad_param(message, *attributes):
    return WFError(422, ILLEGAL_ARG, message, "exception.illegalargument", "Invalid parameter",
                   [str(a) for a in attributes])


def shown(value, limit=200):
    """A value from the request as it may appear in a message: text, and at most `limit` characters of it."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def not_found(label, obj_id):
    obj_id = shown(obj_id)
    return WFError(404, NOT_FOUND, '%s with primary key value(s) "%s" not found' % (label, obj_id),
                   "exception.notfound", "Not found", [obj_id])


def forbidden(message):
    return WFError(403, SECURITY, message, "exception.insufficientaccess", "Insufficient access")


def admin_email_guard(user_id):
    return WFError(422, VALIDATION, ADMIN_EMAIL_MESSAGE, "exception.adminemailuser", "Cannot deactivate",
                   [user_id])
