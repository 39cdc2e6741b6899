"""WebTest's `TestApp`: the status a test expects from the WSGI application it drives (`status=404`)."""

from __future__ import annotations

from .framework import Framework
from .rows import Api, MethodRow, Receiver, Role, Slot, Text

_OWNERS = ("webtest.TestApp", "webtest.app.TestApp")

# Where each method takes `status` (WebTest 3.0.7, webtest/app.py): get, post, put, patch, delete and head after
# (url, params, headers, extra_environ); options() has no params, so after (url, headers, extra_environ);
# do_request(req, status=None, expect_errors=None) and request(url_or_req, status=None, ...) second. The `*_json`
# methods are `utils.json_method` wrappers, `(self, url, params=NoDefault, **kw)`: `status` is a keyword there.
_BY_POSITION: dict[int | None, tuple[str, ...]] = {
    4: ("get", "post", "put", "patch", "delete", "head"),
    3: ("options",),
    1: ("do_request", "request"),
    None: ("post_json", "put_json", "patch_json", "delete_json"),
}

# `converts` (checked on WebTest 3.0.7, `TestApp._check_status`): an int `status` is only compared, `status !=
# res.status_int` or `res.status_int not in status` for a list or tuple, so an `http.HTTPStatus` member passes and
# fails exactly as its number does; str() reaches only the AppError message of a failing test, as pytest's message
# of a failing `assert r.status_code == 404` does. A str is compared with the status line `res.status`
# ("404 Not Found"), or matched as a glob when it holds "*"; "*" accepts anything (`Text.LINE_ONLY`).
METHODS = (
    *(
        MethodRow(
            methods,
            receiver,
            Api(
                "webtest",
                "TestApp",
                Role.EXPECT,
                (Slot(position, "status"),),
                many=True,
                text=Text.LINE_ONLY,
                converts=True,
            ),
        )
        for position, methods in _BY_POSITION.items()
        for receiver in (
            Receiver(owners=_OWNERS, gate=("webtest",)),
            # Named for it: `self.testapp = TestApp(...)` in a base class elsewhere.
            Receiver(names=("testapp", "test_app")),
        )
    ),
    # In a test module, `self.app.get(url, status=404)` where nothing the module imports or binds says what
    # `self.app` is (a base class or fixture elsewhere builds it): the `status=` keyword on exactly these names (not
    # the generic `request`), with a registered code. Not proven a TestApp, so not known to convert; no position is
    # trusted, and a str is checked only for a phrase that contradicts its code.
    MethodRow(
        (*_BY_POSITION[4], *_BY_POSITION[3], *_BY_POSITION[None], "do_request"),
        Receiver(owners=_OWNERS, in_tests=True),
        Api("webtest", "TestApp", Role.EXPECT, (Slot(None, "status"),), many=True, registered=True),
    ),
)

FRAMEWORK = Framework("webtest", roots=("webtest",), methods=METHODS)
