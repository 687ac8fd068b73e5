#!/usr/bin/env bash
# Installs the web app's browser assets from the npm registry (package-lock.json pins them) and
# copies the few files the app serves into web/static/vendor/ (git-ignored): no CDN at run time.
# Skips with a message where npm is missing; the pages then work without the editor and charts.
set -euo pipefail
cd "$(dirname "$0")"
vendor=static/vendor
if [ -f "$vendor/.installed" ] && [ "$vendor/.installed" -nt package-lock.json ]; then exit 0; fi
if ! command -v npm >/dev/null; then
  echo "install-assets: npm not found; the SPARQL editor and charts will be missing" >&2
  exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
mkdir -p "$vendor/yasgui" "$vendor/echarts"
cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css "$vendor/yasgui/"
cp node_modules/echarts/dist/echarts.min.js "$vendor/echarts/"
cp node_modules/@zazuko/yasgui/LICENSE "$vendor/yasgui/" 2>/dev/null || true
cp node_modules/echarts/LICENSE "$vendor/echarts/" 2>/dev/null || true
touch "$vendor/.installed"
