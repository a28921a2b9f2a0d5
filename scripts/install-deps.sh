#!/usr/bin/env bash
# Installs what nianbao needs and is missing: libxlsxwriter (C library, Debian's
# libxlsxwriter-dev) and pkg-config to build; for the tests, xmllint and the Python
# readers openpyxl and python-calamine that read the workbooks back independently.
#   scripts/install-deps.sh          build dependencies only
#   scripts/install-deps.sh --test   also the test readers
set -euo pipefail

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "需要管理员权限安装：$*（needs root）" >&2; return 1; fi
}

apt_packages=()
pkg-config --exists xlsxwriter 2>/dev/null || apt_packages+=(libxlsxwriter-dev)
command -v pkg-config >/dev/null || apt_packages+=(pkg-config)
if [ "$want_test" -eq 1 ]; then
  command -v xmllint >/dev/null || apt_packages+=(libxml2-utils)
  command -v python3 >/dev/null || apt_packages+=(python3 python3-pip)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "安装（installing）: ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

if [ "$want_test" -eq 1 ]; then
  if ! python3 -c 'import openpyxl, python_calamine' 2>/dev/null; then
    echo "安装（installing）: openpyxl python-calamine (PyPI)"
    python3 -m pip install --quiet --disable-pip-version-check openpyxl python-calamine 2>/dev/null \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages openpyxl python-calamine
  fi
fi
