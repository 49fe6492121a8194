"""Hostile learner functions, for the tests only: each is given as the answer to every question that takes code.

Every one must come back as clear feedback from ``check()``: the test process (the kernel) survives, the progress
store stays sound, and no process it started is left running. Each takes any arguments, so it fits every question.
"""

import os
import subprocess

# Marks in the command lines of the processes the functions start, so that a test can find survivors.
DETACHED_MARK = "307.25"
DAEMON_MARK = "309.75"


def catches_everything(*args):
    """A loop that swallows the timer's signal, KeyboardInterrupt and SystemExit."""
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass


def raises_keyboard_interrupt(*args):
    raise KeyboardInterrupt


def raises_system_exit(*args):
    raise SystemExit(3)


def hard_exit(*args):
    os._exit(7)


def writes_to_every_descriptor(*args):
    """Garbage into every descriptor it may have inherited: the progress database, the kernel's sockets."""
    for fd in range(3, 256):
        try:
            os.write(fd, b"\0" * 64)
        except OSError:
            pass
    return {}


def starts_a_detached_process(*args):
    """A child in a session of its own: ending the function's process group does not reach it."""
    subprocess.Popen(["sleep", DETACHED_MARK], start_new_session=True,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {}


def starts_a_daemon(*args):
    """The classic double fork: the grandchild is orphaned at once, in a new session."""
    if os.fork() == 0:
        try:
            os.setsid()
            if os.fork() == 0:
                os.execvp("sleep", ["sleep", DAEMON_MARK])
        finally:
            os._exit(0)
    os.wait()
    return {}


def grows_memory(*args):
    chunks = []
    while True:
        chunks.append(bytearray(64 * 1024 * 1024))


BATTERY = [catches_everything, raises_keyboard_interrupt, raises_system_exit, hard_exit, writes_to_every_descriptor,
           starts_a_detached_process, starts_a_daemon, grows_memory]


def survivors() -> list[int]:
    """Processes still running whose command line holds one of the marks above."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as fh:
                cmd = fh.read()
            with open(f"/proc/{name}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if state != b"Z" and (DETACHED_MARK.encode() in cmd or DAEMON_MARK.encode() in cmd):
            found.append(int(name))
    return found
