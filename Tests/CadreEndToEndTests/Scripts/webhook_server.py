#!/usr/bin/env python3
"""A webhook for the tests of `--notify`: listens on 127.0.0.1 at a free port, writes the port to
PORT_FILE once it listens, and appends each request it receives to RECORD_FILE as a JSON line
({"method", "path", "headers", "body"}). PLAN is the answers, one per request in order, the last
repeated: an HTTP status (`200`, `503`), `429:N` (429 with `Retry-After: N`), or `hang` (read the
request, never answer)."""

import http.server
import json
import os
import signal
import sys
import threading

# A test may start this from a thread that blocks SIGTERM; stop when told all the same.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])

port_file, record_file, plan = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
lock = threading.Lock()
served = [0]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        with lock:
            answer = plan[min(served[0], len(plan) - 1)]
            served[0] += 1
            with open(record_file, "a", encoding="utf-8") as out:
                out.write(json.dumps({"method": "POST", "path": self.path, "headers": dict(self.headers), "body": body}) + "\n")
        if answer == "hang":
            threading.Event().wait(120)
            return
        status, _, retry_after = answer.partition(":")
        payload = b"ok" if status.startswith("2") else b"no"
        self.send_response(int(status))
        if retry_after:
            self.send_header("Retry-After", retry_after)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(port_file + ".tmp", "w") as out:
    out.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
