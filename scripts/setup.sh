#!/usr/bin/env bash
# Installs the system packages kg needs on Debian/Ubuntu: a C++ compiler and libclang for the
# RocksDB bindings of oxigraph, and xmllint for the export checks. Python 3 with venv is used by
# the export checks (NetworkX from PyPI, in a throwaway virtual environment).
set -euo pipefail
packages=(g++ clang libclang-dev libxml2-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
command -v cargo >/dev/null || { echo "Rust is needed: see https://rustup.rs" >&2; exit 1; }
echo "system packages ready"
