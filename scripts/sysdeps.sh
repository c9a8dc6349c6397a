#!/bin/sh
# Installs what the program and its tests need from the system, only where it is missing:
# a CJK font covering Latin and digits, the libraries Qt loads, and poppler's pdftotext.
# `sh scripts/sysdeps.sh walkthrough` adds what the walk-through drives the window with.
set -e
missing=""
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then missing="$missing fonts-wqy-microhei"; fi
# Qt's xcb platform plugin (the window on an X11 desktop): what `ldd` names for PySide6's
# plugins/platforms/libqxcb.so and libQt6XcbQpa, and libxcb-cursor0, which Qt 6.5 and later
# require. Qt 6 no longer uses xinerama, so libxcb-xinerama0 is not asked for.
xcb="libxcb1 libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
    libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0
    libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
    libxcb-xkb1"
extra=""
if [ "$1" = "walkthrough" ]; then extra="xvfb openbox xdotool imagemagick xclip"; fi
for pkg in libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils fontconfig \
    $xcb $extra; do
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
