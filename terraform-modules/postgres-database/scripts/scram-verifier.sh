#!/bin/sh
# Prints the SCRAM-SHA-256 verifier of $OWNER_PASSWORD, as PostgreSQL stores it:
#   SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>   (RFC 5802/7677, base64)
# ALTER ROLE ... PASSWORD '<verifier>' then stores it as is, so the password never reaches the
# server as SQL text (a server logging DDL would record it).
# The password and the key material (SaltedPassword, ClientKey) never appear on a command line,
# which any local user can read in /proc: the password reaches openssl through its environment
# (-pass env:), keys travel through pipes, and the bytes are built by shell builtins (printf).
# Tools: sh, openssl 3. PostgreSQL SASLpreps the password first; for the ASCII passwords the
# module generates that is the identity.
set -eu

: "${OWNER_PASSWORD:?OWNER_PASSWORD is required}"
ITERATIONS=4096

# Sets $decimals to the bytes of a hex string as decimal numbers (shell arithmetic: no process).
decimals_of() {
  rest=$1 decimals=''
  while [ -n "$rest" ]; do
    pair=${rest%"${rest#??}"}
    rest=${rest#??}
    decimals="$decimals $((0x$pair))"
  done
}

# Writes the bytes given as decimal numbers ($1): printf repeats its format for every number,
# so a whole key costs one subshell, not one per byte (a create ran ~600 of them before).
write_bytes() {
  # shellcheck disable=SC2059,SC2086
  printf "$(printf '\\%03o' $1)"
}

# The bytes of a hex string, on stdout.
bytes() {
  decimals_of "$1"
  write_bytes "$decimals"
}

# SHA-256 of stdin, in hex.
sha256_hex() {
  digest=$(openssl dgst -sha256 -r)
  printf '%s' "${digest%% *}"
}

# HMAC-SHA-256 (RFC 2104) in hex: $1 the key in hex (at most one 64-byte block), $2 the message.
hmac_hex() {
  decimals_of "$1"
  inner_pad='' outer_pad='' n=0
  for byte in $decimals; do
    inner_pad="$inner_pad $((byte ^ 0x36))"
    outer_pad="$outer_pad $((byte ^ 0x5c))"
    n=$((n + 1))
  done
  while [ $n -lt 64 ]; do   # the key, zero-padded to the block size, xored with the pads
    inner_pad="$inner_pad $((0x36))"
    outer_pad="$outer_pad $((0x5c))"
    n=$((n + 1))
  done
  inner=$({ write_bytes "$inner_pad"; printf '%s' "$2"; } | sha256_hex)
  { write_bytes "$outer_pad"; bytes "$inner"; } | sha256_hex
}

base64_of_hex() {
  bytes "$1" | openssl base64 -A
}

# openssl enc takes an 8-byte salt; PostgreSQL accepts any salt length in a verifier.
salt=$(openssl rand -hex 8)
# PBKDF2-HMAC-SHA-256: the first 32 bytes of enc's derived key+iv are exactly PBKDF2 with a
# 32-byte output (PBKDF2 blocks are independent), i.e. SCRAM's SaltedPassword.
derived=$(openssl enc -aes-256-cbc -pbkdf2 -iter "$ITERATIONS" -md sha256 -S "$salt" -pass env:OWNER_PASSWORD -P)
salted_password=${derived#*key=}
salted_password=${salted_password%%[!0-9A-Fa-f]*}
[ ${#salted_password} -eq 64 ] || { echo "scram-verifier.sh: openssl did not derive a key" >&2; exit 1; }

client_key=$(hmac_hex "$salted_password" "Client Key")
stored_key=$(bytes "$client_key" | sha256_hex)
server_key=$(hmac_hex "$salted_password" "Server Key")

printf 'SCRAM-SHA-256$%s:%s$%s:%s\n' "$ITERATIONS" "$(base64_of_hex "$salt")" \
  "$(base64_of_hex "$stored_key")" "$(base64_of_hex "$server_key")"
