#!/usr/bin/env bash
# Installs, with apt, every Debian package gotool builds and tests with — only those
# that are missing. Safe to run again. Pass --oracle to also install the reference Go
# 1.19 toolchain and sources that the conformance and bench scripts compare against.
set -euo pipefail

pkgs=(cmake ninja-build g++ pkg-config ccache
  libcli11-dev libfmt-dev libre2-dev libcurl4-openssl-dev libgit2-dev libgtest-dev
  libgmp-dev libzip-dev zlib1g-dev libssl-dev nlohmann-json3-dev libgc-dev)
if [ "${1:-}" = "--oracle" ]; then
  pkgs+=(golang-1.19-go golang-1.19-src)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
