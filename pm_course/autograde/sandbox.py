"""The sandbox: bubblewrap around one Python process that runs one learner's notebook.

What the learner's code can reach inside (see docs/instructors.md, "Threat model"):

- no network (new network namespace), no other processes (new PID namespace),
  a new session (no terminal), all capabilities dropped;
- a read-only view of the system's libraries, the Python installation and the
  ``pm_course`` package, where every ``questions.py`` is replaced by a stand-in
  without answers (:mod:`.formonly`) and its compiled copies are hidden;
- nothing else of the machine: not solutions/, the gradebook, other
  submissions or the instructor's home; a small scratch ``/tmp`` (tmpfs);
- limits on memory (address space per process, and a memory cgroup for the
  whole sandbox, tmpfs included, when the grader runs as root and can make
  one), file size, every writable mount (/tmp and /dev/shm are sized tmpfs,
  /dev is read-only), processes (a pids cgroup as root; RLIMIT_NPROC
  otherwise) and wall time per cell, per notebook and per submission,
  enforced from outside by killing the sandbox;
- as root, the learner's code runs as the unprivileged user 65534 in its own
  user namespace, which may not make further user namespaces.

Only plain data comes out (:mod:`.plain`); the verdict is computed outside.
Without bubblewrap the grader refuses to run unless told ``allow_unsandboxed``;
then the same runner runs in a child process with the same limits but without
the file-system and network walls, and every grade says so.
"""

from __future__ import annotations

import atexit
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import plain

__all__ = ["BudgetExhausted", "DEFAULT_LIMITS", "prepare_mpl_seed", "Limits", "Sandbox", "SandboxCrashed", "SandboxTimeout", "bwrap_status", "prepare_stubs"]


@dataclass(frozen=True)
class Limits:
    """What one submission may use. ``submission_seconds`` is one wall-clock budget for everything done for a
    submission: starting its sandboxes, running its cells, and every value fetched and function called by the
    tests of all its notebooks. When it is used up, what is left scores nothing, with the reason."""

    cell_seconds: float = 10.0
    notebook_seconds: float = 120.0
    call_seconds: float = 2.0
    submission_seconds: float = 180.0
    memory_bytes: int = 2 * 1024**3
    file_bytes: int = 64 * 1024**2
    scratch_bytes: int = 128 * 1024**2
    shm_bytes: int = 16 * 1024**2
    processes: int = 64


DEFAULT_LIMITS = Limits()


class SandboxCrashed(RuntimeError):
    """The sandboxed process ended or stopped answering sensibly."""


class SandboxTimeout(SandboxCrashed):
    """The sandboxed process overran its time and was killed."""


class BudgetExhausted(SandboxTimeout):
    """The submission's wall-clock budget (:attr:`Limits.submission_seconds`) is used up."""


def bwrap_status() -> tuple[bool, str]:
    """Whether bubblewrap can make a sandbox here, and if not, why (in words)."""
    exe = shutil.which("bwrap")
    if exe is None:
        return False, "bubblewrap (bwrap) is not installed; on Debian or Ubuntu: apt-get install bubblewrap"
    try:
        out = subprocess.run([exe, "--unshare-all", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                              "true"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bubblewrap could not start: {exc}"
    if out.returncode != 0:
        return False, ("bubblewrap cannot create namespaces here (" + out.stderr.strip()[:200]
                       + "); user namespaces may be disabled (sysctl kernel.unprivileged_userns_clone)")
    return True, exe


def prepare_stubs(target: Path, constants: dict[str, set[str]] | None = None) -> dict[str, Path]:
    """Write a stand-in for every ``pm_course/*/questions.py``; returns {real file: stand-in file}.

    ``constants`` maps a questions module to the data names its exercise hands out
    (:func:`.formonly.handed_out`); other module-level values are left out.
    """
    import importlib

    import pm_course

    from .formonly import module_spec, stub_source

    root = Path(pm_course.__file__).resolve().parent
    target.mkdir(parents=True, exist_ok=True)
    stubs: dict[str, Path] = {}
    for real in sorted(root.glob("*/questions.py")):
        name = f"pm_course.{real.parent.name}.questions"
        module = importlib.import_module(name)
        stub = target / f"{real.parent.name}_questions.py"
        stub.write_text(stub_source(module_spec(module, (constants or {}).get(name, set()))), encoding="utf-8")
        stubs[str(real)] = stub
    return stubs


def prepare_mpl_seed(target: Path) -> str:
    """Build matplotlib's font cache once, for every sandbox to copy (else each learner's run rebuilds it: ~2 s)."""
    target.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, MPLCONFIGDIR=str(target), MPLBACKEND="Agg")
    subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], env=env, capture_output=True, timeout=300)
    return str(target)


