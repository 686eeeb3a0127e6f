"""Measuring a process tree from /proc: the peak memory of a command and of all it starts.

Linux only. The archive renders notice pages in a forked worker and runs Pagefind as a child
process, so a build's memory is that of a tree, not of one process; ``ru_maxrss`` of a child
does not tell it either (Linux starts a child's count at its parent's peak when it is spawned).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def tree(pid: int) -> list[int]:
    """The process and all its descendants, through the children of every thread (a process
    started from a worker thread is listed under that thread, not the main one)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                children = Path(f"/proc/{current}/task/{task}/children").read_text()
            except OSError:
                continue
            stack.extend(int(c) for c in children.split())
    return found


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def status_kib(pid: int, field_name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


class TreeSampler:
    """Samples a process tree every ``interval`` seconds: the peak of the summed proportional
    set sizes (PSS, which counts pages shared after a fork once, not twice), and each
    process's peak resident size (VmHWM, the kernel's own high-water mark, so a peak between
    two samples is not missed while the process lives)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval = pid, interval
        self.peak_pss_kib = 0
        self.hwm_kib: dict[tuple[int, str], int] = {}
        """Peak resident size by process and name (a process that execs changes its name and
        starts a new high-water mark)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pss = 0
            for pid in tree(self.pid):
                pss += pss_kib(pid)
                key = (pid, name(pid))
                self.hwm_kib[key] = max(self.hwm_kib.get(key, 0), status_kib(pid, "VmHWM"))
            self.peak_pss_kib = max(self.peak_pss_kib, pss)
            self._stop.wait(self.interval)

    def peak_named(self, name: str) -> int:
        """The largest peak resident size among the processes of that name."""
        return max((k for (_p, n), k in self.hwm_kib.items() if n == name), default=0)

    def peak_of(self, pid: int) -> int:
        """The peak resident size of one process (after its last exec)."""
        return max((k for (p, _n), k in self.hwm_kib.items() if p == pid), default=0)
