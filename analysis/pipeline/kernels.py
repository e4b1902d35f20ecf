"""Kernels for the build, forked from one warm process instead of started from nothing.

A clean kernel spends most of its life importing: ipykernel, pandas, matplotlib, the segmenter and its dictionary,
OpenCC. The build starts one process that does all of that once (`python -m analysis.pipeline.kernels`, with the
modules the notebooks import) and then, for every notebook, forks a kernel from it: each notebook still gets its own
process with nothing of another notebook in it, but starts with the imports done. The kernel is the one `python -m
ipykernel_launcher` would start, with the same connection file, arguments, environment and working folder.

The kernel manager the build gives papermill starts its kernels through a kernel provisioner of its own
(`WarmProvisioner`, jupyter_client's public interface for how a kernel process is started, watched, signalled and
stopped). Only on Linux (a kernel is watched through a pidfd, so a reused process id is never taken for the kernel);
elsewhere, for any kernel command other than ipykernel's, and if the warm process has failed, the provisioner starts
kernels the usual way (jupyter_client's LocalProvisioner). Kernels talk to the build over Unix sockets named after
the kernel, not TCP ports, which another process on the machine could take between their choice and the kernel's
start. The warm process and its kernels end with the build, even a build killed with SIGKILL (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import ast
import contextlib
import ctypes
import functools
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import config

if TYPE_CHECKING:
    from jupyter_client.manager import AsyncKernelManager

# what the study's notebooks use without importing it by name: the kernel and its debugger (debugpy, which each
# kernel imports as it starts), and what the package imports inside functions for several of them (pyplot, and
# pandas' Styler for every table)
ALWAYS = ("ipykernel.kernelapp", "ipykernel.debugger", "matplotlib.pyplot", "pandas.io.formats.style")
INLINE = "module://matplotlib_inline.backend_inline"  # the backend ipykernel selects for every kernel
CLOSE_WAIT = 5  # seconds a closing warm process may take to collect its kernels' exit
PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent ends (linux/prctl.h)


@functools.cache
def supported() -> bool:
    """Whether kernels can be forked here: fork, and pidfds to watch and signal the forked kernels (Linux 5.3+)."""
    if not (hasattr(os, "fork") and hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal")):
        return False
    try:
        os.close(os.pidfd_open(os.getpid()))
    except OSError:  # an older kernel
        return False
    return True


def imported_modules(notebooks: list[Path]) -> list[str]:
    """The modules the notebooks' code cells import, in order of first import (cells that are not Python skipped)."""
    found: dict[str, None] = {}
    for notebook in notebooks:
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            try:
                tree = ast.parse("".join(cell["source"]) if cell["cell_type"] == "code" else "")
            except SyntaxError:  # a cell with IPython magics
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.update(dict.fromkeys(alias.name for alias in node.names))
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found[node.module] = None
    return list(found)


class ForkedKernel:
    """A kernel the warm process forked, with the parts of subprocess.Popen's interface LocalProvisioner uses."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None
        try:
            self.pidfd = os.pidfd_open(pid)
        except ProcessLookupError:  # it has already ended
            self.pidfd, self.returncode = None, -1

    def poll(self) -> int | None:
        """None while the kernel runs, else a return code (-1: its status goes to the warm process, its parent)."""
        if self.returncode is None and select.select([self.pidfd], [], [], 0)[0]:
            self.returncode = -1
            os.close(self.pidfd)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the kernel to end (subprocess.TimeoutExpired after timeout seconds)."""
        if self.returncode is None and not select.select([self.pidfd], [], [], timeout)[0]:
            raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout)
        return self.poll()

    def send_signal(self, signum: int) -> None:
        """Send the kernel a signal, unless it has ended."""
        if self.poll() is None:
            signal.pidfd_send_signal(self.pidfd, signum)

    def terminate(self) -> None:
        """Ask the kernel to end (SIGTERM)."""
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """End the kernel (SIGKILL)."""
        self.send_signal(signal.SIGKILL)


class WarmProcess:
    """The process kernels are forked from: started with the modules to import, asked for one kernel at a time."""

    def __init__(self, modules: list[str]):
        self.lock, self.forked = threading.Lock(), False
        self.process = subprocess.Popen(
            [sys.executable, "-m", "analysis.pipeline.kernels", str(os.getpid()), *modules],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=config.ROOT, text=True, encoding="utf-8",
        )

    def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> ForkedKernel:
        """A new kernel, as `python -m ipykernel_launcher *argv` would start it in cwd with env (RuntimeError if the
        warm process has ended)."""
        with self.lock:
            try:
                self.process.stdin.write(json.dumps({"argv": argv, "env": env, "cwd": cwd}) + "\n")
                self.process.stdin.flush()
                reply = self.process.stdout.readline()
            except BrokenPipeError:
                reply = ""
            if not reply:
                raise RuntimeError(f"the warm process has ended (exit code {self.process.wait()})")
            self.forked = True
        return ForkedKernel(json.loads(reply)["pid"])

    def close(self) -> None:
        """Stop the warm process: at once if it forked no kernel (it may still be importing), else once it has
        collected its kernels' exit (all shut down by now), so that their CPU time counts as the build's."""
        if not self.forked:
            self.process.kill()
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=CLOSE_WAIT)
        except subprocess.TimeoutExpired:  # a kernel still running: the build was interrupted
            self.process.kill()  # and the kernels with it (PR_SET_PDEATHSIG)
            self.process.wait()
        self.process.stdout.close()


