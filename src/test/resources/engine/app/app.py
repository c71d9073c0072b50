"""Test app: answers /health with 200 only when Postgres and Redis are reachable by service name."""
import http.server
import os
import socket
import sys

DB = (os.environ.get("DB_HOST", "db"), 5432)
REDIS = (os.environ.get("REDIS_HOST", "cache"), 6379)


def postgres_ok():
    try:
        with socket.create_connection(DB, timeout=1):
            return True
    except OSError:
        return False


def redis_ok():
    try:
        with socket.create_connection(REDIS, timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/health":
            self.send_response(404)
            self.end_headers()
            return
        status = {"postgres": postgres_ok(), "redis": redis_ok()}
        ok = all(status.values())
        body = ("ok " if ok else "unreachable ") + " ".join(f"{k}={v}" for k, v in status.items())
        self.send_response(200 if ok else 503)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


print("app listening on 8000, greeting=" + os.environ.get("GREETING", ""), flush=True)
sys.stdout.flush()
http.server.ThreadingHTTPServer(("", 8000), Handler).serve_forever()
