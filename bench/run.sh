#!/usr/bin/env bash
# The benchmark suite of issue 8: every workload under pluginhost's example server, Node 20 + Express 4
# (conformance/host) and a plain Go server, alternating, with one load generator. Flags and
# environment variables are bench/suite's; see bench/README.md. Examples:
#   bash bench/run.sh                       # every workload, 2 rounds x 6 s
#   QUICK=1 bash bench/run.sh               # every workload very briefly (checks the suite)
#   bash bench/run.sh -workloads 1,4 -rounds 3
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p bench/out/bin
go build -o bench/out/bin/suite ./bench/suite
exec bench/out/bin/suite "$@"
