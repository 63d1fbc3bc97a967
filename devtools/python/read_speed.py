#!/usr/bin/env python3
# CPU time to read one XDI file with numpy's loadtxt (the way Larch-era scripts read XDI data: '#' lines are the
# header, the rest a table of numbers), for the files under <shared>/data/experimental. The Java side is
# 'java -jar devtools/target/xanesml-devtools.jar read-speed <shared>'.
# Usage: python3 devtools/python/read_speed.py <shared> [rounds]
import pathlib
import sys
import time
import warnings

import numpy as np

root = pathlib.Path(sys.argv[1]) / "data" / "experimental"
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
files = sorted(p for p in root.rglob("*.xdi"))
readable = []
for f in files:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = np.loadtxt(f, comments="#", ndmin=2)
        if a.shape[0] > 1:
            readable.append(f)
    except Exception as e:  # a file numpy cannot read is reported and left out of the timing
        print(f"skipped {f.relative_to(root)}: {e}", file=sys.stderr)
points = 0
for f in readable:  # warm the file cache as the Java side does
    points += np.loadtxt(f, comments="#", ndmin=2).shape[0]
t0 = time.process_time()
for _ in range(rounds):
    for f in readable:
        points += np.loadtxt(f, comments="#", ndmin=2).shape[0]
ms = (time.process_time() - t0) * 1e3 / rounds / len(readable)
print(f"numpy {np.__version__}: {len(readable)} XDI files, {ms:.3f} ms CPU per file ({rounds} rounds)")
