"""The status catalogue in English: meaning, use, what to use instead, headers and framework notes per code."""

from __future__ import annotations

from typing import Final

from .entry import Entry, Header, Instead, Level

MUST, SHOULD, MAY, MUST_NOT = Level.MUST, Level.SHOULD, Level.MAY, Level.MUST_NOT

_LOCATION_3XX = "the target URI; without it the client has nowhere to go (RFC 9110 §10.2.2)"

ENTRIES: Final[dict[int, Entry]] = {
    100: Entry(
        meaning=(
            "An interim answer to a request that announced its body with `Expect: 100-continue`: the server has "
            "read the headers and the client may go on and send the body."
        ),
        use=(
            "Practically never from application code. The HTTP server answers the expectation on the "
            "application's behalf before the handler reads the body."
        ),
        instead=(
            Instead(417, "the server cannot meet what the `Expect` header asks for"),
            Instead(413, "the announced body is already known to be too large: refuse it before it is sent"),
            Instead(202, 'the handler means "received, still working" as its final answer'),
        ),
    ),
    101: Entry(
        meaning=(
            "The server agrees to the client's `Upgrade` request: from the end of this response on, the "
            "connection speaks another protocol, usually WebSocket."
        ),
        use=(
            "Only inside a protocol-upgrade handshake, which the framework's or server's WebSocket support "
            "performs for you."
        ),
        instead=(
            Instead(426, "the client must switch protocols before this resource will answer"),
            Instead(400, "the upgrade or WebSocket handshake request is malformed"),
        ),
        headers=(Header("Upgrade", MUST, "the protocol(s) the connection switches to (RFC 9110 §15.2.2)"),),
        notes=(
            "HTTP/2 and HTTP/3 have no 101: WebSockets over them start with an extended CONNECT request "
            "(RFC 8441, RFC 9220).",
        ),
    ),
    102: Entry(
        meaning=(
            "A WebDAV interim response saying that a long request is still being processed. RFC 4918 removed it "
            "from WebDAV; the registry still lists it."
        ),
        use="Not in new code: clients do not depend on it, and most Python servers cannot send it from a handler.",
        instead=(
            Instead(202, "the work will finish after the response: answer 202 with a URL the client can poll"),
            Instead(103, "the aim is to let the client act on some headers early"),
        ),
    ),
    103: Entry(
        meaning=(
            "An interim response carrying headers the final response is likely to have, typically `Link` "
            "preload hints, so that a browser can start fetching while the server is still working. The "
            "client must not treat these headers as part of the final response."
        ),
        use=(
            "When the server or a CDN in front of it can send hints before the handler has finished; a server "
            "may send several 103s before the final response."
        ),
        instead=(Instead(200, "the handler is giving its final answer: 103 never is one"),),
        headers=(Header("Link", MAY, "the hints themselves, such as `rel=preload` or `rel=preconnect` (RFC 8297 §2)"),),
    ),
    104: Entry(
        meaning=(
            "A temporary registration from the IETF resumable-uploads draft: an interim response telling the "
            "client that the upload it started can be resumed if the connection breaks."
        ),
        use="Only in a server that implements that draft protocol.",
        instead=(Instead(201, "the upload has completed and created a resource (the final answer)"),),
        notes=("Temporary registrations expire unless renewed. `http.HTTPStatus` has no member for 104.",),
    ),
    200: Entry(
        meaning=(
            "The request succeeded. What the content holds depends on the method: the resource for GET, the "
            "outcome of the action for POST, a status report for DELETE."
        ),
        use="For a successful read, and for an action whose result the response carries.",
        instead=(
            Instead(201, "a POST (or a PUT) created a new resource"),
            Instead(204, "there is nothing to send back, for example after a DELETE or an update"),
            Instead(202, "the work was queued and has not happened yet"),
            Instead(206, "the response carries only the byte ranges the request asked for"),
            Instead(
                400,
                'the body reports an error (`{"error": …}`): a 2xx hides the failure from clients, '
                "caches and monitoring, so send the 4xx or 5xx that describes it",
            ),
        ),
        headers=(
            Header("ETag", SHOULD, "a validator for GET and HEAD, when versions can be told apart (RFC 9110 §8.8.3)"),
        ),
        notes=(
            "It is the default of almost every framework, POST handlers included (Flask, Django, FastAPI, "
            "Starlette). Litestar differs: `@post` answers 201 and `@delete` 204 unless told otherwise.",
        ),
    ),
    201: Entry(
        meaning=(
            "The request created one or more resources. `Location` names the main one; without it, the "
            "request's own URI is taken to be the new resource."
        ),
        use=(
            "After a POST that creates a resource (RFC 9110 §9.3.3 asks for it), and whenever a PUT creates "
            "a resource that did not exist (§9.3.4 requires it)."
        ),
        instead=(
            Instead(200, "a PUT or PATCH changed an existing resource and returns it"),
            Instead(204, "an existing resource was updated and nothing is returned"),
            Instead(202, "the creation was queued and has not happened yet"),
            Instead(303, "an HTML form created it and the browser should load a page next (post/redirect/get)"),
        ),
        headers=(Header("Location", SHOULD, "the URI of the created resource (RFC 9110 §9.3.3, §10.2.2)"),),
        notes=(
            "Flask, Django and FastAPI answer 200 unless told otherwise (FastAPI: `status_code=201` on the route). "
            "DRF's `CreateModelMixin` and Litestar's `@post` already answer 201.",
        ),
    ),
    202: Entry(
        meaning=(
            "The request was accepted for processing that has not finished and may still fail. HTTP has no "
            "way to report the outcome later, so the response should say where the client can check."
        ),
        use="For work handed to a queue or a background job.",
        instead=(
            Instead(201, "the resource already exists when you answer"),
            Instead(200, "the work is done and the response carries its result"),
        ),
        headers=(Header("Location", MAY, "commonly, a resource that reports the job's progress"),),
    ),
    203: Entry(
        meaning=(
            "Like 200, except that a transforming proxy has changed the content the origin server sent (RFC 9110 §7.7)."
        ),
        use="Only in a proxy that modifies the responses it forwards.",
        instead=(
            Instead(200, "an application answers for itself, even with data it got from a cache or a third party"),
        ),
    ),
    204: Entry(
        meaning=(
            "Success, and the response deliberately has no content. Its headers still describe the target "
            "resource, and a browser stays on the current page."
        ),
        use=(
            "After a DELETE, a PUT or PATCH that returns nothing, or any action where the client only needs to know it "
            "worked."
        ),
        instead=(
            Instead(200, "you return a body, even `{}` or the updated object"),
            Instead(201, "something was created"),
            Instead(205, "the client should also clear the form it submitted"),
        ),
        headers=(Header("Content-Length", MUST_NOT, "a 204 has no content to measure (RFC 9110 §8.6)"),),
        notes=(
            "Frameworks treat a body sent with 204 differently: Flask and Werkzeug drop it, Django and Starlette "
            "send it (clients may then misread it as the start of the next response), Tornado fails with an "
            "AssertionError, and Litestar refuses at start-up a 204 handler whose return type is not `None`.",
        ),
    ),
    205: Entry(
        meaning=(
            "Success, and the client should reset the view that sent the request, for instance clear a form so "
            "that the user can enter the next item. It has no content."
        ),
        use="Rarely: data-entry interfaces that want the input cleared after each submission.",
        instead=(
            Instead(204, "nothing should change on the client"),
            Instead(303, "the browser should move on to another page"),
        ),
    ),
    206: Entry(
        meaning=(
            "The response carries only the parts of the representation that the request's `Range` header asked for."
        ),
        use="When serving a satisfiable range request: seeking in a video, resuming a download.",
        instead=(
            Instead(200, "the request had no `Range` header, or you choose to send the whole representation"),
            Instead(416, "no requested range overlaps the representation"),
        ),
        headers=(
            Header(
                "Content-Range",
                MUST,
                "the range sent, for a single part; several parts go in a `multipart/byteranges` body, each "
                "with its own `Content-Range` (RFC 9110 §15.3.7)",
            ),
            Header(
                "ETag",
                MUST,
                "along with `Cache-Control`, `Content-Location`, `Date`, `Expires` and `Vary`: each one a 200 "
                "for the same request would carry (RFC 9110 §15.3.7)",
            ),
        ),
    ),
    207: Entry(
        meaning=(
            "WebDAV: the body, an XML `multistatus` document, reports a separate status for each of several resources."
        ),
        use="In WebDAV servers, and in APIs that deliberately adopt that format for batch operations.",
        instead=(Instead(200, "a JSON batch API reports each item's result in its own format"),),
    ),
    208: Entry(
        meaning=(
            "WebDAV bindings: inside a 207 body, says that a collection's members were already listed earlier "
            "in the response, so they are not repeated."
        ),
        use="Only inside a 207 response from a server that implements RFC 5842.",
        instead=(Instead(200, "the response is not part of a 207 body: send the status of the real outcome"),),
    ),
    226: Entry(
        meaning=(
            "Delta encoding: the server answered a GET with the result of instance manipulations, such as a "
            "delta against a version the client already has, instead of the full representation."
        ),
        use="Only in servers that implement RFC 3229 delta encoding, for requests that sent `A-IM`.",
        instead=(
            Instead(200, "the response carries the full representation"),
            Instead(304, "the client's copy is already current"),
        ),
        headers=(Header("ETag", MUST, "the entity tag of the current instance (RFC 3229 §10.4.1)"),),
    ),
    300: Entry(
        meaning=(
            "The resource has several representations (languages, formats) and the server leaves the choice "
            "to the client."
        ),
        use="Rarely: reactive negotiation where the body lists the choices.",
        instead=(
            Instead(200, "you can pick the best match yourself and serve it (proactive negotiation)"),
            Instead(406, "none of the representations suits the request's `Accept` headers"),
        ),
        headers=(Header("Location", SHOULD, "the server's preferred choice, if it has one (RFC 9110 §15.4.1)"),),
    ),
    301: Entry(
        meaning=(
            "The resource has a new permanent URI. Clients should use it from now on, and caches may keep the redirect."
        ),
        use="Permanent URL changes reached with GET or HEAD: renamed pages, moved domains.",
        instead=(
            Instead(
                308,
                "requests may be POST, PUT or DELETE and must keep their method and body: after a 301 "
                "browsers may turn a POST into a GET",
            ),
            Instead(302, "the move is temporary"),
            Instead(410, "the resource is gone, not moved"),
        ),
        headers=(Header("Location", SHOULD, _LOCATION_3XX),),
        notes=(
            "A 301 is cacheable by default, so browsers remember it: a mistaken one is hard to take back. "
            "Django's `redirect(..., permanent=True)` and Tornado's `redirect(url, permanent=True)` send it.",
        ),
    ),
    302: Entry(
        meaning="The resource is temporarily at another URI; clients keep using the original one.",
        use="Temporary redirects of GET requests, such as to a login page. Most frameworks send it by default.",
        instead=(
            Instead(
                303,
                "a form POST should be followed by a result page fetched with GET: browsers turn a POST "
                "into a GET after a 302 anyway, and 303 says that this is intended",
            ),
            Instead(307, "the method and body must be kept"),
            Instead(301, "the move is permanent"),
        ),
        headers=(Header("Location", SHOULD, _LOCATION_3XX),),
        notes=(
            "Default redirect status: Flask and Werkzeug `redirect` 302 (Werkzeug 3.2 changes it to 303), Django "
            "`redirect` 302, Sanic and Litestar 302, Starlette and FastAPI `RedirectResponse` 307, Bottle "
            "`redirect` 303 on HTTP/1.1.",
        ),
    ),
    303: Entry(
        meaning=(
            "The answer is at another URI, to be fetched with GET whatever the original method was. The target "
            "is a different resource, not the original one moved."
        ),
        use=(
            "Post/redirect/get: after a form POST, send the browser to the page that shows the result, so that "
            "reloading it does not submit the form again."
        ),
        instead=(
            Instead(302, "the same resource is only temporarily at another URI"),
            Instead(307, "the client must repeat the same method at the new URI"),
            Instead(308, "the resource itself moved for good"),
            Instead(201, "an API client created a resource and expects it, or its URI, in the response"),
        ),
        headers=(Header("Location", SHOULD, "the URI to fetch with GET (RFC 9110 §15.4.4)"),),
    ),
    304: Entry(
        meaning=(
            "The answer to a conditional GET or HEAD (`If-None-Match`, `If-Modified-Since`): the client's cached "
            "copy is still current, so no content is sent."
        ),
        use=(
            "Only for a conditional GET or HEAD whose condition shows nothing changed. Framework helpers send "
            "it for you: Django's `ConditionalGetMiddleware` and `condition` decorator, Werkzeug's "
            "`make_conditional`."
        ),
        instead=(
            Instead(412, "an `If-None-Match` condition fails on PUT, POST or DELETE (RFC 9110 §13.1.2)"),
            Instead(200, "the request was not conditional"),
        ),
        headers=(
            Header(
                "ETag",
                MUST,
                "along with `Cache-Control`, `Content-Location`, `Date`, `Expires` and `Vary`: each one a 200 "
                "would have carried (RFC 9110 §15.4.5)",
            ),
        ),
        notes=("Django's `HttpResponseNotModified` refuses content.",),
    ),
    305: Entry(
        meaning=(
            "Once told the client to repeat the request through the proxy named in `Location`. Deprecated: "
            "letting a response pick the client's proxy is a security hole, and clients ignore it."
        ),
        use="Never.",
        instead=(Instead(307, "the client should repeat the request elsewhere for now"),),
    ),
    306: Entry(
        meaning='Used by an early draft ("Switch Proxy") and now reserved, so that it is never assigned again.',
        use="Never.",
        instead=(Instead(307, "a temporary redirect is what is meant"),),
        notes=("`http.HTTPStatus` has no member for 306; Starlette, DRF and Litestar name it `HTTP_306_RESERVED`.",),
    ),
    307: Entry(
        meaning=(
            "The resource is temporarily at another URI, and the client must repeat the request there with the "
            "same method and body."
        ),
        use="Temporary redirects of requests that must stay POST, PUT or DELETE, and wherever the method must be kept.",
        instead=(
            Instead(303, "after a form POST the browser should GET a result page"),
            Instead(302, "the request is a plain GET: 302 does the same, and every client has always understood it"),
            Instead(308, "the move is permanent"),
        ),
        headers=(Header("Location", SHOULD, _LOCATION_3XX),),
        notes=(
            "Starlette's and FastAPI's `RedirectResponse` default to 307: a redirect after a form POST re-posts "
            "the form to the target unless you pass `status_code=303`.",
        ),
    ),
    308: Entry(
        meaning=(
            "The resource has a new permanent URI, and the client must repeat the request there with the same "
            "method and body, and should update its links."
        ),
        use=(
            "Permanent moves of endpoints that receive POST, PUT or DELETE, such as trailing-slash redirects of an API."
        ),
        instead=(
            Instead(301, "the pages are reached only with GET and very old clients that predate 308 still matter"),
            Instead(307, "the move is temporary"),
        ),
        headers=(Header("Location", SHOULD, _LOCATION_3XX),),
        notes=("Werkzeug's strict-slashes redirect uses 308.",),
    ),
    400: Entry(
        meaning=(
            "The server will not process the request because of something the client got wrong: malformed "
            "syntax, invalid framing, content that cannot be parsed."
        ),
        use=(
            "For requests that are broken as requests: unparseable JSON, missing or malformed parameters, wrong types "
            "in the query."
        ),
        instead=(
            Instead(422, "the content parses and has a supported type, but its values fail validation"),
            Instead(
                409,
                "the request is fine but clashes with the resource's current state (a duplicate, an edit conflict)",
            ),
            Instead(415, "the content's media type is not supported"),
            Instead(401, "credentials are missing, invalid or expired"),
        ),
        notes=(
            "DRF's `ValidationError` and Litestar's `ValidationException` answer 400; FastAPI answers 422 for "
            "request validation errors.",
        ),
    ),
    401: Entry(
        meaning=(
            "The request lacks valid authentication credentials: none were sent, or they are invalid or expired. "
            'Despite the phrase "Unauthorized", it is about authentication (who you are), not permission.'
        ),
        use=(
            "When the client is not authenticated and could succeed by logging in again: no token, an expired session, "
            "a bad signature."
        ),
        instead=(
            Instead(
                403,
                "the client is authenticated but not allowed; sending the same credentials again will not help",
            ),
            Instead(404, "you would rather not reveal that the resource exists"),
            Instead(407, "it is a proxy, not the origin, that wants credentials"),
        ),
        headers=(
            Header(
                "WWW-Authenticate",
                MUST,
                'at least one challenge, such as `Bearer realm="api"` (RFC 9110 §11.6.1)',
            ),
        ),
        notes=(
            "Flask's `abort(401)` and Starlette's or FastAPI's `HTTPException(401)` send no `WWW-Authenticate`: "
            "add it yourself. FastAPI's security classes and Flask-HTTPAuth do add it.",
            "DRF sends 401 only when its first authentication class offers a challenge; otherwise (session "
            "authentication) it turns the 401 into a 403.",
        ),
    ),
    402: Entry(
        meaning=(
            "Reserved for future use. RFC 9110 gives it no semantics, so clients have no standard way to react to it."
        ),
        use=(
            "Some APIs use it by private convention for an exhausted plan or unpaid account; generic clients will not "
            "understand it."
        ),
        instead=(
            Instead(403, "the account is not entitled to the feature"),
            Instead(429, "a usage quota or rate limit was exceeded"),
        ),
        notes=(
            "Werkzeug has no exception class for 402: Flask's and Quart's `abort(402)` raise LookupError and the "
            "client gets a 500.",
        ),
    ),
    403: Entry(
        meaning=(
            "The server understood the request and refuses it. If credentials were sent, they are not enough, "
            "and sending the same ones again will not help."
        ),
        use=(
            "When the user is known but lacks the permission, role or ownership the action needs, or when the "
            "action is refused to everyone."
        ),
        instead=(
            Instead(401, "nobody is logged in, or the credentials are bad or expired: the client should authenticate"),
            Instead(404, "you would rather not reveal that the resource exists"),
            Instead(451, "the refusal comes from a legal demand, not your own policy"),
        ),
        notes=(
            "DRF answers 403 to unauthenticated requests when its authentication classes offer no challenge "
            "(session authentication).",
        ),
    ),
    404: Entry(
        meaning="The server has no current representation for the target URI, or will not say whether one exists.",
        use="An unknown URL or ID; also to hide a resource from clients that may not know it exists.",
        instead=(
            Instead(410, "it existed, was removed on purpose, and will not come back"),
            Instead(405, "the URI exists but does not support this method"),
            Instead(200, "a search or filter matched nothing: answer with an empty list"),
        ),
        notes=("A 404 is cacheable by default. Pyramid answers 404, not 405, to a method no view accepts.",),
    ),
    405: Entry(
        meaning=(
            "The server knows the method, but the target resource does not support it (a DELETE on a read-only "
            "collection)."
        ),
        use="The URI exists, the method is a standard one, and this resource does not accept it.",
        instead=(
            Instead(501, "the server does not recognise the method at all, for any resource"),
            Instead(404, "the resource does not exist"),
            Instead(403, "the resource supports the method but this user may not use it"),
        ),
        headers=(Header("Allow", MUST, "the methods the resource supports; it may be empty (RFC 9110 §10.2.1)"),),
        notes=(
            "When their router turns a method away, Flask, DRF, Starlette, FastAPI, Litestar, aiohttp, Sanic, "
            "Falcon and Bottle add `Allow` themselves, and Django's `HttpResponseNotAllowed` (sent by class-based "
            "views and `require_http_methods`) always carries it. A hand-written `abort(405)` or "
            "`HTTPException(405)` does not, and Tornado never does.",
        ),
    ),
    406: Entry(
        meaning="Proactive negotiation failed: nothing the server can produce matches the request's `Accept` headers.",
        use="When the server honours `Accept` strictly and can produce none of the listed types or languages.",
        instead=(
            Instead(415, "it is the request's content that has the wrong format, not the response"),
            Instead(200, "the server is willing to send its default format anyway, which HTTP allows"),
        ),
    ),
    407: Entry(
        meaning="Like 401, but it is a proxy between the client and the server that wants the client to authenticate.",
        use="Only from proxies.",
        instead=(Instead(401, "the origin server wants credentials"),),
        headers=(Header("Proxy-Authenticate", MUST, "the proxy's challenge (RFC 9110 §11.7.1)"),),
    ),
    408: Entry(
        meaning=(
            "The server gave up waiting for the client to finish sending its request. The client may send it again."
        ),
        use=(
            "From the HTTP server layer, when a client connects but sends its request too slowly; applications rarely "
            "need it."
        ),
        instead=(
            Instead(504, "your handler timed out waiting for an upstream service"),
            Instead(503, "the server is overloaded and cannot take the request now"),
        ),
        headers=(
            Header(
                "Connection",
                SHOULD,
                "`close`: the server is closing the connection rather than waiting (RFC 9110 §15.5.9)",
            ),
        ),
    ),
    409: Entry(
        meaning=(
            "The request conflicts with the current state of the resource; the client may be able to resolve it and "
            "retry."
        ),
        use=(
            "Duplicates (a user name already taken), edit conflicts between versions, a state change the current state "
            "does not allow."
        ),
        instead=(
            Instead(412, "the conflict was detected through a conditional header such as `If-Match`"),
            Instead(422, "the values are invalid whatever the current state"),
            Instead(400, "the request itself is malformed"),
        ),
    ),
    410: Entry(
        meaning="The resource used to be here and was removed on purpose, probably for good.",
        use="Retired API versions; deleted content that clients and search engines should forget.",
        instead=(
            Instead(404, "you do not know whether it is permanent, or it never existed"),
            Instead(301, "the resource moved rather than disappeared"),
        ),
        notes=("A 410 is cacheable by default.",),
    ),
    411: Entry(
        meaning="The server refuses a request with content but no `Content-Length`.",
        use="When the server must know the size up front, for instance to enforce a limit before accepting a stream.",
        instead=(
            Instead(413, "the length is known and too large"),
            Instead(400, "the request is malformed in another way"),
        ),
    ),
    412: Entry(
        meaning=(
            "A condition in the request headers (`If-Match`, `If-Unmodified-Since`, or `If-None-Match` on a "
            "method other than GET and HEAD) was false, so the method was not applied."
        ),
        use="Optimistic concurrency: the client's `If-Match` names a version that is no longer current.",
        instead=(
            Instead(304, "an `If-None-Match` or `If-Modified-Since` condition is false on GET or HEAD"),
            Instead(428, "the request has no condition and the server requires one"),
            Instead(409, "the conflict is detected without conditional headers"),
        ),
    ),
    413: Entry(
        meaning=(
            "The request content is larger than the server is willing to process. Older names: Payload Too Large, "
            "Request Entity Too Large."
        ),
        use="Upload and body size limits.",
        instead=(
            Instead(431, "it is the header section that is too large"),
            Instead(414, "it is the URI that is too long"),
            Instead(507, "the server has run out of storage"),
        ),
        headers=(Header("Retry-After", SHOULD, "when the condition is temporary (RFC 9110 §15.5.14)"),),
    ),
    414: Entry(
        meaning="The target URI is longer than the server is willing to interpret.",
        use="Very long query strings; often a sign that a GET should have been a POST with a body.",
        instead=(
            Instead(431, "the headers are too large"),
            Instead(413, "the content is too large"),
        ),
        notes=("A 414 is cacheable by default.",),
    ),
    415: Entry(
        meaning=(
            "The server refuses the request content because of its media type (`Content-Type`) or its content coding."
        ),
        use="A JSON API was sent XML or form data, or a body compressed with a coding the server does not support.",
        instead=(
            Instead(406, "it is the response format requested in `Accept` that cannot be produced"),
            Instead(400, "the media type is right but the content is broken (invalid JSON)"),
            Instead(422, "the content parses but fails validation"),
        ),
        headers=(
            Header("Accept", MAY, "the media types the server does accept (RFC 9110 §15.5.16)"),
            Header(
                "Accept-Encoding",
                MAY,
                "the codings it accepts, when the coding was the problem (RFC 9110 §12.5.3)",
            ),
        ),
    ),
    416: Entry(
        meaning=(
            "None of the ranges in the request's `Range` header overlap the current representation (bytes past the end "
            "of a file)."
        ),
        use="When a range request cannot be met at all.",
        instead=(
            Instead(206, "at least one requested range can be served"),
            Instead(200, "you ignore the `Range` header and send everything"),
        ),
        headers=(
            Header(
                "Content-Range",
                SHOULD,
                "`bytes */<length>`, the representation's current length (RFC 9110 §15.5.17)",
            ),
        ),
    ),
    417: Entry(
        meaning="The server cannot meet the expectation in the request's `Expect` header.",
        use="An `Expect` value other than `100-continue`, which is the only one HTTP defines.",
        instead=(
            Instead(413, "you refuse the announced body because it is too large"),
            Instead(401, "you refuse the announced body because the client is not authenticated"),
        ),
    ),
    418: Entry(
        meaning=(
            "Reserved. RFC 2324, an April Fools' protocol for coffee pots, used it for \"I'm a teapot\"; because "
            "software ships it as a joke, the registry keeps it from ever being assigned."
        ),
        use="Never in a real service: clients treat it as a plain 400.",
        instead=(
            Instead(501, "the feature does not exist"),
            Instead(400, "you are refusing a request: use the 4xx that says why"),
        ),
        notes=("`HTTPStatus.IM_A_TEAPOT` exists (since Python 3.9), which makes it look more official than it is.",),
    ),
    421: Entry(
        meaning=(
            "The request reached a server that cannot answer for the URI's scheme and authority, for example "
            "over a reused HTTP/2 connection whose certificate also covered another host."
        ),
        use=(
            "From servers and gateways that handle connection reuse; application code rarely needs it. Proxies must "
            "not send it."
        ),
        instead=(Instead(404, "the server is responsible for the host but the resource is unknown"),),
    ),
    422: Entry(
        meaning=(
            "The content has a supported type and parses, but its instructions cannot be processed: typically a "
            "field fails validation."
        ),
        use="Validation errors in well-formed content: a date in the past, an unknown enum value, a missing field.",
        instead=(
            Instead(400, "the body cannot be parsed at all (malformed JSON)"),
            Instead(
                409,
                "the values are valid on their own but clash with existing state (an e-mail already registered)",
            ),
            Instead(415, "the media type is not supported"),
        ),
        notes=(
            "FastAPI answers request validation errors with 422. Many APIs use 400 for every client mistake; "
            "422 lets clients tell a parse failure from a validation failure.",
            "Python 3.13 and Starlette 0.48 renamed the constant to `UNPROCESSABLE_CONTENT`; the old "
            "`UNPROCESSABLE_ENTITY` works everywhere.",
        ),
    ),
    423: Entry(
        meaning="WebDAV: the resource is locked, so the method cannot be applied to it.",
        use="Resources with explicit locks that the client can see and release.",
        instead=(Instead(409, "the conflict with the resource's state involves no lock"),),
    ),
    424: Entry(
        meaning=(
            "WebDAV: the method failed because another action it depended on failed, often one in the same request."
        ),
        use="In multi-step operations reported with 207, for the steps that did not run because an earlier one failed.",
        instead=(Instead(502, "an upstream service that the handler called failed"),),
    ),
    425: Entry(
        meaning=(
            "The server will not process a request that arrived in TLS early data, because an attacker could replay it."
        ),
        use=(
            "Only for requests that came in early data or carry `Early-Data: 1` from a proxy; the client retries "
            "once the handshake is complete."
        ),
        instead=(Instead(503, "the server cannot take the request for an ordinary reason such as load"),),
    ),
    426: Entry(
        meaning=(
            "The server refuses to answer over the current protocol and names the protocol the client must switch to."
        ),
        use="An endpoint that needs another protocol, such as a WebSocket-only endpoint asked with plain HTTP.",
        instead=(
            Instead(308, "you want plain HTTP moved to HTTPS: redirect to the https URI"),
            Instead(505, "it is the HTTP version itself that is not supported"),
        ),
        headers=(Header("Upgrade", MUST, "the protocol(s) the client must switch to (RFC 9110 §15.5.22)"),),
    ),
    428: Entry(
        meaning=(
            "The server requires the request to be conditional (for example to carry `If-Match`), to prevent lost "
            "updates."
        ),
        use="PUT and PATCH endpoints that insist on optimistic concurrency.",
        instead=(
            Instead(412, "the request had a condition and it was false"),
            Instead(409, "the update conflicts with the current state in another way"),
        ),
        notes=("Caches must not store a 428; the body should explain how to resubmit the request.",),
    ),
    429: Entry(
        meaning="The client sent too many requests in a given time: it is being rate limited.",
        use="Per-client or per-key rate limits.",
        instead=(
            Instead(503, "the whole service is overloaded, not just this client"),
            Instead(403, "the client is not allowed at all, however slowly it asks"),
        ),
        headers=(Header("Retry-After", MAY, "how long to wait before retrying (RFC 6585 §4)"),),
        notes=("Caches must not store a 429.",),
    ),
    431: Entry(
        meaning="The request's header section, or a single header field, is too large.",
        use="Oversized cookies or headers; the body should say which field was too large.",
        instead=(
            Instead(413, "it is the content that is too large"),
            Instead(414, "it is the URI that is too long"),
        ),
        notes=("Caches must not store a 431.",),
    ),
    451: Entry(
        meaning=(
            "Access is refused because of a legal demand, such as a court order, not because of the server's own "
            "policy."
        ),
        use="Content withheld, in some places or everywhere, because of a legal demand; the body should explain it.",
        instead=(
            Instead(403, "the refusal is your own policy"),
            Instead(404, "you would rather not reveal that the resource exists"),
        ),
        headers=(Header("Link", SHOULD, '`rel="blocked-by"`, identifying who blocks the resource (RFC 7725 §4)'),),
    ),
    500: Entry(
        meaning="The server hit an unexpected condition: the generic answer to a bug or an unhandled exception.",
        use=(
            "Let the framework send it for unhandled exceptions; send it yourself only when no more specific code fits."
        ),
        instead=(
            Instead(
                400,
                "the client's input caused the failure (failed validation, a missing key in the request data)",
            ),
            Instead(502, "an upstream service answered with something invalid"),
            Instead(503, "the service is temporarily unable to answer (maintenance, overload)"),
        ),
    ),
    501: Entry(
        meaning=(
            "The server does not support the functionality the request needs; in particular, it does not "
            "recognise the request method for any resource."
        ),
        use="A method the server does not implement anywhere, such as an unknown extension method.",
        instead=(Instead(405, "the method is a standard one that this particular resource does not accept"),),
        notes=("A 501 is cacheable by default, so clients and caches may remember it.",),
    ),
    502: Entry(
        meaning="A gateway or proxy got an invalid response from the server it forwarded the request to.",
        use=(
            "Your service acts as a gateway and the upstream answered with garbage, refused the connection or closed "
            "it early."
        ),
        instead=(
            Instead(504, "the upstream did not answer in time"),
            Instead(503, "it is your own service that is overloaded or in maintenance"),
            Instead(500, "your own code failed"),
        ),
    ),
    503: Entry(
        meaning=(
            "The server cannot handle the request right now, because of overload or maintenance, and expects to "
            "recover."
        ),
        use="Maintenance mode, load shedding, or a dependency the whole service needs being down.",
        instead=(
            Instead(429, "one client exceeded its own limit"),
            Instead(502, "an upstream service answered with an invalid response"),
            Instead(504, "an upstream service did not answer in time"),
            Instead(500, "the cause is a bug, not a temporary condition"),
        ),
        headers=(Header("Retry-After", MAY, "when the service expects to be back (RFC 9110 §10.2.3)"),),
    ),
    504: Entry(
        meaning="A gateway or proxy did not get a response from the upstream server in time.",
        use="The handler calls another service or API, and that call times out.",
        instead=(
            Instead(408, "the client, not the upstream, was too slow sending its own request"),
            Instead(502, "the upstream answered, but with an invalid response"),
            Instead(503, "your service is overloaded or in maintenance"),
        ),
    ),
    505: Entry(
        meaning="The server does not support, or refuses, the major HTTP version the request used.",
        use="Only at the HTTP server layer.",
        instead=(Instead(426, "the client should switch to another protocol that the server names"),),
    ),
    506: Entry(
        meaning=(
            "Transparent content negotiation is misconfigured: the chosen variant is itself set up to negotiate, "
            "which would loop."
        ),
        use="Only in servers that implement RFC 2295.",
        instead=(Instead(500, "the server is misconfigured in any other way"),),
    ),
    507: Entry(
        meaning="WebDAV: the server cannot store what it needs to complete the request.",
        use="The disk or a storage quota is full while storing an upload.",
        instead=(Instead(413, "this request is too large by policy, whatever space is left"),),
    ),
    508: Entry(
        meaning="WebDAV bindings: the server found an infinite loop while processing a request with `Depth: infinity`.",
        use="Only in WebDAV servers that support bindings.",
        instead=(Instead(500, "the server fails in any other way"),),
    ),
    510: Entry(
        meaning=(
            "From the experimental HTTP Extension Framework: the request lacks an extension declaration that the "
            "server requires. The registry marks it obsoleted."
        ),
        use="Not in new code.",
        instead=(Instead(400, "the request is missing something the server requires"),),
    ),
    511: Entry(
        meaning=(
            "Sent by an intercepting proxy, such as a hotel Wi-Fi captive portal, to say that the client must log "
            "in to the network before it gets access."
        ),
        use="Only by network equipment: origin servers should not send it.",
        instead=(Instead(401, "your application wants the user to authenticate"),),
        notes=("Caches must not store a 511; the body should link to the network's login page.",),
    ),
}