def _package_root() -> Path:
    import pm_course

    return Path(pm_course.__file__).resolve().parent


def _cgroups_for(limits: Limits) -> list[Path]:
    """A pids cgroup and a memory cgroup (v1 or v2) for one sandbox, where the grader may make them (root).

    The memory cgroup bounds everything the sandbox holds in memory, its tmpfs pages (/tmp, /dev/shm) included,
    at ``memory_bytes`` plus the two scratch sizes. Where none can be made (not root, or no controller), the
    per-process limits apply alone: RLIMIT_AS per process and the tmpfs sizes.
    """
    if os.geteuid() != 0:
        return []
    memory = limits.memory_bytes + limits.scratch_bytes + limits.shm_bytes
    root = Path("/sys/fs/cgroup")
    groups: list[Path] = []
    name = uuid.uuid4().hex[:12]
    if (root / "pids" / "cgroup.procs").exists() or (root / "memory" / "cgroup.procs").exists():  # cgroup v1
        for controller, knobs in (("pids", {"pids.max": str(limits.processes)}),
                                  ("memory", {"memory.limit_in_bytes": str(memory)})):
            group = root / controller / "pm_course_grading" / name
            try:
                group.mkdir(parents=True)
            except OSError:
                continue
            try:
                for knob, value in knobs.items():
                    (group / knob).write_text(value)
                groups.append(group)
            except OSError:
                _remove_cgroup(group)
    elif (root / "cgroup.controllers").exists():  # cgroup v2: one group, both controllers where enabled
        parent = root / "pm_course_grading"
        try:
            parent.mkdir(exist_ok=True)
            wanted = {"pids", "memory"} & set((root / "cgroup.controllers").read_text().split())
            for c in sorted(wanted):
                for level in (root, parent):
                    try:
                        (level / "cgroup.subtree_control").write_text(f"+{c}")
                    except OSError:
                        pass
            group = parent / name
            group.mkdir()
            groups.append(group)
            for knob, value in (("pids.max", str(limits.processes)), ("memory.max", str(memory))):
                try:
                    (group / knob).write_text(value)
                except OSError:
                    pass
        except OSError:
            pass
    return groups


def _remove_cgroup(group: Path, wait: float = 2.0) -> bool:
    """Kill whatever is left in ``group`` and remove it (waits up to ``wait`` seconds); True when removed."""
    deadline = time.monotonic() + wait
    while True:
        try:
            (group / "cgroup.kill").write_text("1")
        except OSError:
            pass
        try:
            for pid in (group / "cgroup.procs").read_text().split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (ProcessLookupError, PermissionError, ValueError):
                    pass
        except OSError:
            pass
        try:
            group.rmdir()
            return True
        except FileNotFoundError:
            return True
        except OSError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)


_STALE_CGROUPS: list[Path] = []


def _reap_cgroups() -> None:
    """Remove the cgroups of closed sandboxes that could not be removed at once (kept for the next try)."""
    for group in list(_STALE_CGROUPS):
        if _remove_cgroup(group, wait=0):
            _STALE_CGROUPS.remove(group)


def _reap_at_exit() -> None:
    for group in list(_STALE_CGROUPS):
        _remove_cgroup(group, wait=5.0)


atexit.register(_reap_at_exit)


_USER_ARGS: list[str] | None = None


def _user_args() -> list[str]:
    """As root: run the sandbox as the unprivileged user 65534 in its own user namespace, and forbid nested
    user namespaces there (where this bubblewrap supports it). Otherwise nothing: bubblewrap keeps your uid."""
    global _USER_ARGS
    if os.geteuid() != 0:
        return []
    if _USER_ARGS is None:
        args = ["--unshare-user", "--uid", "65534", "--gid", "65534", "--disable-userns"]
        try:
            ok = subprocess.run(["bwrap", "--unshare-all", *args, "--ro-bind", "/", "/", "true"],
                                capture_output=True, timeout=20).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        _USER_ARGS = args if ok else []
    return _USER_ARGS


