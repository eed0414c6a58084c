#!/usr/bin/env python3
"""Runs a command (stdout to /dev/null) and prints the peaks of its resident
memory, split as Linux's /proc/PID/status splits it: RssAnon (the program's
own memory: heap, stacks) and RssFile (pages of the binary and the shared
libraries it maps), sampled every 0.2 ms, in KiB.

    python3 benches/growth/rss_peak.py target/release/examples/publist merge refs.json

GNU time's maximum resident set size is their sum at its peak; for a small
input the binary's code pages are a large part of it (issue 19: about 6 MiB
for `merge`, 9 MiB for `format` at 10k items). The sampling takes a core:
times measured beside it are not comparable (run.sh measures without it)."""
import subprocess
import sys
import time

if len(sys.argv) < 2:
    sys.exit(__doc__)
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
peak = {"RssAnon": 0, "RssFile": 0, "VmRSS": 0}
while proc.poll() is None:
    try:
        with open(f"/proc/{proc.pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in peak:
                    peak[key] = max(peak[key], int(value.split()[0]))
    except (OSError, ValueError):
        pass  # the process ended between poll() and open()
    time.sleep(0.0002)
print(f"anon {peak['RssAnon']} file {peak['RssFile']} rss {peak['VmRSS']}")
sys.exit(proc.returncode)
