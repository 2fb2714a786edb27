#!/usr/bin/env bash
# Installs what training/train.py needs: Debian's PyTorch and NumPy for the system Python (/usr/bin/python3).
# Idempotent: does nothing when torch already imports. Needs root (or sudo) and apt-get.
set -euo pipefail
PY=/usr/bin/python3
if "$PY" -c 'import torch, numpy' 2>/dev/null; then
    echo "torch $("$PY" -c 'import torch; print(torch.__version__)') already installed for $PY"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show python3-torch >/dev/null 2>&1; then
    $SUDO apt-get update
fi
$SUDO apt-get install -y --no-install-recommends python3-torch python3-numpy
"$PY" -c 'import torch, numpy; print("torch", torch.__version__, "numpy", numpy.__version__)'
