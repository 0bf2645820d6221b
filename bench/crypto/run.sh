#!/usr/bin/env bash
# Credential vault benchmark: seal + open of a 40-byte and a 2 KB secret per key provider (local, pkcs11 on a
# throw-away SoftHSM2 token) next to raw JCE AES-256-GCM, in one JMH run.
#
# Usage: bench/crypto/run.sh [extra JMH options]      (about 3 minutes on 2 cores; needs softhsm2 installed)
# Output: the JMH table, a ratio table, and bench/out/crypto.json.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q -Pbench -DskipTests test-compile
./mvnw -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

mkdir -p bench/out target/softhsm
# SoftHSM reads this once per process; the benchmark's token fixture writes the file before loading the library.
export SOFTHSM2_CONF="$PWD/target/softhsm/softhsm2.conf"

# Bounded: 1 fork, 2 x 3 s warm-up, 3 x 5 s measurement, for each of the 6 parameter combinations.
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    'io.integration.credential.bench.CredentialVaultBenchmark' \
    -f 1 -wi 2 -w 3s -i 3 -r 5s -t 1 -rf json -rff bench/out/crypto.json "$@"

python3 - bench/out/crypto.json <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
score = {(r["params"]["provider"], r["params"]["size"]): (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"]) for r in rows}
print("\n| size (bytes) | provider | seal+open ops/s | ± (99.9%) | vs raw JCE |")
print("|---|---|---|---|---|")
for size in sorted({s for _, s in score}, key=int):
    base = score[("raw-jce", size)][0]
    for provider in ("raw-jce", "local", "pkcs11"):
        if (provider, size) in score:
            value, error = score[(provider, size)]
            print(f"| {size} | {provider} | {value:,.0f} | {error:,.0f} | {value / base:.3f} (1/{base / value:.1f}) |")
PY
