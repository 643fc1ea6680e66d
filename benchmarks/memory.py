"""Peak memory of the current process, for the benchmarks' probes.

``getrusage().ru_maxrss`` survives ``execve`` on Linux, so a probe started from a large benchmark
process would report its parent's peak. ``VmHWM`` belongs to the new process image only.
"""

from __future__ import annotations

import resource


def peak_rss_mb() -> float:
    """Peak resident set size of this process image in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # not Linux: best effort
