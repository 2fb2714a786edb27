#!/usr/bin/env bash
# Installs what training/ needs for the system Python (/usr/bin/python3), from Debian's packages:
#   python3-torch, python3-numpy   train.py
#   libopenblas0-pthread           an optimised BLAS: Debian's torch calls the system libblas.so.3, which is the
#                                  reference BLAS until OpenBLAS is installed (measured here: a 1024x1024 float32
#                                  matmul at ~6 GFLOPS before, ~190 GFLOPS after, on 2 cores)
#   python3-matplotlib             plot_loss.py's PNG loss curves
# Idempotent: installs only what is missing. Needs root (or sudo) and apt-get.
set -euo pipefail
PY=/usr/bin/python3
need=()
"$PY" -c 'import torch, numpy' 2>/dev/null || need+=(python3-torch python3-numpy)
"$PY" -c 'import matplotlib' 2>/dev/null || need+=(python3-matplotlib)
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || need+=(libopenblas0-pthread)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-cache show python3-torch >/dev/null 2>&1; then
        $SUDO apt-get update
    fi
    $SUDO apt-get install -y --no-install-recommends "${need[@]}"
fi
"$PY" - <<'PY'
import time, torch, numpy, matplotlib
torch.set_num_threads(2)
a, b = torch.randn(512, 512), torch.randn(512, 512)
a @ b
t = time.time()
for _ in range(20):
    a @ b
gflops = 20 * 2 * 512 ** 3 / (time.time() - t) / 1e9
print(f"torch {torch.__version__}, numpy {numpy.__version__}, matplotlib {matplotlib.__version__}; "
      f"float32 matmul ~{gflops:.0f} GFLOPS on 2 threads")
if gflops < 20:
    print("warning: matmul is slow; is the system BLAS the reference one? (update-alternatives --display libblas.so.3-x86_64-linux-gnu)")
PY
