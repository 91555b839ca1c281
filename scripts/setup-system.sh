#!/usr/bin/env bash
# System packages the test suite needs beyond PyPI, from Debian's archive:
# chromium, which the browser tests drive through Playwright, a Java runtime for
# the Nu HTML checker, and Node.js for the unit tests of the site's scripts. Building and serving the site need none (the fonts
# ship with ctxh). Installs only what is missing; uses sudo when not root.
set -euo pipefail
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing system packages: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
