"""The benchmark routes as a raw ASGI application, for uvicorn (and Hypercorn).

No framework on purpose: this is uvicorn's own ceiling, the peer uvi is measured against.
Same behaviour as the sample app: GET / text, POST /echo streams the body back as it
arrives, GET /download?size=N sends N digit bytes in 64 KiB chunks, /ws/echo echoes.
"""

from urllib.parse import parse_qs

HELLO = b"Hello, world!"
CHUNK = 64 * 1024
TEXT = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"13")]


def digits(offset, length):
    start = offset % 10
    pattern = b"0123456789" * (length // 10 + 2)
    return pattern[start:start + length]


async def hello(send):
    await send({"type": "http.response.start", "status": 200, "headers": TEXT})
    await send({"type": "http.response.body", "body": HELLO})


async def echo(scope, receive, send):
    content_type = dict(scope["headers"]).get(b"content-type", b"application/octet-stream")
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", content_type)]})
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
        await send({"type": "http.response.body", "body": message.get("body", b""), "more_body": more})


async def download(scope, send):
    size = int(parse_qs(scope["query_string"].decode()).get("size", ["1048576"])[0])
    await send({"type": "http.response.start", "status": 200, "headers": [
        (b"content-type", b"application/octet-stream"), (b"content-length", str(size).encode())]})
    offset = 0
    while offset < size:
        length = min(CHUNK, size - offset)
        await send({"type": "http.response.body", "body": digits(offset, length),
                    "more_body": offset + length < size})
        offset += length
    if size == 0:
        await send({"type": "http.response.body", "body": b""})


async def ws_echo(receive, send):
    await receive()  # websocket.connect
    await send({"type": "websocket.accept"})
    while True:
        message = await receive()
        if message["type"] == "websocket.disconnect":
            return
        if message.get("text") is not None:
            await send({"type": "websocket.send", "text": message["text"]})
        else:
            await send({"type": "websocket.send", "bytes": message["bytes"]})


async def not_found(send):
    await send({"type": "http.response.start", "status": 404,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
    await send({"type": "http.response.body", "body": b"Not Found"})


async def app(scope, receive, send):
    kind, path = scope["type"], scope.get("path")
    if kind == "http":
        method = scope["method"]
        if path == "/" and method == "GET":
            return await hello(send)
        if path == "/echo" and method == "POST":
            return await echo(scope, receive, send)
        if path == "/download" and method == "GET":
            return await download(scope, send)
        return await not_found(send)
    if kind == "websocket" and path == "/ws/echo":
        return await ws_echo(receive, send)
    if kind == "websocket":
        await receive()
        return await send({"type": "websocket.close"})
    if kind == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                return await send({"type": "lifespan.shutdown.complete"})
