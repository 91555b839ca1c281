#!/usr/bin/env bash
# System packages the project needs beyond PyPI, from Debian's archive:
#   fonts   fonts-liberation2 (Times New Roman metrics), fonts-dejavu-core and
#           fonts-dejavu-extra (DejaVu Sans Condensed Bold, the banners' lettering): TrueType
#           fonts with full Vietnamese coverage, embedded in the PDFs and banners
#   browser chromium, which the browser tests drive through Playwright
# Usage: setup-system.sh [fonts] [browser]   (both when no argument)
# Installs only what is missing; uses sudo when not root.
set -euo pipefail
wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=(fonts browser)
packages=()
for group in "${wanted[@]}"; do
  case "$group" in
    fonts)
      dpkg -s fonts-liberation2 >/dev/null 2>&1 || packages+=(fonts-liberation2)
      dpkg -s fonts-dejavu-core >/dev/null 2>&1 || packages+=(fonts-dejavu-core)
      dpkg -s fonts-dejavu-extra >/dev/null 2>&1 || packages+=(fonts-dejavu-extra) ;;
    browser)
      command -v chromium >/dev/null 2>&1 || packages+=(chromium) ;;
    *) echo "unknown group: $group (expected fonts or browser)" >&2; exit 2 ;;
  esac
done
if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing system packages: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
