#!/bin/sh
# Installs what the program and its tests need from the system, only where it is missing:
# a CJK font covering Latin and digits, the libraries Qt loads, and poppler's pdftotext.
set -e
missing=""
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then missing="$missing fonts-wqy-microhei"; fi
for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils fontconfig; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -z "$missing" ]; then exit 0; fi
if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    exit 0  # not a Debian-like system: the program finds the system's own fonts at start.
fi
if [ "$(id -u)" != "0" ]; then
    echo "请安装 / please install:$missing  (sudo apt-get install$missing)" >&2
    exit 0
fi
echo "installing:$missing"
DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