class Sandbox:
    """One runner process, sandboxed (or, when allowed, only limited), with the request protocol."""

    def __init__(self, stubs: dict[str, Path], limits: Limits = DEFAULT_LIMITS, sandboxed: bool = True,
                 mpl_seed: str | None = None, student: str = ""):
        self.limits, self.sandboxed, self.stubs, self.mpl_seed = limits, sandboxed, stubs, mpl_seed
        self.student = student  # nbgrader's id of the submitter, seen as PM_COURSE_STUDENT_ID (a variant exam)
        self.proc: subprocess.Popen | None = None
        self.deadline: float | None = None  # time.monotonic() when the submission's budget runs out
        self._buf = b""
        self._cgroups: list[Path] = []
        self.process_limit = "none"

    # -- start and stop

    def _command(self, fd_in: int, fd_out: int) -> list[str]:
        runner = [sys.executable, "-I", "-m", "pm_course.autograde.runner", str(fd_in), str(fd_out)]
        if not self.sandboxed:
            return runner
        # Every writable mount is capped: /tmp and /dev/shm are sized tmpfs, and /dev itself is read-only.
        args = ["bwrap", "--unshare-all", *_user_args(), "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--proc", "/proc", "--dev", "/dev",
                "--perms", "1777", "--size", str(self.limits.shm_bytes), "--tmpfs", "/dev/shm",
                "--remount-ro", "/dev",
                "--perms", "1777", "--size", str(self.limits.scratch_bytes), "--tmpfs", "/tmp",
                "--ro-bind", "/etc", "/etc"]
        for d in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64"):
            if os.path.islink(d):
                args += ["--symlink", os.readlink(d), d]
            elif os.path.isdir(d):
                args += ["--ro-bind", d, d]
        roots = {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), str(_package_root())}
        exe_dir = os.path.dirname(os.path.realpath(sys.executable))
        roots.add(exe_dir)
        for r in sorted(roots):
            if not any(r != o and r.startswith(o + os.sep) for o in roots):
                args += ["--ro-bind", r, r]
        for real, stub in self.stubs.items():
            args += ["--ro-bind", str(stub), real]
            cache = Path(real).parent / "__pycache__"
            for pyc in sorted(cache.glob("questions.*.pyc")) if cache.is_dir() else []:
                args += ["--ro-bind", "/dev/null", str(pyc)]
        if self.mpl_seed:
            args += ["--ro-bind", self.mpl_seed, "/tmp/mpl-seed"]
        args += ["--dir", "/tmp/home", "--chdir", "/tmp", "--"]
        return args + runner

    def _env(self) -> dict[str, str]:
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PM_COURSE_GRADED": "1", "MPLBACKEND": "Agg",
               "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
        if self.student:
            env["PM_COURSE_STUDENT_ID"] = self.student
        if self.sandboxed:
            env.update(HOME="/tmp/home", PM_COURSE_HOME="/tmp/home/.pm_course", MPLCONFIGDIR="/tmp/mpl")
            if self.mpl_seed:
                env["PM_COURSE_MPL_SEED"] = "/tmp/mpl-seed"
        else:
            import tempfile

            scratch = tempfile.mkdtemp(prefix="pm-course-unsandboxed-")
            env.update(HOME=scratch, PM_COURSE_HOME=scratch + "/.pm_course", MPLCONFIGDIR=scratch + "/mpl",
                       PM_COURSE_STUBS=os.pathsep.join(f"{k}={v}" for k, v in self.stubs.items()))
            if self.mpl_seed:
                env["PM_COURSE_MPL_SEED"] = self.mpl_seed
        return env

    def start(self) -> None:
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        limits = self.limits
        self._cgroups = _cgroups_for(limits)
        groups = list(self._cgroups)
        self.process_limit = "cgroup" if groups else ("rlimit" if os.geteuid() != 0 else "none")

        def preexec() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
            resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            cpu = int(limits.notebook_seconds) + 30
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
            if os.geteuid() != 0:
                resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
            for group in groups:
                (group / "cgroup.procs").write_text(str(os.getpid()))
            os.setsid()

        self.proc = subprocess.Popen(
            self._command(req_r, resp_w), env=self._env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, pass_fds=(req_r, resp_w), preexec_fn=preexec, close_fds=True,
        )
        os.close(req_r)
        os.close(resp_w)
        self._out = os.fdopen(req_w, "w", encoding="utf-8")
        self._in_fd = resp_r
        msg = self._read(30.0)
        if not msg.get("ready"):
            self.close()
            raise SandboxCrashed("the sandbox did not start")

    def close(self) -> None:
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.proc.kill()
            except ProcessLookupError:
                pass
            self.proc.wait()
            self.proc = None
            for f in (self._out,):
                try:
                    f.close()
                except OSError:
                    pass
            try:
                os.close(self._in_fd)
            except OSError:
                pass
        for group in self._cgroups:  # killed and removed now; kept for a later try only if that fails
            if not _remove_cgroup(group):
                _STALE_CGROUPS.append(group)
        self._cgroups = []
        _reap_cgroups()

    def __enter__(self) -> Sandbox:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- protocol

    def _send(self, msg: dict) -> None:
        if self._budget_left() <= 0:
            raise self._exhausted()
        if self.proc is None:
            raise SandboxCrashed("the sandbox has stopped")
        try:
            self._out.write(plain.dumps(msg) + "\n")
            self._out.flush()
        except (OSError, ValueError):
            raise SandboxCrashed("the sandbox stopped reading") from None

    def _budget_left(self) -> float:
        return float("inf") if self.deadline is None else self.deadline - time.monotonic()

    def _exhausted(self) -> BudgetExhausted:
        self.close()
        return BudgetExhausted(f"the submission's time budget of {self.limits.submission_seconds:g} s is used up")

    def _read(self, seconds: float) -> dict:
        budget = self._budget_left()
        if budget <= 0:
            raise self._exhausted()
        deadline = time.monotonic() + min(seconds, budget)
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                if self._budget_left() <= 0:
                    raise self._exhausted()
                self.close()
                raise SandboxTimeout(f"no answer within {seconds:g} s")
            ready, _, _ = select.select([self._in_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._in_fd, 1 << 16)
            if not chunk:
                self.close()
                raise SandboxCrashed("the sandbox ended")
            self._buf += chunk
            if len(self._buf) > plain.MAX_LINE:
                self.close()
                raise SandboxCrashed("the sandbox sent too much")
        line, self._buf = self._buf.split(b"\n", 1)
        try:
            return plain.loads(line.decode("utf-8", errors="replace"))
        except plain.PlainError:
            self.close()
            raise SandboxCrashed("the sandbox sent a malformed message") from None

    def run(self, sources: list[str], started: float | None = None) -> list[dict]:
        """Run the cells in order; returns one result per cell run before anything went wrong.

        Raises :class:`SandboxCrashed` (or :class:`SandboxTimeout`) with ``.results``
        (the cells that completed) and ``.cell`` (the index of the cell running when it ended).
        """
        started = started if started is not None else time.monotonic()
        self._send({"op": "run", "cells": [{"source": s} for s in sources], "cell_timeout": self.limits.cell_seconds})
        results: list[dict] = []
        while True:
            budget = min(self.limits.cell_seconds + 5, self.limits.notebook_seconds - (time.monotonic() - started) + 1)
            try:
                msg = self._read(max(budget, 0.5))
            except SandboxCrashed as exc:
                exc.results, exc.cell = results, len(results)  # type: ignore[attr-defined]
                raise
            if msg.get("done"):
                return results
            if msg.get("cell") != len(results):
                exc2 = SandboxCrashed("the sandbox answered out of turn")
                exc2.results, exc2.cell = results, len(results)  # type: ignore[attr-defined]
                self.close()
                raise exc2
            results.append({k: str(msg.get(k, ""))[:4000] for k in ("status", "output", "error")})

    def get(self, names: list[str]) -> dict[str, dict]:
        self._send({"op": "get", "names": names})
        msg = self._read(self.limits.cell_seconds + 5)
        values = msg.get("values")
        if type(values) is not dict:
            raise SandboxCrashed("malformed answer")
        return values

    def call(self, name: str, args: tuple) -> Any:
        """Call the learner's function ``name`` in the sandbox; returns its plain result or raises."""
        self._send({"op": "call", "name": name, "args": [plain.encode(a) for a in args],
                    "timeout": self.limits.call_seconds})
        msg = self._read(self.limits.call_seconds + 3)
        if msg.get("ok") is True:
            return plain.decode(msg.get("value"))
        raise RemoteError(str(msg.get("type", "Error"))[:80], str(msg.get("error", ""))[:400],
                          bool(msg.get("timeout")))


class RemoteError(Exception):
    """An exception raised by the learner's function inside the sandbox (described, not carried)."""

    def __init__(self, type_name: str, message: str, timeout: bool = False):
        super().__init__(message)
        self.type_name, self.timeout = type_name, timeout
