#!/usr/bin/env python3
"""Runs a command in a folder and reports, as JSON, its exit status, wall time and peak resident
memory (ru_maxrss, KiB), as `/usr/bin/time -v` does.

The command is forked from this small process: a child started from the large test process
(posix_spawn shares its memory until exec) would have the test process's peak counted as its own.

Usage: measure.py FOLDER TIMEOUT STDOUT STDERR COMMAND [ARGUMENT...]
"""
import json
import os
import signal
import sys
import time

folder, timeout, stdout_path, stderr_path, *command = sys.argv[1:]
start = time.monotonic()
pid = os.fork()
if pid == 0:
    os.chdir(folder)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(os.open(stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
    os.dup2(os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
    os.execve(command[0], command, {"PATH": "/usr/bin:/bin"})
timed_out = False
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done == pid:
        break
    if time.monotonic() - start > float(timeout):
        os.kill(pid, signal.SIGKILL)
        done, status, usage = os.wait4(pid, 0)
        timed_out = True
        break
    time.sleep(0.005)
print(json.dumps({
    "status": os.waitstatus_to_exitcode(status),
    "seconds": time.monotonic() - start,
    "max_resident_kib": usage.ru_maxrss,
    "timed_out": timed_out,
}))
