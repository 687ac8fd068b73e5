#!/usr/bin/env bash
# Installs the Debian packages the project's tests need (fonts for rendered PDFs, …).
# Idempotent; skips quietly where apt-get is not available or we are not root.
set -euo pipefail
PACKAGES=(fonts-wqy-zenhei chromium virtuoso-opensource)
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
# virtuoso-opensource: a policy-rc.d forbids its package from starting a service on all
# interfaces during the install; the tests start their own private instance (scripts/virtuoso.sh)
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && created_policy=1
fi
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d || true
