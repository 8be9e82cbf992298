#!/usr/bin/env bash
# Runs a command where only loopback answers: a new network namespace whose default route leads
# to a neighbour that never replies, so every packet beyond 127.0.0.1 is dropped silently. DNS
# lookups and connections then hang until they time out, as on a network that drops traffic,
# rather than failing at once. Needs root (unshare -n) and iproute2.
#   scripts/offline.sh npx vitest run
set -euo pipefail
exec unshare -n -- bash -c '
ip link set lo up
ip link add drop0 type veth peer name drop1
ip addr add 10.99.0.2/24 dev drop0
ip link set drop0 up
ip link set drop1 up
ip neigh add 10.99.0.1 lladdr 02:00:00:00:00:01 dev drop0 nud permanent
ip route add default via 10.99.0.1 dev drop0
exec "$@"' -- "$@"
