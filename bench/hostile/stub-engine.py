#!/usr/bin/env python3
"""A misbehaving Docker engine on a unix socket (or 127.0.0.1:PORT), for bench/hostile/probe.sh.

usage: stub-engine.py MODE ADDRESS [REAL_SOCKET]
  ADDRESS  a path (unix socket) or a port number (TCP on 127.0.0.1)
  MODE
    silent      accept, read the request, never answer
    reset       accept, then reset the connection (RST)
    close       read the request, close without a byte of answer
    garbage     answer with bytes that are not HTTP
    http500     answer every request 500 {"message": "..."}
    badjson     answer every request 200 with a body that is not JSON
    headers     send a status line, then nothing more
    proxy-die   forward to REAL_SOCKET; DIE_AFTER seconds (env, default 2) after the first /events request
                (DIE_ON=any: after the first request), reset every open connection and refuse new ones
                (an engine dying mid-wait)
    proxy-noevents  forward to REAL_SOCKET, but close every /events stream right after its headers
Runs until killed.
"""
import os
import socket
import struct
import sys
import threading
import time

MODE = sys.argv[1]
ADDRESS = sys.argv[2]
REAL = sys.argv[3] if len(sys.argv) > 3 else "/var/run/docker.sock"
# the stub's own knobs, not an app's configuration: devops:ignore ENV0001
DIE_AFTER = float(os.environ.get("DIE_AFTER", "2"))
# devops:ignore ENV0001
DIE_ON = os.environ.get("DIE_ON", "events")  # events: the timer starts at the first /events request; any: at the first request

open_conns = []
lock = threading.Lock()
dead = threading.Event()
armed = threading.Event()


def read_request(c):
    data = b""
    c.settimeout(5)
    try:
        while b"\r\n\r\n" not in data:
            chunk = c.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    return data


def rst(c):
    try:
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        c.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv on it; close alone does not
    except OSError:
        pass
    try:
        c.close()
    except OSError:
        pass


def answer(c, status, body, ctype="application/json"):
    head = "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nApi-Version: 1.41\r\n\r\n" % (status, ctype, len(body))
    c.sendall(head.encode() + body)


def pump(src, dst, on_first=None):
    first = True
    try:
        while True:
            b = src.recv(65536)
            if not b:
                break
            if first and on_first:
                on_first(b)
            first = False
            dst.sendall(b)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def proxy(c, noevents):
    up = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    up.connect(REAL)
    with lock:
        open_conns.extend([c, up])
    is_events = {"v": False}

    def sniff(b):
        line = b.split(b"\r\n", 1)[0]
        if b" /events" in line or b"/events?" in line:
            is_events["v"] = True
        if MODE == "proxy-die" and not dead.is_set() and not armed.is_set() and (is_events["v"] or DIE_ON == "any"):
            armed.set()
            threading.Timer(DIE_AFTER, die).start()

    def back():
        if noevents:
            # the answer's first chunk holds the headers: pass them, then end the stream
            try:
                b = up.recv(65536)
                c.sendall(b)
                if is_events["v"]:
                    time.sleep(0.2)
                    c.shutdown(socket.SHUT_RDWR)
                    c.close()
                    return
            except OSError:
                return
        pump(up, c)

    t = threading.Thread(target=pump, args=(c, up, sniff), daemon=True)
    t.start()
    back()


def die():
    dead.set()
    with lock:
        for s in open_conns:
            rst(s)


def handle(c):
    if dead.is_set():
        rst(c)
        return
    if MODE == "reset":
        rst(c)
        return
    if MODE.startswith("proxy"):
        proxy(c, MODE == "proxy-noevents")
        return
    req = read_request(c)
    if MODE == "silent":
        time.sleep(3600)
    elif MODE == "close":
        c.close()
    elif MODE == "garbage":
        c.sendall(b"SSH-2.0-OpenSSH_9.2\r\n\x00\x01\x02 not http\r\n\r\n")
        c.close()
    elif MODE == "http500":
        answer(c, "500 Internal Server Error", b'{"message":"stub: the engine failed"}')
    elif MODE == "badjson":
        answer(c, "200 OK", b"{this is not json")
    elif MODE == "headers":
        c.sendall(b"HTTP/1.1 200 OK\r\n")
        time.sleep(3600)
    else:
        raise SystemExit("unknown mode " + MODE)
    _ = req


def main():
    if ADDRESS.isdigit():
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", int(ADDRESS)))
    else:
        try:
            os.unlink(ADDRESS)
        except FileNotFoundError:
            pass
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(ADDRESS)
    s.listen(64)
    while True:
        c, _ = s.accept()
        if dead.is_set():
            rst(c)
            continue
        threading.Thread(target=handle, args=(c,), daemon=True).start()


if __name__ == "__main__":
    main()
