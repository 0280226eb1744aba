#!/usr/bin/env bash
# Builds the web view into src/LaunderTrail.Web/dist, which `laundertrail serve` serves.
set -euo pipefail
cd "$(dirname "$0")"
npm ci && npm run build
