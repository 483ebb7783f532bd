"""The server's guards: a write token, a request size limit, and headers that keep the
browser from running anything an article smuggles in.

Why each: articles are hostile input, so besides building the page from text nodes only
(see static/app/dom.js), every response carries a Content-Security-Policy that allows
scripts from this server's own files and nothing inline, so a `<script>` or `onerror=`
that slipped through would still not run. Writes are off unless a token is set, and the
token is compared in constant time. A body larger than `max_body_bytes` is refused with
413 before it is read whole, whether or not it declares its length.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api.config import ApiConfig

DOCS_PATHS = ("/docs",)


def content_security_policy(config: ApiConfig, path: str) -> str:
    """Own files only; tiles from the configured server; inline styles on the docs page."""
    images = " ".join(filter(None, ("'self'", "data:", config.tile_source)))
    styles = "'self' 'unsafe-inline'" if path in DOCS_PATHS else "'self'"
    return ("default-src 'none'; script-src 'self'; connect-src 'self'; "
            f"img-src {images}; style-src {styles}; font-src 'self'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecurityHeaders:
    """Adds CSP, nosniff, no-referrer and no-framing headers to every response."""

    def __init__(self, app: ASGIApp, config: ApiConfig):
        self.app, self.config = app, config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = content_security_policy(self.config, scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", csp.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413: by Content-Length when given,
    else by counting the chunks as they arrive. The body (at most `limit` bytes) is read
    here, then handed on whole."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send, self.limit)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await _too_large(send, self.limit)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "request body over the limit of {limit} bytes"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


bearer = HTTPBearer(auto_error=False, description="The token given to `eventwire serve --token` "
                                                "(or EVENTWIRE_TOKEN).")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None) -> None:
    """401 without a bearer token, 403 with a wrong one or when writing is off (no token set)."""
    config: ApiConfig = request.app.state.config
    if not config.token:
        raise HTTPException(403, "writing is off: start the server with --token or EVENTWIRE_TOKEN to allow it")
    if credentials is None or not credentials.credentials.strip():
        raise HTTPException(401, "this needs 'Authorization: Bearer <token>'", headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(credentials.credentials.strip().encode(), config.token.encode()):
        raise HTTPException(403, "wrong token")
