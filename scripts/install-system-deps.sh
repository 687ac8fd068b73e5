#!/usr/bin/env bash
# Installs the Debian packages the project's tests need (fonts for rendered PDFs, …).
# Idempotent; skips quietly where apt-get is not available or we are not root.
set -euo pipefail
PACKAGES=(fonts-wqy-zenhei)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-system-deps: cannot install ${missing[*]} (need root and apt-get); tests needing them will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
