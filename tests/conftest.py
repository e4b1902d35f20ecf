"""Shared fixtures: the study's article, loaded once; the processes a build starts."""

import os
import select

import pytest

from analysis import config, load_article


@pytest.fixture(scope="session")
def article():
    """The study's article, as every analysis reads it."""
    return load_article(config.ARTICLE)


class Watched:
    """A process a build started, watched through a pidfd, so that a reused process id is never taken for it."""

    def __init__(self, pid):
        self.pid, self.pidfd = pid, os.pidfd_open(pid)

    def ended(self, timeout=0):
        """Whether the process has ended, waiting up to timeout seconds for it to."""
        return bool(select.select([self.pidfd], [], [], timeout)[0])

    def alive(self):
        """Whether the process still runs."""
        return not self.ended()


@pytest.fixture
def build_processes(monkeypatch):
    """Every warm process and forked kernel the builds of a test start (not other builds on the machine)."""
    from analysis.pipeline import kernels

    seen, start, fork = [], kernels.WarmProcess.__init__, kernels.WarmProcess.fork

    def started(self, modules):
        start(self, modules)
        seen.append(Watched(self.process.pid))

    def forked(self, *args):
        kernel = fork(self, *args)
        seen.append(Watched(kernel.pid))
        return kernel

    monkeypatch.setattr(kernels.WarmProcess, "__init__", started)
    monkeypatch.setattr(kernels.WarmProcess, "fork", forked)
    return seen
