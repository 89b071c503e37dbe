"""The clerk's edge: the ``hotline`` command line and the Textual terminal UI.

Importing NumPy (the deadlines are worked out with it) starts one OpenBLAS
thread per core, and they spin for a while: a tenth of a second of CPU taken
from a clerk's start-up on a two-core host, and on a shared host one idle
thread per core for every clerk logged in. hotline does no linear algebra, so
its processes keep to one, unless the administrator's environment says
otherwise. This runs before ``hotline_core`` can import NumPy, since every
entry point of the edge is inside this package.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
