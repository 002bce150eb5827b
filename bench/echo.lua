-- POST /echo with a 4 KiB body (wrk -s bench/echo.lua).
wrk.method = "POST"
wrk.body = string.rep("0123456789abcdef", 256)
wrk.headers["Content-Type"] = "application/octet-stream"
