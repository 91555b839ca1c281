#!/usr/bin/env bash
# System packages the project needs beyond PyPI, from Debian's archive:
#   fonts-dejavu-core  a TrueType font with full Vietnamese coverage (PDFs made offline)
#   chromium           the browser the browser tests drive through Playwright
# Installs only what is missing; uses sudo when not root.
set -euo pipefail
packages=()
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || packages+=(fonts-dejavu-core)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing system packages: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