def manager_class(warm: WarmProcess | None) -> type[AsyncKernelManager]:
    """A kernel manager whose kernels talk over Unix sockets and whose ipykernel kernels are forked from `warm` (if
    given) by its provisioner."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.provisioning import LocalProvisioner

    class WarmProvisioner(LocalProvisioner):
        """Starts an ipykernel kernel by forking it from the warm process, if there is one; any other kernel as
        LocalProvisioner does."""

        async def launch_kernel(self, cmd: list[str], **kwargs):
            if not warm or cmd[:3] != [sys.executable, "-m", "ipykernel_launcher"]:
                return await super().launch_kernel(cmd, **kwargs)
            cwd = str(kwargs.get("cwd") or Path.cwd())
            try:
                self.process = warm.fork(cmd[3:], dict(kwargs["env"]), cwd)
            except RuntimeError:  # the warm process has failed: a kernel of its own, then
                return await super().launch_kernel(cmd, **kwargs)
            # what LocalProvisioner.launch_kernel records; no process group, so signals reach the kernel itself
            self.pid, self.pgid, self.cwd = self.process.pid, None, cwd
            return self.connection_info

    class WarmKernelManager(AsyncKernelManager):
        """A kernel manager with WarmProvisioner as its provisioner, over Unix sockets of the kernel's own name where
        there are Unix sockets."""

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.kernel_id = str(uuid.uuid4())
            if os.name == "posix":  # a socket path is at most 104 bytes on macOS: a short name in the temporary folder
                self.transport, self.ip = "ipc", str(Path(tempfile.gettempdir()) / f"kernel-{uuid.uuid4().hex[:16]}")
            self.provisioner = WarmProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)

    return WarmKernelManager


def end_with(parent: int) -> None:
    """Have Linux kill this process when its parent ends (PR_SET_PDEATHSIG), even by SIGKILL; exit at once if the
    parent has already ended."""
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL) != 0 or os.getppid() != parent:
        os._exit(1)


def run_kernel(request: dict, parent: int) -> None:
    """In a forked child: become the kernel `python -m ipykernel_launcher` would be, then exit."""
    code = 1
    try:
        end_with(parent)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a new process (the warm process ignores it)
        os.setsid()  # like a launched kernel: not in the build's process group, so Ctrl-C reaches the build only
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(2, 1)  # stdout was the reply pipe
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        from ipykernel.kernelapp import IPKernelApp

        IPKernelApp.launch_instance(request["argv"])
        code = 0
    except Exception:
        traceback.print_exc()  # to stderr, where a kernel started the usual way prints it
    finally:
        os._exit(code)


def serve(build: int, modules: list[str]) -> None:
    """Import the modules and load what the analyses load, then fork a kernel for every request read from stdin,
    answering with its process id, until stdin closes; the process and its kernels end with the build (pid `build`)."""
    import importlib

    end_with(build)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the build; the warm process ends when it does
    os.environ.setdefault("MPLBACKEND", INLINE)  # as ipykernel sets it, and before matplotlib reads it
    # debugpy warns on stderr, the build's here, that breakpoints in frozen modules may be missed: nobody sets
    # breakpoints in a build's kernels
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd():
        del sys.path[0]  # as ipykernel_launcher does; the kernel puts it back
    for name in [*ALWAYS, *modules]:
        with contextlib.suppress(ImportError):  # the notebook that imports it will say so
            importlib.import_module(name)
    from analysis.numbers.extracting import warm_up

    warm_up()
    for line in sys.stdin:
        request = json.loads(line)
        if threading.active_count() > 1:
            raise RuntimeError("a module started a thread: forking now would copy a half-held lock")
        reap(os.WNOHANG)
        parent, pid = os.getpid(), os.fork()
        if pid == 0:
            run_kernel(request, parent)
        print(json.dumps({"pid": pid}), flush=True)
    reap(0)
    os._exit(0)  # tearing down all it imported would take longer than the last kernel did


def reap(options: int) -> None:
    """Collect the exit of ended kernels (options=os.WNOHANG: those already ended; 0: all, waiting for them)."""
    try:
        while os.waitpid(-1, options)[0]:
            pass
    except ChildProcessError:  # no kernels left
        pass


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.argv[2:])
