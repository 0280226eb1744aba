#!/usr/bin/env bash
# Builds the web view into src/LaunderTrail.Web/dist, which `laundertrail serve` serves, after its unit tests pass.
set -euo pipefail
cd "$(dirname "$0")"
npm ci && npm test && npm run build
